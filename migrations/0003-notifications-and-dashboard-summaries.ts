import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/**
 * The declarations as this migration applied them: a copy, so that it does the same on every database,
 * whatever src/ declares later (see README.md).
 */
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
            'employer_decision',
            'taster_arranged',
            'passport_draft_waiting',
            'share_ending_soon',
            'share_ended',
            'weekly_log_missing',
            'review_due',
            'follow_up_due',
            'security_new_sign_in',
            'security_refresh_reuse',
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
              'employer_decision',
              'taster_arranged',
              'passport_draft_waiting',
              'share_ending_soon',
              'share_ended',
              'weekly_log_missing',
              'review_due',
              'follow_up_due',
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
    name: 'scheduled_runs',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id'],
      properties: {
        lastDay: {
          bsonType: 'string',
        },
        lockedUntil: {
          bsonType: 'date',
        },
        owner: {
          bsonType: 'string',
        },
      },
    },
    indexes: [],
  },
  {
    name: 'dashboard_outcome_counts',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'providerId', 'grain'],
      properties: {
        _id: {
          bsonType: 'string',
        },
        providerId: {
          bsonType: 'objectId',
        },
        grain: {
          enum: ['area', 'year', 'authority', 'sector', 'coach'],
        },
        cohortYear: {
          bsonType: ['number', 'null'],
        },
        localAuthority: {
          bsonType: ['string', 'null'],
        },
        sector: {
          bsonType: 'string',
        },
        jobCoachId: {
          bsonType: ['objectId', 'null'],
        },
        proposals: {
          bsonType: 'number',
        },
        starts: {
          bsonType: 'number',
        },
        inProgress: {
          bsonType: 'number',
        },
        completed: {
          bsonType: 'number',
        },
        withdrawn: {
          bsonType: 'number',
        },
        paidEmployment: {
          bsonType: 'number',
        },
        paidEmployment16Hours: {
          bsonType: 'number',
        },
        followedUp: {
          bsonType: 'number',
        },
        employedAt12Months: {
          bsonType: 'number',
        },
        followedUpInPaidEmployment: {
          bsonType: 'number',
        },
        stillEmployedAt12Months: {
          bsonType: 'number',
        },
        days: {
          bsonType: 'object',
        },
      },
    },
    indexes: [
      {
        key: {
          providerId: 1,
          grain: 1,
          cohortYear: 1,
          proposals: -1,
          jobCoachId: 1,
        },
        name: 'provider_grain_year_ranking',
      },
    ],
  },
  {
    name: 'dashboard_support_weeks',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'providerId', 'grain'],
      properties: {
        _id: {
          bsonType: 'string',
        },
        providerId: {
          bsonType: 'objectId',
        },
        grain: {
          enum: ['area', 'provider'],
        },
        cohortYear: {
          bsonType: 'number',
        },
        localAuthority: {
          bsonType: ['string', 'null'],
        },
        sector: {
          bsonType: 'string',
        },
        weeks: {
          bsonType: 'object',
        },
      },
    },
    indexes: [
      {
        key: {
          providerId: 1,
          grain: 1,
          cohortYear: 1,
        },
        name: 'provider_grain_year',
      },
    ],
  },
  {
    name: 'dashboard_summary_state',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'version', 'builtAt'],
      properties: {
        _id: {
          bsonType: 'string',
        },
        version: {
          bsonType: 'number',
        },
        builtAt: {
          bsonType: 'date',
        },
      },
    },
    indexes: [],
  },
];

/**
 * Email notifications (their outbox, each account's preferences, the daily run's record) and the
 * dashboards' summary collections, kept up to date as journeys change.
 */
export default {
  description: 'notifications outbox, preferences and scheduled runs; dashboard summary collections',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
