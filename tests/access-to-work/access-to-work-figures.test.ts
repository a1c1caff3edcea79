import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { JourneyDoc } from '../../src/journey/journey.repository.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';
import { addYoungPerson, postPlacement } from '../helpers/journey-world.js';
import { makeAccount, makeEmployer, makeProvider, type Person, type ProviderWorld } from '../helpers/world.js';
import { signInOverHttp } from '../web/http-session.js';

/**
 * The Access to Work figures of the provider report, against a history written straight into the
 * store (the Access to Work API is tested in access-to-work.test.ts):
 *
 *  intern  coach year  started     sent        letter      job coach line               logs (Monday: hours)         claims
 *  Amir    A     2025  2025-09-01  2025-05-01  2025-07-04  2025-09-01..2026-07-17 10h   09-01:10 09-08:8 09-15:12    09 sent on the 10th; 10 sent 11-14 (late); 11 sent and queried; 12 draft
 *  Bea     A     2025  2025-09-15  2025-06-01  2025-10-01  2025-10-06..2025-12-28 6h    09-15:5 (before the line) 10-06:6 10-13:7
 *  Cal     A     2025  2025-09-08  no case
 *  Dee     B     2025  2025-10-10  2025-08-01  no award yet
 *  Eli     B     2026  2026-09-07  2026-04-01  2026-08-01  2026-09-07..2027-07-16 12h   09-07:12 09-14:14           09 draft
 *  Fay     B     2026  not started, with an award (not an intern)
 *  Hal     another provider, started, with an award
 *
 * Today is 2026-10-01. By hand, for the whole provider: 5 interns; awards before the start: Amir
 * and Eli (Bea's came after her first day) = 40%; days from sending to the letter 64, 122, 122:
 * median 122; hours awarded for weeks begun: Amir 46 Mondays x 10 + Bea 12 x 6 + Eli 4 x 12 = 580,
 * logged 30 + 13 + 26 = 69 (11.9%); claims sent 3, late 1, queried 1, late or queried 2 (66.7%).
 */
const clock = new ManualClock(new Date('2026-10-01T09:00:00Z'));
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let coachB: Person;

type Line = { kind: 'job_coach' | 'travel_to_work'; startsOn: string; endsOn: string; hoursPerWeek?: number };
interface Intern {
  coach: Person;
  providerId: string;
  cohortYear: number;
  localAuthority: string;
  startedOn?: string;
  sentOn?: string;
  award?: { letterDate: string; lines: Line[] };
  logs?: [string, number][];
  claims?: { month: string; sentOn?: string; queriedOn?: string }[];
}

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  coachB = await makeAccount(harness, { role: 'job_coach', providerId: world.providerId, name: 'Bo Coach' });
  const employer = await makeEmployer(harness, world.admin, { name: 'Corner Shops Ltd', sector: 'retail' });
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, {
    title: 'Shop floor assistant',
    sector: 'retail',
    places: 8,
    startDate: '2026-10-05',
  });
  const A = world.coach;
  const interns: Intern[] = [
    {
      coach: A,
      providerId: world.providerId,
      cohortYear: 2025,
      localAuthority: 'Leeds',
      startedOn: '2025-09-01',
      sentOn: '2025-05-01',
      award: {
        letterDate: '2025-07-04',
        lines: [
          { kind: 'job_coach', startsOn: '2025-09-01', endsOn: '2026-07-17', hoursPerWeek: 10 },
          { kind: 'travel_to_work', startsOn: '2025-09-01', endsOn: '2026-07-17' },
        ],
      },
      logs: [
        ['2025-09-01', 10],
        ['2025-09-08', 8],
        ['2025-09-15', 12],
      ],
      claims: [
        { month: '2025-09', sentOn: '2025-10-10' },
        { month: '2025-10', sentOn: '2025-11-14' },
        { month: '2025-11', sentOn: '2025-12-05', queriedOn: '2025-12-20' },
        { month: '2025-12' },
      ],
    },
    {
      coach: A,
      providerId: world.providerId,
      cohortYear: 2025,
      localAuthority: 'Leeds',
      startedOn: '2025-09-15',
      sentOn: '2025-06-01',
      award: {
        letterDate: '2025-10-01',
        lines: [{ kind: 'job_coach', startsOn: '2025-10-06', endsOn: '2025-12-28', hoursPerWeek: 6 }],
      },
      logs: [
        ['2025-09-15', 5],
        ['2025-10-06', 6],
        ['2025-10-13', 7],
      ],
    },
    { coach: A, providerId: world.providerId, cohortYear: 2025, localAuthority: 'Bradford', startedOn: '2025-09-08' },
    {
      coach: coachB,
      providerId: world.providerId,
      cohortYear: 2025,
      localAuthority: 'Bradford',
      startedOn: '2025-10-10',
      sentOn: '2025-08-01',
    },
    {
      coach: coachB,
      providerId: world.providerId,
      cohortYear: 2026,
      localAuthority: 'Leeds',
      startedOn: '2026-09-07',
      sentOn: '2026-04-01',
      award: {
        letterDate: '2026-08-01',
        lines: [{ kind: 'job_coach', startsOn: '2026-09-07', endsOn: '2027-07-16', hoursPerWeek: 12 }],
      },
      logs: [
        ['2026-09-07', 12],
        ['2026-09-14', 14],
      ],
      claims: [{ month: '2026-09' }],
    },
    {
      coach: coachB,
      providerId: world.providerId,
      cohortYear: 2026,
      localAuthority: 'Leeds',
      sentOn: '2026-03-01',
      award: {
        letterDate: '2026-05-01',
        lines: [{ kind: 'job_coach', startsOn: '2026-09-07', endsOn: '2027-07-16', hoursPerWeek: 12 }],
      },
    },
    {
      coach: other.coach,
      providerId: other.providerId,
      cohortYear: 2026,
      localAuthority: 'York',
      startedOn: '2026-09-07',
      sentOn: '2026-01-01',
      award: {
        letterDate: '2026-02-01',
        lines: [{ kind: 'job_coach', startsOn: '2026-09-07', endsOn: '2027-07-16', hoursPerWeek: 20 }],
      },
    },
  ];
  const { services } = harness;
  let n = 0;
  for (const intern of interns) {
    const youngPersonId = new ObjectId(await addYoungPerson(harness, intern.coach, `Intern ${++n}`));
    const providerId = new ObjectId(intern.providerId);
    const coachId = new ObjectId(intern.coach.accountId);
    const by = { accountId: coachId, role: 'job_coach' as const };
    const at = new Date('2025-08-01T00:00:00Z');
    const match: JourneyDoc = {
      _id: new ObjectId(),
      youngPersonId,
      providerId,
      jobCoachId: coachId,
      placementId: new ObjectId(placementId),
      employerId: new ObjectId(employer.employerId),
      state: intern.startedOn ? 'in_progress' : 'agreed',
      active: true,
      visibleToEmployer: true,
      note: 'A good fit.',
      cohortYear: intern.cohortYear,
      localAuthority: intern.localAuthority,
      sector: 'retail',
      ...(intern.startedOn ? { startedOn: intern.startedOn } : {}),
      rotations: [],
      history: [{ action: 'propose', to: 'proposed', at, by }],
      proposedAt: at,
      updatedAt: at,
    };
    await services.journeysRepository.collection.insertOne(match);
    if (intern.sentOn) {
      await services.accessToWorkRepository.cases.insertOne({
        _id: new ObjectId(),
        youngPersonId,
        providerId,
        application: {
          appliedBy: 'education_provider',
          reference: 'ATW/2025/0001',
          sentOn: intern.sentOn,
          signer: 'young_person',
        },
        ...(intern.award
          ? {
              award: {
                letterDate: intern.award.letterDate,
                lines: intern.award.lines.map((line) => ({
                  ...line,
                  totalPence: 100_000,
                  ...(line.hoursPerWeek ? { costPerHourPence: 2_500 } : {}),
                })),
                employerContributionPence: 0,
                refused: [],
              },
            }
          : {}),
        updatedBy: by,
        updatedAt: at,
      });
    }
    if (intern.logs?.length)
      await services.progressRepository.logs.insertMany(
        intern.logs.map(([weekStarting, supportHours], index) => ({
          _id: new ObjectId(),
          matchId: match._id,
          youngPersonId,
          providerId,
          jobCoachId: coachId,
          employerId: match.employerId,
          weekStarting,
          weekNumber: index + 1,
          hoursWorked: 20,
          tasksDone: [],
          supportHours,
          studyHours: 3,
          independence: [],
          recordedBy: by,
          recordedAt: at,
        })),
      );
    for (const claim of intern.claims ?? [])
      await services.accessToWorkRepository.claims.insertOne({
        _id: new ObjectId(),
        youngPersonId,
        providerId,
        month: claim.month,
        firstDay: `${claim.month}-01`,
        lastDay: `${claim.month}-28`,
        weeks: [],
        coachingHours: 40,
        costPerHourPence: 2_500,
        totalPence: 100_000,
        warnings: [],
        state: claim.queriedOn ? 'queried' : claim.sentOn ? 'sent' : 'draft',
        ...(claim.sentOn ? { signed: { by: 'Intern', on: claim.sentOn }, sent: { on: claim.sentOn } } : {}),
        ...(claim.queriedOn ? { queried: { on: claim.queriedOn, question: 'Which weeks?' } } : {}),
        draftedBy: by,
        draftedAt: at,
      });
  }
});
afterAll(() => harness.close());

/**
 * The figures worked out again from every stored record, written out long-hand and apart from the
 * service's code: the interns are the young people with a started journey the filter selects.
 */
async function fullComputation(filter: Record<string, unknown>) {
  const { services } = harness;
  const journeys = await services.journeysRepository.collection
    .find({ ...filter, startedOn: { $exists: true } })
    .toArray();
  const people = [...new Set(journeys.map((journey) => journey.youngPersonId.toHexString()))];
  let awardedBeforeStart = 0;
  const days: number[] = [];
  let awarded = 0;
  let logged = 0;
  let sent = 0;
  let late = 0;
  let queried = 0;
  let lateOrQueried = 0;
  for (const person of people) {
    const theirs = journeys.filter((journey) => journey.youngPersonId.toHexString() === person);
    const startedOn = theirs.map((journey) => journey.startedOn!).sort()[0]!;
    const found = await services.accessToWorkRepository.cases.findOne({ youngPersonId: new ObjectId(person) });
    const award = found?.award;
    if (award && award.letterDate < startedOn) awardedBeforeStart++;
    if (award && found?.application?.sentOn)
      days.push((Date.parse(award.letterDate) - Date.parse(found.application.sentOn)) / 86_400_000);
    const logs = await services.progressRepository.logs
      .find({ matchId: { $in: theirs.map((journey) => journey._id) } })
      .toArray();
    const counted = new Set<string>();
    for (const line of award?.lines ?? []) {
      if (line.kind !== 'job_coach') continue;
      for (let day = Date.parse(line.startsOn); day <= Date.parse(line.endsOn); day += 86_400_000) {
        const date = new Date(day).toISOString().slice(0, 10);
        if (new Date(day).getUTCDay() !== 1 || date > '2026-10-01' || counted.has(date)) continue;
        counted.add(date);
        awarded += line.hoursPerWeek ?? 0;
        logged += logs.find((log) => log.weekStarting === date)?.supportHours ?? 0;
      }
    }
    const claims = await services.accessToWorkRepository.claims.find({ youngPersonId: new ObjectId(person) }).toArray();
    for (const claim of claims) {
      if (!claim.sent) continue;
      const [year, month] = claim.month.split('-').map(Number) as [number, number];
      const due = new Date(Date.UTC(year, month, 10)).toISOString().slice(0, 10);
      const isLate = claim.sent.on > due;
      sent++;
      if (isLate) late++;
      if (claim.queried) queried++;
      if (isLate || claim.queried) lateOrQueried++;
    }
  }
  days.sort((a, b) => a - b);
  const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
  return {
    interns: people.length,
    awardedBeforeStart,
    awardedBeforeStartPercent: share(awardedBeforeStart, people.length),
    medianDaysApplicationToAward: days.length
      ? (days[Math.floor((days.length - 1) / 2)]! + days[Math.ceil((days.length - 1) / 2)]!) / 2
      : null,
    coachingHoursAwarded: awarded,
    coachingHoursLogged: logged,
    coachingHoursLoggedPercent: share(logged, awarded),
    claimsSent: sent,
    claimsSentLate: late,
    claimsQueried: queried,
    claimsSentLateOrQueried: lateOrQueried,
    claimsSentLateOrQueriedPercent: share(lateOrQueried, sent),
  };
}

describe('the Access to Work figures of the provider report', () => {
  it('match the hand count for the whole provider, leaving out other providers and interns who have not started', async () => {
    const response = await call(harness.app, 'GET', '/v1/dashboards/provider', { token: world.admin.token });
    expect(response.status, response.text).toBe(200);
    expect(response.json.accessToWork).toEqual({
      interns: 5,
      awardedBeforeStart: 2,
      awardedBeforeStartPercent: 40,
      medianDaysApplicationToAward: 122,
      coachingHoursAwarded: 580,
      coachingHoursLogged: 69,
      coachingHoursLoggedPercent: 11.9,
      claimsSent: 3,
      claimsSentLate: 1,
      claimsQueried: 1,
      claimsSentLateOrQueried: 2,
      claimsSentLateOrQueriedPercent: 66.7,
    });
    expect(response.json.definitions['accessToWork.claimsSentLate']).toMatch(/after the 10th of the month after/);
  });

  it('equal a full computation over the stored history for every filter and for a job coach’s own caseload', async () => {
    const provider = new ObjectId(world.providerId);
    const cases: [Record<string, string | number>, Record<string, unknown>][] = [
      [{}, { providerId: provider }],
      [{ academicYear: 2025 }, { providerId: provider, cohortYear: 2025 }],
      [{ academicYear: 2026 }, { providerId: provider, cohortYear: 2026 }],
      [{ academicYear: 2024 }, { providerId: provider, cohortYear: 2024 }],
      [{ localAuthority: 'Bradford' }, { providerId: provider, localAuthority: 'Bradford' }],
      [{ jobCoachId: coachB.accountId }, { providerId: provider, jobCoachId: new ObjectId(coachB.accountId) }],
    ];
    for (const [query, filter] of cases) {
      const response = await call(harness.app, 'GET', '/v1/dashboards/provider', { token: world.admin.token, query });
      expect(response.status, response.text).toBe(200);
      expect(response.json.accessToWork, JSON.stringify(query)).toEqual(await fullComputation(filter));
    }
    const own = await call(harness.app, 'GET', '/v1/dashboards/provider', { token: coachB.token });
    expect(own.json.accessToWork).toEqual(
      await fullComputation({ providerId: provider, jobCoachId: new ObjectId(coachB.accountId) }),
    );
    expect(own.json.accessToWork.interns).toBe(2);
  });

  it('are empty, not made up, where nobody has an award, a claim or a start', async () => {
    const response = await call(harness.app, 'GET', '/v1/dashboards/provider', {
      token: world.admin.token,
      query: { academicYear: 2024 },
    });
    expect(response.json.accessToWork).toEqual({
      interns: 0,
      awardedBeforeStart: 0,
      awardedBeforeStartPercent: null,
      medianDaysApplicationToAward: null,
      coachingHoursAwarded: 0,
      coachingHoursLogged: 0,
      coachingHoursLoggedPercent: null,
      claimsSent: 0,
      claimsSentLate: 0,
      claimsQueried: 0,
      claimsSentLateOrQueried: 0,
      claimsSentLateOrQueriedPercent: null,
    });
    const bradford = await call(harness.app, 'GET', '/v1/dashboards/provider', {
      token: world.admin.token,
      query: { localAuthority: 'Bradford' },
    });
    // Cal has no case and Dee no award yet: interns, but nothing awarded, logged or claimed.
    expect(bradford.json.accessToWork).toMatchObject({
      interns: 2,
      awardedBeforeStart: 0,
      awardedBeforeStartPercent: 0,
      medianDaysApplicationToAward: null,
      coachingHoursLoggedPercent: null,
      claimsSent: 0,
    });
  });

  it('are on the reports page under their own heading and in both CSVs, each with its definition', async () => {
    const web = await signInOverHttp(harness, world.admin.email);
    const page = await (await web.get('/reports?academicYear=2026')).text();
    expect(page).toContain('<h2 class="govuk-heading-m" id="access-to-work">Access to Work</h2>');
    expect(page).toMatch(/Award dated before the first day \(%\)<\/th><td[^>]*>100<\/td>/);
    expect(page).toContain('as a percentage of those whose internship started');

    const table = await (await web.get('/reports.csv?academicYear=2026')).text();
    expect(table).toContain('\r\nAccess to Work,Value,What it counts\r\n');
    expect(table).toMatch(
      /\r\nJob coach hours logged against awarded \(%\),54\.2,Job coaching hours logged as a percentage/,
    );

    const data = await call(harness.app, 'GET', '/v1/dashboards/provider', {
      token: world.admin.token,
      query: { format: 'csv' },
    });
    expect(data.text).toMatch(
      /\r\naccess to work,,All,accessToWork\.claimsSentLate,1,"?Of those, claims sent after the 10th/,
    );
  });
});
