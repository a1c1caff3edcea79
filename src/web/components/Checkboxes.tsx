import type { Child } from 'hono/jsx';
import { describedBy, ErrorMessage, Fieldset, Hint } from './FormParts.js';
import type { ChoiceItem } from './Radios.js';

export interface CheckboxesProps {
  name: string;
  id?: string;
  legend: Child;
  legendIsHeading?: boolean;
  legendSize?: 'l' | 'm' | 's';
  hint?: Child;
  items: ChoiceItem[];
  values?: readonly string[];
  error?: string;
  small?: boolean;
}

/** GOV.UK checkboxes in a fieldset; every box shares the name, so the form sends a list. */
export function Checkboxes(props: CheckboxesProps) {
  const id = props.id ?? props.name;
  const chosen = new Set(props.values ?? []);
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
        <div
          class={props.small ? 'govuk-checkboxes govuk-checkboxes--small' : 'govuk-checkboxes'}
          data-module="govuk-checkboxes"
        >
          {props.items.map((item, index) => {
            const itemId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div class="govuk-checkboxes__item">
                <input
                  class="govuk-checkboxes__input"
                  id={itemId}
                  name={props.name}
                  type="checkbox"
                  value={item.value}
                  checked={chosen.has(item.value)}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                />
                <label class="govuk-label govuk-checkboxes__label" for={itemId}>
                  {item.text}
                </label>
                {item.hint ? (
                  <div id={`${itemId}-item-hint`} class="govuk-hint govuk-checkboxes__hint">
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
