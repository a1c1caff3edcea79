import { type Document, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCaseStates, demoClaimStates } from '../../seed/access-to-work.js';
import { demoAccounts } from '../../seed/demo-accounts.js';
import { generate } from '../../seed/generate.js';
import { loadDataset } from '../../seed/load.js';
import { adjustmentStates, checkAnswers, reviewDecisions } from '../../src/adjustments/adjustments.machine.js';
import { actorOf } from '../../src/auth/auth.service.js';
import { ManualClock } from '../../src/core/clock.js';
import { addDays } from '../../src/core/dates.js';
import {
  figuresFrom,
  groupedCounts,
  journeyFlags,
  outcomeFacetPipeline,
  supportTrendPipeline,
} from '../../src/dashboards/dashboard-figures.js';
import { coachOrderStages, type GroupedCounts } from '../../src/dashboards/dashboard-summaries.js';
import { type DashboardFilters, journeyFilter } from '../../src/dashboards/dashboards.service.js';
import { sniffContentType } from '../../src/documents/documents.rules.js';
import { journeySteps } from '../../src/journey/journey.machine.js';
import type { JourneyDoc } from '../../src/journey/journey.repository.js';
import { personFacts } from '../../src/matching/facts.js';
import { hardLimitViolations } from '../../src/matching/hard-limits.js';
import { placementSearchDoc } from '../../src/search-sync/documents.js';
import { createHarness, type Harness } from '../helpers/harness.js';

const today = '2026-11-27';
let harness: Harness;
let matches: JourneyDoc[];

beforeAll(async () => {
  harness = await createHarness({ clock: new ManualClock(new Date(`${today}T12:00:00Z`)) });
  await loadDataset(harness.services, generate({ today }), { buildSearch: false });
  matches = await harness.services.journeysRepository.collection.find({}).toArray();
});
afterAll(() => harness.close());

describe('the seeded journey history', () => {
  it('has past cohorts with outcomes, a cohort part-way through, and proposals for the coming year', () => {
    const statesByCohort = new Map<number, Set<string>>();
    for (const match of matches)
      statesByCohort.set(match.cohortYear, (statesByCohort.get(match.cohortYear) ?? new Set()).add(match.state));
    expect([...statesByCohort.keys()].sort()).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(statesByCohort.get(2023)).toContain('followed_up');
    expect(statesByCohort.get(2025)).toContain('completed');
    expect(statesByCohort.get(2025)).not.toContain('followed_up');
    expect(statesByCohort.get(2026)).toContain('in_progress');
    expect([...statesByCohort.get(2027)!]).toEqual(expect.arrayContaining(['proposed', 'awaiting_employer']));
    expect(statesByCohort.get(2027)).not.toContain('in_progress');
  });

  it('writes a past placement only for a run some journey refers to', async () => {
    const { db } = harness.services;
    const current = new Set([...generate({ today }).placements()].map((placement) => placement.id));
    const referred = new Set(matches.map((match) => match.placementId.toHexString()));
    const stored = await db
      .collection('placements')
      .find({}, { projection: { _id: 1 } })
      .toArray();
    const past = stored.map((doc) => doc._id.toHexString()).filter((id) => !current.has(id));
    expect(past.length).toBeGreaterThan(0);
    expect(past.filter((id) => !referred.has(id))).toEqual([]);
  });

  it('follows the journey table in every step and never dates a step after today', () => {
    const allowed = new Set(journeySteps.map((step) => `${step.from}>${step.action}>${step.to}`));
    for (const match of matches) {
      const [first, ...rest] = match.history;
      expect(first).toMatchObject({ action: 'propose', to: 'proposed' });
      for (const entry of rest)
        expect(allowed.has(`${entry.from}>${entry.action}>${entry.to}`), `${entry.from} ${entry.action}`).toBe(true);
      expect(match.history[match.history.length - 1]!.to).toBe(match.state);
      expect(match.updatedAt.toISOString().slice(0, 10) <= today).toBe(true);
    }
  });

  it('never fills a placement beyond its places, and keeps people and placements in step with their journeys', async () => {
    const { db } = harness.services;
    expect(await db.collection('placements').countDocuments({ $expr: { $gt: ['$placesFilled', '$places'] } })).toBe(0);
    const running = matches.filter((match) => match.state === 'in_progress');
    expect(new Set(running.map((match) => match.youngPersonId.toHexString())).size).toBe(running.length);
    expect(
      await db
        .collection('young_people')
        .countDocuments({ _id: { $in: running.map((match) => match.youngPersonId) }, status: { $ne: 'on_placement' } }),
    ).toBe(0);
    expect(await db.collection('internship_weekly_logs').countDocuments({})).toBeGreaterThan(1000);
  });

  it('gives the demo accounts something to see', async () => {
    const { services } = harness;
    const actorFor = async (email: string) => actorOf((await services.accounts.byEmail(email))!);
    const dashboard = await services.dashboards.provider(await actorFor('admin@demo.example'));
    expect(dashboard.overall.completed).toBeGreaterThan(10);
    expect(dashboard.overall.paidEmploymentPercent).toBeGreaterThan(30);
    expect(dashboard.overall.twelveMonthRetentionPercent).not.toBeNull();
    expect(dashboard.supportHoursTrend[0]!.averageSupportHours).toBeGreaterThan(
      dashboard.supportHoursTrend[20]!.averageSupportHours,
    );
    const samInbox = await services.inbox.inbox(await actorFor('sam@demo.example'));
    expect(samInbox.map((item) => item.kind)).toEqual(['respond_to_proposal']);
    expect(
      (await services.dashboards.employer(await actorFor('employer@demo.example'))).totals.proposals,
    ).toBeGreaterThan(0);
  });

  it('has Access to Work in every state, and the demo job coach sees dates and a claim to sign on first sign-in', async () => {
    const { services } = harness;
    const cases = await services.accessToWorkRepository.cases.find({}).toArray();
    const today = '2026-11-27';
    const caseStates = new Set(
      cases.flatMap((found) => {
        if (!found.award) return ['applied'];
        const ends = found.award.lines
          .map((line) => line.endsOn)
          .sort()
          .at(-1)!;
        return [
          'awarded',
          ...(addDays(found.award.letterDate, 28) >= today ? ['reconsideration_open'] : []),
          ...(addDays(ends, -12 * 7) <= today && today <= ends ? ['renewal_due'] : []),
        ];
      }),
    );
    expect([...caseStates].sort()).toEqual([...demoCaseStates].sort());
    const claims = await services.accessToWorkRepository.claims.find({}).toArray();
    expect([...new Set(claims.map((claim) => claim.state))].sort()).toEqual([...demoClaimStates].sort());
    for (const claim of claims) {
      expect(claim.coachingHours, `${claim.month} ${claim.state}`).toBeGreaterThan(0);
      expect(claim.totalPence).toBe(Math.round(claim.coachingHours * claim.costPerHourPence));
    }

    const coach = actorOf((await services.accounts.byEmail('coach@demo.example'))!);
    const tasks = await services.accessToWork.coachTasks(coach);
    expect(tasks.map((task) => task.kind).sort()).toEqual(['claim_late', 'reconsideration_closing', 'renewal_open']);
    const toSign = claims.find((claim) => claim.state === 'draft')!;
    const overview = await services.accessToWork.overview(coach, toSign.youngPersonId.toHexString());
    expect(overview.claims.map((claim) => claim.state)).toContain('draft');
    const documents = await services.documentsRepository.listOf(toSign.youngPersonId.toHexString());
    expect(documents.map((document) => [document.kind, document.contentType])).toEqual(
      expect.arrayContaining([
        ['award_letter', 'application/pdf'],
        ['risk_assessment', 'application/pdf'],
      ]),
    );
    for (const document of documents) {
      const bytes = await services.documentsRepository.bytesOf(document.id);
      expect(sniffContentType(bytes)).toBe(document.contentType);
    }
  });

  it('holds no proposal that breaks its young person’s hard limits, Sam’s included', async () => {
    const { services } = harness;
    const people = new Map(
      (await services.youngPeopleRepository.byIds([...new Set(matches.map((m) => m.youngPersonId.toHexString()))])).map(
        (p) => [p.id, p],
      ),
    );
    const placements = new Map(
      (await services.placementsRepository.byIds([...new Set(matches.map((m) => m.placementId.toHexString()))])).map(
        (p) => [p.id, p],
      ),
    );
    const employers = new Map(
      (await services.employersRepository.byIds([...new Set(matches.map((m) => m.employerId.toHexString()))])).map(
        (e) => [e.id, e],
      ),
    );
    const broken = matches.flatMap((match) => {
      const placement = placements.get(match.placementId.toHexString())!;
      const limits = hardLimitViolations(
        personFacts(people.get(match.youngPersonId.toHexString())!),
        placementSearchDoc(placement, employers.get(placement.employerId)!),
      );
      const kept = limits.filter((limit) => limit !== 'placement_open');
      return kept.length > 0 ? [`${match._id.toHexString()}: ${kept.join(', ')}`] : [];
    });
    expect(broken).toEqual([]);
    const sam = (await services.accounts.byEmail('sam@demo.example'))!;
    expect(
      matches.some((match) => match.youngPersonId.toHexString() === sam.youngPersonId && match.state === 'proposed'),
    ).toBe(true);
  });

  it('gives nearly every past intern a journey within their hard limits, and most of them an outcome', async () => {
    const current = new Set([...generate({ today }).youngPeople()].map((generated) => generated.person.id));
    const pastInterns = (
      await harness.services.db
        .collection('young_people')
        .find({}, { projection: { _id: 1 } })
        .toArray()
    )
      .map((doc) => doc._id.toHexString())
      .filter((id) => !current.has(id));
    const lastStateOf = new Map<string, string>();
    for (const match of [...matches].sort((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime()))
      lastStateOf.set(match.youngPersonId.toHexString(), match.state);
    const withJourney = pastInterns.filter((id) => lastStateOf.has(id));
    expect(pastInterns.length).toBeGreaterThan(150);
    expect(withJourney.length / pastInterns.length).toBeGreaterThanOrEqual(0.9);
    // Nationally most interns complete and a minority leave early.
    const ended = withJourney.map((id) => lastStateOf.get(id)!).filter((state) => state !== 'in_progress');
    const completed = ended.filter((state) => state === 'completed' || state === 'followed_up').length;
    expect(completed / ended.length).toBeGreaterThan(0.7);
    expect(completed / ended.length).toBeLessThan(0.97);
    // Hard limits of every journey, past interns' included, are checked by the test above.
  });

  it('gives past interns names of their own, not the name of the young person they were modelled on', async () => {
    const generated = [...generate({ today }).youngPeople()];
    const currentNames = new Map(generated.map(({ person }) => [person.id, person.preferredName]));
    const people = await harness.services.db
      .collection('young_people')
      .find({}, { projection: { preferredName: 1, providerId: 1, jobCoachId: 1 } })
      .toArray();
    const past = people.filter((doc) => !currentNames.has(doc._id.toHexString()));
    expect(past.length).toBeGreaterThan(150);
    // A coach's caseload (past interns included) lists few people twice by name: only chance repeats.
    const byCoach = new Map<string, string[]>();
    for (const doc of people) {
      const key = doc.jobCoachId?.toHexString() ?? 'none';
      byCoach.set(key, [...(byCoach.get(key) ?? []), doc.preferredName as string]);
    }
    const repeats = [...byCoach.values()].reduce((sum, names) => sum + names.length - new Set(names).size, 0);
    expect(repeats / people.length).toBeLessThan(0.05);
  });

  it('is the same every time', async () => {
    const second = await createHarness({ clock: new ManualClock(new Date(`${today}T12:00:00Z`)) });
    try {
      await loadDataset(second.services, generate({ today }), { buildSearch: false });
      const digest = (docs: JourneyDoc[]) =>
        docs
          .map((m) => `${m._id.toHexString()} ${m.state} ${m.history.map((h) => h.at.toISOString()).join(',')}`)
          .sort();
      expect(digest(await second.services.journeysRepository.collection.find({}).toArray())).toEqual(digest(matches));
    } finally {
      await second.close();
    }
  });
});

/**
 * The job coaches of the provider dashboard, a page at a time and whole in the CSV export, are those
 * of the full aggregation in the breakdown's order (the most proposals first).
 */
async function expectCoachesAsAggregated(
  providerId: ObjectId,
  filter: Document,
  filters: DashboardFilters,
  aggregated: GroupedCounts[],
) {
  const { services } = harness;
  const ranked = await services.journeysRepository.collection
    .aggregate<GroupedCounts>([
      { $match: filter },
      journeyFlags(),
      ...groupedCounts('$jobCoachId'),
      ...coachOrderStages,
    ])
    .toArray();
  expect([...ranked].sort((a, b) => String(a._id ?? '').localeCompare(String(b._id ?? '')))).toEqual(
    [...aggregated].sort((a, b) => String(a._id ?? '').localeCompare(String(b._id ?? ''))),
  );
  for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.proposals).toBeGreaterThanOrEqual(ranked[i]!.proposals);
  const expected = ranked.map(({ _id, ...counts }) => ({
    key: _id instanceof ObjectId ? _id.toHexString() : null,
    ...figuresFrom(counts),
  }));
  const unlabelled = (rows: { label: string }[]) => rows.map(({ label, ...row }) => row);
  const admin = (await services.accounts.collection.findOne({ providerId, role: 'provider_admin' }))!;
  const actor = actorOf((await services.accounts.byId(admin._id.toHexString()))!);
  const limit = Math.max(1, Math.ceil(ranked.length / 3));
  const paged = [];
  for (let offset = 0; offset < ranked.length + limit; offset += limit) {
    const dashboard = await services.dashboards.provider(actor, filters, { limit, offset });
    expect(dashboard.byJobCoachPage).toEqual({ total: ranked.length, limit, offset });
    paged.push(...unlabelled(dashboard.byJobCoach));
  }
  expect(paged, JSON.stringify(filters)).toEqual(expected);
  const exported = await services.dashboards.providerExport(actor, filters);
  const all = [];
  for await (const batch of exported.coaches) all.push(...unlabelled(batch));
  expect(all, JSON.stringify(filters)).toEqual(expected);
}

describe('the dashboard summaries', () => {
  it('give exactly the figures of the full aggregation over the seeded history, for every provider and filter', async () => {
    const { services } = harness;
    const logs = services.progressRepository.logs;
    const providerIds = [...new Map(matches.map((m) => [m.providerId.toHexString(), m.providerId])).values()];
    const areas = [...new Set(matches.map((m) => m.localAuthority).filter((la): la is string => la !== undefined))];
    const filterSets: DashboardFilters[] = [
      {},
      { academicYear: 2025 },
      { academicYear: 2026 },
      { localAuthority: areas[0]! },
      { sector: matches[0]!.sector },
      { academicYear: 2024, sector: matches[0]!.sector },
    ];
    let compared = 0;
    for (const providerId of providerIds) {
      for (const filters of filterSets) {
        const filter = journeyFilter({ providerId }, filters);
        const [full] = await services.journeysRepository.collection.aggregate(outcomeFacetPipeline(filter)).toArray();
        const { byJobCoach: fullCoaches, ...fullAreas } = full!;
        expect(
          await services.dashboardSummaries.outcomeBreakdowns(providerId, filters),
          JSON.stringify(filters),
        ).toEqual(fullAreas);
        await expectCoachesAsAggregated(providerId, filter, filters, fullCoaches);
        const logFilter =
          Object.keys(filters).length === 0
            ? { providerId }
            : {
                providerId,
                matchId: { $in: await services.journeysRepository.collection.distinct('_id', filter) },
              };
        const fullTrend = await logs.aggregate(supportTrendPipeline(logFilter)).toArray();
        expect(await services.dashboardSummaries.supportTrend(providerId, filters), JSON.stringify(filters)).toEqual(
          fullTrend,
        );
        compared += full!.overall[0]?.proposals ?? 0;
      }
    }
    expect(compared).toBeGreaterThan(matches.length);
  });
});

describe('the seeded adjustments', () => {
  it('come with a share of what helps with the demo employer, whose staff read the words, and give Sam a check to answer', async () => {
    const { services } = harness;
    const actorFor = async (email: string) => actorOf((await services.accounts.byEmail(email))!);
    const employer = await actorFor(demoAccounts.employer.email);
    const sam = await actorFor(demoAccounts.youngPerson.email);
    const shares = await services.db
      .collection('passport_shares')
      .find({ employerId: new ObjectId(employer.employerId) })
      .toArray();
    expect(shares.length).toBeGreaterThan(1);
    for (const share of shares) {
      expect(share.sections).toContain('whatHelps');
      expect(share.consent).toMatchObject({ givenAt: expect.any(Date), statement: expect.stringContaining('agree') });
    }
    const todo = await services.adjustments.employerToDo(employer);
    expect(todo.length).toBeGreaterThan(0);
    for (const { matchId } of todo) {
      const checklist = await services.adjustments.checklist(employer, matchId);
      expect(checklist.textHidden, checklist.youngPersonName).toBe(false);
      expect(checklist.items.some((item) => typeof item.text === 'string' && item.text.length > 0)).toBe(true);
    }
    const samTasks = await services.adjustments.inboxTasks(sam);
    expect(samTasks.map((task) => task.kind)).toEqual(['adjustment_check_due']);
    const samChecklist = await services.adjustments.checklist(sam, samTasks[0]!.matchId);
    expect(samChecklist.items.some((item) => item.allowedActions.includes('check'))).toBe(true);
  });

  it('hold every state, every check answer and every review decision, on the demo employer’s and coach’s journeys', async () => {
    const { db } = harness.services;
    const requests = await db.collection('adjustments').find({}).toArray();
    const seen = new Set(
      requests.flatMap((request) => [
        request.state,
        ...(request.check ? [`checked ${request.check.answer}`] : []),
        ...request.reviews.map((review: { decision: string }) => `reviewed ${review.decision}`),
      ]),
    );
    expect([...seen].sort()).toEqual(
      [
        ...adjustmentStates,
        ...checkAnswers.map((answer) => `checked ${answer}`),
        ...reviewDecisions.map((decision) => `reviewed ${decision}`),
      ].sort(),
    );
    const [coach, employer] = await Promise.all([
      db.collection('accounts').findOne({ email: demoAccounts.jobCoach.email }),
      db.collection('accounts').findOne({ email: demoAccounts.employer.email }),
    ]);
    const atDemoEmployer = requests.filter((request) => request.employerId.equals(employer!.employerId));
    expect(new Set(atDemoEmployer.map((request) => request.state))).toEqual(new Set(adjustmentStates));
    const journeys = await db
      .collection('placement_matches')
      .find({ _id: { $in: requests.map((request) => request.matchId) } })
      .toArray();
    const onCaseload = new Set(
      journeys.filter((journey) => coach!._id.equals(journey.jobCoachId)).map((journey) => journey._id.toHexString()),
    );
    const coachSees = requests.filter((request) => onCaseload.has(request.matchId.toHexString()));
    expect(new Set(coachSees.map((request) => request.state))).toEqual(new Set(adjustmentStates));
    for (const request of requests) {
      for (const day of [request.inPlace?.on, ...request.reviews.map((review: { on: string }) => review.on)])
        if (day) expect(day <= today).toBe(true);
    }
  });
});
