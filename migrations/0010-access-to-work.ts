import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/** The declarations as this migration applies them: a copy (see README.md). */
const collections: CollectionSpec[] = [
  {
    name: 'access_to_work_cases',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'youngPersonId', 'providerId', 'updatedBy', 'updatedAt'],
      properties: {
        youngPersonId: {
          bsonType: 'objectId',
        },
        providerId: {
          bsonType: 'objectId',
        },
        application: {
          bsonType: 'object',
          required: ['appliedBy', 'signer'],
          properties: {
            appliedBy: {
              enum: ['education_provider', 'supported_employment_provider', 'young_person'],
            },
            reference: {
              bsonType: 'string',
              maxLength: 40,
            },
            sentOn: {
              bsonType: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            },
            signer: {
              enum: ['young_person', 'appointee'],
            },
            appointeeName: {
              bsonType: 'string',
              maxLength: 120,
            },
          },
        },
        award: {
          bsonType: 'object',
          required: ['letterDate', 'lines', 'employerContributionPence', 'refused'],
          properties: {
            letterDate: {
              bsonType: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            },
            lines: {
              bsonType: 'array',
              minItems: 1,
              maxItems: 20,
              items: {
                bsonType: 'object',
                required: ['kind', 'startsOn', 'endsOn', 'totalPence'],
                properties: {
                  kind: {
                    enum: ['job_coach', 'travel_to_work', 'equipment', 'other'],
                  },
                  description: {
                    bsonType: 'string',
                    maxLength: 200,
                  },
                  startsOn: {
                    bsonType: 'string',
                    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
                  },
                  endsOn: {
                    bsonType: 'string',
                    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
                  },
                  totalPence: {
                    bsonType: ['int', 'long', 'double'],
                    minimum: 0,
                  },
                  hoursPerWeek: {
                    bsonType: ['int', 'long', 'double'],
                    minimum: 0,
                    maximum: 60,
                  },
                  costPerHourPence: {
                    bsonType: ['int', 'long', 'double'],
                    minimum: 0,
                  },
                },
              },
            },
            employerContributionPence: {
              bsonType: ['int', 'long', 'double'],
              minimum: 0,
            },
            refused: {
              bsonType: 'array',
              maxItems: 20,
            },
          },
        },
        updatedBy: {
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
        updatedAt: {
          bsonType: 'date',
        },
      },
    },
    indexes: [
      {
        key: {
          youngPersonId: 1,
        },
        name: 'young_person_unique',
        unique: true,
      },
    ],
  },
  {
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
        youngPersonId: {
          bsonType: 'objectId',
        },
        providerId: {
          bsonType: 'objectId',
        },
        month: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}$',
        },
        firstDay: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        lastDay: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        weeks: {
          bsonType: 'array',
          maxItems: 6,
        },
        coachingHours: {
          bsonType: ['int', 'long', 'double'],
          minimum: 0,
        },
        costPerHourPence: {
          bsonType: ['int', 'long', 'double'],
          minimum: 0,
        },
        totalPence: {
          bsonType: ['int', 'long', 'double'],
          minimum: 0,
        },
        warnings: {
          bsonType: 'array',
        },
        state: {
          enum: ['draft', 'signed', 'sent', 'paid', 'queried'],
        },
        signed: {
          bsonType: 'object',
          required: ['by', 'on'],
        },
        sent: {
          bsonType: 'object',
          required: ['on'],
        },
        paid: {
          bsonType: 'object',
          required: ['on', 'amountPence'],
        },
        queried: {
          bsonType: 'object',
          required: ['on', 'question'],
        },
        draftedBy: {
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
        draftedAt: {
          bsonType: 'date',
        },
      },
    },
    indexes: [
      {
        key: {
          youngPersonId: 1,
          month: 1,
        },
        name: 'young_person_month_unique',
        unique: true,
      },
      {
        key: {
          providerId: 1,
          month: 1,
        },
        name: 'provider_month',
      },
    ],
  },
  {
    name: 'internship_weekly_logs',
    jsonSchema: {
      bsonType: 'object',
      required: [
        '_id',
        'matchId',
        'youngPersonId',
        'providerId',
        'employerId',
        'weekStarting',
        'weekNumber',
        'hoursWorked',
        'tasksDone',
        'supportHours',
        'independence',
        'recordedBy',
        'recordedAt',
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
        jobCoachId: {
          bsonType: 'objectId',
        },
        employerId: {
          bsonType: 'objectId',
        },
        weekStarting: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        weekNumber: {
          bsonType: 'number',
          minimum: 1,
          maximum: 120,
        },
        hoursWorked: {
          bsonType: 'number',
          minimum: 0,
          maximum: 60,
        },
        tasksDone: {
          bsonType: 'array',
          maxItems: 20,
        },
        supportHours: {
          bsonType: 'number',
          minimum: 0,
          maximum: 60,
        },
        studyHours: {
          bsonType: 'number',
          minimum: 0,
          maximum: 60,
        },
        independence: {
          bsonType: 'array',
          maxItems: 20,
          items: {
            bsonType: 'object',
            required: ['task', 'rating'],
            properties: {
              task: {
                bsonType: 'string',
                maxLength: 120,
              },
              rating: {
                bsonType: 'number',
                minimum: 1,
                maximum: 5,
              },
            },
          },
        },
        notes: {
          bsonType: 'string',
          maxLength: 2000,
        },
        recordedBy: {
          bsonType: 'object',
          required: ['accountId', 'role'],
        },
        recordedAt: {
          bsonType: 'date',
        },
      },
    },
    indexes: [
      {
        key: {
          matchId: 1,
          weekStarting: 1,
        },
        name: 'match_week_unique',
        unique: true,
      },
      {
        key: {
          providerId: 1,
          jobCoachId: 1,
          weekNumber: 1,
          supportHours: 1,
          hoursWorked: 1,
        },
        name: 'provider_coach_week',
      },
      {
        key: {
          youngPersonId: 1,
        },
        name: 'young_person',
      },
    ],
  },
];

/**
 * Access to Work: a case per young person and their monthly claims. Weekly logs now keep study
 * time (English, maths, employability) apart from job coaching, because Access to Work never pays
 * for study; every log written before kept only coaching in `supportHours`, so its study time is 0.
 */
export default {
  description: 'access to work cases and claims; weekly logs keep study hours apart (0 on existing logs)',
  async up(db) {
    await applyCollectionSpecs(db, collections);
    await db
      .collection('internship_weekly_logs')
      .updateMany({ studyHours: { $exists: false } }, { $set: { studyHours: 0 } });
  },
} satisfies Migration;
