import type { Child } from 'hono/jsx';
import { classNames, describedBy, ErrorMessage, Hint, type HtmlAttributes, Label } from './FormParts.js';

export interface TextareaProps {
  name: string;
  id?: string;
  label: Child;
  labelIsHeading?: boolean;
  /** The label's classes (`govuk-label--l`...), as the macro's `label.classes`. */
  labelClasses?: string;
  hint?: Child;
  value?: string;
  error?: string;
  rows?: number;
  /** With a limit, this is the GOV.UK character count; without, a plain textarea. */
  maxLength?: number;
  /** A limit in words instead of characters (the character count counts words). */
  maxWords?: number;
  /** The count shows only once this percentage of the limit is used. */
  threshold?: number;
  spellcheck?: boolean;
  autocomplete?: string;
  disabled?: boolean;
  /** Classes for the `<textarea>`, as the macro's `classes`. */
  classes?: string;
  attributes?: HtmlAttributes;
  formGroupClasses?: string;
}

/**
 * GOV.UK textarea, or the character count when `maxLength` or `maxWords` is given: the limit is said in
 * words under the field, and JavaScript turns it into a live count.
 */
export function Textarea(props: TextareaProps) {
  const id = props.id ?? props.name;
  const limit = props.maxLength ?? props.maxWords;
  const counted = limit !== undefined;
  const countId = `${id}-info`;
  const fieldDescribedBy = [counted ? countId : '', describedBy(id, props.hint, props.error)].filter(Boolean).join(' ');
  return (
    <div
      class={classNames(
        'govuk-form-group',
        props.error && 'govuk-form-group--error',
        counted && 'govuk-character-count',
        props.formGroupClasses,
      )}
      data-module={counted ? 'govuk-character-count' : undefined}
      data-maxlength={props.maxLength}
      data-maxwords={props.maxWords}
      data-count-type={props.maxWords === undefined ? undefined : 'words'}
      data-threshold={props.threshold}
    >
      <Label for={id} isPageHeading={props.labelIsHeading} classes={props.labelClasses}>
        {props.label}
      </Label>
      {props.hint ? <Hint id={`${id}-hint`}>{props.hint}</Hint> : null}
      {props.error ? <ErrorMessage id={`${id}-error`} message={props.error} /> : null}
      <textarea
        class={classNames(
          'govuk-textarea',
          props.error && 'govuk-textarea--error',
          counted && 'govuk-js-character-count',
          props.classes,
        )}
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        spellcheck={props.spellcheck}
        disabled={props.disabled}
        aria-describedby={fieldDescribedBy || undefined}
        autocomplete={props.autocomplete}
        {...props.attributes}
      >
        {props.value ?? ''}
      </textarea>
      {counted ? (
        <Hint id={countId} classes="govuk-character-count__message">
          You can enter up to {limit} {props.maxWords === undefined ? 'characters' : 'words'}
        </Hint>
      ) : null}
    </div>
  );
}
