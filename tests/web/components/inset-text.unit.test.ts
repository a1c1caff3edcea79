import { describe } from 'vitest';
import { InsetText } from '../../../src/web/components/InsetText.js';
import { content, testFrontendFixtures } from './frontend-fixtures.js';

describe('InsetText matches govuk-frontend', () => {
  testFrontendFixtures(
    'inset-text',
    (options) =>
      InsetText({
        children: content(options),
        id: options.id,
        classes: options.classes,
        attributes: options.attributes,
      }),
    {},
  );
});
