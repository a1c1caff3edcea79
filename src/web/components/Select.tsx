import type { Child } from 'hono/jsx';
import { describedBy, ErrorMessage, Hint } from './FormParts.js';

/** GOV.UK select. Prefer radios for short lists; a select suits long ones. */
export function Select(props: {
  name: string;
  id?: string;
  label: Child;
  hint?: Child;
  items: { value: string; text: string }[];
  value?: string;
  error?: string;
}) {
  const id = props.id ?? props.name;
  return (
    <div class={props.error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <label class="govuk-label" for={id}>
        {props.label}
      </label>
      {props.hint ? <Hint id={`${id}-hint`}>{props.hint}</Hint> : null}
      {props.error ? <ErrorMessage id={`${id}-error`} message={props.error} /> : null}
      <select
        class={props.error ? 'govuk-select govuk-select--error' : 'govuk-select'}
        id={id}
        name={props.name}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.items.map((item) => (
          <option value={item.value} selected={item.value === (props.value ?? '')}>
            {item.text}
          </option>
        ))}
      </select>
    </div>
  );
}
