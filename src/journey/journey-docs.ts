import { ObjectId } from 'mongodb';
import type { ActedBy, Journey, StepFields } from './journey.model.js';
import type { JourneyDoc, StoredActedBy } from './journeys.collection.js';

// A match is stored with ObjectIds and read everywhere else with hex strings: these map one to the other.
const actedBy = (stored: StoredActedBy): ActedBy => ({ accountId: stored.accountId.toHexString(), role: stored.role });
export const storedActedBy = (by: ActedBy): StoredActedBy => ({ accountId: new ObjectId(by.accountId), role: by.role });

function responseFromDoc({
  by,
  shareId,
  ...rest
}: NonNullable<JourneyDoc['youngPersonResponse']>): NonNullable<Journey['youngPersonResponse']> {
  return { ...rest, by: actedBy(by), ...(shareId ? { shareId: shareId.toHexString() } : {}) };
}

export function toJourney(doc: JourneyDoc): Journey {
  const {
    _id,
    youngPersonId,
    providerId,
    jobCoachId,
    placementId,
    employerId,
    active: _active,
    youngPersonResponse,
    taster,
    employerDecision,
    rotations,
    followUp,
    withdrawal,
    history,
    ...rest
  } = doc;
  return {
    ...rest,
    id: _id.toHexString(),
    youngPersonId: youngPersonId.toHexString(),
    providerId: providerId.toHexString(),
    ...(jobCoachId ? { jobCoachId: jobCoachId.toHexString() } : {}),
    placementId: placementId.toHexString(),
    employerId: employerId.toHexString(),
    ...(youngPersonResponse ? { youngPersonResponse: responseFromDoc(youngPersonResponse) } : {}),
    ...(taster ? { taster: { ...taster, arrangedBy: actedBy(taster.arrangedBy) } } : {}),
    ...(employerDecision ? { employerDecision: { ...employerDecision, by: actedBy(employerDecision.by) } } : {}),
    rotations: rotations.map((rotation) => ({ ...rotation, recordedBy: actedBy(rotation.recordedBy) })),
    ...(followUp ? { followUp: { ...followUp, recordedBy: actedBy(followUp.recordedBy) } } : {}),
    ...(withdrawal ? { withdrawal: { ...withdrawal, by: actedBy(withdrawal.by) } } : {}),
    history: history.map((entry) => ({ ...entry, by: actedBy(entry.by) })),
  };
}

function responseDoc({
  shareId,
  by,
  ...rest
}: NonNullable<Journey['youngPersonResponse']>): NonNullable<JourneyDoc['youngPersonResponse']> {
  return { ...rest, by: storedActedBy(by), ...(shareId ? { shareId: new ObjectId(shareId) } : {}) };
}

export function stepFieldsDoc(fields: StepFields): Partial<JourneyDoc> {
  const { youngPersonResponse: response, taster, employerDecision: decision, followUp, withdrawal, ...plain } = fields;
  return {
    ...plain,
    ...(response ? { youngPersonResponse: responseDoc(response) } : {}),
    ...(taster ? { taster: { ...taster, arrangedBy: storedActedBy(taster.arrangedBy) } } : {}),
    ...(decision ? { employerDecision: { ...decision, by: storedActedBy(decision.by) } } : {}),
    ...(followUp ? { followUp: { ...followUp, recordedBy: storedActedBy(followUp.recordedBy) } } : {}),
    ...(withdrawal ? { withdrawal: { ...withdrawal, by: storedActedBy(withdrawal.by) } } : {}),
  };
}
