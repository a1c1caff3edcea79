import { describe } from 'vitest';
import { Checkboxes } from '../../../src/web/components/Checkboxes.js';
import { choiceProps, NOT_SUPPORTED } from './choices.js';
import { testFrontendFixtures } from './frontend-fixtures.js';

const SEPARATE_NAMES = "every box in a group shares the group's name, so that the form sends one list";

describe('Checkboxes matches govuk-frontend', () => {
  testFrontendFixtures('checkboxes', (options) => Checkboxes({ ...choiceProps(options), values: options.values }), {
    'with fieldset describedBy': NOT_SUPPORTED.describedBy,
    'with error message and fieldset describedBy': NOT_SUPPORTED.describedBy,
    'with error, hint and fieldset describedBy': NOT_SUPPORTED.describedBy,
    "with single option set 'aria-describedby' on input, and describedBy": NOT_SUPPORTED.describedBy,
    "with single option (and hint) set 'aria-describedby' on input, and describedBy": NOT_SUPPORTED.describedBy,
    'with falsy values': NOT_SUPPORTED.falsyItems,
    'label with attributes': NOT_SUPPORTED.partAttributes,
    'fieldset params': NOT_SUPPORTED.partAttributes,
    'with hints on items': SEPARATE_NAMES,
    'with id and name': SEPARATE_NAMES,
    'with disabled item': SEPARATE_NAMES,
  });
});
