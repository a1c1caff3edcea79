import { type Document, ObjectId } from 'mongodb';
import type { AdjustmentKind, AdjustmentState } from '../src/adjustments/adjustments.machine.js';
import { journeyStatesWithAdjustments } from '../src/adjustments/adjustments.machine.js';
import { addDays } from '../src/core/dates.js';
import { samAgreedWithAdjustments, shareHelpsWithDemoEmployer } from './adjustment-shares.js';
import { demoAccounts } from './demo-accounts.js';
import type { LoadPart } from './load-part.js';

/**
 * Adjustment requests in every state on the demo journeys, so that the demo employer's checklist
 * and home, and the demo job coach's journeys and reviews, have them on first sign-in. They go on
 * the demo employer's placements under way (the demo coach's caseload first). The young people
 * there share "what helps me at work" with the demo employer, so its staff read the words; Sam
 * has an agreed placement there with a check to answer (seed/adjustment-shares.ts).
 */

type Story = {
  state: AdjustmentState;
  kind: AdjustmentKind;
  text: string;
  history: (start: string, youngPerson: ObjectId, employer: ObjectId) => Document;
};

const by = (accountId: ObjectId, role: string) => ({ accountId, role });

/** What each request went through, as the service would have recorded it, dated from the placement's first day. */
function stories(coach: ObjectId, today: string): Story[] {
  // A placement that started lately has had less time: nothing is dated after today.
  const upTo = (day: string) => (day < today ? day : today);
  const at = (day: string) => new Date(`${upTo(day)}T10:00:00Z`);
  const agreed = (start: string, employer: ObjectId) => ({
    agreed: { who: 'The supervisor', byDate: start, payer: 'employer', by: by(employer, 'employer'), at: at(start) },
  });
  const inPlace = (start: string, employer: ObjectId, days: number) => ({
    ...agreed(start, employer),
    inPlace: { on: upTo(addDays(start, days)), by: by(employer, 'employer'), at: at(addDays(start, days)) },
  });
  const checked = (answer: string, why: string) => (start: string, youngPerson: ObjectId, employer: ObjectId) => ({
    ...inPlace(start, employer, 3),
    check: { answer, why, by: by(youngPerson, 'young_person'), at: at(addDays(start, 12)) },
  });
  const review = (decision: string, note: string, start: string) => ({
    reviews: [{ decision, note, on: upTo(addDays(start, 42)), by: by(coach, 'job_coach'), at: at(addDays(start, 42)) }],
  });
  return [
    { state: 'requested', kind: 'instructions', text: 'Tasks written down, one step at a time', history: () => ({}) },
    {
      state: 'agreed',
      kind: 'equipment',
      text: 'A headset to block out noise',
      history: (start, _youngPerson, employer) => agreed(start, employer),
    },
    {
      state: 'not_possible',
      kind: 'hours_and_breaks',
      text: 'Start at 10 so I miss the busy bus',
      history: (start, _youngPerson, employer) => ({
        notPossible: {
          reason: 'Breakfast service needs everyone from 8.',
          alternative: 'Start at 8:30 with a lift from a colleague.',
          by: by(employer, 'employer'),
          at: at(start),
        },
      }),
    },
    {
      state: 'in_place',
      kind: 'environment',
      text: 'A quiet place to take my breaks',
      history: (start, _youngPerson, employer) => inPlace(start, employer, 2),
    },
    {
      state: 'checked',
      kind: 'communication',
      text: 'Tell me about changes a day before',
      history: checked('yes', 'I know what is coming.'),
    },
    {
      state: 'checked',
      kind: 'instructions',
      text: 'A picture checklist for each room',
      history: checked('a_bit', 'It helps, but some pictures are old.'),
    },
    {
      state: 'checked',
      kind: 'other',
      text: 'The same buddy on every shift',
      history: checked('no', 'My buddy is often on a different floor.'),
    },
    {
      state: 'checked',
      kind: 'travel',
      text: 'Meet me at the bus stop in my first week',
      history: checked('not_sure', 'I have only done it twice.'),
    },
    {
      state: 'checked',
      kind: 'hours_and_breaks',
      text: 'A 10 minute break every 2 hours',
      history: (start, youngPerson, employer) => ({
        ...checked('yes', 'I can keep going.')(start, youngPerson, employer),
        ...review('keep', 'Still needed.', start),
      }),
    },
    {
      state: 'requested',
      kind: 'equipment',
      text: 'A trolley with labelled shelves',
      history: (start) => review('change', 'The labels need to be bigger; asked again.', start),
    },
    {
      state: 'stopped',
      kind: 'environment',
      text: 'Work away from the laundry room',
      history: (start, _youngPerson, employer) => ({
        ...inPlace(start, employer, 5),
        ...review('stop', 'Not needed any more.', start),
      }),
    },
  ];
}

export const demoAdjustments: LoadPart = {
  label: 'adjustments',
  total: () => 1,
  async run(context, progress) {
    const { db } = context.services;
    const [coach, employerStaff] = await Promise.all([
      db.collection('accounts').findOne({ email: demoAccounts.jobCoach.email }),
      db.collection('accounts').findOne({ email: demoAccounts.employer.email }),
    ]);
    if (!coach || !employerStaff?.employerId) return;
    await samAgreedWithAdjustments(context, employerStaff._id);
    const underWay = { state: { $in: [...journeyStatesWithAdjustments] }, startedOn: { $exists: true } };
    const matches = db.collection('placement_matches');
    const atEmployer = await matches
      .find({ ...underWay, employerId: employerStaff.employerId, visibleToEmployer: true })
      .toArray();
    const ofCoach = await matches
      .find({
        ...underWay,
        jobCoachId: coach._id,
        visibleToEmployer: true,
        _id: { $nin: atEmployer.map((j) => j._id) },
      })
      .toArray();
    const staffOf = new Map<string, ObjectId>([[employerStaff.employerId.toHexString(), employerStaff._id]]);
    for (const journey of ofCoach) {
      const key = journey.employerId.toHexString();
      if (staffOf.has(key)) continue;
      const staff = await db.collection('accounts').findOne({ role: 'employer', employerId: journey.employerId });
      if (staff) staffOf.set(key, staff._id);
    }
    const now = context.now;
    const today = now.toISOString().slice(0, 10);
    // Every story is told once to the demo employer and once on the demo coach's caseload, dealt
    // round the journeys, so each state is there for both however few journeys there are.
    const docs = [atEmployer, ofCoach.filter((journey) => staffOf.has(journey.employerId.toHexString()))].flatMap(
      (journeys) =>
        journeys.length === 0
          ? []
          : stories(coach._id, today).map((story, index) => {
              const journey = journeys[index % journeys.length]!;
              const employer = staffOf.get(journey.employerId.toHexString())!;
              return {
                _id: new ObjectId(),
                matchId: journey._id,
                youngPersonId: journey.youngPersonId,
                providerId: journey.providerId,
                employerId: journey.employerId,
                placementId: journey.placementId,
                kind: story.kind,
                text: story.text,
                source: { from: 'job_coach' },
                state: story.state,
                requestedAt: new Date(`${addDays(journey.startedOn, -7)}T10:00:00Z`),
                requestedBy: by(coach._id, 'job_coach'),
                observations: [],
                reviews: [],
                remindersSent: [],
                ...story.history(journey.startedOn, journey.youngPersonId, employer),
                updatedAt: now,
              };
            }),
    );
    if (docs.length > 0) await context.services.adjustmentsRepository.adjustments.insertMany(docs as never[]);
    const sharers = new Map(atEmployer.map((journey) => [journey.youngPersonId.toHexString(), journey.youngPersonId]));
    await shareHelpsWithDemoEmployer(context, employerStaff.employerId, [...sharers.values()]);
    progress.advance(1);
  },
};
