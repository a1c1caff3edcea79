import type { Child } from 'hono/jsx';

/**
 * Extra attributes for a component's main element, as the Frontend's macros take them (`attributes`).
 * As there, `true` and `false` are written as the words (`aria-hidden="true"`), `undefined` leaves it out.
 */
export type HtmlAttributes = Record<string, string | number | boolean | undefined>;

/** A class list from optional parts, as the Frontend's templates join them. */
export function classNames(...parts: (string | false | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

/** The hint, error message and label pieces shared by the GOV.UK form components. */
export function Hint(props: { id: string; classes?: string; children: Child }) {
  return (
    <div id={props.id} class={classNames('govuk-hint', props.classes)}>
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

/** A field's label; as the page's heading it sits in an `<h1>`, large unless `classes` says otherwise. */
export function Label(props: { for: string; isPageHeading?: boolean; classes?: string; children: Child }) {
  const classes = props.classes ?? (props.isPageHeading ? 'govuk-label--l' : undefined);
  const label = (
    <label class={classNames('govuk-label', classes)} for={props.for}>
      {props.children}
    </label>
  );
  return props.isPageHeading ? <h1 class="govuk-label-wrapper">{label}</h1> : label;
}

/** The ids a field's `aria-describedby` should name, in the Frontend's order: hint, then error. */
export function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** A fieldset with its legend; without a legend, the children alone (a choice whose label says everything). */
export function Fieldset(props: {
  legend: Child;
  legendIsHeading?: boolean;
  legendSize?: 'xl' | 'l' | 'm' | 's';
  /** The legend's classes as the macro's `fieldset.legend.classes`; given, they replace the size. */
  legendClasses?: string;
  describedBy?: string;
  children: Child;
}) {
  if (props.legend === undefined) return <>{props.children}</>;
  const size = props.legendSize ?? (props.legendIsHeading ? 'l' : 'm');
  return (
    <fieldset class="govuk-fieldset" aria-describedby={props.describedBy}>
      <legend class={classNames('govuk-fieldset__legend', props.legendClasses ?? `govuk-fieldset__legend--${size}`)}>
        {props.legendIsHeading ? <h1 class="govuk-fieldset__heading">{props.legend}</h1> : props.legend}
      </legend>
      {props.children}
    </fieldset>
  );
}
