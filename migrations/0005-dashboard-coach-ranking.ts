import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/**
 * The declarations as this migration applied them: a copy, so that it does the same on every database,
 * whatever src/ declares later (see README.md).
 */
const collections: CollectionSpec[] = [
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
    name: 'young_people',
    jsonSchema: {
      bsonType: 'object',
      required: [
        '_id',
        'providerId',
        'preferredName',
        'dateOfBirth',
        'plannedStartDate',
        'ehcPlan',
        'homePostcode',
        'location',
        'locationSource',
        'travel',
        'availability',
        'interests',
        'strengths',
        'skills',
        'tasksLiked',
        'tasksDisliked',
        'conditionsForSuccess',
        'communication',
        'status',
        'cohortYear',
        'createdAt',
        'updatedAt',
      ],
      properties: {
        providerId: {
          bsonType: 'objectId',
        },
        jobCoachId: {
          bsonType: 'objectId',
        },
        preferredName: {
          bsonType: 'string',
          minLength: 1,
          maxLength: 80,
        },
        dateOfBirth: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        plannedStartDate: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        ehcPlan: {
          enum: ['ehc_plan', 'assessment_in_progress', 'sen_support', 'none'],
        },
        homePostcode: {
          bsonType: 'string',
          maxLength: 10,
        },
        location: {
          bsonType: 'object',
          required: ['type', 'coordinates'],
        },
        travel: {
          bsonType: 'object',
          required: ['independence', 'modes', 'maxJourneyMinutes', 'maxDistanceKm'],
        },
        availability: {
          bsonType: 'object',
          required: ['days', 'earliestStart', 'latestFinish', 'maxHoursPerWeek'],
        },
        interests: {
          bsonType: 'array',
          maxItems: 14,
          items: {
            enum: [
              'hospitality_catering',
              'retail',
              'healthcare_support',
              'administration',
              'logistics_warehouse',
              'horticulture',
              'it_support',
              'leisure',
              'facilities',
              'libraries',
              'education_support',
              'animal_care',
              'manufacturing',
              'creative_media',
            ],
          },
        },
        jobsWanted: {
          bsonType: 'string',
          maxLength: 300,
        },
        strengths: {
          bsonType: 'array',
          maxItems: 20,
        },
        skills: {
          bsonType: 'array',
          maxItems: 30,
        },
        tasksLiked: {
          bsonType: 'array',
          maxItems: 20,
        },
        tasksDisliked: {
          bsonType: 'array',
          maxItems: 20,
        },
        conditionsForSuccess: {
          bsonType: 'object',
        },
        communication: {
          bsonType: 'array',
          maxItems: 6,
        },
        status: {
          enum: ['active', 'on_placement', 'completed', 'withdrawn'],
        },
        cohortYear: {
          bsonType: 'number',
        },
      },
    },
    indexes: [
      {
        key: {
          providerId: 1,
          status: 1,
          preferredName: 1,
        },
        name: 'provider_status_name',
      },
      {
        key: {
          jobCoachId: 1,
          status: 1,
        },
        name: 'coach_status',
      },
      {
        key: {
          location: '2dsphere',
        },
        name: 'location_2dsphere',
      },
      {
        key: {
          providerId: 1,
          cohortYear: 1,
        },
        name: 'provider_cohort',
      },
      {
        key: {
          providerId: 1,
          cohortYear: 1,
          jobCoachId: 1,
        },
        name: 'provider_eligibility_exceptions',
        partialFilterExpression: {
          eligibilityException: {
            $exists: true,
          },
        },
      },
    ],
  },
];

/**
 * The provider dashboard pages its job coaches: their outcome rows (now one per coach and academic
 * year, and one for all years) are indexed busiest first, replacing the index on provider and grain
 * that the new one starts with. The rows themselves are rebuilt at the next start (their version
 * changed). Young people admitted by an eligibility exception get a partial index of their own.
 */
export default {
  description: 'dashboard outcome counts ranked by proposals per coach and year; young people eligibility exceptions',
  async up(db) {
    await applyCollectionSpecs(db, collections);
    const indexes = await db.collection('dashboard_outcome_counts').listIndexes().toArray();
    if (indexes.some((index) => index.name === 'provider_grain'))
      await db.collection('dashboard_outcome_counts').dropIndex('provider_grain');
  },
} satisfies Migration;
