import { type Document, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../seed/generate.js';
import { loadDataset } from '../../seed/load.js';
import { actorOf } from '../../src/auth/auth.service.js';
import { ManualClock } from '../../src/core/clock.js';
import { addMonths } from '../../src/core/dates.js';
import { createHarness, type Harness } from '../helpers/harness.js';

const today = '2026-11-27';
let harness: Harness;

beforeAll(async () => {
  harness = await createHarness({ clock: new ManualClock(new Date(`${today}T12:00:00Z`)) });
  await loadDataset(harness.services, generate({ today }), { buildSearch: false });
});
afterAll(() => harness.close());

interface Counted {
  interns: number;
  completed: number;
  coreAimsMet: number;
  coreAimsRecorded: number;
  due: Record<6 | 9 | 12, number>;
  inWork: Record<6 | 9 | 12, number>;
  dueWithin9: number;
  inWorkWithin9: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * The figures counted the long way: every started journey of the provider read from MongoDB, its
 * follow-ups looked up one by one, each rule written out again here from the definitions.
 */
async function countByHand(filter: Document, groupOf: (match: Document) => string | null) {
  const { db } = harness.services;
  const matches = await db
    .collection('placement_matches')
    .find({ ...filter, state: { $in: ['in_progress', 'completed', 'followed_up'] } })
    .toArray();
  const groups = new Map<string | null, Counted>();
  for (const match of matches) {
    const key = groupOf(match);
    const counted = groups.get(key) ?? {
      interns: 0,
      completed: 0,
      coreAimsMet: 0,
      coreAimsRecorded: 0,
      due: { 6: 0, 9: 0, 12: 0 },
      inWork: { 6: 0, 9: 0, 12: 0 },
      dueWithin9: 0,
      inWorkWithin9: 0,
    };
    groups.set(key, counted);
    counted.interns += 1;
    if (match.state === 'in_progress' || !match.endedOn) continue;
    counted.completed += 1;
    const record = await db.collection('internship_outcomes').findOne({ _id: match._id });
    if (record?.coreAims) {
      counted.coreAimsRecorded += 1;
      if (record.coreAims.met) counted.coreAimsMet += 1;
    }
    const followUps: { month: number; activity: string; hoursPerWeek?: number }[] = [...(record?.followUps ?? [])];
    if (match.followUp && !followUps.some((followUp) => followUp.month === 12))
      followUps.push({
        month: 12,
        activity: match.followUp.stillEmployed ? 'paid_job' : 'nothing_yet',
        hoursPerWeek: match.followUp.hoursPerWeek,
      });
    const working = (month: number) =>
      followUps.some(
        (followUp) =>
          followUp.month === month &&
          (followUp.activity === 'paid_job' || followUp.activity === 'apprenticeship') &&
          (followUp.hoursPerWeek ?? 0) >= 16,
      );
    for (const month of [6, 9, 12] as const) {
      if (addMonths(match.endedOn, month) > today) continue;
      counted.due[month] += 1;
      if (working(month)) counted.inWork[month] += 1;
    }
    if (addMonths(match.endedOn, 9) <= today) {
      counted.dueWithin9 += 1;
      if (working(6) || working(9)) counted.inWorkWithin9 += 1;
    }
  }
  return new Map(
    [...groups].map(([key, c]) => {
      const within9 = percent(c.inWorkWithin9, c.dueWithin9);
      const month = (m: 6 | 9 | 12) => ({
        due: c.due[m],
        inPaidWork16Hours: c.inWork[m],
        percent: percent(c.inWork[m], c.due[m]),
      });
      return [
        key,
        {
          interns: c.interns,
          completed: c.completed,
          coreAimsMet: c.coreAimsMet,
          coreAimsRecorded: c.coreAimsRecorded,
          coreAimsMetPercent: percent(c.coreAimsMet, c.completed),
          at6Months: month(6),
          at9Months: month(9),
          at12Months: month(12),
          within9Months: {
            due: c.dueWithin9,
            inPaidWork16Hours: c.inWorkWithin9,
            percent: within9,
            fidelity: within9 === null ? 'not_yet_known' : within9 >= 70 ? 'within_band' : 'below_band',
          },
        },
      ];
    }),
  );
}

const byKey = (rows: { key: string | null; label: string }[]) =>
  new Map(rows.map(({ key, label: _label, ...figures }) => [key, figures]));

describe('the job-outcome report over the seeded history', () => {
  it('equals a full count of every provider’s journeys and follow-ups, overall and by local authority, sector and job coach', async () => {
    const { services } = harness;
    const admins = await services.accounts.collection.find({ role: 'provider_admin' }).toArray();
    expect(admins.length).toBeGreaterThan(0);
    for (const admin of admins) {
      const actor = actorOf((await services.accounts.byId(admin._id.toHexString()))!);
      const providerId = new ObjectId(actor.providerId);
      for (const filters of [{}, { academicYear: 2024 }, { academicYear: 2025, sector: 'retail' as const }]) {
        const report = await services.outcomes.jobOutcomes(actor, filters);
        const filter = {
          providerId,
          ...('academicYear' in filters ? { cohortYear: filters.academicYear } : {}),
          ...('sector' in filters ? { sector: filters.sector } : {}),
        };
        const overall = await countByHand(filter, () => null);
        const context = JSON.stringify({ provider: actor.providerId, filters });
        if (overall.has(null)) expect(report.overall, context).toEqual(overall.get(null));
        else expect(report.overall.interns, context).toBe(0);
        expect(byKey(report.byLocalAuthority), context).toEqual(
          await countByHand(filter, (match) => match.localAuthority ?? null),
        );
        expect(byKey(report.bySector), context).toEqual(await countByHand(filter, (match) => match.sector));
        expect(byKey(report.byJobCoach), context).toEqual(
          await countByHand(filter, (match) => match.jobCoachId?.toHexString() ?? null),
        );
      }
    }
  });

  it('shows realistic rates for the past cohorts: about 6 in 10 in paid work of 16+ hours within 9 months', async () => {
    const { services } = harness;
    const admin = (await services.accounts.collection.findOne({ role: 'provider_admin' }))!;
    const actor = actorOf((await services.accounts.byId(admin._id.toHexString()))!);
    const report = await services.outcomes.jobOutcomes(actor, { academicYear: 2023 });
    expect(report.overall.within9Months.due).toBeGreaterThan(5);
    expect(report.overall.within9Months.percent).toBeGreaterThanOrEqual(35);
    expect(report.overall.within9Months.percent).toBeLessThanOrEqual(90);
    expect(report.overall.coreAimsMetPercent).toBeGreaterThan(50);
  });
});
