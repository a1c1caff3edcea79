import type { ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { Clock } from '../core/clock.js';
import { daysAfter } from '../core/dates.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import { type DelegateRight, delegateRights, type Role, roles } from '../domain/vocabulary.js';
import { type RememberedAddress, signInAddressLimits } from './sign-in-addresses.js';

export interface DelegateGrant {
  youngPersonId: string;
  rights: DelegateRight[];
  relationship?: string;
}

/** An account as the rest of the service sees it: ids as strings, never the password hash. */
export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'disabled';
  providerId?: string;
  employerId?: string;
  youngPersonId?: string;
  actsFor: DelegateGrant[];
  createdAt: Date;
  updatedAt: Date;
}

export interface AccountDoc {
  _id: ObjectId;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'disabled';
  passwordHash?: string;
  providerId?: ObjectId;
  employerId?: ObjectId;
  youngPersonId?: ObjectId;
  actsFor?: { youngPersonId: ObjectId; rights: DelegateRight[]; relationship?: string }[];
  createdAt: Date;
  updatedAt: Date;
  disabledAt?: Date;
  lastSignInAt?: Date;
  /** Where the account last signed in from, newest first (see sign-in-addresses.ts). */
  signInAddresses?: RememberedAddress[];
  /** Set when the holder changes the password; the next sign-in warns of itself and clears it. */
  passwordChangedAt?: Date;
}

/** What an earlier sign-in left behind, as this sign-in found it. */
export interface EarlierSignIns {
  /** The account had signed in before. */
  any: boolean;
  /** Whether one came from this address; undefined when they all came before addresses were remembered. */
  fromThisAddress: boolean | undefined;
  /** The password has changed since the last sign-in. */
  passwordChangedSince: boolean;
}

export const accountsCollection: CollectionSpec = {
  name: 'accounts',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'email', 'name', 'role', 'status', 'createdAt', 'updatedAt'],
    properties: {
      email: { bsonType: 'string', maxLength: 254, pattern: '^[^A-Z\\s]+@[^A-Z\\s]+$' },
      name: { bsonType: 'string', minLength: 1, maxLength: 120 },
      role: { enum: [...roles] },
      status: { enum: ['active', 'disabled'] },
      passwordHash: { bsonType: 'string', maxLength: 300 },
      providerId: { bsonType: 'objectId' },
      employerId: { bsonType: 'objectId' },
      youngPersonId: { bsonType: 'objectId' },
      actsFor: {
        bsonType: 'array',
        maxItems: 20,
        items: {
          bsonType: 'object',
          required: ['youngPersonId', 'rights'],
          properties: {
            youngPersonId: { bsonType: 'objectId' },
            rights: { bsonType: 'array', items: { enum: [...delegateRights] } },
            relationship: { bsonType: 'string', maxLength: 60 },
          },
        },
      },
      createdAt: { bsonType: 'date' },
      updatedAt: { bsonType: 'date' },
      lastSignInAt: { bsonType: 'date' },
      signInAddresses: {
        bsonType: 'array',
        maxItems: signInAddressLimits.kept,
        items: {
          bsonType: 'object',
          required: ['key', 'lastAt'],
          additionalProperties: false,
          properties: { key: { bsonType: 'string', maxLength: 32 }, lastAt: { bsonType: 'date' } },
        },
      },
      passwordChangedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    { key: { email: 1 }, name: 'email_unique', unique: true },
    { key: { providerId: 1, role: 1 }, name: 'provider_role' },
    { key: { employerId: 1 }, name: 'employer' },
    {
      key: { youngPersonId: 1 },
      name: 'young_person',
      unique: true,
      partialFilterExpression: { youngPersonId: { $exists: true } },
    },
    { key: { 'actsFor.youngPersonId': 1 }, name: 'delegate_for' },
  ],
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toAccount(doc: AccountDoc): Account {
  return {
    id: doc._id.toHexString(),
    email: doc.email,
    name: doc.name,
    role: doc.role,
    status: doc.status,
    providerId: doc.providerId?.toHexString(),
    employerId: doc.employerId?.toHexString(),
    youngPersonId: doc.youngPersonId?.toHexString(),
    actsFor: (doc.actsFor ?? []).map((grant) => ({
      youngPersonId: grant.youngPersonId.toHexString(),
      rights: grant.rights,
      ...(grant.relationship ? { relationship: grant.relationship } : {}),
    })),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** Reads of an account leave out its password hash and its remembered sign-in addresses. */
const withoutSecrets = { passwordHash: 0, signInAddresses: 0 } as const;

/** Storage of accounts. The password hash never leaves this module except for sign-in. */
export class AccountsRepository {
  readonly collection: Collection<AccountDoc>;
  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<AccountDoc>(accountsCollection.name);
  }

  async byId(id: string): Promise<Account | undefined> {
    if (!ObjectId.isValid(id) || id.length !== 24) return undefined;
    const doc = await this.collection.findOne({ _id: new ObjectId(id) }, { projection: withoutSecrets });
    return doc ? toAccount(doc) : undefined;
  }

  /** Many accounts in one query; ids that are not valid or not found are left out. */
  async byIds(ids: string[]): Promise<Account[]> {
    const valid = ids.filter((id) => ObjectId.isValid(id) && id.length === 24).map((id) => new ObjectId(id));
    if (valid.length === 0) return [];
    const docs = await this.collection.find({ _id: { $in: valid } }, { projection: withoutSecrets }).toArray();
    return docs.map(toAccount);
  }

  async byEmail(email: string): Promise<Account | undefined> {
    const doc = await this.collection.findOne({ email: normaliseEmail(email) }, { projection: withoutSecrets });
    return doc ? toAccount(doc) : undefined;
  }

  async credentials(email: string): Promise<{ account: Account; passwordHash?: string } | undefined> {
    const doc = await this.collection.findOne({ email: normaliseEmail(email) }, { projection: { signInAddresses: 0 } });
    return doc ? { account: toAccount(doc), passwordHash: doc.passwordHash } : undefined;
  }

  async insert(
    account: Omit<AccountDoc, '_id' | 'createdAt' | 'updatedAt'>,
    session?: ClientSession,
  ): Promise<Account> {
    const now = this.clock.now();
    const doc: AccountDoc = {
      _id: new ObjectId(),
      ...account,
      email: normaliseEmail(account.email),
      createdAt: now,
      updatedAt: now,
    };
    await this.collection.insertOne(doc, { session });
    return toAccount(doc);
  }

  /**
   * Records a successful sign-in from the address with this key (see SignInAddressKeys), and says
   * in the same round trip what earlier sign-ins left: one atomic update, so two sign-ins at once
   * from a new address find it new only once. The address goes to the front of the account's
   * remembered addresses; the oldest beyond the limit, and any unused for too long, are forgotten.
   */
  async recordSignIn(id: string, addressKey: string): Promise<EarlierSignIns> {
    const now = this.clock.now();
    const forgetBefore = daysAfter(now, -signInAddressLimits.forgetAfterDays);
    const before = await this.collection.findOneAndUpdate(
      { _id: new ObjectId(id) },
      [
        {
          $set: {
            lastSignInAt: now,
            signInAddresses: {
              $slice: [
                {
                  $concatArrays: [
                    { $literal: [{ key: addressKey, lastAt: now }] },
                    {
                      $filter: {
                        input: { $ifNull: ['$signInAddresses', []] },
                        as: 'seen',
                        cond: { $and: [{ $ne: ['$$seen.key', addressKey] }, { $gt: ['$$seen.lastAt', forgetBefore] }] },
                      },
                    },
                  ],
                },
                signInAddressLimits.kept,
              ],
            },
          },
        },
        { $unset: 'passwordChangedAt' },
      ],
      { returnDocument: 'before', projection: { lastSignInAt: 1, signInAddresses: 1, passwordChangedAt: 1 } },
    );
    return {
      any: !!before?.lastSignInAt,
      fromThisAddress: before?.signInAddresses?.some((seen) => seen.key === addressKey && seen.lastAt > forgetBefore),
      passwordChangedSince: !!before?.passwordChangedAt,
    };
  }

  /** A hash made with older parameters, replaced at sign-in now that the password is known. */
  async replacePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.collection.updateOne({ _id: new ObjectId(id) }, { $set: { passwordHash, updatedAt: this.clock.now() } });
  }

  /** A new password chosen by the account holder: the next sign-in warns that it came after the change. */
  async setPasswordHash(id: string, passwordHash: string, session?: ClientSession): Promise<void> {
    const now = this.clock.now();
    await this.collection.updateOne(
      { _id: new ObjectId(id) },
      { $set: { passwordHash, passwordChangedAt: now, updatedAt: now } },
      { session },
    );
  }

  async setStatus(id: string, status: 'active' | 'disabled', session?: ClientSession): Promise<Account | undefined> {
    const now = this.clock.now();
    const doc = await this.collection.findOneAndUpdate(
      { _id: new ObjectId(id) },
      status === 'disabled'
        ? { $set: { status, disabledAt: now, updatedAt: now } }
        : { $set: { status, updatedAt: now }, $unset: { disabledAt: '' } },
      { returnDocument: 'after', projection: withoutSecrets, session },
    );
    return doc ? toAccount(doc) : undefined;
  }

  async addDelegateGrant(id: string, grant: DelegateGrant, session?: ClientSession): Promise<void> {
    const youngPersonId = new ObjectId(grant.youngPersonId);
    await this.collection.updateOne({ _id: new ObjectId(id) }, { $pull: { actsFor: { youngPersonId } } }, { session });
    await this.collection.updateOne(
      { _id: new ObjectId(id) },
      {
        $push: {
          actsFor: {
            youngPersonId,
            rights: grant.rights,
            ...(grant.relationship ? { relationship: grant.relationship } : {}),
          },
        },
        $set: { updatedAt: this.clock.now() },
      },
      { session },
    );
  }

  async removeDelegateGrant(id: string, youngPersonId: string, session?: ClientSession): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: new ObjectId(id), 'actsFor.youngPersonId': new ObjectId(youngPersonId) },
      { $pull: { actsFor: { youngPersonId: new ObjectId(youngPersonId) } }, $set: { updatedAt: this.clock.now() } },
      { session },
    );
    return result.modifiedCount > 0;
  }

  /** Which of these young people have an account of their own, in one query. */
  async youngPeopleWithAccounts(youngPersonIds: string[]): Promise<Set<string>> {
    const docs = await this.collection
      .find(
        { youngPersonId: { $in: youngPersonIds.map((id) => new ObjectId(id)) } },
        { projection: { youngPersonId: 1 } },
      )
      .toArray();
    return new Set(docs.map((doc) => doc.youngPersonId!.toHexString()));
  }

  async delegatesOf(youngPersonId: string): Promise<Account[]> {
    const docs = await this.collection
      .find({ 'actsFor.youngPersonId': new ObjectId(youngPersonId) }, { projection: withoutSecrets })
      .toArray();
    return docs.map(toAccount);
  }

  async listByOrganisation(
    filter: { providerId?: string; employerId?: string },
    roleFilter?: Role[],
  ): Promise<Account[]> {
    const query: Record<string, unknown> = {};
    if (filter.providerId) query.providerId = new ObjectId(filter.providerId);
    if (filter.employerId) query.employerId = new ObjectId(filter.employerId);
    if (roleFilter) query.role = { $in: roleFilter };
    const docs = await this.collection
      .find(query, { projection: withoutSecrets })
      .sort({ name: 1 })
      .limit(500)
      .toArray();
    return docs.map(toAccount);
  }
}
