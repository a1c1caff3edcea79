import { type Document, ObjectId } from 'mongodb';
import { actorOf } from '../src/auth/auth.service.js';
import { addDays } from '../src/core/dates.js';
import { inTransaction } from '../src/core/db/transaction.js';
import type { JourneyDoc } from '../src/journey/journey.repository.js';
import { personFacts } from '../src/matching/facts.js';
import { hardLimitViolations } from '../src/matching/hard-limits.js';
import { placementSearchDoc } from '../src/search-sync/documents.js';
import { demoAccounts } from './demo-accounts.js';
import { recordId } from './generate.js';
import type { LoadContext } from './load-part.js';

/** Days since Sam's first adjustment was put in place: inside the window in which its check is due. */
const samInPlaceDaysAgo = 9;

/** The account that gives consent for a young person: their own, or a delegate who may share for them. */
async function consentGiver(context: LoadContext, youngPersonId: ObjectId) {
  const doc =
    (await context.services.db.collection('accounts').findOne({ role: 'young_person', youngPersonId })) ??
    (await context.services.db.collection('accounts').findOne({
      role: 'delegate',
      actsFor: { $elemMatch: { youngPersonId, rights: 'share_passport' } },
    }));
  return doc ? context.services.accounts.byEmail(doc.email) : undefined;
}

/**
 * Shares "what helps me at work" with the demo employer, through the passport service that
 * records consent (who, when, for what, until when) and turns the helps into requests, for the
 * young people whose journeys there carry adjustments: the employer reads their words.
 */
export async function shareHelpsWithDemoEmployer(
  context: LoadContext,
  employerId: ObjectId,
  youngPersonIds: ObjectId[],
  placementId?: ObjectId,
) {
  const { services } = context;
  const employer = await services.db.collection('employers').findOne({ _id: employerId });
  for (const youngPersonId of youngPersonIds) {
    const [giver, person] = await Promise.all([
      consentGiver(context, youngPersonId),
      services.db.collection('young_people').findOne({ _id: youngPersonId }),
    ]);
    if (!giver || !person) continue;
    await inTransaction(services.mongo, (session) =>
      services.passports.createShare(
        actorOf(giver),
        { id: youngPersonId.toHexString(), providerId: person.providerId.toHexString() },
        {
          employerId: employerId.toHexString(),
          employerName: employer?.name ?? 'the employer',
          ...(placementId ? { placementId: placementId.toHexString() } : {}),
          sections: ['whatHelps'],
          purpose: `So that ${employer?.name ?? 'the employer'} can put in place the adjustments I need`,
          expiresInDays: 365,
        },
        'seed',
        session,
      ),
    );
  }
}

/** Another open placement of the proposal's employer that keeps the young person's hard limits. */
async function placementWithinLimits(context: LoadContext, proposal: JourneyDoc) {
  const { services } = context;
  const candidates = await services.db
    .collection('placements')
    .find({ employerId: proposal.employerId, status: 'open', _id: { $ne: proposal.placementId } })
    .sort({ _id: 1 })
    .toArray();
  const [person] = await services.youngPeopleRepository.byIds([proposal.youngPersonId.toHexString()]);
  const [employer] = await services.employersRepository.byIds([proposal.employerId.toHexString()]);
  if (!person || !employer) return undefined;
  const placements = await services.placementsRepository.byIds(candidates.map((doc) => doc._id.toHexString()));
  const fits = placements.find((placement) =>
    hardLimitViolations(personFacts(person), placementSearchDoc(placement, employer)).every(
      (limit) => limit === 'placement_open',
    ),
  );
  return candidates.find((doc) => doc._id.toHexString() === fits?.id);
}

/**
 * Sam's placement agreed at the demo employer beside the proposal still to answer, with what helps
 * Sam shared for it and the first help in place for 9 days: Sam has a check to answer on first sign-in.
 */
export async function samAgreedWithAdjustments(context: LoadContext, employerStaffId: ObjectId) {
  const { db } = context.services;
  const sam = await db.collection('accounts').findOne({ email: demoAccounts.youngPerson.email });
  if (!sam?.youngPersonId) return;
  const matches = db.collection<JourneyDoc>('placement_matches');
  const proposal = await matches.findOne({ youngPersonId: sam.youngPersonId, state: 'proposed' });
  if (!proposal) return;
  const placement = await placementWithinLimits(context, proposal);
  if (!placement) return;
  const today = context.now.toISOString().slice(0, 10);
  const day = (daysAgo: number) => new Date(`${addDays(today, -daysAgo)}T10:00:00Z`);
  const coach = proposal.history[0]!.by;
  const youngPerson = { accountId: sam._id, role: 'young_person' as const };
  const employer = { accountId: employerStaffId, role: 'employer' as const };
  const agreedJourney: Document = {
    ...proposal,
    // Past every index the history counts up to, so the id is the same on every run and clashes with none.
    _id: new ObjectId(recordId(context.dataset.settings, 'placementMatch', 0xfffffff0)),
    placementId: placement._id,
    sector: placement.sector,
    state: 'agreed',
    active: true,
    visibleToEmployer: true,
    youngPersonResponse: { accepted: true, at: day(20), by: youngPerson, sharedSections: ['whatHelps'] },
    employerDecision: { accepted: true, at: day(18), by: employer },
    history: [
      { action: 'propose', to: 'proposed', at: day(24), by: coach },
      { action: 'accept', from: 'proposed', to: 'awaiting_employer', at: day(20), by: youngPerson },
      { action: 'employer_accept', from: 'awaiting_employer', to: 'agreed', at: day(18), by: employer },
    ],
    proposedAt: day(24),
    updatedAt: day(18),
  };
  await matches.insertOne(agreedJourney as JourneyDoc);
  await shareHelpsWithDemoEmployer(context, proposal.employerId, [sam.youngPersonId], placement._id);
  // Consent was given when Sam said yes, 20 days ago; the share service dates it today.
  const share = await db
    .collection('passport_shares')
    .findOneAndUpdate(
      { youngPersonId: sam.youngPersonId, placementId: placement._id },
      { $set: { 'consent.givenAt': day(20) } },
    );
  if (share)
    await matches.updateOne({ _id: agreedJourney._id }, { $set: { 'youngPersonResponse.shareId': share._id } });
  const adjustments = context.services.adjustmentsRepository.adjustments;
  await adjustments.updateMany({ matchId: agreedJourney._id }, { $set: { requestedAt: day(20) } });
  const first = await adjustments.findOne({ matchId: agreedJourney._id }, { sort: { _id: 1 } });
  if (!first) return;
  const inPlaceOn = addDays(today, -samInPlaceDaysAgo);
  await adjustments.updateOne(
    { _id: first._id },
    {
      $set: {
        state: 'in_place',
        agreed: { who: 'The supervisor', byDate: inPlaceOn, payer: 'employer', by: employer, at: day(17) },
        inPlace: { on: inPlaceOn, by: employer, at: day(samInPlaceDaysAgo) },
        updatedAt: day(samInPlaceDaysAgo),
      },
    },
  );
}
