import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/**
 * The declarations as this migration applied them: a copy, so that it does the same on every database,
 * whatever src/ declares later (see README.md).
 */
const collections: CollectionSpec[] = [
  {
    name: 'accounts',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'email', 'name', 'role', 'status', 'createdAt', 'updatedAt'],
      properties: {
        email: {
          bsonType: 'string',
          maxLength: 254,
          pattern: '^[^A-Z\\s]+@[^A-Z\\s]+$',
        },
        name: {
          bsonType: 'string',
          minLength: 1,
          maxLength: 120,
        },
        role: {
          enum: ['young_person', 'delegate', 'job_coach', 'employer', 'provider_admin'],
        },
        status: {
          enum: ['active', 'disabled'],
        },
        passwordHash: {
          bsonType: 'string',
          maxLength: 300,
        },
        providerId: {
          bsonType: 'objectId',
        },
        employerId: {
          bsonType: 'objectId',
        },
        youngPersonId: {
          bsonType: 'objectId',
        },
        actsFor: {
          bsonType: 'array',
          maxItems: 20,
          items: {
            bsonType: 'object',
            required: ['youngPersonId', 'rights'],
            properties: {
              youngPersonId: {
                bsonType: 'objectId',
              },
              rights: {
                bsonType: 'array',
                items: {
                  enum: [
                    'view_profile',
                    'edit_profile',
                    'view_passport',
                    'edit_passport',
                    'share_passport',
                    'respond_to_proposals',
                  ],
                },
              },
              relationship: {
                bsonType: 'string',
                maxLength: 60,
              },
            },
          },
        },
        createdAt: {
          bsonType: 'date',
        },
        updatedAt: {
          bsonType: 'date',
        },
        lastSignInAt: {
          bsonType: 'date',
        },
        signInAddresses: {
          bsonType: 'array',
          maxItems: 20,
          items: {
            bsonType: 'object',
            required: ['key', 'lastAt'],
            additionalProperties: false,
            properties: {
              key: {
                bsonType: 'string',
                maxLength: 32,
              },
              lastAt: {
                bsonType: 'date',
              },
            },
          },
        },
        passwordChangedAt: {
          bsonType: 'date',
        },
      },
    },
    indexes: [
      {
        key: {
          email: 1,
        },
        name: 'email_unique',
        unique: true,
      },
      {
        key: {
          providerId: 1,
          role: 1,
        },
        name: 'provider_role',
      },
      {
        key: {
          employerId: 1,
        },
        name: 'employer',
      },
      {
        key: {
          youngPersonId: 1,
        },
        name: 'young_person',
        unique: true,
        partialFilterExpression: {
          youngPersonId: {
            $exists: true,
          },
        },
      },
      {
        key: {
          'actsFor.youngPersonId': 1,
        },
        name: 'delegate_for',
      },
    ],
  },
];

/**
 * Accounts remember where they signed in from (keyed hashes of the last few addresses, see
 * src/auth/sign-in-addresses.ts) and when their password changed, so a sign-in learns whether to
 * warn of itself from its own account instead of reading back through the audit trail. The
 * validator bounds the new array; nothing is backfilled, because the key that hashes addresses is
 * not the database's to know: an account's first sign-in after this asks the audit trail once.
 */
export default {
  description: 'accounts: remembered sign-in addresses (bounded, keyed hashes) and when the password changed',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
