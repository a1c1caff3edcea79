import { describe } from 'vitest';
import { Textarea } from '../../../src/web/components/Textarea.js';
import { content, type FrontendFixture, testFrontendFixtures } from './frontend-fixtures.js';

/** The textarea and character-count macros share their options; both map onto `Textarea`. */
function textareaFrom(options: FrontendFixture['options']) {
  return Textarea({
    name: options.name,
    id: options.id,
    label: content(options.label),
    labelIsHeading: options.label?.isPageHeading,
    labelClasses: options.label?.classes,
    hint: content(options.hint),
    error: options.errorMessage?.text,
    value: options.value,
    rows: options.rows,
    maxLength: options.maxlength,
    maxWords: options.maxwords,
    threshold: options.threshold,
    spellcheck: options.spellcheck,
    autocomplete: options.autocomplete,
    classes: options.classes,
    attributes: options.attributes,
    formGroupClasses: options.formGroup?.classes,
  });
}

const DESCRIBED_BY = 'the field is described by its own hint and error only, as every form here is';

describe('Textarea matches govuk-frontend', () => {
  testFrontendFixtures('textarea', textareaFrom, {
    'with describedBy': DESCRIBED_BY,
    'with hint and described by': DESCRIBED_BY,
    'with error message and described by': DESCRIBED_BY,
    'with hint, error message and described by': DESCRIBED_BY,
  });
});

describe('Textarea with a limit matches govuk-frontend character count', () => {
  const countType = 'the count is of characters with maxLength and of words with maxWords, never chosen apart';
  const wordsAreOurs = "the limit is said in the service's own words, not configurable per field";
  const limitRequired = 'a count without a limit said on the page would leave people without JavaScript guessing';
  testFrontendFixtures('character-count', textareaFrom, {
    "with count type 'length'": countType,
    "with count type 'characters'": countType,
    "with count type 'characters' and value": countType,
    "with count type 'characters' and error message": countType,
    "with count type 'characters' and threshold": countType,
    "with count type 'words'": countType,
    "with count type 'words' and value": countType,
    "with count type 'words' and error message": countType,
    "with count type 'words' and threshold": countType,
    'with custom textarea description': wordsAreOurs,
    'with translations': wordsAreOurs,
    'custom classes on countMessage': wordsAreOurs,
    'to configure in JavaScript': limitRequired,
    'with neither maxlength nor maxwords set': limitRequired,
    'with neither maxlength, maxwords nor textarea description set': limitRequired,
  });
});
