import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/** The declarations as this migration applies them: a copy (see README.md). */
const isoDate = { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const actedBy = {
  bsonType: 'object',
  required: ['accountId', 'role'],
  properties: { accountId: { bsonType: 'objectId' }, role: { bsonType: 'string' } },
};
const levels = ['entry_1', 'entry_2', 'entry_3', 'level_1', 'level_2'];
const englishOrMaths = {
  bsonType: ['object', 'null'],
  required: ['level', 'achieved'],
  properties: {
    level: { enum: levels },
    qualification: { bsonType: 'string', maxLength: 120 },
    achieved: { bsonType: 'bool' },
    achievedOn: isoDate,
  },
};

const collections: CollectionSpec[] = [
  {
    name: 'study_programmes',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'youngPersonId', 'providerId', 'plannedHours', 'otherAims', 'updatedBy', 'updatedAt'],
      properties: {
        youngPersonId: { bsonType: 'objectId' },
        providerId: { bsonType: 'objectId' },
        learnerReference: { bsonType: 'string', pattern: '^[A-Za-z0-9]{1,12}$' },
        plannedHours: { bsonType: ['int', 'long', 'double'], minimum: 0, maximum: 2000 },
        english: englishOrMaths,
        maths: englishOrMaths,
        otherAims: {
          bsonType: 'array',
          maxItems: 20,
          items: {
            bsonType: 'object',
            required: ['kind', 'title', 'achieved'],
            properties: {
              kind: { enum: ['employability', 'other'] },
              title: { bsonType: 'string', maxLength: 160 },
              achieved: { bsonType: 'bool' },
              achievedOn: isoDate,
            },
          },
        },
        updatedBy: actedBy,
        updatedAt: { bsonType: 'date' },
      },
    },
    indexes: [
      { key: { youngPersonId: 1 }, name: 'young_person_unique', unique: true },
      { key: { providerId: 1 }, name: 'provider' },
    ],
  },
  {
    name: 'attendance_weeks',
    jsonSchema: {
      bsonType: 'object',
      required: [
        '_id',
        'matchId',
        'youngPersonId',
        'providerId',
        'cohortYear',
        'weekStarting',
        'daysExpected',
        'daysAttended',
        'absences',
        'recordedBy',
        'recordedAt',
      ],
      properties: {
        matchId: { bsonType: 'objectId' },
        youngPersonId: { bsonType: 'objectId' },
        providerId: { bsonType: 'objectId' },
        cohortYear: { bsonType: ['int', 'long', 'double'] },
        weekStarting: isoDate,
        daysExpected: { bsonType: ['int', 'long', 'double'], minimum: 0, maximum: 7 },
        daysAttended: { bsonType: ['int', 'long', 'double'], minimum: 0, maximum: 7 },
        absences: {
          bsonType: 'array',
          maxItems: 7,
          items: {
            bsonType: 'object',
            required: ['reason'],
            properties: {
              reason: { enum: ['ill', 'appointment', 'holiday', 'other'] },
              details: { bsonType: 'string', maxLength: 200 },
            },
          },
        },
        recordedBy: actedBy,
        recordedAt: { bsonType: 'date' },
      },
    },
    indexes: [
      { key: { matchId: 1, weekStarting: 1 }, name: 'match_week_unique', unique: true },
      { key: { providerId: 1, cohortYear: 1 }, name: 'provider_cohort' },
      { key: { youngPersonId: 1 }, name: 'young_person' },
    ],
  },
  {
    name: 'employers',
    jsonSchema: {
      bsonType: 'object',
      required: [
        '_id',
        'name',
        'sector',
        'address',
        'location',
        'disabilityConfident',
        'verified',
        'contacts',
        'createdAt',
        'updatedAt',
      ],
      properties: {
        name: { bsonType: 'string', minLength: 1, maxLength: 160 },
        sector: {
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
        description: { bsonType: 'string', maxLength: 2000 },
        address: {
          bsonType: 'object',
          required: ['line1', 'town', 'postcode'],
          properties: {
            line1: { bsonType: 'string', maxLength: 120 },
            line2: { bsonType: 'string', maxLength: 120 },
            town: { bsonType: 'string', maxLength: 80 },
            postcode: { bsonType: 'string', maxLength: 10 },
          },
        },
        location: { bsonType: 'object', required: ['type', 'coordinates'] },
        disabilityConfident: { enum: ['none', 'committed', 'employer', 'leader'] },
        employerReferenceNumber: { bsonType: 'string', pattern: '^\\d{9}$' },
        verified: { bsonType: 'bool' },
        verifiedBy: { bsonType: 'object' },
        contacts: { bsonType: 'array', maxItems: 10 },
        createdAt: { bsonType: 'date' },
        updatedAt: { bsonType: 'date' },
      },
    },
    indexes: [
      { key: { location: '2dsphere' }, name: 'location_2dsphere' },
      { key: { verified: 1, name: 1 }, name: 'verified_name' },
      { key: { 'verifiedBy.providerId': 1 }, name: 'verified_by' },
    ],
  },
];

export default {
  description:
    'study programme: study_programmes (aims, planned hours, learner reference) and attendance_weeks (days expected and attended a week); employers may carry an employer reference number (ERN) for the ILR',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
