import type { Child } from 'hono/jsx';
import { describedBy, ErrorMessage, Hint } from './FormParts.js';

export interface TextareaProps {
  name: string;
  id?: string;
  label: Child;
  labelIsHeading?: boolean;
  hint?: Child;
  value?: string;
  error?: string;
  rows?: number;
  /** With a limit, this is the GOV.UK character count; without, a plain textarea. */
  maxLength?: number;
}

/** GOV.UK textarea, or character count when `maxLength` is given (the count is JavaScript's enhancement). */
export function CharacterCount(props: TextareaProps) {
  const id = props.id ?? props.name;
  const classes = [
    'govuk-textarea',
    props.maxLength ? 'govuk-js-character-count' : '',
    props.error ? 'govuk-textarea--error' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const hintIds = describedBy(id, props.hint, props.error);
  const field = (
    <div class={props.error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      {props.labelIsHeading ? (
        <h1 class="govuk-label-wrapper">
          <label class="govuk-label govuk-label--l" for={id}>
            {props.label}
          </label>
        </h1>
      ) : (
        <label class="govuk-label" for={id}>
          {props.label}
        </label>
      )}
      {props.hint ? <Hint id={`${id}-hint`}>{props.hint}</Hint> : null}
      {props.error ? <ErrorMessage id={`${id}-error`} message={props.error} /> : null}
      <textarea
        class={classes}
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        aria-describedby={props.maxLength ? [`${id}-info`, hintIds].filter(Boolean).join(' ') : hintIds}
      >
        {props.value ?? ''}
      </textarea>
      {props.maxLength ? (
        <div id={`${id}-info`} class="govuk-hint govuk-character-count__message">
          You can enter up to {props.maxLength} characters
        </div>
      ) : null}
    </div>
  );
  if (!props.maxLength) return field;
  return (
    <div class="govuk-character-count" data-module="govuk-character-count" data-maxlength={String(props.maxLength)}>
      {field}
    </div>
  );
}
