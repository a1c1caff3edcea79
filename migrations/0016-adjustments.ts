import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/** The declarations as this migration applies them: a copy (see README.md). */
const collections: CollectionSpec[] = [
  {
    name: 'adjustments',
    jsonSchema: {
      bsonType: 'object',
      required: [
        '_id',
        'matchId',
        'youngPersonId',
        'providerId',
        'employerId',
        'placementId',
        'kind',
        'text',
        'source',
        'state',
        'requestedAt',
        'requestedBy',
        'observations',
        'reviews',
        'remindersSent',
        'updatedAt',
      ],
      properties: {
        matchId: {
          bsonType: 'objectId',
        },
        youngPersonId: {
          bsonType: 'objectId',
        },
        providerId: {
          bsonType: 'objectId',
        },
        employerId: {
          bsonType: 'objectId',
        },
        placementId: {
          bsonType: 'objectId',
        },
        kind: {
          enum: ['equipment', 'hours_and_breaks', 'environment', 'communication', 'instructions', 'travel', 'other'],
        },
        text: {
          bsonType: 'string',
          minLength: 1,
          maxLength: 1000,
        },
        source: {
          bsonType: 'object',
          required: ['from'],
          properties: {
            from: {
              enum: ['passport', 'job_coach', 'split'],
            },
            shareId: {
              bsonType: 'string',
            },
            helpKey: {
              bsonType: 'string',
            },
            adjustmentId: {
              bsonType: 'string',
            },
          },
        },
        state: {
          enum: ['requested', 'agreed', 'not_possible', 'in_place', 'checked', 'stopped'],
        },
        requestedAt: {
          bsonType: 'date',
        },
        requestedBy: {
          bsonType: 'object',
          required: ['accountId', 'role'],
          properties: {
            accountId: {
              bsonType: 'objectId',
            },
            role: {
              bsonType: 'string',
            },
          },
        },
        suggestion: {
          bsonType: 'object',
          required: ['parts', 'by', 'at'],
          properties: {
            parts: {
              bsonType: 'array',
              minItems: 1,
              maxItems: 5,
              items: {
                bsonType: 'object',
                required: ['kind', 'text'],
                properties: {
                  kind: {
                    enum: [
                      'equipment',
                      'hours_and_breaks',
                      'environment',
                      'communication',
                      'instructions',
                      'travel',
                      'other',
                    ],
                  },
                  text: {
                    bsonType: 'string',
                    minLength: 1,
                    maxLength: 1000,
                  },
                },
              },
            },
            by: {
              bsonType: 'object',
              required: ['accountId', 'role'],
              properties: {
                accountId: {
                  bsonType: 'objectId',
                },
                role: {
                  bsonType: 'string',
                },
              },
            },
            at: {
              bsonType: 'date',
            },
          },
        },
        awaitingYoungPerson: {
          bsonType: 'bool',
        },
        agreed: {
          bsonType: 'object',
          required: ['who', 'byDate', 'payer', 'by', 'at'],
          properties: {
            who: {
              bsonType: 'string',
              minLength: 1,
              maxLength: 200,
            },
            byDate: {
              bsonType: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            },
            payer: {
              enum: ['employer', 'access_to_work'],
            },
            accessToWorkLine: {
              bsonType: 'string',
              minLength: 1,
              maxLength: 200,
            },
            by: {
              bsonType: 'object',
              required: ['accountId', 'role'],
              properties: {
                accountId: {
                  bsonType: 'objectId',
                },
                role: {
                  bsonType: 'string',
                },
              },
            },
            at: {
              bsonType: 'date',
            },
          },
        },
        notPossible: {
          bsonType: 'object',
          required: ['reason', 'by', 'at'],
          properties: {
            reason: {
              bsonType: 'string',
              minLength: 1,
              maxLength: 1000,
            },
            alternative: {
              bsonType: 'string',
              minLength: 1,
              maxLength: 1000,
            },
            by: {
              bsonType: 'object',
              required: ['accountId', 'role'],
              properties: {
                accountId: {
                  bsonType: 'objectId',
                },
                role: {
                  bsonType: 'string',
                },
              },
            },
            at: {
              bsonType: 'date',
            },
          },
        },
        inPlace: {
          bsonType: 'object',
          required: ['on', 'by', 'at'],
          properties: {
            on: {
              bsonType: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            },
            by: {
              bsonType: 'object',
              required: ['accountId', 'role'],
              properties: {
                accountId: {
                  bsonType: 'objectId',
                },
                role: {
                  bsonType: 'string',
                },
              },
            },
            at: {
              bsonType: 'date',
            },
          },
        },
        check: {
          bsonType: 'object',
          required: ['answer', 'by', 'at'],
          properties: {
            answer: {
              enum: ['yes', 'a_bit', 'no', 'not_sure'],
            },
            why: {
              bsonType: 'string',
              minLength: 1,
              maxLength: 1000,
            },
            by: {
              bsonType: 'object',
              required: ['accountId', 'role'],
              properties: {
                accountId: {
                  bsonType: 'objectId',
                },
                role: {
                  bsonType: 'string',
                },
              },
            },
            at: {
              bsonType: 'date',
            },
          },
        },
        observations: {
          bsonType: 'array',
          maxItems: 100,
        },
        reviews: {
          bsonType: 'array',
          maxItems: 100,
          items: {
            bsonType: 'object',
            required: ['decision', 'on', 'by', 'at'],
            properties: {
              decision: {
                enum: ['keep', 'change', 'stop'],
              },
              on: {
                bsonType: 'string',
                pattern: '^\\d{4}-\\d{2}-\\d{2}$',
              },
              by: {
                bsonType: 'object',
                required: ['accountId', 'role'],
                properties: {
                  accountId: {
                    bsonType: 'objectId',
                  },
                  role: {
                    bsonType: 'string',
                  },
                },
              },
              at: {
                bsonType: 'date',
              },
            },
          },
        },
        addedToPassport: {
          bsonType: 'object',
          required: ['by', 'at'],
        },
        knownToWork: {
          bsonType: 'array',
          maxItems: 10,
          items: {
            bsonType: 'object',
            required: ['employer', 'month'],
            properties: {
              employer: {
                bsonType: 'string',
                minLength: 1,
                maxLength: 200,
              },
              month: {
                bsonType: 'string',
                pattern: '^\\d{4}-\\d{2}$',
              },
            },
          },
        },
        remindersSent: {
          bsonType: 'array',
          items: {
            bsonType: 'string',
          },
        },
        updatedAt: {
          bsonType: 'date',
        },
      },
    },
    indexes: [
      {
        key: {
          matchId: 1,
          requestedAt: 1,
        },
        name: 'match_requested_at',
      },
      {
        key: {
          matchId: 1,
          'source.helpKey': 1,
        },
        name: 'match_help_unique',
        unique: true,
        partialFilterExpression: {
          'source.from': 'passport',
        },
      },
      {
        key: {
          employerId: 1,
          state: 1,
        },
        name: 'employer_state',
      },
      {
        key: {
          providerId: 1,
          requestedAt: 1,
        },
        name: 'provider_requested_at',
      },
      {
        key: {
          youngPersonId: 1,
        },
        name: 'young_person',
      },
      {
        key: {
          state: 1,
          updatedAt: 1,
        },
        name: 'state_updated_at',
      },
    ],
  },
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
            'adjustment_answer_due',
            'adjustment_overdue',
            'adjustment_check_due',
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
              'adjustment_answer_due',
              'adjustment_overdue',
              'adjustment_check_due',
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
 * Adjustment requests: each help a young person shares with an employer becomes a request on the
 * placement's journey, answered by the employer, put in place, checked by the young person and
 * reviewed. One help is one request per journey, however often it is shared (a unique index).
 * Three new kinds of email (the notifications' and the preferences' validators list every kind, as
 * of 0015 plus these): requests unanswered after 5 working days and an agreed adjustment past its
 * date (to the employer), and a check due 1 to 2 weeks after it is in place (to the young person).
 */
export default {
  description:
    'adjustments: requests from the shared passport, answered, in place, checked and reviewed; their three reminder kinds',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
