import { describe, expect, it } from 'vitest';
import { fileLimit, functionLimit, isDataFile, measureCodeShape } from '../../scripts/code-shape.js';

/**
 * The code's shape (issue 23): no source file over 500 lines but data, no function over 80 lines
 * but declarative tables, no `!` in a page, no page importing another. A table reads row by row,
 * so its length is its number of rows, not steps to follow; each is named here with why it stays
 * whole. There is no list of exceptions: split by meaning (one component, handler or step per
 * thing, named for it) before going over. `npx tsx scripts/code-shape.ts` prints the figures.
 */

const tables: Record<string, string> = {
  'src/journey/journey-action-forms.tsx actionForms': 'one row an inline action: its fields, service call and words',
  'src/notifications/templates.ts wordingFor': "one case an email's kind: its subject, paragraphs and action",
  'src/journey/journeys.collection.ts journeysCollection': "the collection's validator and indexes",
  'src/journey/journey.machine.ts journeySteps': 'the journey table: one row a step, who takes it and from which state',
  'src/adjustments/adjustments.repository.ts adjustmentsCollection': "the collection's validator and indexes",
};

const shape = measureCodeShape();
const keyOf = (fn: { file: string; name: string }) => `${fn.file} ${fn.name}`;

describe('the shape of the code', () => {
  it('tells data from code', () => {
    expect(isDataFile('src/generated/openapi.d.ts')).toBe(true);
    expect(isDataFile('src/domain/vocabulary.ts')).toBe(true);
    expect(isDataFile('src/access-to-work/access-to-work.examples.ts')).toBe(true);
    expect(isDataFile('src/journey/journey.pages.tsx')).toBe(false);
  });

  it(`has no file over ${fileLimit} lines but data`, () => {
    expect(shape.longFiles).toEqual([]);
  });

  it(`has no function over ${functionLimit} lines but declarative tables`, () => {
    expect(shape.longFunctions.map(keyOf)).toEqual([]);
  });

  it('asserts nothing non-null (`!`) in a page: the typed page context (pageActor, pageParam) gives what a page needs', () => {
    expect(shape.nonNullInPages).toEqual([]);
  });

  it('has no page module importing another: each registers its own routes, and shared parts live in non-page modules', () => {
    expect(shape.pageToPageImports).toEqual([]);
  });

  it('writes every table with the Table component, none by hand', () => {
    expect(shape.handWrittenTables).toEqual([]);
  });

  it(`names every declarative table over ${functionLimit} lines with why it stays whole`, () => {
    expect(shape.longTables.map(keyOf).sort()).toEqual(Object.keys(tables).sort());
  });
});
