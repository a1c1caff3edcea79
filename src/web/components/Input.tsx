import type { Child } from 'hono/jsx';
import { describedBy, ErrorMessage, Hint } from './FormParts.js';

export interface InputProps {
  name: string;
  id?: string;
  label: Child;
  labelIsHeading?: boolean;
  hint?: Child;
  value?: string;
  error?: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'tel' | 'search' | 'time' | 'date';
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'text';
  spellcheck?: boolean;
  width?: '2' | '3' | '4' | '5' | '10' | '20' | '30';
  suffix?: string;
}

/** GOV.UK text input with label, hint and error message. */
export function Input(props: InputProps) {
  const id = props.id ?? props.name;
  const classes = [
    'govuk-input',
    props.width ? `govuk-input--width-${props.width}` : '',
    props.error ? 'govuk-input--error' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const label = (
    <label class={props.labelIsHeading ? 'govuk-label govuk-label--l' : 'govuk-label'} for={id}>
      {props.label}
    </label>
  );
  const input = (
    <input
      class={classes}
      id={id}
      name={props.name}
      type={props.type ?? 'text'}
      value={props.value ?? ''}
      autocomplete={props.autocomplete}
      inputmode={props.inputmode}
      spellcheck={props.spellcheck}
      aria-describedby={describedBy(id, props.hint, props.error)}
    />
  );
  return (
    <div class={props.error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      {props.labelIsHeading ? <h1 class="govuk-label-wrapper">{label}</h1> : label}
      {props.hint ? <Hint id={`${id}-hint`}>{props.hint}</Hint> : null}
      {props.error ? <ErrorMessage id={`${id}-error`} message={props.error} /> : null}
      {props.suffix ? (
        <div class="govuk-input__wrapper">
          {input}
          <div class="govuk-input__suffix" aria-hidden="true">
            {props.suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </div>
  );
}
