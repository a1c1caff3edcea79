import type { Child } from 'hono/jsx';
import { classNames, describedBy, ErrorMessage, Hint, type HtmlAttributes, Label } from './FormParts.js';

export interface PasswordInputProps {
  name: string;
  id?: string;
  label: Child;
  labelIsHeading?: boolean;
  labelClasses?: string;
  hint?: Child;
  error?: string;
  /** `new-password` where someone chooses a password, so that password managers offer to make one. */
  autocomplete?: 'current-password' | 'new-password';
  /** Classes for the `<input>` (such as `govuk-input--width-20`), as the macro's `classes`. */
  classes?: string;
  attributes?: HtmlAttributes;
  formGroupClasses?: string;
}

/**
 * GOV.UK password input. The "Show" button is `hidden` until the Frontend's JavaScript runs, so without
 * JavaScript this is a plain password field. It takes no value: a password is never sent back to the page.
 */
export function PasswordInput(props: PasswordInputProps) {
  const id = props.id ?? props.name;
  return (
    <div
      class={classNames(
        'govuk-form-group',
        props.error && 'govuk-form-group--error',
        'govuk-password-input',
        props.formGroupClasses,
      )}
      data-module="govuk-password-input"
    >
      <Label for={id} isPageHeading={props.labelIsHeading} classes={props.labelClasses}>
        {props.label}
      </Label>
      {props.hint ? <Hint id={`${id}-hint`}>{props.hint}</Hint> : null}
      {props.error ? <ErrorMessage id={`${id}-error`} message={props.error} /> : null}
      <div class="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          class={classNames(
            'govuk-input govuk-password-input__input govuk-js-password-input-input',
            props.error && 'govuk-input--error',
            props.classes,
          )}
          id={id}
          name={props.name}
          type="password"
          spellcheck={false}
          aria-describedby={describedBy(id, props.hint, props.error)}
          autocomplete={props.autocomplete ?? 'current-password'}
          autocapitalize="none"
          {...props.attributes}
        />
        <button
          type="button"
          class="govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle"
          data-module="govuk-button"
          aria-controls={id}
          aria-label="Show password"
          hidden
        >
          Show
        </button>
      </div>
    </div>
  );
}
