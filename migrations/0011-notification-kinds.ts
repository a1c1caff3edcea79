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
];

/**
 * New kinds of email: `decided_for_you` (a parent or carer answered a proposal or shared the passport
 * for the young person), `password_reset` (a one-time link to choose a new password), and four
 * reminders for job coaches about Access to Work (an application late, the last days to ask for a
 * reconsideration, a renewal open, a claim not sent by the 10th). The outbox's and the preferences'
 * validators list every kind, so both take the new ones.
 */
export default {
  description: 'notifications: the decided_for_you, password_reset and Access to Work reminder kinds',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
