import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/** The declarations as this migration applies them: a copy (see README.md). */
const collections: CollectionSpec[] = [
  {
    name: 'notifications',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'kind', 'status', 'to', 'facts', 'createdAt', 'attempts', 'nextAttemptAt'],
      properties: {
        kind: {
          enum: [
            'invitation',
            'proposal_received',
            'proposal_agreed',
            'decided_for_you',
            'employer_decision',
            'taster_arranged',
            'passport_draft_waiting',
            'share_ending_soon',
            'share_ended',
            'weekly_log_missing',
            'review_due',
            'follow_up_due',
            'ehc_review_due',
            'access_to_work_application',
            'access_to_work_reconsideration',
            'access_to_work_renewal',
            'access_to_work_claim',
            'security_new_sign_in',
            'security_refresh_reuse',
            'password_reset',
            'digest',
          ],
        },
        status: {
          enum: ['pending', 'held', 'sent', 'digested', 'suppressed', 'failed'],
        },
        to: {
          bsonType: 'object',
          required: ['email', 'name'],
          properties: {
            email: {
              bsonType: 'string',
              maxLength: 254,
            },
            name: {
              bsonType: 'string',
              maxLength: 120,
            },
            accountId: {
              bsonType: 'objectId',
            },
          },
        },
        path: {
          bsonType: 'string',
          maxLength: 500,
        },
        facts: {
          bsonType: 'object',
        },
        providerId: {
          bsonType: 'objectId',
        },
        subjectIds: {
          bsonType: 'array',
          items: {
            bsonType: 'objectId',
          },
        },
        dedupeKey: {
          bsonType: 'string',
          maxLength: 200,
        },
        createdAt: {
          bsonType: 'date',
        },
        attempts: {
          bsonType: 'number',
        },
        nextAttemptAt: {
          bsonType: 'date',
        },
        lockedUntil: {
          bsonType: 'date',
        },
        claimId: {
          bsonType: 'string',
        },
        lastError: {
          bsonType: 'string',
          maxLength: 300,
        },
      },
    },
    indexes: [
      {
        key: {
          status: 1,
          nextAttemptAt: 1,
        },
        name: 'due',
      },
      {
        key: {
          dedupeKey: 1,
        },
        name: 'dedupe_key',
        unique: true,
        partialFilterExpression: {
          dedupeKey: {
            $exists: true,
          },
        },
      },
      {
        key: {
          'to.accountId': 1,
          status: 1,
          createdAt: 1,
        },
        name: 'recipient_status',
      },
      {
        key: {
          providerId: 1,
          status: 1,
          createdAt: -1,
        },
        name: 'provider_status',
      },
      {
        key: {
          subjectIds: 1,
        },
        name: 'subjects',
        partialFilterExpression: {
          subjectIds: {
            $exists: true,
          },
        },
      },
    ],
  },
  {
    name: 'notification_preferences',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'off', 'dailyDigest', 'updatedAt'],
      properties: {
        off: {
          bsonType: 'array',
          items: {
            enum: [
              'proposal_received',
              'proposal_agreed',
              'decided_for_you',
              'employer_decision',
              'taster_arranged',
              'passport_draft_waiting',
              'share_ending_soon',
              'share_ended',
              'weekly_log_missing',
              'review_due',
              'follow_up_due',
              'ehc_review_due',
              'access_to_work_application',
              'access_to_work_reconsideration',
              'access_to_work_renewal',
              'access_to_work_claim',
            ],
          },
        },
        dailyDigest: {
          bsonType: 'bool',
        },
        updatedAt: {
          bsonType: 'date',
        },
      },
    },
    indexes: [],
  },
  {
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
  },
  {
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
  },
];

interface JourneyFollowUp {
  checkedOn: string;
  stillEmployed: boolean;
  hoursPerWeek?: number;
  notes?: string;
  recordedAt: Date;
  recordedBy: unknown;
}

/** Twelve months after the last day, as `addMonths` counts them on the day this was written. */
function twelveMonthsAfter(endedOn: string): string {
  const [year, month, day] = endedOn.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year + 1, month, 0)).getUTCDate();
  return new Date(Date.UTC(year + 1, month - 1, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/**
 * EHC plan outcomes and the record of the year after: `ehc_plans` (the outcomes of a young
 * person's EHC plan and its review dates) and `internship_outcomes` (per internship: core aims met,
 * the employment plan, follow-ups at 6, 9 and 12 months). The single 12-month follow-up recorded on
 * a journey until now is copied as that internship's 12-month follow-up (it said only whether the
 * young person was still employed, so a yes becomes a paid job and a no "nothing yet"); the journey
 * keeps its own copy, which still moves it to `followed_up`. A new email kind, `ehc_review_due`.
 */
export default {
  description: 'internship outcomes: EHC plan outcomes, core aims, employment plan, 6/9/12-month follow-ups',
  async up(db) {
    await applyCollectionSpecs(db, collections);
    const outcomes = db.collection('internship_outcomes');
    const followedUp = db
      .collection('placement_matches')
      .find({ followUp: { $exists: true }, endedOn: { $exists: true } });
    for await (const match of followedUp) {
      const followUp = match.followUp as JourneyFollowUp;
      const twelveMonths = {
        month: 12,
        dueOn: twelveMonthsAfter(match.endedOn as string),
        checkedOn: followUp.checkedOn,
        activity: followUp.stillEmployed ? 'paid_job' : 'nothing_yet',
        ...(followUp.hoursPerWeek !== undefined ? { hoursPerWeek: followUp.hoursPerWeek } : {}),
        ...(followUp.notes ? { notes: followUp.notes } : {}),
        recordedAt: followUp.recordedAt,
        recordedBy: followUp.recordedBy,
      };
      await outcomes.updateOne(
        { _id: match._id },
        { $setOnInsert: { youngPersonId: match.youngPersonId, providerId: match.providerId, followUps: [] } },
        { upsert: true },
      );
      // Safe to run again: only an internship without a 12-month follow-up gets the copy.
      await outcomes.updateOne({ _id: match._id, 'followUps.month': { $ne: 12 } }, {
        $push: { followUps: twelveMonths },
      } as never);
    }
  },
} satisfies Migration;
