import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/core/csv.js';
import { employerTableCsv, providerTableCsvChunks } from '../../src/dashboards/dashboard-csv.js';
import { wantsCsv } from '../../src/dashboards/dashboards.routes.js';

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

describe('the report as a table CSV', () => {
  const options = {
    filtersLine: 'Everyone at your provider: 2027/28, Leeds, all sectors. Made on 2027-09-21.',
    firstFigures: ['starts', 'proposals'],
    headings: {
      proposals: 'Proposals',
      starts: 'Internships started',
      paidEmployment: 'Into paid work',
      claimsSentLate: 'Claims sent late',
      requests: 'Adjustments requested',
      foundHelpfulPercent: 'Found helpful (%)',
    },
  };
  const adjustments = { requests: 3, foundHelpfulPercent: null };
  const definitions = { 'adjustments.requests': 'Adjustments asked of the employer.' };
  const adjustmentBlock = [
    '',
    'Workplace adjustments,Value,What it counts',
    'Adjustments requested,3,Adjustments asked of the employer.',
    'Found helpful (%),,',
  ];
  const figures = (proposals: number, starts: number, paidEmployment: number) => ({
    proposals,
    starts,
    paidEmployment,
  });

  it('has a first row naming the filters, the page’s headings, one row per group with its figures, then Access to Work and the adjustment figures with their definitions', async () => {
    const dashboard = {
      overall: figures(9, 4, 1),
      byCohortYear: [{ key: '2027', label: '2027/28', ...figures(9, 4, 1) }],
      byLocalAuthority: [{ key: 'Leeds', label: 'Leeds', ...figures(9, 4, 1) }],
      bySector: [
        { key: 'retail', label: 'Retail', ...figures(5, 3, 1) },
        { key: 'hospitality_catering', label: 'Hospitality and catering', ...figures(4, 1, 0) },
      ],
      byJobCoach: [],
      supportHoursTrend: [{ week: 1, internships: 4, averageSupportHours: 10, averageHoursWorked: 20 }],
      accessToWork: { claimsSentLate: 2, claimsSentLateOrQueriedPercent: null },
      adjustments,
      definitions: { ...definitions, 'accessToWork.claimsSentLate': 'Claims sent after the 10th, counted once.' },
    };
    async function* coaches() {
      yield [{ key: 'a'.repeat(24), label: 'Dana Hill', ...figures(9, 4, 1) }];
    }
    let text = '';
    for await (const chunk of providerTableCsvChunks(dashboard, coaches(), options)) text += chunk;
    expect(
      text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toEqual([
      '"Everyone at your provider: 2027/28, Leeds, all sectors. Made on 2027-09-21."',
      'Breakdown,Group,Internships started,Proposals,Into paid work',
      'All,All,4,9,1',
      'Academic year,2027/28,4,9,1',
      'Local authority,Leeds,4,9,1',
      'Sector,Retail,3,5,1',
      'Sector,Hospitality and catering,1,4,0',
      'Job coach,Dana Hill,4,9,1',
      '',
      'Access to Work,Value,What it counts',
      'Claims sent late,2,"Claims sent after the 10th, counted once."',
      'claimsSentLateOrQueriedPercent,,',
      ...adjustmentBlock,
    ]);
  });

  it('names each employer placement with its start date, so placements with one title are told apart', () => {
    const csv = employerTableCsv(
      {
        totals: figures(2, 2, 0),
        placements: [
          { title: 'Housekeeping assistant', startDate: '2027-09-13', ...figures(1, 1, 0) },
          { title: 'Housekeeping assistant', startDate: '2028-01-10', ...figures(1, 1, 0) },
        ],
        adjustments,
        definitions,
      },
      { ...options, filtersLine: 'Your placements: all years.' },
    );
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toEqual([
      'Your placements: all years.',
      'Placement,Starts,Internships started,Proposals,Into paid work',
      'All placements,,2,2,0',
      'Housekeeping assistant,2027-09-13,1,1,0',
      'Housekeeping assistant,2028-01-10,1,1,0',
      ...adjustmentBlock,
    ]);
  });
});
