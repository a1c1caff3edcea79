import type { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import { passportSections, type Role, type Sector, sectors } from '../domain/vocabulary.js';
import { hardLimits } from '../matching/hard-limits.js';
import { type JourneyState, journeyParties, journeyStates } from './journey.machine.js';
import type { HardLimitOverride, HistoryEntry, Journey, Rotation } from './journey.model.js';
import { type Outcome, outcomeTypes, tasterKinds } from './journey.schemas.js';

export type StoredActedBy = { accountId: ObjectId; role: Role };

export interface JourneyDoc {
  _id: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  jobCoachId?: ObjectId;
  placementId: ObjectId;
  employerId: ObjectId;
  state: JourneyState;
  /** True while the state is one of `activeStates`; backs the one-active-match-per-placement index. */
  active: boolean;
  visibleToEmployer: boolean;
  note: string;
  hardLimitOverride?: HardLimitOverride;
  match?: Journey['match'];
  cohortYear: number;
  localAuthority?: string;
  sector: Sector;
  youngPersonResponse?: Omit<NonNullable<Journey['youngPersonResponse']>, 'by' | 'shareId'> & {
    by: StoredActedBy;
    shareId?: ObjectId;
  };
  taster?: Omit<NonNullable<Journey['taster']>, 'arrangedBy'> & { arrangedBy: StoredActedBy };
  employerDecision?: Omit<NonNullable<Journey['employerDecision']>, 'by'> & { by: StoredActedBy };
  startedOn?: string;
  earlyStartReason?: string;
  rotations: (Omit<Rotation, 'recordedBy'> & { recordedBy: StoredActedBy })[];
  endedOn?: string;
  outcome?: Outcome;
  followUp?: Omit<NonNullable<Journey['followUp']>, 'recordedBy'> & { recordedBy: StoredActedBy };
  withdrawal?: Omit<NonNullable<Journey['withdrawal']>, 'by'> & { by: StoredActedBy };
  history: (Omit<HistoryEntry, 'by'> & { by: StoredActedBy })[];
  proposedAt: Date;
  updatedAt: Date;
}

const isoDatePattern = '^\\d{4}-\\d{2}-\\d{2}$';
const actedBySchema = {
  bsonType: 'object',
  required: ['accountId', 'role'],
  properties: { accountId: { bsonType: 'objectId' }, role: { bsonType: 'string' } },
};

export const journeysCollection: CollectionSpec = {
  name: 'placement_matches',
  jsonSchema: {
    bsonType: 'object',
    required: [
      '_id',
      'youngPersonId',
      'providerId',
      'placementId',
      'employerId',
      'state',
      'active',
      'visibleToEmployer',
      'note',
      'cohortYear',
      'sector',
      'rotations',
      'history',
      'proposedAt',
      'updatedAt',
    ],
    properties: {
      youngPersonId: { bsonType: 'objectId' },
      providerId: { bsonType: 'objectId' },
      jobCoachId: { bsonType: 'objectId' },
      placementId: { bsonType: 'objectId' },
      employerId: { bsonType: 'objectId' },
      state: { enum: [...journeyStates] },
      active: { bsonType: 'bool' },
      visibleToEmployer: { bsonType: 'bool' },
      note: { bsonType: 'string', minLength: 1, maxLength: 2000 },
      hardLimitOverride: {
        bsonType: 'object',
        required: ['limits', 'reason'],
        properties: {
          limits: { bsonType: 'array', items: { enum: [...hardLimits] } },
          reason: { bsonType: 'string', maxLength: 1000 },
        },
      },
      match: {
        bsonType: 'object',
        required: ['score', 'reasons'],
        properties: {
          score: { bsonType: 'number', minimum: 0, maximum: 100 },
          reasons: { bsonType: ['array', 'object'] },
        },
      },
      cohortYear: { bsonType: 'number' },
      localAuthority: { bsonType: 'string', maxLength: 100 },
      sector: { enum: [...sectors] },
      youngPersonResponse: {
        bsonType: 'object',
        required: ['accepted', 'at', 'by', 'sharedSections'],
        properties: {
          accepted: { bsonType: 'bool' },
          at: { bsonType: 'date' },
          by: actedBySchema,
          sharedSections: { bsonType: 'array', items: { enum: [...passportSections] } },
          shareId: { bsonType: 'objectId' },
        },
      },
      taster: {
        bsonType: 'object',
        required: ['kind', 'date', 'place', 'arrangedAt', 'arrangedBy'],
        properties: {
          kind: { enum: [...tasterKinds] },
          date: { bsonType: 'string', pattern: isoDatePattern },
          place: { bsonType: 'string', maxLength: 200 },
          arrangedBy: actedBySchema,
        },
      },
      employerDecision: {
        bsonType: 'object',
        required: ['accepted', 'at', 'by'],
        properties: { accepted: { bsonType: 'bool' }, by: actedBySchema },
      },
      startedOn: { bsonType: 'string', pattern: isoDatePattern },
      earlyStartReason: { bsonType: 'string', maxLength: 1000 },
      rotations: { bsonType: 'array', maxItems: 20 },
      endedOn: { bsonType: 'string', pattern: isoDatePattern },
      outcome: {
        bsonType: 'object',
        required: ['type'],
        properties: {
          type: { enum: [...outcomeTypes] },
          hoursPerWeek: { bsonType: 'number', minimum: 0, maximum: 48 },
        },
      },
      followUp: {
        bsonType: 'object',
        required: ['checkedOn', 'stillEmployed', 'recordedAt', 'recordedBy'],
        properties: { stillEmployed: { bsonType: 'bool' } },
      },
      withdrawal: {
        bsonType: 'object',
        required: ['by', 'party', 'reason', 'at', 'fromState'],
        properties: {
          party: { enum: [...journeyParties] },
          fromState: { enum: [...journeyStates] },
          reason: { bsonType: 'string', maxLength: 1000 },
        },
      },
      history: { bsonType: 'array', maxItems: 50 },
      proposedAt: { bsonType: 'date' },
      updatedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    // One live journey per young person and placement; finished ones can be followed by a new proposal.
    {
      key: { youngPersonId: 1, placementId: 1 },
      name: 'one_active_per_person_placement',
      unique: true,
      partialFilterExpression: { active: true },
    },
    { key: { youngPersonId: 1, proposedAt: -1 }, name: 'young_person_time' },
    // Provider dashboards, coach inboxes and lists filter on provider, then caseload, then state.
    { key: { providerId: 1, jobCoachId: 1, state: 1 }, name: 'provider_coach_state' },
    { key: { employerId: 1, visibleToEmployer: 1, state: 1 }, name: 'employer_visible_state' },
    { key: { placementId: 1, state: 1 }, name: 'placement_state' },
  ],
};
