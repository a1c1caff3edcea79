import type { ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { Role } from '../domain/vocabulary.js';
import type { FollowUpActivity, FollowUpMonth, PayBand } from './outcomes.rules.js';

export interface ActedBy {
  accountId: string;
  role: Role;
}
type StoredActedBy = { accountId: ObjectId; role: Role };

/** The outcomes of a young person's EHC plan that the internship works towards, and its review dates. */
export interface EhcPlan {
  youngPersonId: string;
  providerId: string;
  outcomes: { id: string; text: string }[];
  nextReviewOn: string;
  lastReviewOn?: string;
  updatedAt: Date;
  updatedBy: ActedBy;
}

export interface FollowUp {
  month: FollowUpMonth;
  dueOn: string;
  checkedOn: string;
  activity: FollowUpActivity;
  hoursPerWeek?: number;
  payBand?: PayBand;
  sameEmployer?: boolean;
  notes?: string;
  recordedAt: Date;
  recordedBy: ActedBy;
}

export interface EmploymentPlan {
  targetJobs: string[];
  actions: { what: string; who: string; dueOn: string; doneOn?: string }[];
  jobOffer?: { employer: string; jobTitle: string; offeredOn: string; hoursPerWeek: number; accepted?: boolean };
  updatedAt: Date;
  updatedBy: ActedBy;
}

/** What happened at the end of one internship and in the year after it. */
export interface InternshipOutcomes {
  matchId: string;
  youngPersonId: string;
  providerId: string;
  coreAims?: { met: boolean; missing?: string; recordedAt: Date; recordedBy: ActedBy };
  employmentPlan?: EmploymentPlan;
  followUps: FollowUp[];
}

interface EhcPlanDoc extends Omit<EhcPlan, 'youngPersonId' | 'providerId' | 'updatedBy'> {
  _id: ObjectId;
  providerId: ObjectId;
  updatedBy: StoredActedBy;
}

type Stored<T> = Omit<T, 'recordedBy' | 'updatedBy'> & { recordedBy?: StoredActedBy; updatedBy?: StoredActedBy };

interface InternshipOutcomesDoc {
  _id: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  coreAims?: Stored<NonNullable<InternshipOutcomes['coreAims']>>;
  employmentPlan?: Stored<EmploymentPlan>;
  followUps: Stored<FollowUp>[];
}

export const ehcPlansCollection: CollectionSpec = {
  name: 'ehc_plans',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'providerId', 'outcomes', 'nextReviewOn', 'updatedAt', 'updatedBy'],
    properties: {
      providerId: { bsonType: 'objectId' },
      outcomes: {
        bsonType: 'array',
        maxItems: 12,
        items: {
          bsonType: 'object',
          required: ['id', 'text'],
          properties: { id: { bsonType: 'string', maxLength: 40 }, text: { bsonType: 'string', maxLength: 500 } },
        },
      },
      nextReviewOn: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      lastReviewOn: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      updatedAt: { bsonType: 'date' },
      updatedBy: {
        bsonType: 'object',
        required: ['accountId', 'role'],
        properties: { accountId: { bsonType: 'objectId' }, role: { bsonType: 'string' } },
      },
    },
  },
  indexes: [{ key: { providerId: 1 }, name: 'provider' }],
};

export const internshipOutcomesCollection: CollectionSpec = {
  name: 'internship_outcomes',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'youngPersonId', 'providerId', 'followUps'],
    properties: {
      youngPersonId: { bsonType: 'objectId' },
      providerId: { bsonType: 'objectId' },
      coreAims: {
        bsonType: 'object',
        required: ['met', 'recordedAt'],
        properties: {
          met: { bsonType: 'bool' },
          missing: { bsonType: 'string', maxLength: 1000 },
          recordedAt: { bsonType: 'date' },
        },
      },
      employmentPlan: {
        bsonType: 'object',
        required: ['targetJobs', 'actions', 'updatedAt'],
        properties: {
          targetJobs: { bsonType: 'array', maxItems: 10, items: { bsonType: 'string', maxLength: 120 } },
          actions: { bsonType: 'array', maxItems: 30 },
          jobOffer: { bsonType: 'object' },
          updatedAt: { bsonType: 'date' },
        },
      },
      followUps: {
        bsonType: 'array',
        maxItems: 3,
        items: {
          bsonType: 'object',
          required: ['month', 'dueOn', 'checkedOn', 'activity', 'recordedAt'],
          properties: {
            month: { enum: [6, 9, 12] },
            dueOn: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            checkedOn: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            activity: { enum: ['paid_job', 'apprenticeship', 'further_education', 'volunteering', 'nothing_yet'] },
            hoursPerWeek: { bsonType: ['int', 'long', 'double'], minimum: 0, maximum: 60 },
            payBand: { enum: ['below', 'at', 'above'] },
            sameEmployer: { bsonType: 'bool' },
            notes: { bsonType: 'string', maxLength: 1000 },
            recordedAt: { bsonType: 'date' },
          },
        },
      },
    },
  },
  indexes: [{ key: { youngPersonId: 1 }, name: 'young_person' }],
};

const stored = (by: ActedBy): StoredActedBy => ({ accountId: new ObjectId(by.accountId), role: by.role });
const plain = (by: StoredActedBy | undefined): ActedBy =>
  by ? { accountId: by.accountId.toHexString(), role: by.role } : { accountId: '', role: 'job_coach' };

function toEhcPlan(doc: EhcPlanDoc): EhcPlan {
  const { _id, providerId, updatedBy, ...rest } = doc;
  return {
    ...rest,
    youngPersonId: _id.toHexString(),
    providerId: providerId.toHexString(),
    updatedBy: plain(updatedBy),
  };
}

function toOutcomes(doc: InternshipOutcomesDoc): InternshipOutcomes {
  const { coreAims, employmentPlan } = doc;
  return {
    matchId: doc._id.toHexString(),
    youngPersonId: doc.youngPersonId.toHexString(),
    providerId: doc.providerId.toHexString(),
    ...(coreAims ? { coreAims: { ...coreAims, recordedBy: plain(coreAims.recordedBy) } } : {}),
    ...(employmentPlan ? { employmentPlan: { ...employmentPlan, updatedBy: plain(employmentPlan.updatedBy) } } : {}),
    followUps: doc.followUps
      .map((followUp) => ({ ...followUp, recordedBy: plain(followUp.recordedBy) }))
      .sort((a, b) => a.month - b.month),
  };
}

/** EHC plans (one per young person) and the record of each internship's end and the year after. */
export class OutcomesRepository {
  readonly plans: Collection<EhcPlanDoc>;
  readonly outcomes: Collection<InternshipOutcomesDoc>;
  constructor(db: Db) {
    this.plans = db.collection<EhcPlanDoc>(ehcPlansCollection.name);
    this.outcomes = db.collection<InternshipOutcomesDoc>(internshipOutcomesCollection.name);
  }

  async planOf(youngPersonId: string, session?: ClientSession): Promise<EhcPlan | undefined> {
    const doc = await this.plans.findOne({ _id: new ObjectId(youngPersonId) }, { session });
    return doc ? toEhcPlan(doc) : undefined;
  }

  async plansOf(youngPersonIds: string[]): Promise<Map<string, EhcPlan>> {
    const docs = await this.plans.find({ _id: { $in: youngPersonIds.map((id) => new ObjectId(id)) } }).toArray();
    return new Map(docs.map((doc) => [doc._id.toHexString(), toEhcPlan(doc)]));
  }

  async savePlan(plan: EhcPlan, session?: ClientSession): Promise<EhcPlan> {
    const { youngPersonId, providerId, updatedBy, lastReviewOn, ...rest } = plan;
    const doc = await this.plans.findOneAndUpdate(
      { _id: new ObjectId(youngPersonId) },
      {
        $set: {
          ...rest,
          ...(lastReviewOn ? { lastReviewOn } : {}),
          providerId: new ObjectId(providerId),
          updatedBy: stored(updatedBy),
        },
        ...(lastReviewOn ? {} : { $unset: { lastReviewOn: '' as const } }),
      },
      { upsert: true, returnDocument: 'after', session },
    );
    return toEhcPlan(doc!);
  }

  async outcomesOf(matchId: string, session?: ClientSession): Promise<InternshipOutcomes | undefined> {
    const doc = await this.outcomes.findOne({ _id: new ObjectId(matchId) }, { session });
    return doc ? toOutcomes(doc) : undefined;
  }

  async outcomesOfMatches(matchIds: string[]): Promise<Map<string, InternshipOutcomes>> {
    const docs = await this.outcomes.find({ _id: { $in: matchIds.map((id) => new ObjectId(id)) } }).toArray();
    return new Map(docs.map((doc) => [doc._id.toHexString(), toOutcomes(doc)]));
  }

  async allOfYoungPerson(youngPersonId: string): Promise<InternshipOutcomes[]> {
    const docs = await this.outcomes.find({ youngPersonId: new ObjectId(youngPersonId) }).toArray();
    return docs.map(toOutcomes);
  }

  async #ensure(owner: { matchId: string; youngPersonId: string; providerId: string }, session?: ClientSession) {
    await this.outcomes.updateOne(
      { _id: new ObjectId(owner.matchId) },
      {
        $setOnInsert: {
          youngPersonId: new ObjectId(owner.youngPersonId),
          providerId: new ObjectId(owner.providerId),
          followUps: [],
        },
      },
      { upsert: true, session },
    );
  }

  /** Sets only the core aims: follow-ups and the employment plan already recorded stay as they are. */
  async saveCoreAims(
    owner: { matchId: string; youngPersonId: string; providerId: string },
    coreAims: NonNullable<InternshipOutcomes['coreAims']>,
    session?: ClientSession,
  ): Promise<InternshipOutcomes> {
    await this.#ensure(owner, session);
    const doc = await this.outcomes.findOneAndUpdate(
      { _id: new ObjectId(owner.matchId) },
      { $set: { coreAims: { ...coreAims, recordedBy: stored(coreAims.recordedBy) } } },
      { returnDocument: 'after', session },
    );
    return toOutcomes(doc!);
  }

  async saveEmploymentPlan(
    owner: { matchId: string; youngPersonId: string; providerId: string },
    plan: EmploymentPlan,
    session?: ClientSession,
  ): Promise<InternshipOutcomes> {
    await this.#ensure(owner, session);
    const doc = await this.outcomes.findOneAndUpdate(
      { _id: new ObjectId(owner.matchId) },
      { $set: { employmentPlan: { ...plan, updatedBy: stored(plan.updatedBy) } } },
      { returnDocument: 'after', session },
    );
    return toOutcomes(doc!);
  }

  /** Records (or corrects) one follow-up; the others stay. */
  async saveFollowUp(
    owner: { matchId: string; youngPersonId: string; providerId: string },
    followUp: FollowUp,
    session?: ClientSession,
  ): Promise<InternshipOutcomes> {
    await this.#ensure(owner, session);
    const _id = new ObjectId(owner.matchId);
    await this.outcomes.updateOne({ _id }, { $pull: { followUps: { month: followUp.month } } }, { session });
    const doc = await this.outcomes.findOneAndUpdate(
      { _id },
      { $push: { followUps: { ...followUp, recordedBy: stored(followUp.recordedBy) } } },
      { returnDocument: 'after', session },
    );
    return toOutcomes(doc!);
  }

  async eraseAll(youngPersonId: string, session: ClientSession): Promise<void> {
    const id = new ObjectId(youngPersonId);
    await this.plans.deleteOne({ _id: id }, { session });
    await this.outcomes.deleteMany({ youngPersonId: id }, { session });
  }
}
