import { describe } from 'vitest';
import { Radios } from '../../../src/web/components/Radios.js';
import { choiceProps, NOT_SUPPORTED } from './choices.js';
import { testFrontendFixtures } from './frontend-fixtures.js';

/*
 * The conditional reveal follows the Frontend: the radio carries `data-aria-controls`, and the Frontend's
 * JavaScript turns it into `aria-controls` plus `aria-expanded`. axe-core 4.x reports `aria-expanded` on a
 * radio input (aria-allowed-attr), yet it is what the Frontend ships and what screen readers are tested
 * with; a page with a conditional reveal should disable that one axe rule, naming this reason.
 */
describe('Radios matches govuk-frontend', () => {
  testFrontendFixtures('radios', (options) => Radios({ ...choiceProps(options), value: options.value }), {
    'with falsy items': NOT_SUPPORTED.falsyItems,
    'label with attributes': NOT_SUPPORTED.partAttributes,
    'fieldset params': NOT_SUPPORTED.partAttributes,
    'fieldset with describedBy': NOT_SUPPORTED.describedBy,
    'with describedBy and hint': NOT_SUPPORTED.describedBy,
    'with hint, error message and describedBy': NOT_SUPPORTED.describedBy,
    'with fieldset, error message and describedBy': NOT_SUPPORTED.describedBy,
  });
});
