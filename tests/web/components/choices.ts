import type { CheckboxItem } from '../../../src/web/components/Checkboxes.js';
import { content, type FrontendFixture } from './frontend-fixtures.js';

type Options = FrontendFixture['options'];

/** The props the Radios and Checkboxes macros share, mapped onto ours; the macro's falsy items are dropped. */
export function choiceProps(options: Options) {
  return {
    name: options.name,
    id: options.idPrefix,
    legend: content(options.fieldset?.legend),
    legendIsHeading: options.fieldset?.legend?.isPageHeading,
    // The macro's legend has no size unless its classes give one.
    legendClasses: options.fieldset?.legend?.classes ?? '',
    hint: content(options.hint),
    error: options.errorMessage?.text,
    items: (options.items as any[]).filter(Boolean).map(
      (item): CheckboxItem =>
        item.divider
          ? { divider: item.divider }
          : {
              value: item.value,
              text: content(item),
              hint: content(item.hint),
              conditional: content(item.conditional),
              checked: item.checked,
              disabled: item.disabled,
              id: item.id,
              labelClasses: item.label?.classes,
              attributes: item.attributes,
              exclusive: item.behaviour === 'exclusive',
            },
    ),
    classes: options.classes,
    attributes: options.attributes,
    formGroupClasses: options.formGroup?.classes,
  };
}

/** Reasons shared by both components for skipping a published fixture. */
export const NOT_SUPPORTED = {
  describedBy: 'the group is described by its own hint and error only, as every form here is',
  falsyItems: 'a typed list of items has no empty entries (the Frontend counts them when numbering ids)',
  partAttributes: 'the fieldset and the labels take no attributes or classes of their own beyond labelClasses',
};
