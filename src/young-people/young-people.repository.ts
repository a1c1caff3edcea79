import type { ClientSession, Collection, Db, Filter } from 'mongodb';
import { ObjectId } from 'mongodb';
import { cohortYearOf } from '../core/dates.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import type {
  AdjustmentCategory,
  CommunicationPreference,
  EnvironmentFactor,
  Level,
  Sector,
  TransportMode,
  Weekday,
} from '../domain/vocabulary.js';
import { sectors } from '../domain/vocabulary.js';
import { type Coordinates, geoPoint } from '../geo/postcodes.js';
import { ehcPlanStatuses, type travelIndependence, youngPersonStatuses } from './young-people.schemas.js';

export interface YoungPerson {
  id: string;
  providerId: string;
  jobCoachId?: string;
  preferredName: string;
  dateOfBirth: string;
  plannedStartDate: string;
  eligibilityException?: { reason: string; recordedBy: string; recordedAt: Date };
  ehcPlan: (typeof ehcPlanStatuses)[number];
  localAuthority?: string;
  homePostcode: string;
  coordinates: Coordinates;
  locationSource: 'given' | 'sector' | 'district';
  travel: {
    independence: (typeof travelIndependence)[number];
    modes: TransportMode[];
    maxJourneyMinutes: number;
    maxDistanceKm: number;
  };
  availability: { days: Weekday[]; earliestStart: string; latestFinish: string; maxHoursPerWeek: number };
  /** Sectors in order of preference: the first is the young person's first choice. */
  interests: Sector[];
  /** "Jobs I'd like to do", in the young person's own words. */
  jobsWanted?: string;
  strengths: string[];
  skills: string[];
  tasksLiked: string[];
  tasksDisliked: string[];
  conditionsForSuccess: {
    maxEnvironment: Partial<Record<EnvironmentFactor, Level>>;
    stepFreeAccess: boolean;
    requiredAdjustments: AdjustmentCategory[];
    preferredAdjustments: AdjustmentCategory[];
    notes?: string;
  };
  communication: CommunicationPreference[];
  status: (typeof youngPersonStatuses)[number];
  createdAt: Date;
  updatedAt: Date;
}

export interface YoungPersonDoc
  extends Omit<YoungPerson, 'id' | 'providerId' | 'jobCoachId' | 'coordinates' | 'eligibilityException'> {
  _id: ObjectId;
  providerId: ObjectId;
  jobCoachId?: ObjectId;
  location: { type: 'Point'; coordinates: [number, number] };
  eligibilityException?: { reason: string; recordedBy: ObjectId; recordedAt: Date };
  /** The academic year the internship starts in (2025 for Sept 2025 - Aug 2026); for dashboards. */
  cohortYear: number;
}

export const youngPeopleCollection: CollectionSpec = {
  name: 'young_people',
  jsonSchema: {
    bsonType: 'object',
    required: [
      '_id',
      'providerId',
      'preferredName',
      'dateOfBirth',
      'plannedStartDate',
      'ehcPlan',
      'homePostcode',
      'location',
      'locationSource',
      'travel',
      'availability',
      'interests',
      'strengths',
      'skills',
      'tasksLiked',
      'tasksDisliked',
      'conditionsForSuccess',
      'communication',
      'status',
      'cohortYear',
      'createdAt',
      'updatedAt',
    ],
    properties: {
      providerId: { bsonType: 'objectId' },
      jobCoachId: { bsonType: 'objectId' },
      preferredName: { bsonType: 'string', minLength: 1, maxLength: 80 },
      dateOfBirth: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      plannedStartDate: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      ehcPlan: { enum: [...ehcPlanStatuses] },
      homePostcode: { bsonType: 'string', maxLength: 10 },
      location: { bsonType: 'object', required: ['type', 'coordinates'] },
      travel: { bsonType: 'object', required: ['independence', 'modes', 'maxJourneyMinutes', 'maxDistanceKm'] },
      availability: { bsonType: 'object', required: ['days', 'earliestStart', 'latestFinish', 'maxHoursPerWeek'] },
      interests: { bsonType: 'array', maxItems: 14, items: { enum: [...sectors] } },
      jobsWanted: { bsonType: 'string', maxLength: 300 },
      strengths: { bsonType: 'array', maxItems: 20 },
      skills: { bsonType: 'array', maxItems: 30 },
      tasksLiked: { bsonType: 'array', maxItems: 20 },
      tasksDisliked: { bsonType: 'array', maxItems: 20 },
      conditionsForSuccess: { bsonType: 'object' },
      communication: { bsonType: 'array', maxItems: 6 },
      status: { enum: [...youngPersonStatuses] },
      cohortYear: { bsonType: 'number' },
    },
  },
  indexes: [
    { key: { providerId: 1, status: 1, preferredName: 1 }, name: 'provider_status_name' },
    { key: { jobCoachId: 1, status: 1 }, name: 'coach_status' },
    { key: { location: '2dsphere' }, name: 'location_2dsphere' },
    { key: { providerId: 1, cohortYear: 1 }, name: 'provider_cohort' },
    // Only the few admitted by an exception, so that the provider dashboard counts them without reading everyone.
    {
      key: { providerId: 1, cohortYear: 1, jobCoachId: 1 },
      name: 'provider_eligibility_exceptions',
      partialFilterExpression: { eligibilityException: { $exists: true } },
    },
  ],
};

export { cohortYearOf };

export function toYoungPerson(doc: YoungPersonDoc): YoungPerson {
  const { _id, providerId, jobCoachId, location, eligibilityException, cohortYear: _cohort, ...rest } = doc;
  return {
    id: _id.toHexString(),
    providerId: providerId.toHexString(),
    ...(jobCoachId ? { jobCoachId: jobCoachId.toHexString() } : {}),
    ...rest,
    coordinates: { lat: location.coordinates[1], lng: location.coordinates[0] },
    ...(eligibilityException
      ? { eligibilityException: { ...eligibilityException, recordedBy: eligibilityException.recordedBy.toHexString() } }
      : {}),
  };
}

/**
 * What matching reads of a young person: who may see them (provider, coach), their name for a
 * coach's candidate list, their hard limits and what they like. No birth date, postcode, notes on
 * conditions or eligibility.
 */
export type MatchingYoungPerson = Pick<
  YoungPerson,
  | 'id'
  | 'providerId'
  | 'jobCoachId'
  | 'preferredName'
  | 'status'
  | 'coordinates'
  | 'availability'
  | 'interests'
  | 'jobsWanted'
  | 'strengths'
  | 'skills'
  | 'tasksLiked'
  | 'tasksDisliked'
> & {
  travel: Pick<YoungPerson['travel'], 'maxDistanceKm'>;
  conditionsForSuccess: Omit<YoungPerson['conditionsForSuccess'], 'notes'>;
};

const matchingProjection = {
  providerId: 1,
  jobCoachId: 1,
  preferredName: 1,
  status: 1,
  location: 1,
  'travel.maxDistanceKm': 1,
  availability: 1,
  interests: 1,
  jobsWanted: 1,
  strengths: 1,
  skills: 1,
  tasksLiked: 1,
  tasksDisliked: 1,
  'conditionsForSuccess.maxEnvironment': 1,
  'conditionsForSuccess.stepFreeAccess': 1,
  'conditionsForSuccess.requiredAdjustments': 1,
  'conditionsForSuccess.preferredAdjustments': 1,
} as const;

type MatchingDoc = Pick<
  YoungPersonDoc,
  | '_id'
  | 'providerId'
  | 'jobCoachId'
  | 'preferredName'
  | 'status'
  | 'location'
  | 'availability'
  | 'interests'
  | 'jobsWanted'
  | 'strengths'
  | 'skills'
  | 'tasksLiked'
  | 'tasksDisliked'
> &
  Pick<MatchingYoungPerson, 'travel' | 'conditionsForSuccess'>;

function toMatchingYoungPerson(doc: MatchingDoc): MatchingYoungPerson {
  const { _id, providerId, jobCoachId, location, ...rest } = doc;
  return {
    id: _id.toHexString(),
    providerId: providerId.toHexString(),
    ...(jobCoachId ? { jobCoachId: jobCoachId.toHexString() } : {}),
    ...rest,
    coordinates: { lat: location.coordinates[1], lng: location.coordinates[0] },
  };
}

export type NewYoungPerson = Omit<YoungPerson, 'id' | 'createdAt' | 'updatedAt'>;

function toDocFields(person: Partial<NewYoungPerson>): Partial<YoungPersonDoc> {
  const { providerId, jobCoachId, coordinates, eligibilityException, ...rest } = person;
  return {
    ...rest,
    ...(providerId ? { providerId: new ObjectId(providerId) } : {}),
    ...(jobCoachId ? { jobCoachId: new ObjectId(jobCoachId) } : {}),
    ...(coordinates ? { location: geoPoint(coordinates) } : {}),
    ...(eligibilityException
      ? { eligibilityException: { ...eligibilityException, recordedBy: new ObjectId(eligibilityException.recordedBy) } }
      : {}),
    ...(person.plannedStartDate ? { cohortYear: cohortYearOf(person.plannedStartDate) } : {}),
  };
}

export class YoungPeopleRepository {
  readonly collection: Collection<YoungPersonDoc>;
  constructor(db: Db) {
    this.collection = db.collection<YoungPersonDoc>(youngPeopleCollection.name);
  }

  async insert(person: NewYoungPerson, now: Date, session?: ClientSession): Promise<YoungPerson> {
    const doc = { _id: new ObjectId(), ...toDocFields(person), createdAt: now, updatedAt: now } as YoungPersonDoc;
    await this.collection.insertOne(doc, { session });
    return toYoungPerson(doc);
  }

  async byId(id: string, session?: ClientSession): Promise<YoungPerson | undefined> {
    const doc = await this.collection.findOne({ _id: new ObjectId(id) }, { session });
    return doc ? toYoungPerson(doc) : undefined;
  }

  async byIds(ids: string[]): Promise<YoungPerson[]> {
    const docs = await this.collection.find({ _id: { $in: ids.map((id) => new ObjectId(id)) } }).toArray();
    return docs.map(toYoungPerson);
  }

  /** Only the fields matching reads (see `MatchingYoungPerson`), so a match reads a fraction of each record. */
  async forMatching(ids: string[]): Promise<MatchingYoungPerson[]> {
    const docs = await this.collection
      .find<MatchingDoc>(
        { _id: { $in: ids.filter((id) => ObjectId.isValid(id)).map((id) => new ObjectId(id)) } },
        { projection: matchingProjection },
      )
      .toArray();
    return docs.map(toMatchingYoungPerson);
  }

  async update(
    id: string,
    changes: Partial<NewYoungPerson>,
    unset: (keyof YoungPersonDoc)[],
    now: Date,
    session?: ClientSession,
  ): Promise<YoungPerson | undefined> {
    const doc = await this.collection.findOneAndUpdate(
      { _id: new ObjectId(id) },
      {
        $set: { ...toDocFields(changes), updatedAt: now },
        ...(unset.length ? { $unset: Object.fromEntries(unset.map((field) => [field, ''])) } : {}),
      },
      { returnDocument: 'after', session },
    );
    return doc ? toYoungPerson(doc) : undefined;
  }

  /** Moves a young person from one status to another in one conditional update; false if they were not in `from`. */
  async moveStatus(
    id: string,
    from: YoungPerson['status'],
    to: YoungPerson['status'],
    now: Date,
    session: ClientSession,
  ): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: new ObjectId(id), status: from },
      { $set: { status: to, updatedAt: now } },
      { session },
    );
    return result.modifiedCount === 1;
  }

  async list(filter: Filter<YoungPersonDoc>, options: { limit: number; offset: number }) {
    const [docs, total] = await Promise.all([
      this.collection
        .find(filter)
        .sort({ preferredName: 1, _id: 1 })
        .skip(options.offset)
        .limit(options.limit)
        .toArray(),
      this.collection.countDocuments(filter),
    ]);
    return { items: docs.map(toYoungPerson), total };
  }

  async delete(id: string, session?: ClientSession): Promise<boolean> {
    return (await this.collection.deleteOne({ _id: new ObjectId(id) }, { session })).deletedCount === 1;
  }
}
