import type { Child } from 'hono/jsx';
import { classNames, describedBy, ErrorMessage, Fieldset, Hint, type HtmlAttributes } from './FormParts.js';
import { type ChoiceItem, type ChoiceOption, choiceId, isChosen, isDivider } from './Radios.js';

export interface CheckboxOption extends ChoiceOption {
  /** Ticking it unticks every other box, and ticking another unticks it (the Frontend's "None" box). */
  exclusive?: boolean;
}

export type CheckboxItem = CheckboxOption | ChoiceItem;

export interface CheckboxesProps {
  name: string;
  id?: string;
  /**
   * The question. Without one there is no fieldset, as the Frontend allows for a single checkbox whose
   * label says everything; a group of choices always needs it.
   */
  legend?: Child;
  legendIsHeading?: boolean;
  legendSize?: 'xl' | 'l' | 'm' | 's';
  legendClasses?: string;
  hint?: Child;
  items: CheckboxItem[];
  values?: readonly string[];
  error?: string;
  small?: boolean;
  /** Classes for the `govuk-checkboxes` element, as the macro's `classes`. */
  classes?: string;
  attributes?: HtmlAttributes;
  formGroupClasses?: string;
}

/**
 * GOV.UK checkboxes in a fieldset; every box shares the name, so the form sends a list. Without
 * JavaScript an exclusive box is an ordinary one, so the form's handler must refuse it with others.
 */
export function Checkboxes(props: CheckboxesProps) {
  const id = props.id ?? props.name;
  const chosen = new Set(props.values ?? []);
  const groupDescribedBy = describedBy(id, props.hint, props.error);
  return (
    <div class={classNames('govuk-form-group', props.error && 'govuk-form-group--error', props.formGroupClasses)}>
      <Fieldset
        legend={props.legend}
        legendIsHeading={props.legendIsHeading}
        legendSize={props.legendSize}
        legendClasses={props.legendClasses}
        describedBy={groupDescribedBy}
      >
        {props.hint ? <Hint id={`${id}-hint`}>{props.hint}</Hint> : null}
        {props.error ? <ErrorMessage id={`${id}-error`} message={props.error} /> : null}
        <div
          class={classNames('govuk-checkboxes', props.small && 'govuk-checkboxes--small', props.classes)}
          {...props.attributes}
          data-module="govuk-checkboxes"
        >
          {props.items.map((item, index) => {
            if (isDivider(item)) return <div class="govuk-checkboxes__divider">{item.divider}</div>;
            const itemId = choiceId(id, item, index);
            const checked = isChosen(item, (value) => chosen.has(value));
            const conditionalId = `conditional-${itemId}`;
            // Without a fieldset to carry them, the group's hint and error describe each box.
            const itemDescribedBy = [
              props.legend === undefined ? groupDescribedBy : undefined,
              item.hint ? `${itemId}-item-hint` : undefined,
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <>
                <div class="govuk-checkboxes__item">
                  <input
                    class="govuk-checkboxes__input"
                    id={itemId}
                    name={props.name}
                    type="checkbox"
                    value={item.value}
                    checked={checked}
                    disabled={item.disabled}
                    data-aria-controls={item.conditional ? conditionalId : undefined}
                    data-behaviour={'exclusive' in item && item.exclusive ? 'exclusive' : undefined}
                    aria-describedby={itemDescribedBy || undefined}
                    {...item.attributes}
                  />
                  <label class={classNames('govuk-label govuk-checkboxes__label', item.labelClasses)} for={itemId}>
                    {item.text}
                  </label>
                  {item.hint ? (
                    <Hint id={`${itemId}-item-hint`} classes="govuk-checkboxes__hint">
                      {item.hint}
                    </Hint>
                  ) : null}
                </div>
                {item.conditional ? (
                  <div
                    class={classNames(
                      'govuk-checkboxes__conditional',
                      !checked && 'govuk-checkboxes__conditional--hidden',
                    )}
                    id={conditionalId}
                  >
                    {item.conditional}
                  </div>
                ) : null}
              </>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
