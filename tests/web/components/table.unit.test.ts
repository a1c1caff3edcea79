import { describe } from 'vitest';
import { Table, type TableCell } from '../../../src/web/components/Table.js';
import { content, testFrontendFixtures } from './frontend-fixtures.js';

const cell = (option: any): TableCell => ({
  text: content(option),
  format: option.format,
  classes: option.classes,
  colspan: option.colspan,
  rowspan: option.rowspan,
  attributes: option.attributes,
});

describe('Table matches govuk-frontend', () => {
  testFrontendFixtures(
    'table',
    (options) =>
      Table({
        caption: options.caption,
        captionClasses: options.captionClasses,
        head: options.head?.map(cell),
        // The macro skips falsy rows; a typed list of rows has none.
        rows: options.rows.filter(Boolean).map((row: any[]) => row.map(cell)),
        firstCellIsHeader: options.firstCellIsHeader,
        classes: options.classes,
        attributes: options.attributes,
      }),
    {},
  );
});
