import { describe } from 'vitest';
import { PasswordInput } from '../../../src/web/components/PasswordInput.js';
import { content, testFrontendFixtures } from './frontend-fixtures.js';

describe('PasswordInput matches govuk-frontend', () => {
  testFrontendFixtures(
    'password-input',
    (options) =>
      PasswordInput({
        name: options.name,
        id: options.id,
        label: content(options.label),
        labelIsHeading: options.label?.isPageHeading,
        labelClasses: options.label?.classes,
        hint: content(options.hint),
        error: options.errorMessage?.text,
        autocomplete: options.autocomplete,
        classes: options.classes,
        attributes: options.attributes,
        formGroupClasses: options.formGroup?.classes,
      }),
    {
      value: 'a password is never written back into a page',
      'with describedBy': 'the field is described by its own hint and error only, as every form here is',
      'with translations': "the button's words are the service's own, not configurable per field",
    },
  );
});
