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
];

/**
 * Adjustment requests: each help a young person shares with an employer becomes a request on the
 * placement's journey, answered by the employer, put in place, checked by the young person and
 * reviewed. One help is one request per journey, however often it is shared (a unique index).
 */
export default {
  description: 'adjustments: requests from the shared passport, answered, in place, checked and reviewed',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
