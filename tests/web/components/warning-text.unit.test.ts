import { describe } from 'vitest';
import { WarningText } from '../../../src/web/components/WarningText.js';
import { content, testFrontendFixtures } from './frontend-fixtures.js';

describe('WarningText matches govuk-frontend', () => {
  testFrontendFixtures(
    'warning-text',
    (options) =>
      WarningText({
        children: content(options),
        iconFallbackText: options.iconFallbackText,
        classes: options.classes,
        attributes: options.attributes,
      }),
    {},
  );
});
