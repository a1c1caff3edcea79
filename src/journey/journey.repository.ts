import type { ClientSession, Collection, Db, Filter, UpdateFilter } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { DashboardSummaries } from '../dashboards/dashboard-summaries.js';
import { type PassportSection, passportSections, type Role, type Sector, sectors } from '../domain/vocabulary.js';
import { type HardLimit, hardLimits } from '../matching/hard-limits.js';
import {
  activeStates,
  type JourneyParty,
  type JourneyState,
  journeyParties,
  journeyStates,
} from './journey.machine.js';
import { type Outcome, outcomeTypes, tasterKinds } from './journey.schemas.js';

export interface ActedBy {
  accountId: string;
  role: Role;
}

export interface HistoryEntry {
  action: string;
  from?: JourneyState;
  to: JourneyState;
  at: Date;
  by: ActedBy;
  /** On a proposal that breaks hard limits: which ones, and the coach's reason for going ahead. */
  hardLimitsOverridden?: HardLimit[];
  overrideReason?: string;
}

/** A proposal the coach made although it breaks the young person's hard limits, and why. */
export interface HardLimitOverride {
  limits: HardLimit[];
  reason: string;
}

export interface Rotation {
  department: string;
  tasks: string[];
  startDate: string;
  endDate?: string;
  recordedAt: Date;
  recordedBy: ActedBy;
}

/** One young person's journey with one placement, from proposal to the 12-month follow-up. */
export interface PlacementMatch {
  id: string;
  youngPersonId: string;
  providerId: string;
  /** The coach whose caseload this is: the young person's assigned coach, else the proposer. */
  jobCoachId?: string;
  placementId: string;
  employerId: string;
  state: JourneyState;
  /** Set when the young person agrees; the employer never sees a proposal before that. */
  visibleToEmployer: boolean;
  note: string;
  hardLimitOverride?: HardLimitOverride;
  /** The score and reasons the coach proposed with: the `/matches` reasons object, or sentences. */
  match?: { score: number; reasons: string[] | Record<string, unknown> };
  /**
   * The academic year (from 1 September) the internship counts in: of the planned start when
   * proposed, of the actual start once there is one. With the rest copied at proposal time so the
   * dashboards can group without joins.
   */
  cohortYear: number;
  localAuthority?: string;
  sector: Sector;
  youngPersonResponse?: {
    accepted: boolean;
    at: Date;
    by: ActedBy;
    reason?: string;
    sharedSections: PassportSection[];
    shareId?: string;
  };
  taster?: {
    kind: (typeof tasterKinds)[number];
    date: string;
    place: string;
    notes?: string;
    arrangedAt: Date;
    arrangedBy: ActedBy;
  };
  employerDecision?: { accepted: boolean; at: Date; by: ActedBy; reason?: string; note?: string };
  startedOn?: string;
  /** Why the internship began before the placement's planned start, when it did. */
  earlyStartReason?: string;
  rotations: Rotation[];
  endedOn?: string;
  outcome?: Outcome;
  followUp?: {
    checkedOn: string;
    stillEmployed: boolean;
    hoursPerWeek?: number;
    notes?: string;
    recordedAt: Date;
    recordedBy: ActedBy;
  };
  withdrawal?: { by: ActedBy; party: JourneyParty; reason: string; at: Date; fromState: JourneyState };
  history: HistoryEntry[];
  proposedAt: Date;
  updatedAt: Date;
}

type StoredActedBy = { accountId: ObjectId; role: Role };

export interface PlacementMatchDoc {
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
  match?: PlacementMatch['match'];
  cohortYear: number;
  localAuthority?: string;
  sector: Sector;
  youngPersonResponse?: Omit<NonNullable<PlacementMatch['youngPersonResponse']>, 'by' | 'shareId'> & {
    by: StoredActedBy;
    shareId?: ObjectId;
  };
  taster?: Omit<NonNullable<PlacementMatch['taster']>, 'arrangedBy'> & { arrangedBy: StoredActedBy };
  employerDecision?: Omit<NonNullable<PlacementMatch['employerDecision']>, 'by'> & { by: StoredActedBy };
  startedOn?: string;
  earlyStartReason?: string;
  rotations: (Omit<Rotation, 'recordedBy'> & { recordedBy: StoredActedBy })[];
  endedOn?: string;
  outcome?: Outcome;
  followUp?: Omit<NonNullable<PlacementMatch['followUp']>, 'recordedBy'> & { recordedBy: StoredActedBy };
  withdrawal?: Omit<NonNullable<PlacementMatch['withdrawal']>, 'by'> & { by: StoredActedBy };
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

export const placementMatchesCollection: CollectionSpec = {
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

const actedBy = (stored: StoredActedBy): ActedBy => ({ accountId: stored.accountId.toHexString(), role: stored.role });
export const storedActedBy = (by: ActedBy): StoredActedBy => ({ accountId: new ObjectId(by.accountId), role: by.role });

function responseFromDoc({
  by,
  shareId,
  ...rest
}: NonNullable<PlacementMatchDoc['youngPersonResponse']>): NonNullable<PlacementMatch['youngPersonResponse']> {
  return { ...rest, by: actedBy(by), ...(shareId ? { shareId: shareId.toHexString() } : {}) };
}

export function toPlacementMatch(doc: PlacementMatchDoc): PlacementMatch {
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

export type NewPlacementMatch = Pick<
  PlacementMatch,
  | 'youngPersonId'
  | 'providerId'
  | 'jobCoachId'
  | 'placementId'
  | 'employerId'
  | 'note'
  | 'hardLimitOverride'
  | 'match'
  | 'cohortYear'
  | 'localAuthority'
  | 'sector'
>;

/** What a step records besides the state: each step fills in its own part of the match. */
export type StepFields = Partial<
  Pick<
    PlacementMatch,
    | 'visibleToEmployer'
    | 'youngPersonResponse'
    | 'taster'
    | 'employerDecision'
    | 'startedOn'
    | 'earlyStartReason'
    | 'cohortYear'
    | 'endedOn'
    | 'outcome'
    | 'followUp'
    | 'withdrawal'
  >
>;

/** A change of state: the fields it sets and the history entry it appends. */
export interface StateChange {
  from: JourneyState;
  to: JourneyState;
  action: string;
  by: ActedBy;
  at: Date;
  set: StepFields;
}

function responseDoc({
  shareId,
  by,
  ...rest
}: NonNullable<PlacementMatch['youngPersonResponse']>): NonNullable<PlacementMatchDoc['youngPersonResponse']> {
  return { ...rest, by: storedActedBy(by), ...(shareId ? { shareId: new ObjectId(shareId) } : {}) };
}

function stepFieldsDoc(fields: StepFields): Partial<PlacementMatchDoc> {
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

export interface MatchListFilter {
  providerId?: string;
  jobCoachId?: string;
  employerId?: string;
  youngPersonIds?: string[];
  visibleToEmployer?: boolean;
  states?: JourneyState[];
  placementId?: string;
}

export function matchFilter(filter: MatchListFilter): Filter<PlacementMatchDoc> {
  return {
    ...(filter.providerId ? { providerId: new ObjectId(filter.providerId) } : {}),
    ...(filter.jobCoachId ? { jobCoachId: new ObjectId(filter.jobCoachId) } : {}),
    ...(filter.employerId ? { employerId: new ObjectId(filter.employerId) } : {}),
    ...(filter.youngPersonIds ? { youngPersonId: { $in: filter.youngPersonIds.map((id) => new ObjectId(id)) } } : {}),
    ...(filter.visibleToEmployer !== undefined ? { visibleToEmployer: filter.visibleToEmployer } : {}),
    ...(filter.states ? { state: { $in: filter.states } } : {}),
    ...(filter.placementId ? { placementId: new ObjectId(filter.placementId) } : {}),
  };
}

/**
 * Journeys. Every write also updates the dashboard summaries in the same transaction, which is
 * why each takes a session.
 */
export class PlacementMatchesRepository {
  readonly collection: Collection<PlacementMatchDoc>;
  constructor(
    db: Db,
    private readonly summaries: DashboardSummaries,
  ) {
    this.collection = db.collection<PlacementMatchDoc>(placementMatchesCollection.name);
  }

  async insert(match: NewPlacementMatch, by: ActedBy, now: Date, session: ClientSession): Promise<PlacementMatch> {
    const { youngPersonId, providerId, jobCoachId, placementId, employerId, ...rest } = match;
    const doc: PlacementMatchDoc = {
      _id: new ObjectId(),
      ...rest,
      youngPersonId: new ObjectId(youngPersonId),
      providerId: new ObjectId(providerId),
      ...(jobCoachId ? { jobCoachId: new ObjectId(jobCoachId) } : {}),
      placementId: new ObjectId(placementId),
      employerId: new ObjectId(employerId),
      state: 'proposed',
      active: true,
      visibleToEmployer: false,
      rotations: [],
      history: [
        {
          action: 'propose',
          to: 'proposed',
          at: now,
          by: storedActedBy(by),
          ...(rest.hardLimitOverride
            ? { hardLimitsOverridden: rest.hardLimitOverride.limits, overrideReason: rest.hardLimitOverride.reason }
            : {}),
        },
      ],
      proposedAt: now,
      updatedAt: now,
    };
    await this.collection.insertOne(doc, { session });
    await this.summaries.journeysChanged([{ after: doc }], session);
    return toPlacementMatch(doc);
  }

  async byId(id: string, session?: ClientSession): Promise<PlacementMatch | undefined> {
    const doc = await this.collection.findOne({ _id: new ObjectId(id) }, { session });
    return doc ? toPlacementMatch(doc) : undefined;
  }

  async activeFor(youngPersonId: string, placementId: string): Promise<PlacementMatch | undefined> {
    const doc = await this.collection.findOne({
      youngPersonId: new ObjectId(youngPersonId),
      placementId: new ObjectId(placementId),
      active: true,
    });
    return doc ? toPlacementMatch(doc) : undefined;
  }

  /**
   * Moves the match from `from` to `to`, appending to its history. Only lands while the match is
   * still in `from`, so two people acting at once cannot both move it; undefined when it was not.
   */
  async changeState(id: string, change: StateChange, session: ClientSession): Promise<PlacementMatch | undefined> {
    const update: UpdateFilter<PlacementMatchDoc> = {
      $set: {
        ...stepFieldsDoc(change.set),
        state: change.to,
        active: activeStates.includes(change.to),
        updatedAt: change.at,
      },
      $push: {
        history: {
          action: change.action,
          from: change.from,
          to: change.to,
          at: change.at,
          by: storedActedBy(change.by),
        },
      },
    };
    const before = await this.collection.findOneAndUpdate({ _id: new ObjectId(id), state: change.from }, update, {
      returnDocument: 'before',
      session,
    });
    if (!before) return undefined;
    // The update only sets top-level fields and appends to the history, so the result follows from `before`.
    const after: PlacementMatchDoc = {
      ...before,
      ...update.$set,
      history: [
        ...before.history,
        ...(update.$push?.history ? [update.$push.history as PlacementMatchDoc['history'][number]] : []),
      ],
    };
    await this.summaries.journeysChanged([{ before, after }], session);
    return toPlacementMatch(after);
  }

  /** Adds a rotation while the internship is in progress; undefined if it no longer is. */
  async addRotation(id: string, rotation: Rotation, session: ClientSession): Promise<PlacementMatch | undefined> {
    const doc = await this.collection.findOneAndUpdate(
      { _id: new ObjectId(id), state: 'in_progress' },
      {
        $push: { rotations: { ...rotation, recordedBy: storedActedBy(rotation.recordedBy) } },
        $set: { updatedAt: rotation.recordedAt },
      },
      { returnDocument: 'after', session },
    );
    return doc ? toPlacementMatch(doc) : undefined;
  }

  async list(filter: MatchListFilter, page: { limit: number; offset: number }) {
    const query = matchFilter(filter);
    const [docs, total] = await Promise.all([
      this.collection.find(query).sort({ updatedAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).toArray(),
      this.collection.countDocuments(query),
    ]);
    return { items: docs.map(toPlacementMatch), total };
  }

  async find(filter: MatchListFilter, limit: number): Promise<PlacementMatch[]> {
    return (await this.collection.find(matchFilter(filter)).sort({ updatedAt: -1 }).limit(limit).toArray()).map(
      toPlacementMatch,
    );
  }

  async allOf(youngPersonId: string): Promise<PlacementMatch[]> {
    return (
      await this.collection
        .find({ youngPersonId: new ObjectId(youngPersonId) })
        .sort({ proposedAt: 1 })
        .toArray()
    ).map(toPlacementMatch);
  }

  async eraseAll(youngPersonId: string, session: ClientSession): Promise<void> {
    const erased = await this.collection.find({ youngPersonId: new ObjectId(youngPersonId) }, { session }).toArray();
    await this.collection.deleteMany({ youngPersonId: new ObjectId(youngPersonId) }, { session });
    await this.summaries.journeysChanged(
      erased.map((before) => ({ before })),
      session,
    );
  }
}
