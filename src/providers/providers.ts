import type { ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { Clock } from '../core/clock.js';
import type { CollectionSpec } from '../core/db/mongo.js';

/** A provider organisation: a college or supported-employment service that employs job coaches. */
export interface Provider {
  id: string;
  name: string;
  kind: 'college' | 'supported_employment' | 'local_authority' | 'other';
  localAuthority: string;
  createdAt: Date;
}

interface ProviderDoc extends Omit<Provider, 'id'> {
  _id: ObjectId;
}

export const providersCollection: CollectionSpec = {
  name: 'providers',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'name', 'kind', 'localAuthority', 'createdAt'],
    properties: {
      name: { bsonType: 'string', minLength: 1, maxLength: 160 },
      kind: { enum: ['college', 'supported_employment', 'local_authority', 'other'] },
      localAuthority: { bsonType: 'string', minLength: 1, maxLength: 100 },
      createdAt: { bsonType: 'date' },
    },
  },
  indexes: [{ key: { name: 1 }, name: 'name' }],
};

export class ProvidersRepository {
  readonly collection: Collection<ProviderDoc>;
  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<ProviderDoc>(providersCollection.name);
  }

  async create(input: Omit<Provider, 'id' | 'createdAt'>, session?: ClientSession): Promise<Provider> {
    const doc: ProviderDoc = { _id: new ObjectId(), ...input, createdAt: this.clock.now() };
    await this.collection.insertOne(doc, { session });
    return toProvider(doc);
  }

  async byId(id: string): Promise<Provider | undefined> {
    const doc = await this.collection.findOne({ _id: new ObjectId(id) });
    return doc ? toProvider(doc) : undefined;
  }
}

function toProvider({ _id, ...rest }: ProviderDoc): Provider {
  return { id: _id.toHexString(), ...rest };
}
