import type { Child } from 'hono/jsx';

/** The hint, error message and label pieces shared by the GOV.UK form components. */
export function Hint(props: { id: string; children: Child }) {
  return (
    <div id={props.id} class="govuk-hint">
      {props.children}
    </div>
  );
}

export function ErrorMessage(props: { id: string; message: string }) {
  return (
    <p id={props.id} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {props.message}
    </p>
  );
}

/** The ids a field's `aria-describedby` should name, in the Frontend's order: hint, then error. */
export function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function Fieldset(props: {
  legend: Child;
  legendIsHeading?: boolean;
  legendSize?: 'l' | 'm' | 's';
  describedBy?: string;
  children: Child;
}) {
  const size = props.legendSize ?? (props.legendIsHeading ? 'l' : 'm');
  return (
    <fieldset class="govuk-fieldset" aria-describedby={props.describedBy}>
      <legend class={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>
        {props.legendIsHeading ? <h1 class="govuk-fieldset__heading">{props.legend}</h1> : props.legend}
      </legend>
      {props.children}
    </fieldset>
  );
}
