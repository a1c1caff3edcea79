import type { ClientSession, Collection, Db, Filter, UpdateFilter } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { DashboardSummaries } from '../dashboards/dashboard-summaries.js';
import { activeStates, type JourneyState } from './journey.machine.js';
import type { ActedBy, Journey, NewJourney, Rotation, StateChange } from './journey.model.js';
import { stepFieldsDoc, storedActedBy, toJourney } from './journey-docs.js';
import { type JourneyDoc, journeysCollection } from './journeys.collection.js';

// Many modules across the features import a match's shape, its stored form and its collection from here.
export type { ActedBy, Journey } from './journey.model.js';
export { storedActedBy, toJourney } from './journey-docs.js';
export { type JourneyDoc, journeysCollection } from './journeys.collection.js';

export interface MatchListFilter {
  providerId?: string;
  jobCoachId?: string;
  employerId?: string;
  youngPersonIds?: string[];
  visibleToEmployer?: boolean;
  states?: JourneyState[];
  placementId?: string;
}

export function matchFilter(filter: MatchListFilter): Filter<JourneyDoc> {
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
export class JourneysRepository {
  readonly collection: Collection<JourneyDoc>;
  constructor(
    db: Db,
    private readonly summaries: DashboardSummaries,
  ) {
    this.collection = db.collection<JourneyDoc>(journeysCollection.name);
  }

  async insert(match: NewJourney, by: ActedBy, now: Date, session: ClientSession): Promise<Journey> {
    const { youngPersonId, providerId, jobCoachId, placementId, employerId, ...rest } = match;
    const doc: JourneyDoc = {
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
    return toJourney(doc);
  }

  async byId(id: string, session?: ClientSession): Promise<Journey | undefined> {
    const doc = await this.collection.findOne({ _id: new ObjectId(id) }, { session });
    return doc ? toJourney(doc) : undefined;
  }

  async activeFor(youngPersonId: string, placementId: string): Promise<Journey | undefined> {
    const doc = await this.collection.findOne({
      youngPersonId: new ObjectId(youngPersonId),
      placementId: new ObjectId(placementId),
      active: true,
    });
    return doc ? toJourney(doc) : undefined;
  }

  /**
   * Moves the match from `from` to `to`, appending to its history. Only lands while the match is
   * still in `from`, so two people acting at once cannot both move it; undefined when it was not.
   */
  async changeState(id: string, change: StateChange, session: ClientSession): Promise<Journey | undefined> {
    const update: UpdateFilter<JourneyDoc> = {
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
    const after: JourneyDoc = {
      ...before,
      ...update.$set,
      history: [
        ...before.history,
        ...(update.$push?.history ? [update.$push.history as JourneyDoc['history'][number]] : []),
      ],
    };
    await this.summaries.journeysChanged([{ before, after }], session);
    return toJourney(after);
  }

  /** Adds a rotation while the internship is in progress; undefined if it no longer is. */
  async addRotation(id: string, rotation: Rotation, session: ClientSession): Promise<Journey | undefined> {
    const doc = await this.collection.findOneAndUpdate(
      { _id: new ObjectId(id), state: 'in_progress' },
      {
        $push: { rotations: { ...rotation, recordedBy: storedActedBy(rotation.recordedBy) } },
        $set: { updatedAt: rotation.recordedAt },
      },
      { returnDocument: 'after', session },
    );
    return doc ? toJourney(doc) : undefined;
  }

  async list(filter: MatchListFilter, page: { limit: number; offset: number }) {
    const query = matchFilter(filter);
    const [docs, total] = await Promise.all([
      this.collection.find(query).sort({ updatedAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).toArray(),
      this.collection.countDocuments(query),
    ]);
    return { items: docs.map(toJourney), total };
  }

  async find(filter: MatchListFilter, limit: number): Promise<Journey[]> {
    return (await this.collection.find(matchFilter(filter)).sort({ updatedAt: -1 }).limit(limit).toArray()).map(
      toJourney,
    );
  }

  async allOf(youngPersonId: string): Promise<Journey[]> {
    return (
      await this.collection
        .find({ youngPersonId: new ObjectId(youngPersonId) })
        .sort({ proposedAt: 1 })
        .toArray()
    ).map(toJourney);
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
