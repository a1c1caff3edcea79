import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { figuresFrom, outcomeFacetPipeline, supportTrendPipeline } from '../../src/dashboards/dashboard-figures.js';
import type { GroupedCounts } from '../../src/dashboards/dashboard-summaries.js';
import { type DashboardFilters, journeyFilter } from '../../src/dashboards/dashboards.service.js';
import type { JourneyState } from '../../src/journey/journey.machine.js';
import type { JourneyDoc } from '../../src/journey/journey.repository.js';
import type { Outcome } from '../../src/journey/journey.schemas.js';
import type { WeeklyLogDoc } from '../../src/journey/progress.repository.js';
import { call, createHarness, fieldProblems, type Harness } from '../helpers/harness.js';
import { addYoungPerson, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
} from '../helpers/world.js';

/**
 * Eight journeys whose figures are worked out by hand below. They are written straight into the
 * store (the journey API is tested in journey.test.ts) so that dates, outcomes and follow-ups can
 * span two cohorts without replaying a year of steps.
 *
 *  #  coach cohort LA        sector       proposed    started     state                 outcome            12 months
 *  1  A     2025   Leeds     retail       2025-08-04  2025-09-01  followed_up           paid 20h, same     employed
 *  2  A     2025   Leeds     retail       2025-08-04  2025-09-15  followed_up           paid 10h, other    not employed
 *  3  A     2025   Bradford  hospitality  2025-08-11  2025-09-08  followed_up           further education  not employed
 *  4  B     2025   Bradford  hospitality  2025-08-01  2025-10-10  withdrawn (running)
 *  5  B     2026   -         retail       2026-08-03  2026-09-07  in_progress
 *  6  B     2026   Leeds     retail       2026-08-03  -           declined_by_employer
 *  7  A     2026   Leeds     hospitality  2026-08-10  -           withdrawn (proposed)
 *  8  another provider, at placement X, awaiting the employer
 *
 * Days from proposal to start: 28, 42, 28, 70, 35; median 35 days = 5.0 weeks (coach A: 28 = 4.0).
 */
const clock = new ManualClock(new Date('2026-10-01T09:00:00Z'));
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let coachB: Person;
let retailEmployer: EmployerWorld;
let kitchenEmployer: EmployerWorld;
let placementX: string;
let placementY: string;

interface Fixture {
  coach: Person;
  providerId: string;
  youngPersonId: string;
  placementId: string;
  employerId: string;
  cohortYear: number;
  localAuthority?: string;
  sector: 'retail' | 'hospitality_catering';
  proposedOn: string;
  state: JourneyState;
  startedOn?: string;
  employerAccepted?: boolean;
  outcome?: Outcome;
  stillEmployed?: boolean;
}

function matchDoc(f: Fixture): JourneyDoc {
  const at = new Date(`${f.proposedOn}T00:00:00Z`);
  const by = { accountId: new ObjectId(f.coach.accountId), role: 'job_coach' as const };
  // Every fixture got past the young person's agreement except the proposal withdrawn before an answer.
  const visible = f.state !== 'withdrawn' || f.startedOn !== undefined;
  return {
    _id: new ObjectId(),
    youngPersonId: new ObjectId(f.youngPersonId),
    providerId: new ObjectId(f.providerId),
    jobCoachId: new ObjectId(f.coach.accountId),
    placementId: new ObjectId(f.placementId),
    employerId: new ObjectId(f.employerId),
    state: f.state,
    active: ['proposed', 'awaiting_employer', 'taster_arranged', 'agreed', 'in_progress'].includes(f.state),
    visibleToEmployer: visible,
    note: 'A good fit.',
    cohortYear: f.cohortYear,
    ...(f.localAuthority ? { localAuthority: f.localAuthority } : {}),
    sector: f.sector,
    ...(f.employerAccepted !== undefined
      ? {
          employerDecision: {
            accepted: f.employerAccepted,
            at,
            by,
            ...(f.employerAccepted ? {} : { reason: 'No supervisor' }),
          },
        }
      : {}),
    ...(f.startedOn ? { startedOn: f.startedOn } : {}),
    rotations: [],
    ...(f.outcome ? { outcome: f.outcome, endedOn: '2026-07-17' } : {}),
    ...(f.stillEmployed !== undefined
      ? { followUp: { checkedOn: '2027-07-17', stillEmployed: f.stillEmployed, recordedAt: at, recordedBy: by } }
      : {}),
    ...(f.state === 'withdrawn'
      ? {
          withdrawal: {
            by,
            party: 'job_coach',
            reason: 'Moved away',
            at,
            fromState: f.startedOn ? 'in_progress' : 'proposed',
          },
        }
      : {}),
    history: [{ action: 'propose', to: 'proposed', at, by }],
    proposedAt: at,
    updatedAt: at,
  };
}

function logDoc(match: JourneyDoc, weekNumber: number, supportHours: number, hoursWorked: number): WeeklyLogDoc {
  return {
    _id: new ObjectId(),
    matchId: match._id,
    youngPersonId: match.youngPersonId,
    providerId: match.providerId,
    ...(match.jobCoachId ? { jobCoachId: match.jobCoachId } : {}),
    employerId: match.employerId,
    weekStarting: `2025-09-${String(weekNumber * 7 - 6).padStart(2, '0')}`,
    weekNumber,
    hoursWorked,
    tasksDone: [],
    supportHours,
    independence: [],
    recordedBy: { accountId: match.jobCoachId!, role: 'job_coach' },
    recordedAt: match.proposedAt,
  };
}

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  coachB = await makeAccount(harness, { role: 'job_coach', providerId: world.providerId, name: 'Bo Coach' });
  retailEmployer = await makeEmployer(harness, world.admin, { name: 'Corner Shops Ltd', sector: 'retail' });
  kitchenEmployer = await makeEmployer(harness, world.admin, { name: 'Canteen Co' });
  placementX = await postPlacement(harness, retailEmployer.employerId, retailEmployer.staff, {
    title: 'Shop floor assistant',
    sector: 'retail',
    places: 4,
    startDate: '2026-10-05',
  });
  placementY = await postPlacement(harness, kitchenEmployer.employerId, kitchenEmployer.staff, {
    title: 'Kitchen porter',
    places: 3,
    startDate: '2026-10-05',
  });
  const person = (coach: Person, name: string) => addYoungPerson(harness, coach, name);
  const A = world.coach;
  const x = { placementId: placementX, employerId: retailEmployer.employerId, sector: 'retail' as const };
  const y = {
    placementId: placementY,
    employerId: kitchenEmployer.employerId,
    sector: 'hospitality_catering' as const,
  };
  const ours = world.providerId;
  const paid = (hoursPerWeek: number, employer: 'same' | 'other'): Outcome => ({
    type: 'paid_employment',
    hoursPerWeek,
    wageBand: 'real_living_wage',
    employer,
    contractType: 'permanent',
  });
  const fixtures: Fixture[] = [
    {
      coach: A,
      providerId: ours,
      youngPersonId: await person(A, 'Amir'),
      ...x,
      cohortYear: 2025,
      localAuthority: 'Leeds',
      proposedOn: '2025-08-04',
      state: 'followed_up',
      startedOn: '2025-09-01',
      employerAccepted: true,
      outcome: paid(20, 'same'),
      stillEmployed: true,
    },
    {
      coach: A,
      providerId: ours,
      youngPersonId: await person(A, 'Bea'),
      ...x,
      cohortYear: 2025,
      localAuthority: 'Leeds',
      proposedOn: '2025-08-04',
      state: 'followed_up',
      startedOn: '2025-09-15',
      employerAccepted: true,
      outcome: paid(10, 'other'),
      stillEmployed: false,
    },
    {
      coach: A,
      providerId: ours,
      youngPersonId: await person(A, 'Cal'),
      ...y,
      cohortYear: 2025,
      localAuthority: 'Bradford',
      proposedOn: '2025-08-11',
      state: 'followed_up',
      startedOn: '2025-09-08',
      employerAccepted: true,
      outcome: { type: 'further_education' },
      stillEmployed: false,
    },
    {
      coach: coachB,
      providerId: ours,
      youngPersonId: await person(coachB, 'Dee'),
      ...y,
      cohortYear: 2025,
      localAuthority: 'Bradford',
      proposedOn: '2025-08-01',
      state: 'withdrawn',
      startedOn: '2025-10-10',
      employerAccepted: true,
    },
    {
      coach: coachB,
      providerId: ours,
      youngPersonId: await person(coachB, 'Eli'),
      ...x,
      cohortYear: 2026,
      proposedOn: '2026-08-03',
      state: 'in_progress',
      startedOn: '2026-09-07',
      employerAccepted: true,
    },
    {
      coach: coachB,
      providerId: ours,
      youngPersonId: await person(coachB, 'Fay'),
      ...x,
      cohortYear: 2026,
      localAuthority: 'Leeds',
      proposedOn: '2026-08-03',
      state: 'declined_by_employer',
      employerAccepted: false,
    },
    {
      coach: A,
      providerId: ours,
      youngPersonId: await person(A, 'Gus'),
      ...y,
      cohortYear: 2026,
      localAuthority: 'Leeds',
      proposedOn: '2026-08-10',
      state: 'withdrawn',
    },
    {
      coach: other.coach,
      providerId: other.providerId,
      youngPersonId: await addYoungPerson(harness, other.coach, 'Hal'),
      ...x,
      cohortYear: 2026,
      localAuthority: 'York',
      proposedOn: '2026-09-01',
      state: 'awaiting_employer',
    },
  ];
  const docs = fixtures.map(matchDoc);
  await harness.services.journeysRepository.collection.insertMany(docs);
  const [m1, m2, , , m5] = docs as [JourneyDoc, JourneyDoc, JourneyDoc, JourneyDoc, JourneyDoc];
  await harness.services.progressRepository.logs.insertMany([
    logDoc(m1, 1, 10, 16),
    logDoc(m1, 2, 8, 16),
    logDoc(m1, 3, 6, 18),
    logDoc(m2, 1, 12, 16),
    logDoc(m2, 2, 6, 16),
    logDoc(m5, 1, 14, 12),
  ]);
  // Written straight into the store, around the repositories: count them into the summaries.
  await harness.services.dashboardSummaries.rebuild();
});
afterAll(() => harness.close());

const figures = (overrides: Record<string, unknown>) => ({
  proposals: 0,
  starts: 0,
  inProgress: 0,
  completed: 0,
  withdrawn: 0,
  paidEmployment: 0,
  paidEmployment16Hours: 0,
  followedUp: 0,
  employedAt12Months: 0,
  followedUpInPaidEmployment: 0,
  stillEmployedAt12Months: 0,
  paidEmploymentPercent: null,
  paidEmployment16HoursPercent: null,
  twelveMonthRetentionPercent: null,
  employedAt12MonthsPercent: null,
  medianWeeksProposalToStart: null,
  ...overrides,
});

describe('the provider dashboard', () => {
  it('gives the provider admin the whole provider’s figures, matching the hand count', async () => {
    const response = await call(harness.app, 'GET', '/v1/dashboards/provider', { token: world.admin.token });
    expect(response.status, response.text).toBe(200);
    const dashboard = response.json;
    expect(dashboard.scope).toEqual({ providerId: world.providerId, coverage: 'provider' });
    expect(dashboard.overall).toEqual(
      figures({
        proposals: 7,
        starts: 5,
        inProgress: 1,
        completed: 3,
        withdrawn: 1,
        paidEmployment: 2,
        paidEmployment16Hours: 1,
        followedUp: 3,
        employedAt12Months: 1,
        followedUpInPaidEmployment: 2,
        stillEmployedAt12Months: 1,
        paidEmploymentPercent: 66.7,
        paidEmployment16HoursPercent: 33.3,
        twelveMonthRetentionPercent: 50,
        employedAt12MonthsPercent: 33.3,
        medianWeeksProposalToStart: 5,
      }),
    );
    expect(
      dashboard.byCohortYear.map((r) => [r.key, r.label, r.proposals, r.starts, r.medianWeeksProposalToStart]),
    ).toEqual([
      ['2025', '2025/26', 4, 4, 5],
      ['2026', '2026/27', 3, 1, 5],
    ]);
    expect(
      dashboard.byLocalAuthority.map(
        (r: {
          key: string | null;
          label: string;
          proposals: number;
          completed: number;
          paidEmploymentPercent: number | null;
        }) => [r.key, r.label, r.proposals, r.completed, r.paidEmploymentPercent],
      ),
    ).toEqual([
      [null, 'Not recorded', 1, 0, null],
      ['Bradford', 'Bradford', 2, 1, 0],
      ['Leeds', 'Leeds', 4, 2, 100],
    ]);
    expect(
      dashboard.bySector.map((r: { label: string; proposals: number; starts: number; withdrawn: number }) => [
        r.label,
        r.proposals,
        r.starts,
        r.withdrawn,
      ]),
    ).toEqual([
      ['Hospitality and catering', 3, 2, 1],
      ['Retail', 4, 3, 0],
    ]);
    const coaches = Object.fromEntries(
      dashboard.byJobCoach.map(
        (r: { label: string; proposals: number; twelveMonthRetentionPercent: number | null }) => [
          r.label,
          [r.proposals, r.twelveMonthRetentionPercent],
        ],
      ),
    );
    expect(coaches).toEqual({ 'Test job_coach': [4, 50], 'Bo Coach': [3, null] });
    expect(dashboard.supportHoursTrend).toEqual([
      { week: 1, internships: 3, averageSupportHours: 12, averageHoursWorked: 14.7 },
      { week: 2, internships: 2, averageSupportHours: 7, averageHoursWorked: 16 },
      { week: 3, internships: 1, averageSupportHours: 6, averageHoursWorked: 18 },
    ]);
    for (const key of [
      ...Object.keys(dashboard.overall),
      'byCohortYear',
      'byLocalAuthority',
      'bySector',
      'byJobCoach',
      'supportHoursTrend',
    ]) {
      expect(dashboard.definitions[key], key).toEqual(expect.any(String));
    }
  });

  it('shows a job coach only their own caseload', async () => {
    const response = await call(harness.app, 'GET', '/v1/dashboards/provider', { token: world.coach.token });
    expect(response.json.scope).toEqual({
      providerId: world.providerId,
      jobCoachId: world.coach.accountId,
      coverage: 'own_caseload',
    });
    expect(response.json.overall).toMatchObject({
      proposals: 4,
      starts: 3,
      completed: 3,
      inProgress: 0,
      withdrawn: 0,
      paidEmploymentPercent: 66.7,
      twelveMonthRetentionPercent: 50,
      medianWeeksProposalToStart: 4,
    });
    expect(response.json.byJobCoach.map((r) => r.key)).toEqual([world.coach.accountId]);
    expect(response.json.supportHoursTrend[0]).toEqual({
      week: 1,
      internships: 2,
      averageSupportHours: 11,
      averageHoursWorked: 16,
    });
  });

  it('is not for young people, delegates or employers', async () => {
    expect((await call(harness.app, 'GET', '/v1/dashboards/provider', { token: world.youngPerson.token })).status).toBe(
      403,
    );
    expect((await call(harness.app, 'GET', '/v1/dashboards/provider', { token: world.delegate.token })).status).toBe(
      403,
    );
    expect(
      (await call(harness.app, 'GET', '/v1/dashboards/provider', { token: retailEmployer.staff.token })).status,
    ).toBe(403);
  });
});

/** Parses the dashboards' CSV (RFC 4180 quoting) into records keyed by the header row. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  // Response.text() drops the byte-order mark, as spreadsheet programs do.
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  const [header, ...records] = rows;
  expect(header).toEqual(['breakdown', 'group_key', 'group', 'figure', 'value', 'definition']);
  return records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i] ?? ''])));
}

/** The figures of a JSON dashboard as the CSV must carry them: one entry per figure per group. */
function jsonFigures(dashboard: any): Map<string, string> {
  const entries = new Map<string, string>();
  const add = (breakdown: string, key: unknown, row: Record<string, unknown>, figures: string[]) => {
    for (const figure of figures)
      entries.set(`${breakdown}|${key ?? ''}|${figure}`, row[figure] === null ? '' : String(row[figure]));
  };
  const figures = Object.keys(dashboard.overall ?? dashboard.totals);
  add('overall', '', dashboard.overall ?? dashboard.totals, figures);
  const groups: [string, string][] = [
    ['byCohortYear', 'academic year'],
    ['byLocalAuthority', 'local authority'],
    ['bySector', 'sector'],
    ['byJobCoach', 'job coach'],
  ];
  for (const [name, breakdown] of groups)
    for (const row of dashboard[name] ?? []) add(breakdown, row.key, row, figures);
  for (const week of dashboard.supportHoursTrend ?? [])
    add('support hours by internship week', week.week, week, [
      'internships',
      'averageSupportHours',
      'averageHoursWorked',
    ]);
  for (const placement of dashboard.placements ?? []) add('placement', placement.placementId, placement, figures);
  for (const [figure, value] of Object.entries(dashboard.accessToWork ?? {}))
    entries.set(`access to work||accessToWork.${figure}`, value === null ? '' : String(value));
  const adjustments = Object.fromEntries(
    Object.entries(dashboard.adjustments).map(([figure, value]) => [`adjustments.${figure}`, value]),
  );
  add('adjustments', '', adjustments, Object.keys(adjustments));
  return entries;
}

describe('dashboard filters and CSV', () => {
  const providerFigures = async (query: string) => {
    const response = await call(harness.app, 'GET', '/v1/dashboards/provider', {
      rawQuery: query.replace(/^\?/, ''),
      token: world.admin.token,
    });
    expect(response.status, response.text).toBe(200);
    return response.json;
  };

  it('narrow the provider dashboard by academic year, local authority, sector and job coach', async () => {
    const year2025 = await providerFigures('?academicYear=2025');
    expect(year2025.filters).toEqual({ academicYear: 2025 });
    expect(year2025.overall).toMatchObject({ proposals: 4, starts: 4, completed: 3, withdrawn: 1 });
    expect(year2025.byCohortYear.map((r) => r.key)).toEqual(['2025']);
    // Only Amir's and Bea's logs are of 2025 journeys with logs; Eli's (2026) drops out.
    expect(year2025.supportHoursTrend[0]).toEqual({
      week: 1,
      internships: 2,
      averageSupportHours: 11,
      averageHoursWorked: 16,
    });
    expect((await providerFigures('?localAuthority=Leeds')).overall).toMatchObject({
      proposals: 4,
      completed: 2,
      paidEmploymentPercent: 100,
    });
    expect((await providerFigures('?sector=hospitality_catering')).overall).toMatchObject({
      proposals: 3,
      starts: 2,
      withdrawn: 1,
    });
    const coach = await providerFigures(`?jobCoachId=${coachB.accountId}`);
    expect(coach.overall).toMatchObject({ proposals: 3, starts: 2, inProgress: 1 });
    expect(coach.supportHoursTrend).toEqual([
      { week: 1, internships: 1, averageSupportHours: 14, averageHoursWorked: 12 },
    ]);
    expect(
      (await providerFigures('?academicYear=2025&localAuthority=Bradford&sector=hospitality_catering')).overall,
    ).toMatchObject({ proposals: 2, completed: 1, withdrawn: 1 });
  });

  it('refuse a filter that is not valid, naming it, and a job coach asking for another coach’s caseload', async () => {
    const bad = await call(harness.app, 'GET', '/v1/dashboards/provider', {
      rawQuery: 'sector=space&academicYear=last',
      token: world.admin.token,
    });
    expect(bad.status).toBe(400);
    expect(
      fieldProblems(bad)
        .map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['academicYear', 'sector']);
    expect(
      (await call(harness.app, 'GET', '/v1/dashboards/provider', { rawQuery: 'cohort=2025', token: world.admin.token }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(harness.app, 'GET', '/v1/dashboards/provider', {
          query: { jobCoachId: coachB.accountId },
          token: world.coach.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(harness.app, 'GET', '/v1/dashboards/provider', {
          query: { jobCoachId: world.coach.accountId },
          token: world.coach.token,
        })
      ).status,
    ).toBe(200);
  });

  it('give the same figures as CSV as in JSON for the same filters, each with its definition', async () => {
    for (const query of [
      '',
      'academicYear=2025',
      'localAuthority=Leeds',
      'sector=retail',
      `jobCoachId=${coachB.accountId}`,
      'academicYear=2026&sector=retail',
    ]) {
      const json = await providerFigures(query ? `?${query}` : '');
      const byAccept = await call(harness.app, 'GET', '/v1/dashboards/provider', {
        rawQuery: query,
        token: world.admin.token,
        headers: { accept: 'text/csv' },
      });
      const byFormat = await call(harness.app, 'GET', '/v1/dashboards/provider', {
        rawQuery: `${query ? `${query}&` : ''}format=csv`,
        token: world.admin.token,
      });
      for (const csv of [byAccept, byFormat]) {
        expect(csv.status, csv.text).toBe(200);
        expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        const records = parseCsv(csv.text);
        expect(new Map(records.map((r) => [`${r.breakdown}|${r.group_key}|${r.figure}`, r.value]))).toEqual(
          jsonFigures(json),
        );
        for (const record of records) expect(record.definition, record.figure).toBe(json.definitions[record.figure!]);
      }
    }
    const bytes = new Uint8Array(
      await (
        await harness.app.request('/v1/dashboards/provider?format=csv', {
          headers: { authorization: `Bearer ${world.admin.token}` },
        })
      ).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const leeds = parseCsv(
      (
        await call(harness.app, 'GET', '/v1/dashboards/provider', {
          query: { format: 'csv' },
          token: world.admin.token,
        })
      ).text,
    );
    expect(
      leeds.find(
        (r) => r.breakdown === 'local authority' && r.group === 'Leeds' && r.figure === 'paidEmploymentPercent',
      )?.value,
    ).toBe('100');
    expect(
      leeds.find(
        (r) => r.breakdown === 'local authority' && r.group === 'Not recorded' && r.figure === 'paidEmploymentPercent',
      )?.value,
    ).toBe('');
  });

  it('give the employer dashboard as CSV too, with the same figures and no intern names', async () => {
    const json = (
      await call(harness.app, 'GET', '/v1/dashboards/employer', {
        query: { sector: 'retail' },
        token: retailEmployer.staff.token,
      })
    ).json;
    const csv = await call(harness.app, 'GET', '/v1/dashboards/employer', {
      query: { sector: 'retail' },
      token: retailEmployer.staff.token,
      headers: { accept: 'text/csv, application/json;q=0.5' },
    });
    expect(csv.status, csv.text).toBe(200);
    const records = parseCsv(csv.text);
    expect(new Map(records.map((r) => [`${r.breakdown}|${r.group_key}|${r.figure}`, r.value]))).toEqual(
      jsonFigures(json),
    );
    expect(csv.text).not.toContain('Amir');
    expect(
      (
        await call(harness.app, 'GET', '/v1/dashboards/employer', {
          query: { academicYear: 2026 },
          token: retailEmployer.staff.token,
        })
      ).json.totals,
    ).toMatchObject({ proposals: 3, starts: 1 });
  });
});

describe('the employer dashboard', () => {
  it('shows the employer’s placements, interns and outcomes from every provider, and only what young people agreed to', async () => {
    const response = await call(harness.app, 'GET', '/v1/dashboards/employer', { token: retailEmployer.staff.token });
    expect(response.status, response.text).toBe(200);
    expect(response.json.totals).toMatchObject({
      proposals: 5,
      awaitingDecision: 1,
      acceptedByEmployer: 3,
      declinedByEmployer: 1,
      starts: 3,
      inProgress: 1,
      completed: 2,
      paidEmployment: 2,
      hiredByEmployer: 1,
      hiredByEmployerPercent: 50,
    });
    expect(response.json.placements).toEqual([
      expect.objectContaining({
        placementId: placementX,
        title: 'Shop floor assistant',
        places: 4,
        proposals: 5,
        starts: 3,
      }),
    ]);
    expect(
      response.json.interns.map((i: { preferredName: string; state: string }) => [i.preferredName, i.state]),
    ).toEqual([
      ['Eli', 'in_progress'],
      ['Bea', 'followed_up'],
      ['Amir', 'followed_up'],
    ]);
    expect(response.json.definitions.hiredByEmployer).toEqual(expect.any(String));

    const kitchen = await call(harness.app, 'GET', '/v1/dashboards/employer', { token: kitchenEmployer.staff.token });
    expect(kitchen.json.totals).toMatchObject({
      proposals: 2,
      starts: 2,
      completed: 1,
      withdrawn: 1,
      paidEmployment: 0,
      paidEmploymentPercent: 0,
    });
    expect(kitchen.json.interns.map((i: { preferredName: string }) => i.preferredName)).toEqual(['Dee', 'Cal']);
  });

  it('is only for employer staff', async () => {
    expect((await call(harness.app, 'GET', '/v1/dashboards/employer', { token: world.admin.token })).status).toBe(403);
  });
});

describe('cohorts', () => {
  it('count an internship in the academic year it actually started, and in the planned year before it starts', async () => {
    const third = await makeProvider(harness, 'Third College');
    const host = await makeEmployer(harness, third.admin, { name: 'Early Start Cafe' });
    const placement = await postPlacement(harness, host.employerId, host.staff, { startDate: '2026-11-02' });
    const youngPersonId = await addYoungPerson(harness, third.coach, 'Ivy', { plannedStartDate: '2027-09-06' });
    const ivy = await makeAccount(harness, {
      role: 'young_person',
      providerId: third.providerId,
      youngPersonId,
      name: 'Ivy',
    });
    const cohorts = async () =>
      (await call(harness.app, 'GET', '/v1/dashboards/provider', { token: third.admin.token })).json.byCohortYear.map(
        (r) => [r.key, r.proposals, r.starts],
      );

    const proposed = await propose(harness, third.coach, youngPersonId, placement);
    expect(proposed.status, proposed.text).toBe(201);
    const matchId = proposed.json.id as string;
    expect(await cohorts()).toEqual([['2027', 1, 0]]);

    expect((await step(harness, ivy, matchId, 'accept', { sections: [] })).status).toBe(200);
    expect((await step(harness, host.staff, matchId, 'employer-accept')).status).toBe(200);
    await travelTo(harness, clock, '2026-11-02T09:00:00Z', [third.coach, third.admin]);
    const started = await step(harness, third.coach, matchId, 'start', { startedOn: '2026-11-02' });
    expect(started.status, started.text).toBe(200);
    expect(await cohorts()).toEqual([['2026', 1, 1]]);
  });

  it('are kept in the summaries, which stay equal to the full aggregation as journeys move, logs are written and a young person is erased', async () => {
    const { services } = harness;
    const fourth = await makeProvider(harness, 'Fourth College');
    const host = await makeEmployer(harness, fourth.admin, { name: 'Summary Stores' });
    const placement = await postPlacement(harness, host.employerId, host.staff, { startDate: '2026-11-02', places: 2 });
    const providerId = new ObjectId(fourth.providerId);
    const agrees = async () => {
      const [full] = await services.journeysRepository.collection
        .aggregate(outcomeFacetPipeline({ providerId }))
        .toArray();
      const { byJobCoach, ...areas } = full!;
      expect(await services.dashboardSummaries.outcomeBreakdowns(providerId, {})).toEqual(areas);
      expect(await services.dashboardSummaries.coachPage(providerId, undefined, { limit: 20, offset: 0 })).toEqual({
        rows: byJobCoach,
        total: byJobCoach!.length,
      });
      expect(await services.dashboardSummaries.supportTrend(providerId, {})).toEqual(
        await services.progressRepository.logs.aggregate(supportTrendPipeline({ providerId })).toArray(),
      );
      return full!.overall[0];
    };
    const journeys = [];
    for (const name of ['Jo', 'Kit']) {
      const youngPersonId = await addYoungPerson(harness, fourth.coach, name, {
        plannedStartDate: '2027-09-06',
        localAuthority: 'Leeds',
      });
      const account = await makeAccount(harness, {
        role: 'young_person',
        providerId: fourth.providerId,
        youngPersonId,
        name,
      });
      const proposed = await propose(harness, fourth.coach, youngPersonId, placement);
      expect(proposed.status, proposed.text).toBe(201);
      journeys.push({ youngPersonId, account, matchId: proposed.json.id as string });
    }
    expect(await agrees()).toMatchObject({ proposals: 2, starts: 0 });
    for (const { account, matchId } of journeys) {
      expect((await step(harness, account, matchId, 'accept', { sections: [] })).status).toBe(200);
      expect((await step(harness, host.staff, matchId, 'employer-accept')).status).toBe(200);
    }
    await travelTo(harness, clock, '2026-11-20T09:00:00Z', [fourth.coach, fourth.admin]);
    for (const { matchId } of journeys) {
      const started = await step(harness, fourth.coach, matchId, 'start', { startedOn: '2026-11-02' });
      expect(started.status, started.text).toBe(200);
      for (const [weekStarting, supportHours] of [
        ['2026-11-02', 12.5],
        ['2026-11-09', 9.3],
      ] as const) {
        const logged = await step(harness, fourth.coach, matchId, 'logs', {
          weekStarting,
          hoursWorked: 16,
          supportHours,
        });
        expect(logged.status, logged.text).toBe(201);
      }
    }
    expect(await agrees()).toMatchObject({
      proposals: 2,
      starts: 2,
      inProgress: 2,
      medianDaysToStart: expect.any(Number),
    });
    const erased = await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: journeys[0]!.youngPersonId },
      token: fourth.admin.token,
    });
    expect(erased.status, erased.text).toBeLessThan(300);
    expect(await agrees()).toMatchObject({ proposals: 1, starts: 1 });
  });
});

describe('the job-coach breakdown of a large provider', () => {
  /** 23 coaches with 1 to 5 proposals each (many ties), more than one page of 20. */
  let big: ProviderWorld;
  let host: EmployerWorld;
  const coachIds: string[] = [];
  beforeAll(async () => {
    big = await makeProvider(harness, 'Many Coaches College');
    host = await makeEmployer(harness, big.admin, { name: 'Many Shops Ltd', sector: 'retail' });
    const placement = await postPlacement(harness, host.employerId, host.staff, { sector: 'retail', places: 4 });
    const docs: JourneyDoc[] = [];
    for (let i = 0; i < 23; i++) {
      const coach = await harness.services.accounts.insert({
        email: `coach-${i}-${new ObjectId().toHexString()}@many.example`,
        name: `Coach ${String(i).padStart(2, '0')}`,
        role: 'job_coach',
        status: 'active',
        providerId: new ObjectId(big.providerId),
      });
      coachIds.push(coach.id);
      for (let j = 0; j <= i % 5; j++) {
        docs.push(
          matchDoc({
            coach: { ...big.coach, accountId: coach.id },
            providerId: big.providerId,
            youngPersonId: new ObjectId().toHexString(),
            placementId: placement,
            employerId: host.employerId,
            sector: 'retail',
            cohortYear: j % 2 === 0 ? 2025 : 2026,
            localAuthority: j === 0 ? 'Wakefield' : 'Leeds',
            proposedOn: '2025-08-04',
            state: j === 0 ? 'in_progress' : 'proposed',
            ...(j === 0 ? { startedOn: '2025-09-01', employerAccepted: true } : {}),
          }),
        );
      }
    }
    await harness.services.journeysRepository.collection.insertMany(docs);
    await harness.services.dashboardSummaries.rebuild();
  });

  const bigDashboard = async (query: string) => {
    const response = await call(harness.app, 'GET', '/v1/dashboards/provider', {
      rawQuery: query.replace(/^\?/, ''),
      token: big.admin.token,
    });
    expect(response.status, response.text).toBe(200);
    return response.json;
  };
  /** What the full aggregation gives each coach, in the breakdown's order: most proposals first, then by id. */
  const aggregated = async (filters: DashboardFilters) => {
    const [full] = await harness.services.journeysRepository.collection
      .aggregate(outcomeFacetPipeline(journeyFilter({ providerId: new ObjectId(big.providerId) }, filters)))
      .toArray();
    return (full!.byJobCoach as GroupedCounts[])
      .map(({ _id, ...counts }) => ({ key: (_id as ObjectId).toHexString(), ...figuresFrom(counts) }))
      .sort((a, b) => b.proposals - a.proposals || a.key.localeCompare(b.key));
  };
  const unlabelled = (rows: { label: string }[]) => rows.map(({ label, ...row }) => row);

  it('shows the busiest 20 coaches first with how many there are, and every page adds up to the full aggregation', async () => {
    const first = await bigDashboard('');
    expect(first.byJobCoachPage).toEqual({ total: 23, limit: 20, offset: 0 });
    expect(first.byJobCoach).toHaveLength(20);
    expect(first.byJobCoach[0]).toMatchObject({ proposals: 5, label: 'Coach 04' });
    for (const filters of [{}, { academicYear: 2026 }, { localAuthority: 'Leeds' }, { sector: 'retail' as const }]) {
      const expected = await aggregated(filters);
      const query = new URLSearchParams(Object.entries(filters).map(([k, v]): [string, string] => [k, String(v)]));
      const pages = [];
      for (let offset = 0; offset < 25; offset += 6) {
        const page = await bigDashboard(`?${query}&limit=6&offset=${offset}`);
        expect(page.byJobCoachPage, JSON.stringify(filters)).toEqual({ total: expected.length, limit: 6, offset });
        for (const row of page.byJobCoach)
          expect(row.label).toBe(`Coach ${String(coachIds.indexOf(row.key ?? '')).padStart(2, '0')}`);
        pages.push(...unlabelled(page.byJobCoach));
      }
      expect(pages, JSON.stringify(filters)).toEqual(expected);
    }
  });

  it('puts every coach in the CSV, with the figures of the JSON pages', async () => {
    for (const query of ['', 'academicYear=2025', 'localAuthority=Leeds']) {
      const pages = [
        ...(await bigDashboard(`?${query}&limit=10`)).byJobCoach,
        ...(await bigDashboard(`?${query}&limit=10&offset=10`)).byJobCoach,
        ...(await bigDashboard(`?${query}&limit=10&offset=20`)).byJobCoach,
      ];
      const csv = await call(harness.app, 'GET', '/v1/dashboards/provider', {
        rawQuery: `${query}&format=csv`,
        token: big.admin.token,
      });
      expect(csv.status, csv.text).toBe(200);
      const coaches = parseCsv(csv.text).filter((r) => r.breakdown === 'job coach');
      expect([...new Set(coaches.map((r) => r.group_key))], query).toEqual(pages.map((row) => row.key));
      for (const record of coaches) {
        const row: Record<string, unknown> = pages.find((r) => r.key === record.group_key)!;
        expect(record.group).toBe(row.label);
        expect(record.value, `${record.group} ${record.figure}`).toBe(
          row[record.figure!] === null ? '' : String(row[record.figure!]),
        );
      }
    }
  });

  it('refuses a page that is not valid, naming the field, and pages only the provider dashboard', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['offset=-1', 'offset'],
      ['limit=ten', 'limit'],
    ]) {
      const response = await call(harness.app, 'GET', '/v1/dashboards/provider', {
        rawQuery: query,
        token: big.admin.token,
      });
      expect(response.status, query).toBe(400);
      expect(fieldProblems(response).map((d) => d.path)).toEqual([field]);
    }
    expect(
      (await call(harness.app, 'GET', '/v1/dashboards/employer', { rawQuery: 'limit=5', token: host.staff.token }))
        .status,
    ).toBe(400);
  });

  it('gives a job coach of the large provider only their own caseload, as one row', async () => {
    const coach = await harness.services.accounts.byId(coachIds[9]!);
    const token = (await harness.services.auth.issueFor(coach!)).accessToken;
    const response = await call(harness.app, 'GET', '/v1/dashboards/provider', { token });
    expect(response.status, response.text).toBe(200);
    expect(response.json.scope.coverage).toBe('own_caseload');
    expect(response.json.byJobCoachPage).toEqual({ total: 1, limit: 20, offset: 0 });
    expect(unlabelled(response.json.byJobCoach)).toEqual(
      (await aggregated({})).filter((row) => row.key === coachIds[9]),
    );
  });
});
