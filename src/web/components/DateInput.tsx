import type { Child } from 'hono/jsx';
import { describedBy, ErrorMessage, Fieldset, Hint } from './FormParts.js';

export interface DateParts {
  day?: string;
  month?: string;
  year?: string;
}

/** GOV.UK date input: three boxes named `<name>-day`, `<name>-month`, `<name>-year`; the first has the field's id. */
export function DateInput(props: {
  name: string;
  legend: Child;
  legendSize?: 'l' | 'm' | 's';
  hint?: Child;
  value?: DateParts;
  error?: string;
}) {
  const id = props.name;
  const box = (part: keyof DateParts, label: string, width: '2' | '4') => (
    <div class="govuk-date-input__item">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for={part === 'day' ? id : `${id}-${part}`}>
          {label}
        </label>
        <input
          class={`govuk-input govuk-date-input__input govuk-input--width-${width}${props.error ? ' govuk-input--error' : ''}`}
          id={part === 'day' ? id : `${id}-${part}`}
          name={`${props.name}-${part}`}
          type="text"
          inputmode="numeric"
          value={props.value?.[part] ?? ''}
        />
      </div>
    </div>
  );
  return (
    <div class={props.error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <Fieldset
        legend={props.legend}
        legendSize={props.legendSize}
        describedBy={describedBy(id, props.hint, props.error)}
      >
        {props.hint ? <Hint id={`${id}-hint`}>{props.hint}</Hint> : null}
        {props.error ? <ErrorMessage id={`${id}-error`} message={props.error} /> : null}
        <div class="govuk-date-input" id={`${id}-input`}>
          {box('day', 'Day', '2')}
          {box('month', 'Month', '2')}
          {box('year', 'Year', '4')}
        </div>
      </Fieldset>
    </div>
  );
}
