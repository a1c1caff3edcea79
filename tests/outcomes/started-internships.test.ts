import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../seed/generate.js';
import { loadDataset } from '../../seed/load.js';
import { actorOf } from '../../src/auth/auth.service.js';
import type { Actor } from '../../src/auth/policy.js';
import { ManualClock } from '../../src/core/clock.js';
import { startedStates } from '../../src/journey/journey.machine.js';
import { StartedInternshipsReadModel } from '../../src/read-models/started-internships.js';
import { createHarness, type Harness } from '../helpers/harness.js';

const today = '2026-11-27';
let harness: Harness;
let admin: Actor;

beforeAll(async () => {
  harness = await createHarness({ clock: new ManualClock(new Date(`${today}T12:00:00Z`)) });
  await loadDataset(harness.services, generate({ today }), { buildSearch: false });
  const account = await harness.services.accounts.byEmail('admin@demo.example');
  if (!account) throw new Error('The seed has no admin@demo.example');
  admin = actorOf(account);
}, 240_000);
afterAll(() => harness.close());

/** The provider's started internships the long way: every journey read whole, filtered and sorted in plain code. */
async function startedTheLongWay(providerId: string) {
  const matches = await harness.services.journeysRepository.collection.find({}).toArray();
  return matches
    .filter(
      (match) =>
        match.providerId.toHexString() === providerId &&
        (startedStates as readonly string[]).includes(match.state) &&
        match.startedOn !== undefined,
    )
    .sort((a, b) =>
      (a.startedOn ?? '') === (b.startedOn ?? '')
        ? a._id.toHexString().localeCompare(b._id.toHexString())
        : (a.startedOn ?? '').localeCompare(b.startedOn ?? ''),
    )
    .map((match) => match._id.toHexString());
}

describe('the started internships the study programme and the outcome reports read', () => {
  it('are every internship of the provider that started, earliest start first', async () => {
    const providerId = admin.providerId ?? '';
    const expected = await startedTheLongWay(providerId);
    expect(expected.length).toBeGreaterThan(0);
    const started = await new StartedInternshipsReadModel({
      matches: harness.services.journeysRepository,
    }).started({ providerId });
    expect(started.map((internship) => internship.matchId)).toEqual(expected);
  });

  it('are the same internships in the ILR export and the job-outcome report', async () => {
    const expected = await startedTheLongWay(admin.providerId ?? '');
    const ilr = await harness.services.study.ilrWorkPlacements(admin, {});
    expect(ilr.map((row) => row.placementMatchId)).toEqual(expected);
    const report = await harness.services.outcomes.jobOutcomes(admin, {});
    expect(report.overall.interns).toBe(expected.length);
  });
});
