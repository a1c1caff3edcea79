import type { ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { Role } from '../domain/vocabulary.js';
import type { ClaimFigures, ClaimState } from './access-to-work.rules.js';
import type { ApplicationInput, AwardInput } from './access-to-work.schemas.js';

export interface ActedBy {
  accountId: string;
  role: Role;
}

export type Application = ApplicationInput;
export type Award = AwardInput;

/** One young person's Access to Work: the application and the award from the letter. */
export interface AccessToWorkCase {
  id: string;
  youngPersonId: string;
  providerId: string;
  application?: Application;
  award?: Award;
  updatedBy: ActedBy;
  updatedAt: Date;
}

export interface AccessToWorkClaim extends ClaimFigures {
  id: string;
  youngPersonId: string;
  providerId: string;
  month: string;
  state: ClaimState;
  signed?: { by: string; on: string };
  sent?: { on: string };
  paid?: { on: string; amountPence: number };
  queried?: { on: string; question: string };
  draftedBy: ActedBy;
  draftedAt: Date;
}

type StoredActedBy = { accountId: ObjectId; role: Role };

interface CaseDoc extends Omit<AccessToWorkCase, 'id' | 'youngPersonId' | 'providerId' | 'updatedBy'> {
  _id: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  updatedBy: StoredActedBy;
}

interface ClaimDoc extends Omit<AccessToWorkClaim, 'id' | 'youngPersonId' | 'providerId' | 'draftedBy'> {
  _id: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  draftedBy: StoredActedBy;
}

const isoDate = { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const pence = { bsonType: ['int', 'long', 'double'], minimum: 0 };
const actedBy = {
  bsonType: 'object',
  required: ['accountId', 'role'],
  properties: { accountId: { bsonType: 'objectId' }, role: { bsonType: 'string' } },
};

export const accessToWorkCasesCollection: CollectionSpec = {
  name: 'access_to_work_cases',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'youngPersonId', 'providerId', 'updatedBy', 'updatedAt'],
    properties: {
      youngPersonId: { bsonType: 'objectId' },
      providerId: { bsonType: 'objectId' },
      application: {
        bsonType: 'object',
        required: ['appliedBy', 'signer'],
        properties: {
          appliedBy: { enum: ['education_provider', 'supported_employment_provider', 'young_person'] },
          reference: { bsonType: 'string', maxLength: 40 },
          sentOn: isoDate,
          signer: { enum: ['young_person', 'appointee'] },
          appointeeName: { bsonType: 'string', maxLength: 120 },
        },
      },
      award: {
        bsonType: 'object',
        required: ['letterDate', 'lines', 'employerContributionPence', 'refused'],
        properties: {
          letterDate: isoDate,
          lines: {
            bsonType: 'array',
            minItems: 1,
            maxItems: 20,
            items: {
              bsonType: 'object',
              required: ['kind', 'startsOn', 'endsOn', 'totalPence'],
              properties: {
                kind: { enum: ['job_coach', 'travel_to_work', 'equipment', 'other'] },
                description: { bsonType: 'string', maxLength: 200 },
                startsOn: isoDate,
                endsOn: isoDate,
                totalPence: pence,
                hoursPerWeek: { bsonType: ['int', 'long', 'double'], minimum: 0, maximum: 60 },
                costPerHourPence: pence,
              },
            },
          },
          employerContributionPence: pence,
          refused: { bsonType: 'array', maxItems: 20 },
        },
      },
      updatedBy: actedBy,
      updatedAt: { bsonType: 'date' },
    },
  },
  // One case per young person, so an award is never recorded twice.
  indexes: [{ key: { youngPersonId: 1 }, name: 'young_person_unique', unique: true }],
};

export const accessToWorkClaimsCollection: CollectionSpec = {
  name: 'access_to_work_claims',
  jsonSchema: {
    bsonType: 'object',
    required: [
      '_id',
      'youngPersonId',
      'providerId',
      'month',
      'firstDay',
      'lastDay',
      'weeks',
      'coachingHours',
      'costPerHourPence',
      'totalPence',
      'warnings',
      'state',
      'draftedBy',
      'draftedAt',
    ],
    properties: {
      youngPersonId: { bsonType: 'objectId' },
      providerId: { bsonType: 'objectId' },
      month: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}$' },
      firstDay: isoDate,
      lastDay: isoDate,
      weeks: { bsonType: 'array', maxItems: 6 },
      coachingHours: { bsonType: ['int', 'long', 'double'], minimum: 0 },
      costPerHourPence: pence,
      totalPence: pence,
      warnings: { bsonType: 'array' },
      state: { enum: ['draft', 'signed', 'sent', 'paid', 'queried'] },
      signed: { bsonType: 'object', required: ['by', 'on'] },
      sent: { bsonType: 'object', required: ['on'] },
      paid: { bsonType: 'object', required: ['on', 'amountPence'] },
      queried: { bsonType: 'object', required: ['on', 'question'] },
      draftedBy: actedBy,
      draftedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    // A month is claimed once: a second claim over it would be paid twice.
    { key: { youngPersonId: 1, month: 1 }, name: 'young_person_month_unique', unique: true },
    { key: { providerId: 1, month: 1 }, name: 'provider_month' },
  ],
};

const stored = (by: ActedBy): StoredActedBy => ({ accountId: new ObjectId(by.accountId), role: by.role });
const plain = (by: StoredActedBy): ActedBy => ({ accountId: by.accountId.toHexString(), role: by.role });

function toCase(doc: CaseDoc): AccessToWorkCase {
  const { _id, youngPersonId, providerId, updatedBy, ...rest } = doc;
  return {
    ...rest,
    id: _id.toHexString(),
    youngPersonId: youngPersonId.toHexString(),
    providerId: providerId.toHexString(),
    updatedBy: plain(updatedBy),
  };
}

function toClaim(doc: ClaimDoc): AccessToWorkClaim {
  const { _id, youngPersonId, providerId, draftedBy, ...rest } = doc;
  return {
    ...rest,
    id: _id.toHexString(),
    youngPersonId: youngPersonId.toHexString(),
    providerId: providerId.toHexString(),
    draftedBy: plain(draftedBy),
  };
}

/** Access to Work cases and their monthly claims. */
export class AccessToWorkRepository {
  readonly cases: Collection<CaseDoc>;
  readonly claims: Collection<ClaimDoc>;
  constructor(db: Db) {
    this.cases = db.collection<CaseDoc>(accessToWorkCasesCollection.name);
    this.claims = db.collection<ClaimDoc>(accessToWorkClaimsCollection.name);
  }

  async caseOf(youngPersonId: string, session?: ClientSession): Promise<AccessToWorkCase | undefined> {
    const doc = await this.cases.findOne({ youngPersonId: new ObjectId(youngPersonId) }, { session });
    return doc ? toCase(doc) : undefined;
  }

  /** Sets the application or the award, making the case on its first write. */
  async save(
    person: { id: string; providerId: string },
    change: { application: Application } | { award: Award },
    by: ActedBy,
    now: Date,
    session: ClientSession,
  ): Promise<AccessToWorkCase> {
    const doc = await this.cases.findOneAndUpdate(
      { youngPersonId: new ObjectId(person.id) },
      {
        $set: { ...change, providerId: new ObjectId(person.providerId), updatedBy: stored(by), updatedAt: now },
      },
      { upsert: true, returnDocument: 'after', session },
    );
    return toCase(doc!);
  }

  async casesOf(youngPersonIds: string[]): Promise<AccessToWorkCase[]> {
    const docs = await this.cases
      .find({ youngPersonId: { $in: youngPersonIds.map((id) => new ObjectId(id)) } })
      .toArray();
    return docs.map(toCase);
  }

  /** Each young person's claims' states, by month, from `fromMonth` on. */
  async claimStatesOf(youngPersonIds: string[], fromMonth: string): Promise<Map<string, Map<string, ClaimState>>> {
    const docs = await this.claims
      .find(
        { youngPersonId: { $in: youngPersonIds.map((id) => new ObjectId(id)) }, month: { $gte: fromMonth } },
        { projection: { youngPersonId: 1, month: 1, state: 1 } },
      )
      .toArray();
    const states = new Map<string, Map<string, ClaimState>>();
    for (const doc of docs) {
      const id = doc.youngPersonId.toHexString();
      states.set(id, (states.get(id) ?? new Map()).set(doc.month, doc.state));
    }
    return states;
  }

  async insertClaim(claim: Omit<AccessToWorkClaim, 'id'>, session: ClientSession): Promise<AccessToWorkClaim> {
    const doc: ClaimDoc = {
      ...claim,
      _id: new ObjectId(),
      youngPersonId: new ObjectId(claim.youngPersonId),
      providerId: new ObjectId(claim.providerId),
      draftedBy: stored(claim.draftedBy),
    };
    await this.claims.insertOne(doc, { session });
    return toClaim(doc);
  }

  async claimsOf(youngPersonId: string): Promise<AccessToWorkClaim[]> {
    const docs = await this.claims
      .find({ youngPersonId: new ObjectId(youngPersonId) })
      .sort({ month: -1 })
      .toArray();
    return docs.map(toClaim);
  }

  /** Every claim of a provider's young people, oldest month first. */
  async claimsOfProvider(providerId: string): Promise<AccessToWorkClaim[]> {
    const docs = await this.claims
      .find({ providerId: new ObjectId(providerId) })
      .sort({ month: 1, youngPersonId: 1 })
      .toArray();
    return docs.map(toClaim);
  }

  async claim(youngPersonId: string, claimId: string, session?: ClientSession): Promise<AccessToWorkClaim | undefined> {
    const doc = await this.claims.findOne(
      { _id: new ObjectId(claimId), youngPersonId: new ObjectId(youngPersonId) },
      { session },
    );
    return doc ? toClaim(doc) : undefined;
  }

  /** Moves a claim on only from the states given, so two people acting at once cannot both move it. */
  async moveClaim(
    claimId: string,
    from: readonly ClaimState[],
    change: Partial<Pick<AccessToWorkClaim, 'state' | 'signed' | 'sent' | 'paid' | 'queried'>>,
    session: ClientSession,
  ): Promise<AccessToWorkClaim | undefined> {
    const doc = await this.claims.findOneAndUpdate(
      { _id: new ObjectId(claimId), state: { $in: [...from] } },
      { $set: change },
      { returnDocument: 'after', session },
    );
    return doc ? toClaim(doc) : undefined;
  }

  async eraseAll(youngPersonId: string, session: ClientSession): Promise<void> {
    const id = new ObjectId(youngPersonId);
    await this.claims.deleteMany({ youngPersonId: id }, { session });
    await this.cases.deleteMany({ youngPersonId: id }, { session });
  }
}
