import type { ClientSession, Collection, Db, Filter } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { DisabilityConfidentLevel, Sector } from '../domain/vocabulary.js';
import { disabilityConfidentLevels, sectors } from '../domain/vocabulary.js';
import type { Coordinates } from '../geo/postcodes.js';
import { geoPoint } from '../geo/postcodes.js';

export interface Contact {
  name: string;
  jobTitle?: string;
  email?: string;
  phone?: string;
}

export interface Employer {
  id: string;
  name: string;
  sector: Sector;
  description?: string;
  address: { line1: string; line2?: string; town: string; postcode: string };
  coordinates: Coordinates;
  disabilityConfident: DisabilityConfidentLevel;
  website?: string;
  /** The employer reference number (ERN), 9 digits, for the colleges' ILR returns. */
  employerReferenceNumber?: string;
  verified: boolean;
  verifiedBy?: { providerId: string; accountId: string; at: Date };
  contacts: Contact[];
  createdAt: Date;
  updatedAt: Date;
}

export interface EmployerDoc {
  _id: ObjectId;
  name: string;
  sector: Sector;
  description?: string;
  address: Employer['address'];
  location: { type: 'Point'; coordinates: [number, number] };
  disabilityConfident: DisabilityConfidentLevel;
  website?: string;
  employerReferenceNumber?: string;
  verified: boolean;
  verifiedBy?: { providerId: ObjectId; accountId: ObjectId; at: Date };
  contacts: Contact[];
  createdAt: Date;
  updatedAt: Date;
}

export const employersCollection: CollectionSpec = {
  name: 'employers',
  jsonSchema: {
    bsonType: 'object',
    required: [
      '_id',
      'name',
      'sector',
      'address',
      'location',
      'disabilityConfident',
      'verified',
      'contacts',
      'createdAt',
      'updatedAt',
    ],
    properties: {
      name: { bsonType: 'string', minLength: 1, maxLength: 160 },
      sector: { enum: [...sectors] },
      description: { bsonType: 'string', maxLength: 2000 },
      address: {
        bsonType: 'object',
        required: ['line1', 'town', 'postcode'],
        properties: {
          line1: { bsonType: 'string', maxLength: 120 },
          line2: { bsonType: 'string', maxLength: 120 },
          town: { bsonType: 'string', maxLength: 80 },
          postcode: { bsonType: 'string', maxLength: 10 },
        },
      },
      location: { bsonType: 'object', required: ['type', 'coordinates'] },
      disabilityConfident: { enum: [...disabilityConfidentLevels] },
      employerReferenceNumber: { bsonType: 'string', pattern: '^\\d{9}$' },
      verified: { bsonType: 'bool' },
      verifiedBy: { bsonType: 'object' },
      contacts: { bsonType: 'array', maxItems: 10 },
      createdAt: { bsonType: 'date' },
      updatedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    { key: { location: '2dsphere' }, name: 'location_2dsphere' },
    { key: { verified: 1, name: 1 }, name: 'verified_name' },
    { key: { 'verifiedBy.providerId': 1 }, name: 'verified_by' },
  ],
};

export function toEmployer(doc: EmployerDoc): Employer {
  const { _id, location, verifiedBy, ...rest } = doc;
  return {
    id: _id.toHexString(),
    ...rest,
    coordinates: { lat: location.coordinates[1], lng: location.coordinates[0] },
    ...(verifiedBy
      ? {
          verifiedBy: {
            providerId: verifiedBy.providerId.toHexString(),
            accountId: verifiedBy.accountId.toHexString(),
            at: verifiedBy.at,
          },
        }
      : {}),
  };
}

export type NewEmployer = Omit<Employer, 'id' | 'verified' | 'verifiedBy' | 'createdAt' | 'updatedAt'>;

export class EmployersRepository {
  readonly collection: Collection<EmployerDoc>;
  constructor(db: Db) {
    this.collection = db.collection<EmployerDoc>(employersCollection.name);
  }

  async insert(employer: NewEmployer, now: Date, session?: ClientSession): Promise<Employer> {
    const { coordinates, ...rest } = employer;
    const doc: EmployerDoc = {
      _id: new ObjectId(),
      ...rest,
      location: geoPoint(coordinates),
      verified: false,
      createdAt: now,
      updatedAt: now,
    };
    await this.collection.insertOne(doc, { session });
    return toEmployer(doc);
  }

  async byId(id: string, session?: ClientSession): Promise<Employer | undefined> {
    const doc = await this.collection.findOne({ _id: new ObjectId(id) }, { session });
    return doc ? toEmployer(doc) : undefined;
  }

  async byIds(ids: string[]): Promise<Employer[]> {
    const docs = await this.collection.find({ _id: { $in: ids.map((id) => new ObjectId(id)) } }).toArray();
    return docs.map(toEmployer);
  }

  async update(
    id: string,
    changes: Partial<NewEmployer>,
    now: Date,
    session?: ClientSession,
  ): Promise<Employer | undefined> {
    const { coordinates, ...rest } = changes;
    const set: Record<string, unknown> = { ...rest, updatedAt: now };
    if (coordinates) set.location = geoPoint(coordinates);
    const doc = await this.collection.findOneAndUpdate(
      { _id: new ObjectId(id) },
      { $set: set },
      { returnDocument: 'after', session },
    );
    return doc ? toEmployer(doc) : undefined;
  }

  async setVerification(
    id: string,
    verified: boolean,
    by: { providerId: string; accountId: string },
    now: Date,
    session?: ClientSession,
  ): Promise<Employer | undefined> {
    const update = verified
      ? {
          $set: {
            verified,
            verifiedBy: { providerId: new ObjectId(by.providerId), accountId: new ObjectId(by.accountId), at: now },
            updatedAt: now,
          },
        }
      : { $set: { verified, updatedAt: now }, $unset: { verifiedBy: '' as const } };
    const doc = await this.collection.findOneAndUpdate({ _id: new ObjectId(id) }, update, {
      returnDocument: 'after',
      session,
    });
    return doc ? toEmployer(doc) : undefined;
  }

  async list(filter: Filter<EmployerDoc>, options: { limit: number; offset: number }) {
    const [docs, total] = await Promise.all([
      this.collection.find(filter).sort({ name: 1, _id: 1 }).skip(options.offset).limit(options.limit).toArray(),
      this.collection.countDocuments(filter),
    ]);
    return { items: docs.map(toEmployer), total };
  }
}
