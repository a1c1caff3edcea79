import type { ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CoachAccess } from '../auth/policy.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { PassportSection, Role } from '../domain/vocabulary.js';
import { passportSections } from '../domain/vocabulary.js';
import type { PassportSections } from './passports.schemas.js';

export interface Passport {
  youngPersonId: string;
  providerId: string;
  version: number;
  sections: PassportSections;
  coachAccess: CoachAccess;
  updatedAt: Date | null;
}

interface PassportDoc {
  _id: ObjectId; // the young person's id: one passport each
  providerId: ObjectId;
  version: number;
  sections: PassportSections;
  coachAccess: CoachAccess;
  updatedAt: Date;
  updatedBy: { accountId: string; role: Role };
}

export interface PassportVersion {
  youngPersonId: string;
  version: number;
  sections: PassportSections;
  savedBy: { accountId: string; role: Role };
  savedAt: Date;
  source: VersionSource;
  draftId?: string;
  restoredFrom?: number;
}

/** Where a version came from: the owner's own save, an accepted coach draft, or a restore of an earlier version. */
export type VersionSource = 'owner' | 'draft' | 'restore';

interface VersionDoc extends Omit<PassportVersion, 'youngPersonId' | 'draftId'> {
  _id: ObjectId;
  youngPersonId: ObjectId;
  draftId?: ObjectId;
}

export interface PassportDraft {
  id: string;
  youngPersonId: string;
  baseVersion: number;
  sections: PassportSections;
  note?: string;
  proposedBy: string;
  proposedAt: Date;
  status: 'pending' | 'accepted' | 'rejected';
  decidedBy?: string;
  decidedAt?: Date;
  decisionReason?: string;
  resultingVersion?: number;
}

interface DraftDoc extends Omit<PassportDraft, 'id' | 'youngPersonId' | 'proposedBy' | 'decidedBy'> {
  _id: ObjectId;
  youngPersonId: ObjectId;
  proposedBy: ObjectId;
  decidedBy?: ObjectId;
}

export interface PassportShare {
  id: string;
  youngPersonId: string;
  providerId: string;
  employerId: string;
  placementId?: string;
  sections: PassportSection[];
  purpose: string;
  consent: { givenBy: { accountId: string; role: Role }; givenAt: Date; statement: string };
  expiresAt: Date;
  withdrawnAt?: Date;
  withdrawnBy?: string;
}

interface ShareDoc extends Omit<PassportShare, 'id' | 'youngPersonId' | 'providerId' | 'employerId' | 'placementId'> {
  _id: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  employerId: ObjectId;
  placementId?: ObjectId;
}

const sectionsSchema = {
  bsonType: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(passportSections.map((s) => [s, { bsonType: 'object' }])),
};

export const passportCollections: CollectionSpec[] = [
  {
    name: 'passports',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'providerId', 'version', 'sections', 'coachAccess', 'updatedAt'],
      properties: {
        providerId: { bsonType: 'objectId' },
        version: { bsonType: 'number', minimum: 1 },
        sections: sectionsSchema,
        coachAccess: { enum: ['none', 'without_condition', 'all'] },
      },
    },
    indexes: [{ key: { providerId: 1 }, name: 'provider' }],
  },
  {
    name: 'passport_versions',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'youngPersonId', 'version', 'sections', 'savedBy', 'savedAt', 'source'],
      properties: {
        version: { bsonType: 'number', minimum: 1 },
        sections: sectionsSchema,
        source: { enum: ['owner', 'draft', 'restore'] },
        restoredFrom: { bsonType: 'number', minimum: 1 },
      },
    },
    indexes: [{ key: { youngPersonId: 1, version: -1 }, name: 'person_version', unique: true }],
  },
  {
    name: 'passport_drafts',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'youngPersonId', 'baseVersion', 'sections', 'proposedBy', 'proposedAt', 'status'],
      properties: {
        sections: sectionsSchema,
        status: { enum: ['pending', 'accepted', 'rejected'] },
        note: { bsonType: 'string', maxLength: 1000 },
      },
    },
    indexes: [{ key: { youngPersonId: 1, status: 1, proposedAt: -1 }, name: 'person_status' }],
  },
  {
    name: 'passport_shares',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'youngPersonId', 'providerId', 'employerId', 'sections', 'purpose', 'consent', 'expiresAt'],
      properties: {
        sections: { bsonType: 'array', minItems: 1, items: { enum: [...passportSections] } },
        purpose: { bsonType: 'string', maxLength: 300 },
        consent: { bsonType: 'object', required: ['givenBy', 'givenAt', 'statement'] },
        expiresAt: { bsonType: 'date' },
      },
    },
    indexes: [
      { key: { youngPersonId: 1, expiresAt: -1 }, name: 'person' },
      { key: { employerId: 1, withdrawnAt: 1, expiresAt: 1 }, name: 'employer_active' },
      // The daily run's notices: shares ending soon, and shares withdrawn since the last run.
      { key: { expiresAt: 1 }, name: 'expiry' },
      { key: { withdrawnAt: 1 }, name: 'withdrawn', partialFilterExpression: { withdrawnAt: { $exists: true } } },
    ],
  },
];

const toPassport = (doc: PassportDoc): Passport => ({
  youngPersonId: doc._id.toHexString(),
  providerId: doc.providerId.toHexString(),
  version: doc.version,
  sections: doc.sections,
  coachAccess: doc.coachAccess,
  updatedAt: doc.updatedAt,
});

const toVersion = (doc: VersionDoc): PassportVersion => ({
  youngPersonId: doc.youngPersonId.toHexString(),
  version: doc.version,
  sections: doc.sections,
  savedBy: doc.savedBy,
  savedAt: doc.savedAt,
  source: doc.source,
  ...(doc.draftId ? { draftId: doc.draftId.toHexString() } : {}),
  ...(doc.restoredFrom ? { restoredFrom: doc.restoredFrom } : {}),
});

const toDraft = ({ _id, youngPersonId, proposedBy, decidedBy, ...rest }: DraftDoc): PassportDraft => ({
  ...rest,
  id: _id.toHexString(),
  youngPersonId: youngPersonId.toHexString(),
  proposedBy: proposedBy.toHexString(),
  ...(decidedBy ? { decidedBy: decidedBy.toHexString() } : {}),
});

export const toShare = (doc: ShareDoc): PassportShare => {
  const { _id, youngPersonId, providerId, employerId, placementId, ...rest } = doc;
  return {
    ...rest,
    id: _id.toHexString(),
    youngPersonId: youngPersonId.toHexString(),
    providerId: providerId.toHexString(),
    employerId: employerId.toHexString(),
    ...(placementId ? { placementId: placementId.toHexString() } : {}),
  };
};

/** Storage for passports, their versions, coach drafts and consent-based shares. */
export class PassportsRepository {
  readonly passports: Collection<PassportDoc>;
  readonly versions: Collection<VersionDoc>;
  readonly drafts: Collection<DraftDoc>;
  readonly shares: Collection<ShareDoc>;

  constructor(db: Db) {
    this.passports = db.collection<PassportDoc>('passports');
    this.versions = db.collection<VersionDoc>('passport_versions');
    this.drafts = db.collection<DraftDoc>('passport_drafts');
    this.shares = db.collection<ShareDoc>('passport_shares');
  }

  async current(youngPersonId: string, session?: ClientSession): Promise<Passport | undefined> {
    const doc = await this.passports.findOne({ _id: new ObjectId(youngPersonId) }, { session });
    return doc ? toPassport(doc) : undefined;
  }

  /**
   * Saves a new version. `expectedVersion` guards against lost updates: the write only lands if
   * the stored version is still the one the editor started from (0 when there is no passport yet).
   * Returns undefined when someone else saved first.
   */
  async saveVersion(
    input: {
      youngPersonId: string;
      providerId: string;
      expectedVersion: number;
      sections: PassportSections;
      coachAccess: CoachAccess;
      savedBy: { accountId: string; role: Role };
      source: VersionSource;
      draftId?: string;
      restoredFrom?: number;
    },
    now: Date,
    session: ClientSession,
  ): Promise<Passport | undefined> {
    const _id = new ObjectId(input.youngPersonId);
    const version = input.expectedVersion + 1;
    const fields = {
      sections: input.sections,
      coachAccess: input.coachAccess,
      version,
      updatedAt: now,
      updatedBy: input.savedBy,
    };
    if (input.expectedVersion === 0) {
      const exists = await this.passports.findOne({ _id }, { session, projection: { _id: 1 } });
      if (exists) return undefined;
      await this.passports.insertOne({ _id, providerId: new ObjectId(input.providerId), ...fields }, { session });
    } else {
      const result = await this.passports.updateOne(
        { _id, version: input.expectedVersion },
        { $set: fields },
        { session },
      );
      if (result.matchedCount === 0) return undefined;
    }
    await this.versions.insertOne(
      {
        _id: new ObjectId(),
        youngPersonId: _id,
        version,
        sections: input.sections,
        savedBy: input.savedBy,
        savedAt: now,
        source: input.source,
        ...(input.draftId ? { draftId: new ObjectId(input.draftId) } : {}),
        ...(input.restoredFrom ? { restoredFrom: input.restoredFrom } : {}),
      },
      { session },
    );
    return {
      youngPersonId: input.youngPersonId,
      providerId: input.providerId,
      version,
      sections: input.sections,
      coachAccess: input.coachAccess,
      updatedAt: now,
    };
  }

  async listVersions(youngPersonId: string): Promise<PassportVersion[]> {
    const docs = await this.versions
      .find({ youngPersonId: new ObjectId(youngPersonId) }, { projection: { sections: 0 } })
      .sort({ version: -1 })
      .toArray();
    return docs.map((doc) => toVersion({ ...doc, sections: {} }));
  }

  async version(youngPersonId: string, version: number): Promise<PassportVersion | undefined> {
    const doc = await this.versions.findOne({ youngPersonId: new ObjectId(youngPersonId), version });
    return doc ? toVersion(doc) : undefined;
  }

  async allVersions(youngPersonId: string): Promise<PassportVersion[]> {
    return (
      await this.versions
        .find({ youngPersonId: new ObjectId(youngPersonId) })
        .sort({ version: 1 })
        .toArray()
    ).map(toVersion);
  }

  async insertDraft(draft: Omit<PassportDraft, 'id' | 'status'>, session?: ClientSession): Promise<PassportDraft> {
    const doc: DraftDoc = {
      _id: new ObjectId(),
      youngPersonId: new ObjectId(draft.youngPersonId),
      baseVersion: draft.baseVersion,
      sections: draft.sections,
      ...(draft.note ? { note: draft.note } : {}),
      proposedBy: new ObjectId(draft.proposedBy),
      proposedAt: draft.proposedAt,
      status: 'pending',
    };
    await this.drafts.insertOne(doc, { session });
    return toDraft(doc);
  }

  async draft(youngPersonId: string, draftId: string, session?: ClientSession): Promise<PassportDraft | undefined> {
    const doc = await this.drafts.findOne(
      { _id: new ObjectId(draftId), youngPersonId: new ObjectId(youngPersonId) },
      { session },
    );
    return doc ? toDraft(doc) : undefined;
  }

  async listDrafts(youngPersonId: string, status?: PassportDraft['status']): Promise<PassportDraft[]> {
    const filter = { youngPersonId: new ObjectId(youngPersonId), ...(status ? { status } : {}) };
    return (await this.drafts.find(filter).sort({ proposedAt: -1 }).limit(100).toArray()).map(toDraft);
  }

  /** Drafts still waiting for a decision, for several young people at once (the inbox), oldest first. */
  async pendingDraftsOf(youngPersonIds: string[]): Promise<PassportDraft[]> {
    if (youngPersonIds.length === 0) return [];
    const docs = await this.drafts
      .find({ youngPersonId: { $in: youngPersonIds.map((id) => new ObjectId(id)) }, status: 'pending' })
      .sort({ proposedAt: 1 })
      .limit(100)
      .toArray();
    return docs.map(toDraft);
  }

  async countPendingDrafts(youngPersonId: string): Promise<number> {
    return this.drafts.countDocuments({ youngPersonId: new ObjectId(youngPersonId), status: 'pending' });
  }

  /** Records a decision on a pending draft; undefined if it was decided already. */
  async decideDraft(
    draftId: string,
    decision: {
      status: 'accepted' | 'rejected';
      decidedBy: string;
      decidedAt: Date;
      reason?: string;
      resultingVersion?: number;
    },
    session: ClientSession,
  ): Promise<boolean> {
    const result = await this.drafts.updateOne(
      { _id: new ObjectId(draftId), status: 'pending' },
      {
        $set: {
          status: decision.status,
          decidedBy: new ObjectId(decision.decidedBy),
          decidedAt: decision.decidedAt,
          ...(decision.reason ? { decisionReason: decision.reason } : {}),
          ...(decision.resultingVersion ? { resultingVersion: decision.resultingVersion } : {}),
        },
      },
      { session },
    );
    return result.modifiedCount === 1;
  }

  async insertShare(share: Omit<PassportShare, 'id'>, session: ClientSession): Promise<PassportShare> {
    const doc: ShareDoc = {
      _id: new ObjectId(),
      ...share,
      youngPersonId: new ObjectId(share.youngPersonId),
      providerId: new ObjectId(share.providerId),
      employerId: new ObjectId(share.employerId),
      ...(share.placementId ? { placementId: new ObjectId(share.placementId) } : {}),
    } as ShareDoc;
    await this.shares.insertOne(doc, { session });
    return toShare(doc);
  }

  async share(shareId: string, session?: ClientSession): Promise<PassportShare | undefined> {
    const doc = await this.shares.findOne({ _id: new ObjectId(shareId) }, { session });
    return doc ? toShare(doc) : undefined;
  }

  async sharesOf(youngPersonId: string): Promise<PassportShare[]> {
    return (
      await this.shares
        .find({ youngPersonId: new ObjectId(youngPersonId) })
        .sort({ 'consent.givenAt': -1 })
        .toArray()
    ).map(toShare);
  }

  async activeSharesFor(employerId: string, now: Date): Promise<PassportShare[]> {
    const docs = await this.shares
      .find({ employerId: new ObjectId(employerId), withdrawnAt: { $exists: false }, expiresAt: { $gt: now } })
      .sort({ 'consent.givenAt': -1 })
      .limit(500)
      .toArray();
    return docs.map(toShare);
  }

  /** A new expiry for a share that was not withdrawn, with the consent statement that now applies; false if it was withdrawn. */
  async renewShare(
    shareId: string,
    renewal: { expiresAt: Date; statement: string; by: { accountId: string; role: Role }; at: Date },
    session?: ClientSession,
  ): Promise<boolean> {
    const result = await this.shares.updateOne(
      { _id: new ObjectId(shareId), withdrawnAt: { $exists: false } },
      {
        $set: {
          expiresAt: renewal.expiresAt,
          'consent.statement': renewal.statement,
          'consent.renewedAt': renewal.at,
          'consent.renewedBy': renewal.by,
        },
      },
      { session },
    );
    return result.modifiedCount === 1;
  }

  /** Shares that end by `endingBy`, or were withdrawn or expired after `endedAfter`: the daily run's notices. */
  async sharesEndingOrEnded(endedAfter: Date, endingBy: Date): Promise<PassportShare[]> {
    const docs = await this.shares
      .find({
        $or: [
          { withdrawnAt: { $exists: false }, expiresAt: { $gt: endedAfter, $lte: endingBy } },
          { withdrawnAt: { $gt: endedAfter } },
        ],
      })
      .toArray();
    return docs.map(toShare);
  }

  async sharesEndingBefore(youngPersonIds: string[], now: Date, before: Date): Promise<PassportShare[]> {
    if (youngPersonIds.length === 0) return [];
    const docs = await this.shares
      .find({
        youngPersonId: { $in: youngPersonIds.map((id) => new ObjectId(id)) },
        withdrawnAt: { $exists: false },
        expiresAt: { $gt: now, $lte: before },
      })
      .sort({ expiresAt: 1 })
      .limit(100)
      .toArray();
    return docs.map(toShare);
  }

  async withdrawShare(shareId: string, by: string, now: Date, session?: ClientSession): Promise<boolean> {
    const result = await this.shares.updateOne(
      { _id: new ObjectId(shareId), withdrawnAt: { $exists: false } },
      { $set: { withdrawnAt: now, withdrawnBy: by } },
      { session },
    );
    return result.modifiedCount === 1;
  }

  /** Erasure: every passport record of a young person, in one transaction with the rest. */
  async eraseAll(youngPersonId: string, session: ClientSession): Promise<void> {
    const id = new ObjectId(youngPersonId);
    await this.passports.deleteOne({ _id: id }, { session });
    await this.versions.deleteMany({ youngPersonId: id }, { session });
    await this.drafts.deleteMany({ youngPersonId: id }, { session });
    await this.shares.deleteMany({ youngPersonId: id }, { session });
  }
}
