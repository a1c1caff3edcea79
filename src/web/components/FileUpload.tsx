import type { Child } from 'hono/jsx';
import { describedBy, ErrorMessage, Hint } from './FormParts.js';

/** GOV.UK file upload. The form around it needs `enctype="multipart/form-data"`. */
export function FileUpload(props: {
  name: string;
  id?: string;
  label: Child;
  hint?: Child;
  accept?: string;
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
      <input
        class={props.error ? 'govuk-file-upload govuk-file-upload--error' : 'govuk-file-upload'}
        id={id}
        name={props.name}
        type="file"
        accept={props.accept}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </div>
  );
}
