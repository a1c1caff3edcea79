import type { Child } from 'hono/jsx';
import { describedBy, ErrorMessage, Fieldset, Hint } from './FormParts.js';

export interface ChoiceItem {
  value: string;
  text: Child;
  hint?: Child;
}

export interface RadiosProps {
  name: string;
  id?: string;
  legend: Child;
  legendIsHeading?: boolean;
  legendSize?: 'l' | 'm' | 's';
  hint?: Child;
  items: ChoiceItem[];
  value?: string;
  error?: string;
  inline?: boolean;
  small?: boolean;
}

/** GOV.UK radios in a fieldset. The first radio carries the field's id so the error summary can link to it. */
export function Radios(props: RadiosProps) {
  const id = props.id ?? props.name;
  const classes = ['govuk-radios', props.inline ? 'govuk-radios--inline' : '', props.small ? 'govuk-radios--small' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <Fieldset
        legend={props.legend}
        legendIsHeading={props.legendIsHeading}
        legendSize={props.legendSize}
        describedBy={describedBy(id, props.hint, props.error)}
      >
        {props.hint ? <Hint id={`${id}-hint`}>{props.hint}</Hint> : null}
        {props.error ? <ErrorMessage id={`${id}-error`} message={props.error} /> : null}
        <div class={classes} data-module="govuk-radios">
          {props.items.map((item, index) => {
            const itemId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div class="govuk-radios__item">
                <input
                  class="govuk-radios__input"
                  id={itemId}
                  name={props.name}
                  type="radio"
                  value={item.value}
                  checked={props.value === item.value}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                />
                <label class="govuk-label govuk-radios__label" for={itemId}>
                  {item.text}
                </label>
                {item.hint ? (
                  <div id={`${itemId}-item-hint`} class="govuk-hint govuk-radios__hint">
                    {item.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
