import type { Child } from 'hono/jsx';
import { classNames, describedBy, ErrorMessage, Fieldset, Hint, type HtmlAttributes } from './FormParts.js';

export interface ChoiceOption {
  value: string;
  text: Child;
  hint?: Child;
  /**
   * Shown below the choice while it is chosen (the Frontend's conditional reveal). Without JavaScript
   * the Frontend shows it always, so its fields must make sense whatever is chosen.
   */
  conditional?: Child;
  /** Chosen whatever the group's value says; `false` unchooses it even when the value matches. */
  checked?: boolean;
  disabled?: boolean;
  /** The input's own id, instead of one numbered from the group's. */
  id?: string;
  labelClasses?: string;
  attributes?: HtmlAttributes;
}

/** A word between the choices ("or"), as the Frontend's `divider` item. */
export interface ChoiceDivider {
  divider: string;
}

export type ChoiceItem = ChoiceOption | ChoiceDivider;

export interface RadiosProps {
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
  items: ChoiceItem[];
  value?: string;
  error?: string;
  inline?: boolean;
  small?: boolean;
  /** Classes for the `govuk-radios` element, as the macro's `classes`. */
  classes?: string;
  attributes?: HtmlAttributes;
  formGroupClasses?: string;
}

export function isDivider(item: ChoiceItem): item is ChoiceDivider {
  return 'divider' in item;
}

/** Whether a choice is chosen, by the Frontend's rule: its own `checked` first, then the group's value(s). */
export function isChosen(item: ChoiceOption, chosen: (value: string) => boolean): boolean {
  return item.checked ?? chosen(item.value);
}

/** The id of the n-th item (counting dividers), numbered as the Frontend numbers them. */
export function choiceId(groupId: string, item: ChoiceOption, index: number): string {
  return item.id ?? (index === 0 ? groupId : `${groupId}-${index + 1}`);
}

/**
 * GOV.UK radios in a fieldset. The first radio carries the field's id so the error summary can link to it.
 * A conditional reveal's radio carries `data-aria-controls`, which the Frontend's JavaScript turns into
 * `aria-controls` and `aria-expanded`.
 */
export function Radios(props: RadiosProps) {
  const id = props.id ?? props.name;
  const classes = classNames(
    'govuk-radios',
    props.inline && 'govuk-radios--inline',
    props.small && 'govuk-radios--small',
    props.classes,
  );
  return (
    <div class={classNames('govuk-form-group', props.error && 'govuk-form-group--error', props.formGroupClasses)}>
      <Fieldset
        legend={props.legend}
        legendIsHeading={props.legendIsHeading}
        legendSize={props.legendSize}
        legendClasses={props.legendClasses}
        describedBy={describedBy(id, props.hint, props.error)}
      >
        {props.hint ? <Hint id={`${id}-hint`}>{props.hint}</Hint> : null}
        {props.error ? <ErrorMessage id={`${id}-error`} message={props.error} /> : null}
        <div class={classes} {...props.attributes} data-module="govuk-radios">
          {props.items.map((item, index) => {
            if (isDivider(item)) return <div class="govuk-radios__divider">{item.divider}</div>;
            const itemId = choiceId(id, item, index);
            const checked = isChosen(item, (value) => props.value === value);
            const conditionalId = `conditional-${itemId}`;
            return (
              <>
                <div class="govuk-radios__item">
                  <input
                    class="govuk-radios__input"
                    id={itemId}
                    name={props.name}
                    type="radio"
                    value={item.value}
                    checked={checked}
                    disabled={item.disabled}
                    data-aria-controls={item.conditional ? conditionalId : undefined}
                    aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                    {...item.attributes}
                  />
                  <label class={classNames('govuk-label govuk-radios__label', item.labelClasses)} for={itemId}>
                    {item.text}
                  </label>
                  {item.hint ? (
                    <Hint id={`${itemId}-item-hint`} classes="govuk-radios__hint">
                      {item.hint}
                    </Hint>
                  ) : null}
                </div>
                {item.conditional ? (
                  <div
                    class={classNames('govuk-radios__conditional', !checked && 'govuk-radios__conditional--hidden')}
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
