import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/**
 * The declarations as this migration applied them: a copy, so that it does the same on every database,
 * whatever src/ declares later (see README.md).
 */
const collections: CollectionSpec[] = [
  {
    name: 'passport_shares',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'youngPersonId', 'providerId', 'employerId', 'sections', 'purpose', 'consent', 'expiresAt'],
      properties: {
        sections: {
          bsonType: 'array',
          minItems: 1,
          items: {
            enum: ['aboutMe', 'myCondition', 'whatHelps', 'accessToWork', 'review'],
          },
        },
        purpose: {
          bsonType: 'string',
          maxLength: 300,
        },
        consent: {
          bsonType: 'object',
          required: ['givenBy', 'givenAt', 'statement'],
        },
        expiresAt: {
          bsonType: 'date',
        },
      },
    },
    indexes: [
      {
        key: {
          youngPersonId: 1,
          expiresAt: -1,
        },
        name: 'person',
      },
      {
        key: {
          employerId: 1,
          withdrawnAt: 1,
          expiresAt: 1,
        },
        name: 'employer_active',
      },
      {
        key: {
          expiresAt: 1,
        },
        name: 'expiry',
      },
      {
        key: {
          withdrawnAt: 1,
        },
        name: 'withdrawn',
        partialFilterExpression: {
          withdrawnAt: {
            $exists: true,
          },
        },
      },
    ],
  },
];

/**
 * The daily run looks for passport shares ending soon and shares withdrawn since its last run; without
 * these indexes each run read every share ever made.
 */
export default {
  description: 'passport shares: indexes on expiresAt and withdrawnAt for the daily notices',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
