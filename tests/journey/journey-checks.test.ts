import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call, createHarness, fieldProblems, type Harness, type RequestBody } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, step, travelTo } from '../helpers/journey-world.js';
import {
  type EmployerWorld,
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  placementInput,
} from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-07-01T10:00:00Z'));
/** When this file's placements start: its ManualClock begins before this Monday. */
const plannedStart = '2026-09-14';
let harness: Harness;
let world: ProviderWorld;
let employer: EmployerWorld;
/** Fits Sam (profileInput): Leeds, Monday to Thursday, medium noise. */
let fittingPlacement: string;
/** In Bristol and very loud: breaks Sam's 12 km travel limit and his noise limit. */
let bristolPlacement: string;

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
  fittingPlacement = await postPlacement(harness, employer.employerId, employer.staff, { startDate: plannedStart });
  bristolPlacement = await postPlacement(harness, employer.employerId, employer.staff, {
    startDate: plannedStart,
    title: 'Café assistant',
    site: {
      address: { line1: '1 Corn Street', town: 'Bristol', postcode: 'BS1 1HQ' },
      busRoutes: [],
      stepFreeAccess: true,
    },
    environment: { ...placementInput().environment, noise: 'high' },
  });
  await harness.services.searchSync.drain();
});
afterAll(() => harness.close());
// Fresh sign-ins for each test: MongoDB's TTL monitor removes sign-ins that ended long before the real today, and this clock is in the past.
beforeEach(() => travelTo(harness, clock, '2026-07-01T10:00:00Z', [world.coach, employer.staff]));

const proposeBody = (youngPersonId: string, placementId: string, extra: Record<string, unknown> = {}) => ({
  youngPersonId,
  placementId,
  note: 'A calm kitchen close to home.',
  ...extra,
});

describe('a proposal re-checks the young person’s hard limits on the records', () => {
  it('refuses a placement that breaks them with 422, listing each limit broken in words', async () => {
    const response = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(world.youngPersonId, bristolPlacement),
    });
    expect(response.status).toBe(422);
    const details = response.error?.details as { path: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['hardLimits.environment', 'hardLimits.travel_distance']);
    expect(details.find((d) => d.path === 'hardLimits.travel_distance')!.message).toMatch(
      /^the placement is \d+\.\d km away; their limit is 12 km$/,
    );
    expect(details.find((d) => d.path === 'hardLimits.environment')!.message).toBe(
      'noise is high; their limit is medium',
    );
    expect(await harness.services.db.collection('placement_matches').countDocuments({})).toBe(0);
  });

  it('goes ahead with an override reason, recorded in the history, shown to the young person and not to the employer', async () => {
    const person = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Ana');
    const overrideReason = 'Ana is moving to Bristol in August and loves busy cafés.';
    const created = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(person.id, bristolPlacement, { overrideReason }),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.hardLimitOverride).toEqual({
      limits: ['travel_distance', 'environment'],
      reason: overrideReason,
    });
    expect(created.json.history[0]).toMatchObject({
      action: 'propose',
      hardLimitsOverridden: ['travel_distance', 'environment'],
      overrideReason,
    });

    const seenByYoungPerson = await call(harness.app, 'GET', '/v1/placement-matches/{matchId}', {
      path: { matchId: created.json.id },
      token: person.account.token,
    });
    expect(seenByYoungPerson.json.hardLimitOverride!.reason).toBe(overrideReason);

    expect((await step(harness, person.account, created.json.id, 'accept', { sections: [] })).status).toBe(200);
    const seenByEmployer = await call(harness.app, 'GET', '/v1/placement-matches/{matchId}', {
      path: { matchId: created.json.id },
      token: employer.staff.token,
    });
    expect(seenByEmployer.status).toBe(200);
    expect(seenByEmployer.json.hardLimitOverride).toBeUndefined();
    expect(seenByEmployer.json.history[0]!.overrideReason).toBeUndefined();
    expect(seenByEmployer.text).not.toContain('moving to Bristol');

    const audit = await harness.services.db
      .collection('audit_events')
      .findOne({ action: 'placement_match.propose', 'target.id': created.json.id });
    expect(audit?.details.hardLimitsOverridden).toEqual(['travel_distance', 'environment']);
  });

  it('proposes a placement that keeps every limit without any override', async () => {
    const person = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Kai');
    const created = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(person.id, fittingPlacement),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.hardLimitOverride).toBeUndefined();
  });
});

describe('the share made on accepting a proposal', () => {
  /** A young person with a proposal for `placementId`, ready to answer it. */
  async function proposed(name: string, placementId = fittingPlacement) {
    const person = await addYoungPersonWithAccount(harness, world.coach, world.providerId, name);
    const created = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(person.id, placementId),
    });
    expect(created.status, created.text).toBe(201);
    return { person, matchId: created.json.id as string };
  }

  async function sharesOf(person: { id: string; account: { token: string } }) {
    const shares = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: person.id },
      token: person.account.token,
    });
    return shares.json.items;
  }

  it('lasts until four weeks after the placement ends, and never more than a year, the most the share form offers', async () => {
    const yearLong = await postPlacement(harness, employer.employerId, employer.staff, {
      startDate: plannedStart,
      durationWeeks: 52,
      title: 'Year-long stores assistant',
    });
    const long = await proposed('Yas', yearLong);
    const accepted = await step(harness, long.person.account, long.matchId, 'accept', { sections: ['aboutMe'] });
    expect(accepted.status, accepted.text).toBe(200);
    // The placement ends on 2027-09-13; a year from 2026-07-01 comes first.
    expect((await sharesOf(long.person))[0]!.expiresAt.slice(0, 10)).toBe('2027-07-01');

    // 36 weeks from 2026-09-14 end on 2027-05-24; four weeks later is sooner than a year.
    const usual = await proposed('Noor');
    expect((await step(harness, usual.person.account, usual.matchId, 'accept', { sections: ['aboutMe'] })).status).toBe(
      200,
    );
    expect((await sharesOf(usual.person))[0]!.expiresAt.slice(0, 10)).toBe('2027-06-21');
  });

  it('lasts until the day the young person chooses, and the consent record says that day', async () => {
    const { person, matchId } = await proposed('Ravi');
    const accepted = await step(harness, person.account, matchId, 'accept', {
      sections: ['whatHelps'],
      shareUntil: '2026-10-01',
    });
    expect(accepted.status, accepted.text).toBe(200);
    const [share] = await sharesOf(person);
    expect(share!.expiresAt.slice(0, 10)).toBe('2026-10-01');
    expect(share!.consent.statement).toContain('This lasts until 2026-10-01');
  });

  it('refuses a day in the past, beyond a year or beyond four weeks after the placement, in plain words, and changes nothing', async () => {
    const { person, matchId } = await proposed('Ola');
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ shareUntil: '2026-06-30' }, 'shareUntil', /^must end after today \(2026-07-01\); choose a later day$/],
      [{ shareUntil: '2026-07-01' }, 'shareUntil', /^must end after today/],
      [
        { shareUntil: '2027-06-22' },
        'shareUntil',
        /^ends on 2027-06-22, more than four weeks after the placement ends; choose 2027-06-21 or earlier$/,
      ],
      [{ shareUntil: '2026-08-01', shareForDays: 30 }, 'shareForDays', /cannot be given with shareUntil/],
    ];
    for (const [extra, path, message] of refusals) {
      const response = await step(harness, person.account, matchId, 'accept', { sections: ['aboutMe'], ...extra });
      expect(response.status, JSON.stringify(extra)).toBe(422);
      const problems = fieldProblems(response);
      expect(problems.map((problem) => problem.path)).toEqual([path]);
      expect(problems[0]!.message).toMatch(message);
    }
    const yearLong = await postPlacement(harness, employer.employerId, employer.staff, {
      startDate: plannedStart,
      durationWeeks: 52,
      title: 'Year-long porter',
    });
    const long = await proposed('Eli', yearLong);
    const tooLong = await step(harness, long.person.account, long.matchId, 'accept', {
      sections: ['aboutMe'],
      shareUntil: '2027-07-02',
    });
    expect(tooLong.status).toBe(422);
    expect(fieldProblems(tooLong)[0]!.message).toBe(
      'ends on 2027-07-02, more than a year from today; choose 2027-07-01 or earlier (the share can be renewed before it ends)',
    );
    expect(await sharesOf(person)).toEqual([]);
    const match = await call(harness.app, 'GET', '/v1/placement-matches/{matchId}', {
      path: { matchId },
      token: person.account.token,
    });
    expect(match.json.state).toBe('proposed');
  });
});

describe('a match from /matches passes straight into a proposal', () => {
  it('takes a /matches item as it is (fitScore, reasons as an object, placement) and keeps it for the coach and young person', async () => {
    const person = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Lee');
    await harness.services.searchSync.drain();
    const matches = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/matches', {
      path: { youngPersonId: person.id },
      token: world.coach.token,
    });
    expect(matches.status).toBe(200);
    const item = matches.json.items.find(
      (entry: { placement: { id: string } }) => entry.placement.id === fittingPlacement,
    );
    expect(item).toBeDefined();
    const created = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(person.id, fittingPlacement, { match: item }),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.match).toEqual({ score: item!.fitScore, reasons: item!.reasons });
  });

  it('keeps reason kinds it does not know yet, and still takes a score with sentences', async () => {
    const first = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Max');
    const reasons = {
      distanceKm: 2.1,
      firstChoice: { sector: 'hospitality_catering' },
      freeWords: ['kitchen'],
      somethingNew: [1, 2],
    };
    const tolerant = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(first.id, fittingPlacement, { match: { fitScore: 71, reasons, rank: 3 } }),
    });
    expect(tolerant.status, tolerant.text).toBe(201);
    expect(tolerant.json.match).toEqual({ score: 71, reasons });

    const second = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Noor');
    const sentences = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(second.id, fittingPlacement, { match: { score: 64, reasons: ['Quiet kitchen'] } }),
    });
    expect(sentences.status, sentences.text).toBe(201);
    expect(sentences.json.match).toEqual({ score: 64, reasons: ['Quiet kitchen'] });
  });

  it('refuses evidence without a score, or for another placement, naming the field', async () => {
    const person = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Ola');
    const noScore = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(person.id, fittingPlacement, { match: { reasons: {} } }),
    });
    expect(noScore.status).toBe(422);
    expect(fieldProblems(noScore)[0]!.path).toBe('match.fitScore');
    const otherPlacement = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(person.id, fittingPlacement, {
        match: { fitScore: 50, reasons: {}, placement: { id: bristolPlacement } },
      }),
    });
    expect(otherPlacement.status).toBe(422);
    expect(fieldProblems(otherPlacement)[0]!.path).toBe('match.placement.id');
  });
});

describe('a start that cannot be true is refused with 422 saying why', () => {
  /** A match both sides agreed to, for a placement starting on `startDate` (Monday to Thursday). */
  async function agreedMatch(name: string, startDate: string) {
    const placementId = await postPlacement(harness, employer.employerId, employer.staff, {
      title: `Stores assistant for ${name}`,
      startDate,
    });
    const person = await addYoungPersonWithAccount(harness, world.coach, world.providerId, name);
    const created = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: proposeBody(person.id, placementId),
    });
    expect(created.status, created.text).toBe(201);
    expect((await step(harness, person.account, created.json.id, 'accept', { sections: [] })).status).toBe(200);
    expect((await step(harness, employer.staff, created.json.id, 'employer-accept', {})).status).toBe(200);
    return created.json.id as string;
  }

  it('lets the journey own the statuses it sets: staff cannot set them by hand, nor take someone off a running placement (422 naming status)', async () => {
    const matchId = await agreedMatch('Vic', '2026-09-14');
    const youngPersonId = (
      await call(harness.app, 'GET', '/v1/placement-matches/{matchId}', { path: { matchId }, token: world.coach.token })
    ).json.youngPerson.id as string;
    const patchStatus = (status: RequestBody<'patch', '/v1/young-people/{youngPersonId}'>['status']) =>
      call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
        path: { youngPersonId },
        token: world.coach.token,
        body: { status },
      });
    const byHand = await patchStatus('on_placement');
    expect(byHand.status).toBe(422);
    expect(byHand.error?.details).toEqual([
      { path: 'status', in: 'body', message: 'is set by the placement journey (the "start" step), not by hand' },
    ]);
    expect((await patchStatus('completed')).status).toBe(422);

    await travelTo(harness, clock, '2026-09-15T10:00:00Z', [world.coach, employer.staff]);
    expect((await step(harness, world.coach, matchId, 'start', { startedOn: '2026-09-14' })).status).toBe(200);
    const offPlacement = await patchStatus('active');
    expect(offPlacement.status).toBe(422);
    expect(fieldProblems(offPlacement)[0]!.path).toBe('status');
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}', {
          path: { youngPersonId },
          token: world.coach.token,
        })
      ).json.status,
    ).toBe('on_placement');
    expect((await patchStatus('on_placement')).status).toBe(200);

    const other = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Wyn');
    const leaving = await call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: other.id },
      token: world.coach.token,
      body: { status: 'withdrawn' },
    });
    expect(leaving.status, leaving.text).toBe(200);
  });

  it('refuses a first day the placement does not run, a first day far before its start, and an early one without a reason', async () => {
    const sunday = await agreedMatch('Pat', '2026-09-14');
    const nineMonthsEarly = await agreedMatch('Ren', '2027-06-14');
    const fewDaysEarly = await agreedMatch('Sol', '2026-09-21');
    await travelTo(harness, clock, '2026-09-15T10:00:00Z', [world.coach, employer.staff]);
    try {
      const onSunday = await step(harness, world.coach, sunday, 'start', {
        startedOn: '2026-09-13',
        earlyStartReason: 'Came in early',
      });
      expect(onSunday.status).toBe(422);
      expect(onSunday.error?.details).toEqual([
        {
          path: 'startedOn',
          in: 'body',
          message: 'is a Sunday; the placement runs on Monday, Tuesday, Wednesday and Thursday',
        },
      ]);

      const tooEarly = await step(harness, employer.staff, nineMonthsEarly, 'start', {
        startedOn: '2026-09-14',
        earlyStartReason: 'Keen to begin',
      });
      expect(tooEarly.status).toBe(422);
      expect(fieldProblems(tooEarly)[0]).toMatchObject({ path: 'startedOn' });
      expect(fieldProblems(tooEarly)[0]!.message).toContain('273 days before the placement');

      const noReason = await step(harness, world.coach, fewDaysEarly, 'start', { startedOn: '2026-09-14' });
      expect(noReason.status).toBe(422);
      expect(fieldProblems(noReason)[0]).toMatchObject({ path: 'earlyStartReason' });
      for (const matchId of [sunday, nineMonthsEarly, fewDaysEarly]) {
        expect(
          (
            await call(harness.app, 'GET', '/v1/placement-matches/{matchId}', {
              path: { matchId },
              token: world.coach.token,
            })
          ).json.state,
        ).toBe('agreed');
      }
    } finally {
      await travelTo(harness, clock, '2026-07-01T10:00:00Z', [world.coach, employer.staff]);
    }
  });

  it('allows a start a few days early with a reason, and keeps the reason with the match', async () => {
    const matchId = await agreedMatch('Tam', '2026-09-21');
    const onTime = await agreedMatch('Uma', '2026-09-14');
    await travelTo(harness, clock, '2026-09-15T10:00:00Z', [world.coach, employer.staff]);
    try {
      const reason = 'An induction week with the job coach before the rota starts';
      const started = await step(harness, world.coach, matchId, 'start', {
        startedOn: '2026-09-14',
        earlyStartReason: reason,
      });
      expect(started.status, started.text).toBe(200);
      expect(started.json).toMatchObject({ state: 'in_progress', startedOn: '2026-09-14', earlyStartReason: reason });
      const startedOnTime = await step(harness, employer.staff, onTime, 'start', { startedOn: '2026-09-14' });
      expect(startedOnTime.status, startedOnTime.text).toBe(200);
      expect(startedOnTime.json.earlyStartReason).toBeUndefined();
    } finally {
      await travelTo(harness, clock, '2026-07-01T10:00:00Z', [world.coach, employer.staff]);
    }
  });
});
