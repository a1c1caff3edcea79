import type { ObjectId } from 'mongodb';
import { addDays, addMonths, addYears, isoDate } from '../src/core/dates.js';
import { startedStates } from '../src/journey/journey.machine.js';
import type { JourneyDoc } from '../src/journey/journey.repository.js';
import { type FollowUpActivity, followUpMonths, type PayBand } from '../src/outcomes/outcomes.rules.js';
import type { LoadPart } from './load-part.js';
import { Random } from './random.js';

/**
 * The year after the internship for the demo data, so the job-outcome report shows realistic
 * rates at once: for every intern of the seeded journey history, the outcomes of their EHC plan
 * and its review dates; for every internship that ended, whether the core aims were met and the
 * follow-ups at 6, 9 and 12 months that are due (about 1 in 10 not yet recorded). Rates follow the
 * UK results DFN Project SEARCH reports: about 6 in 10 in paid work of 16+ hours by 9 months.
 */

const planOutcomes = [
  'Travel independently to a place of work',
  'Communicate with colleagues and ask for help when needed',
  'Manage money, including a wage and a bus pass',
  'Follow a work routine with fewer prompts',
  'Use English and maths at work: reading a rota, counting stock',
  'Keep safe at work and online',
  'Find and keep paid work after the internship',
];

const notMet = [
  'English at Entry 3 not yet achieved',
  'Attendance below what the programme needs',
  'Maths at Entry 2 not yet achieved',
  'Left the placement before the last rotation',
];

type StoredActedBy = { accountId: ObjectId; role: 'job_coach' };

interface FollowUpDoc {
  month: number;
  dueOn: string;
  checkedOn: string;
  activity: FollowUpActivity;
  hoursPerWeek?: number;
  payBand?: PayBand;
  sameEmployer?: boolean;
  recordedAt: Date;
  recordedBy: StoredActedBy;
}

/** An outcome's id, the same on every load of the same seed. */
const hexId = (random: Random) => Array.from({ length: 24 }, () => random.int(0, 15).toString(16)).join('');

/** Where the intern is at each follow-up: once in a job, usually still in it. */
function followUpsOf(match: JourneyDoc, today: string, random: Random, by: StoredActedBy): FollowUpDoc[] {
  const endedOn = match.endedOn!;
  const outcome = match.outcome;
  let working =
    outcome?.type === 'paid_employment'
      ? { hours: outcome.hoursPerWeek, same: outcome.employer === 'same' }
      : outcome?.type === 'apprenticeship'
        ? { hours: 30, same: random.chance(0.5) }
        : undefined;
  let other: FollowUpActivity =
    outcome?.type === 'further_education' || outcome?.type === 'volunteering' ? outcome.type : 'nothing_yet';
  const followUps: FollowUpDoc[] = [];
  for (const month of followUpMonths) {
    const dueOn = addMonths(endedOn, month);
    if (dueOn > today) break;
    // Where the journey's own 12-month follow-up says how it ended, the months before lead there.
    const endsEmployed = match.followUp?.stillEmployed;
    const gain = endsEmployed === undefined ? 0.22 : endsEmployed ? 0.5 : 0.05;
    const lose = endsEmployed === undefined ? 0.06 : endsEmployed ? 0 : 0.45;
    if (!working && random.chance(gain)) working = { hours: random.pick([16, 20, 24, 30, 37.5, 12]), same: false };
    else if (working && random.chance(lose)) working = undefined;
    if (!working && other === 'nothing_yet' && random.chance(0.2))
      other = random.pick(['volunteering', 'further_education']);
    if (month === 12 && match.followUp) {
      if (endsEmployed && !working) working = { hours: match.followUp.hoursPerWeek ?? 16, same: false };
      if (!endsEmployed) working = undefined;
    }
    if (random.chance(0.1) && !(month === 12 && match.followUp)) continue;
    const checkedOn = [addDays(dueOn, random.int(0, 20)), today].sort()[0]!;
    const paid = working
      ? {
          activity: (outcome?.type === 'apprenticeship' ? 'apprenticeship' : 'paid_job') as FollowUpActivity,
          hoursPerWeek: working.hours,
          payBand: random.weighted<PayBand>([
            ['at', 7],
            ['above', 2],
            ['below', 1],
          ]),
          sameEmployer: working.same,
        }
      : { activity: other };
    followUps.push({
      month,
      dueOn,
      checkedOn,
      ...paid,
      recordedAt: new Date(`${checkedOn}T11:00:00Z`),
      recordedBy: by,
    });
  }
  return followUps;
}

/**
 * The load part (see seed/load.ts, `loadParts`): runs after the journey history, which it reads
 * back, so it refers only to journeys that were written.
 */
export const internshipOutcomesHistory: LoadPart = {
  label: 'internship outcomes',
  total: (dataset) => dataset.settings.youngPeople,
  async run(context, progress) {
    const { services, dataset, now } = context;
    const today = isoDate(now);
    const { db } = services;
    const started = await services.journeysRepository.collection
      .find({ state: { $in: [...startedStates] } })
      .sort({ _id: 1 })
      .toArray();
    const plans = new Map<string, Record<string, unknown>>();
    const outcomes: Record<string, unknown>[] = [];
    for (const match of started) {
      const random = new Random(dataset.settings.seed, 'outcomes', match._id.toHexString());
      const by: StoredActedBy = { accountId: match.jobCoachId ?? match.history[0]!.by.accountId, role: 'job_coach' };
      const youngPersonId = match.youngPersonId.toHexString();
      if (!plans.has(youngPersonId)) {
        const chosen = [...planOutcomes].sort(() => random.next() - 0.5).slice(0, random.int(2, 4));
        const lastReviewOn = addDays(match.startedOn!, -random.int(20, 200));
        let nextReviewOn = addYears(lastReviewOn, 1);
        while (nextReviewOn < today && match.state === 'in_progress') nextReviewOn = addYears(nextReviewOn, 1);
        plans.set(youngPersonId, {
          _id: match.youngPersonId,
          providerId: match.providerId,
          outcomes: chosen.map((text) => ({ id: hexId(random), text })),
          lastReviewOn,
          nextReviewOn,
          updatedAt: new Date(`${lastReviewOn}T10:00:00Z`),
          updatedBy: by,
        });
      }
      if (!match.endedOn || match.state === 'in_progress') continue;
      const met = random.chance(0.8);
      outcomes.push({
        _id: match._id,
        youngPersonId: match.youngPersonId,
        providerId: match.providerId,
        coreAims: {
          met,
          ...(met ? {} : { missing: random.pick(notMet) }),
          recordedAt: new Date(`${match.endedOn}T15:00:00Z`),
          recordedBy: by,
        },
        followUps: followUpsOf(match, today, random, by),
      });
    }
    for (let i = 0; i < outcomes.length; i += context.batchSize)
      await db.collection('internship_outcomes').insertMany(outcomes.slice(i, i + context.batchSize) as never[]);
    const planDocs = [...plans.values()];
    for (let i = 0; i < planDocs.length; i += context.batchSize)
      await db.collection('ehc_plans').insertMany(planDocs.slice(i, i + context.batchSize) as never[]);
    progress.advance(dataset.settings.youngPeople);
  },
};
