import { describe, expect, it } from 'vitest';
import { csvField } from '../src/dashboards/dashboard-csv.js';
import { wantsCsv } from '../src/dashboards/dashboards.routes.js';

describe('dashboard CSV fields', () => {
  it('quote commas, quotes and line breaks, and leave plain text alone', () => {
    expect(csvField('Leeds')).toBe('Leeds');
    expect(csvField('Hotels, cafés and bars')).toBe('"Hotels, cafés and bars"');
    expect(csvField('The "Beckside"')).toBe('"The ""Beckside"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(66.7, { text: false })).toBe('66.7');
  });

  it('defuse text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+44 113')).toBe("'+44 113");
    expect(csvField('@coach')).toBe("'@coach");
  });
});

describe('choosing CSV', () => {
  it('follows ?format first, then an Accept header that prefers text/csv', () => {
    expect(wantsCsv('csv', 'application/json')).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
    expect(wantsCsv(undefined, 'text/csv')).toBe(true);
    expect(wantsCsv(undefined, 'text/csv, application/json;q=0.5')).toBe(true);
    expect(wantsCsv(undefined, 'application/json, text/csv;q=0.5')).toBe(false);
    expect(wantsCsv(undefined, '*/*')).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
    expect(wantsCsv(undefined, 'text/csv;q=0')).toBe(false);
  });
});
