import type { ClientSession, Collection, Db, Filter } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { AdjustmentCategory, EnvironmentFactor, Level, Sector, Weekday } from '../domain/vocabulary.js';
import { sectors } from '../domain/vocabulary.js';
import { type Coordinates, geoPoint } from '../geo/postcodes.js';
import { placementStatuses, publishedStatuses } from './placements.schemas.js';

export type PlacementStatus = (typeof placementStatuses)[number];

export interface Placement {
  id: string;
  employerId: string;
  title: string;
  description: string;
  tasks: string[];
  sector: Sector;
  site: {
    address: { line1: string; line2?: string; town: string; postcode: string };
    coordinates: Coordinates;
    busRoutes: string[];
    parking: boolean;
    stepFreeAccess: boolean;
    travelNotes?: string;
  };
  schedule: { days: Weekday[]; startTime: string; endTime: string; hoursPerWeek: number };
  startDate: string;
  durationWeeks: number;
  rotations: { department: string; tasks: string[]; weeks: number }[];
  places: number;
  placesFilled: number;
  environment: Record<EnvironmentFactor, Level>;
  adjustmentsOffered: AdjustmentCategory[];
  adjustmentNotes?: string;
  status: PlacementStatus;
  /** Why the placement has this status, when the service set it rather than the employer (for example paused when verification was withdrawn). */
  statusReason?: string;
  /**
   * A draft its employer asked to publish before a provider had verified the employer: it opens
   * in the same transaction as the verification.
   */
  publishWhenVerified?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlacementDoc extends Omit<Placement, 'id' | 'employerId' | 'site'> {
  _id: ObjectId;
  employerId: ObjectId;
  site: Omit<Placement['site'], 'coordinates'> & { location: { type: 'Point'; coordinates: [number, number] } };
}

export const placementsCollection: CollectionSpec = {
  name: 'placements',
  jsonSchema: {
    bsonType: 'object',
    required: [
      '_id',
      'employerId',
      'title',
      'description',
      'tasks',
      'sector',
      'site',
      'schedule',
      'startDate',
      'durationWeeks',
      'rotations',
      'places',
      'placesFilled',
      'environment',
      'adjustmentsOffered',
      'status',
      'createdAt',
      'updatedAt',
    ],
    properties: {
      employerId: { bsonType: 'objectId' },
      title: { bsonType: 'string', minLength: 1, maxLength: 120 },
      description: { bsonType: 'string', maxLength: 4000 },
      tasks: { bsonType: 'array', minItems: 1, maxItems: 20 },
      sector: { enum: [...sectors] },
      site: { bsonType: 'object', required: ['address', 'location'] },
      schedule: { bsonType: 'object', required: ['days', 'startTime', 'endTime', 'hoursPerWeek'] },
      startDate: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      durationWeeks: { bsonType: 'number', minimum: 4, maximum: 52 },
      rotations: { bsonType: 'array', maxItems: 6 },
      places: { bsonType: 'number', minimum: 1, maximum: 50 },
      // Never more interns than places, whatever the application does.
      placesFilled: { bsonType: 'number', minimum: 0 },
      environment: { bsonType: 'object' },
      adjustmentsOffered: { bsonType: 'array', maxItems: 9 },
      status: { enum: [...placementStatuses] },
      statusReason: { bsonType: 'string', maxLength: 300 },
    },
  },
  indexes: [
    { key: { employerId: 1, status: 1, startDate: 1 }, name: 'employer_status_start' },
    { key: { 'site.location': '2dsphere', status: 1 }, name: 'location_2dsphere' },
    { key: { status: 1, sector: 1 }, name: 'status_sector' },
  ],
};

export function toPlacement(doc: PlacementDoc): Placement {
  const { _id, employerId, site, ...rest } = doc;
  const { location, ...siteRest } = site;
  return {
    id: _id.toHexString(),
    employerId: employerId.toHexString(),
    ...rest,
    site: { ...siteRest, coordinates: { lat: location.coordinates[1], lng: location.coordinates[0] } },
  };
}

export type NewPlacement = Omit<Placement, 'id' | 'placesFilled' | 'createdAt' | 'updatedAt'>;

function siteDoc(site: Placement['site']): PlacementDoc['site'] {
  const { coordinates, ...rest } = site;
  return { ...rest, location: geoPoint(coordinates) };
}

export class PlacementsRepository {
  readonly collection: Collection<PlacementDoc>;
  constructor(db: Db) {
    this.collection = db.collection<PlacementDoc>(placementsCollection.name);
  }

  async insert(placement: NewPlacement, now: Date, session?: ClientSession): Promise<Placement> {
    const { employerId, site, ...rest } = placement;
    const doc: PlacementDoc = {
      _id: new ObjectId(),
      employerId: new ObjectId(employerId),
      ...rest,
      site: siteDoc(site),
      placesFilled: 0,
      createdAt: now,
      updatedAt: now,
    };
    await this.collection.insertOne(doc, { session });
    return toPlacement(doc);
  }

  async byId(id: string, session?: ClientSession): Promise<Placement | undefined> {
    const doc = await this.collection.findOne({ _id: new ObjectId(id) }, { session });
    return doc ? toPlacement(doc) : undefined;
  }

  async byIds(ids: string[]): Promise<Placement[]> {
    const docs = await this.collection.find({ _id: { $in: ids.map((id) => new ObjectId(id)) } }).toArray();
    return docs.map(toPlacement);
  }

  /**
   * Applies the changes. A change of status clears the reason a placement was paused for. With
   * `needsFreePlace` it lands only while a place is free, so a placement is never left open with
   * none (a start may take the last place at the same moment).
   */
  async update(
    id: string,
    changes: Partial<NewPlacement>,
    now: Date,
    session?: ClientSession,
    options: { needsFreePlace?: boolean } = {},
  ): Promise<Placement | undefined> {
    const { site, employerId: _employer, ...rest } = changes;
    const filter: Filter<PlacementDoc> = { _id: new ObjectId(id) };
    if (options.needsFreePlace) filter.$expr = { $lt: ['$placesFilled', changes.places ?? '$places'] };
    const unset: Record<string, ''> = {
      ...(rest.status !== undefined && rest.statusReason === undefined ? { statusReason: '' } : {}),
      ...(rest.status !== undefined && rest.status !== 'draft' ? { publishWhenVerified: '' } : {}),
    };
    const doc = await this.collection.findOneAndUpdate(
      filter,
      {
        $set: { ...rest, ...(site ? { site: siteDoc(site) } : {}), updatedAt: now },
        ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
      },
      { returnDocument: 'after', session },
    );
    return doc ? toPlacement(doc) : undefined;
  }

  /** Marks a draft to be published when its employer is verified; undefined when it is no longer a draft. */
  async markPublishWhenVerified(id: string, now: Date, session: ClientSession): Promise<Placement | undefined> {
    const doc = await this.collection.findOneAndUpdate(
      { _id: new ObjectId(id), status: 'draft' },
      { $set: { publishWhenVerified: true, updatedAt: now } },
      { returnDocument: 'after', session },
    );
    return doc ? toPlacement(doc) : undefined;
  }

  /**
   * Opens an employer's drafts marked to be published when it is verified, inside the
   * verification's transaction; returns their ids. One whose start date has passed, or with no
   * free place, stays a draft (still marked) for the employer to change and publish.
   */
  async publishReadyOf(employerId: string, today: string, now: Date, session: ClientSession): Promise<string[]> {
    const filter: Filter<PlacementDoc> = {
      employerId: new ObjectId(employerId),
      status: 'draft',
      publishWhenVerified: true,
      startDate: { $gte: today },
      $expr: { $lt: ['$placesFilled', '$places'] },
    };
    const ids = (await this.collection.find(filter, { projection: { _id: 1 }, session }).toArray()).map(
      (doc) => doc._id,
    );
    if (ids.length === 0) return [];
    await this.collection.updateMany(
      { _id: { $in: ids }, status: 'draft' },
      { $set: { status: 'open', updatedAt: now }, $unset: { publishWhenVerified: '', statusReason: '' } },
      { session },
    );
    return ids.map((id) => id.toHexString());
  }

  /** Pauses every open placement of an employer, saying why; returns their ids. */
  /**
   * Takes one free place (for the journey's start); when that fills the placement, it becomes
   * 'filled'. One conditional update, so the check and the change are one atomic step: a place is
   * taken only while one is free, however many starts arrive at once. False if none was free.
   */
  async takePlace(id: string, now: Date, session: ClientSession): Promise<boolean> {
    const result = await this.collection.updateOne(
      {
        _id: new ObjectId(id),
        status: { $in: publishedStatuses },
        $expr: { $lt: ['$placesFilled', '$places'] },
      },
      [
        { $set: { placesFilled: { $add: ['$placesFilled', 1] }, updatedAt: now } },
        { $set: { status: { $cond: [{ $gte: ['$placesFilled', '$places'] }, 'filled', '$status'] } } },
      ],
      { session },
    );
    return result.modifiedCount === 1;
  }

  /** Gives a place back after an internship ends early; a filled placement opens again. */
  async releasePlace(id: string, now: Date, session: ClientSession): Promise<void> {
    await this.collection.updateOne(
      { _id: new ObjectId(id), placesFilled: { $gt: 0 } },
      [
        { $set: { placesFilled: { $subtract: ['$placesFilled', 1] }, updatedAt: now } },
        { $set: { status: { $cond: [{ $eq: ['$status', 'filled'] }, 'open', '$status'] } } },
      ],
      { session },
    );
  }

  async pauseOpenOf(employerId: string, statusReason: string, now: Date, session: ClientSession): Promise<string[]> {
    const filter = { employerId: new ObjectId(employerId), status: 'open' as const };
    const ids = (await this.collection.find(filter, { projection: { _id: 1 }, session }).toArray()).map(
      (doc) => doc._id,
    );
    if (ids.length === 0) return [];
    await this.collection.updateMany(
      { _id: { $in: ids }, status: 'open' },
      { $set: { status: 'paused', statusReason, updatedAt: now } },
      { session },
    );
    return ids.map((id) => id.toHexString());
  }

  async list(filter: Filter<PlacementDoc>, options: { limit: number; offset: number }) {
    const [docs, total] = await Promise.all([
      this.collection.find(filter).sort({ startDate: 1, _id: 1 }).skip(options.offset).limit(options.limit).toArray(),
      this.collection.countDocuments(filter),
    ]);
    return { items: docs.map(toPlacement), total };
  }

  async idsOfEmployer(employerId: string, session?: ClientSession): Promise<string[]> {
    const docs = await this.collection
      .find({ employerId: new ObjectId(employerId) }, { projection: { _id: 1 }, session })
      .toArray();
    return docs.map((doc) => doc._id.toHexString());
  }
}
