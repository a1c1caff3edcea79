import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/**
 * The declarations as this migration applied them: a copy, so that it does the same on every database,
 * whatever src/ declares later (see README.md).
 */
const collections: CollectionSpec[] = [
  {
    name: 'sign_ins',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'accountId', 'startedAt', 'expiresAt'],
      properties: {
        _id: {
          bsonType: 'string',
        },
        accountId: {
          bsonType: 'objectId',
        },
        startedAt: {
          bsonType: 'date',
        },
        expiresAt: {
          bsonType: 'date',
        },
        endedAt: {
          bsonType: 'date',
        },
        endReason: {
          enum: ['sign_out', 'refresh_reuse', 'password_change', 'account_disabled', 'account_inactive'],
        },
      },
    },
    indexes: [
      {
        key: {
          accountId: 1,
        },
        name: 'account',
      },
      {
        key: {
          purgeAfter: 1,
        },
        name: 'purge_ttl',
        expireAfterSeconds: 86400,
      },
    ],
  },
  {
    name: 'leases',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'holder', 'until'],
      properties: {
        _id: {
          bsonType: 'string',
        },
        holder: {
          bsonType: 'string',
        },
        until: {
          bsonType: 'date',
        },
      },
    },
    indexes: [],
  },
  {
    name: 'web_sessions',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'tokenHash', 'accountId', 'csrfToken', 'createdAt', 'lastSeenAt', 'expiresAt'],
      properties: {
        tokenHash: {
          bsonType: 'string',
        },
        accountId: {
          bsonType: 'objectId',
        },
        csrfToken: {
          bsonType: 'string',
        },
        createdAt: {
          bsonType: 'date',
        },
        lastSeenAt: {
          bsonType: 'date',
        },
        expiresAt: {
          bsonType: 'date',
        },
        purgeAfter: {
          bsonType: 'date',
        },
      },
    },
    indexes: [
      {
        key: {
          tokenHash: 1,
        },
        name: 'token_hash',
        unique: true,
      },
      {
        key: {
          accountId: 1,
        },
        name: 'account',
      },
      {
        key: {
          purgeAfter: 1,
        },
        name: 'purge_ttl',
        expireAfterSeconds: 0,
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
  {
    name: 'placements',
    jsonSchema: {
      bsonType: 'object',
      required: [
        '_id',
        'employerId',
        'title',
        'description',
        'tasks',
        'sector',
        'site',
        'schedule',
        'startDate',
        'durationWeeks',
        'rotations',
        'places',
        'placesFilled',
        'environment',
        'adjustmentsOffered',
        'status',
        'createdAt',
        'updatedAt',
      ],
      properties: {
        employerId: {
          bsonType: 'objectId',
        },
        title: {
          bsonType: 'string',
          minLength: 1,
          maxLength: 120,
        },
        description: {
          bsonType: 'string',
          maxLength: 4000,
        },
        tasks: {
          bsonType: 'array',
          minItems: 1,
          maxItems: 20,
        },
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
        site: {
          bsonType: 'object',
          required: ['address', 'location'],
        },
        schedule: {
          bsonType: 'object',
          required: ['days', 'startTime', 'endTime', 'hoursPerWeek'],
        },
        startDate: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        durationWeeks: {
          bsonType: 'number',
          minimum: 4,
          maximum: 52,
        },
        rotations: {
          bsonType: 'array',
          maxItems: 6,
        },
        places: {
          bsonType: 'number',
          minimum: 1,
          maximum: 50,
        },
        placesFilled: {
          bsonType: 'number',
          minimum: 0,
        },
        environment: {
          bsonType: 'object',
        },
        adjustmentsOffered: {
          bsonType: 'array',
          maxItems: 9,
        },
        status: {
          enum: ['draft', 'open', 'paused', 'filled', 'closed'],
        },
        statusReason: {
          bsonType: 'string',
          maxLength: 300,
        },
      },
    },
    indexes: [
      {
        key: {
          employerId: 1,
          status: 1,
          startDate: 1,
        },
        name: 'employer_status_start',
      },
      {
        key: {
          'site.location': '2dsphere',
          status: 1,
        },
        name: 'location_2dsphere',
      },
      {
        key: {
          status: 1,
          sector: 1,
        },
        name: 'status_sector',
      },
    ],
  },
  {
    name: 'passport_versions',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'youngPersonId', 'version', 'sections', 'savedBy', 'savedAt', 'source'],
      properties: {
        version: {
          bsonType: 'number',
          minimum: 1,
        },
        sections: {
          bsonType: 'object',
          additionalProperties: false,
          properties: {
            aboutMe: {
              bsonType: 'object',
            },
            myCondition: {
              bsonType: 'object',
            },
            whatHelps: {
              bsonType: 'object',
            },
            accessToWork: {
              bsonType: 'object',
            },
            review: {
              bsonType: 'object',
            },
          },
        },
        source: {
          enum: ['owner', 'draft', 'restore'],
        },
        restoredFrom: {
          bsonType: 'number',
          minimum: 1,
        },
      },
    },
    indexes: [
      {
        key: {
          youngPersonId: 1,
          version: -1,
        },
        name: 'person_version',
        unique: true,
      },
    ],
  },
  {
    name: 'placement_matches',
    jsonSchema: {
      bsonType: 'object',
      required: [
        '_id',
        'youngPersonId',
        'providerId',
        'placementId',
        'employerId',
        'state',
        'active',
        'visibleToEmployer',
        'note',
        'cohortYear',
        'sector',
        'rotations',
        'history',
        'proposedAt',
        'updatedAt',
      ],
      properties: {
        youngPersonId: {
          bsonType: 'objectId',
        },
        providerId: {
          bsonType: 'objectId',
        },
        jobCoachId: {
          bsonType: 'objectId',
        },
        placementId: {
          bsonType: 'objectId',
        },
        employerId: {
          bsonType: 'objectId',
        },
        state: {
          enum: [
            'proposed',
            'declined_by_young_person',
            'awaiting_employer',
            'taster_arranged',
            'declined_by_employer',
            'agreed',
            'in_progress',
            'completed',
            'followed_up',
            'withdrawn',
          ],
        },
        active: {
          bsonType: 'bool',
        },
        visibleToEmployer: {
          bsonType: 'bool',
        },
        note: {
          bsonType: 'string',
          minLength: 1,
          maxLength: 2000,
        },
        hardLimitOverride: {
          bsonType: 'object',
          required: ['limits', 'reason'],
          properties: {
            limits: {
              bsonType: 'array',
              items: {
                enum: [
                  'placement_open',
                  'travel_distance',
                  'days',
                  'daily_hours',
                  'hours_per_week',
                  'environment',
                  'step_free_access',
                  'required_adjustments',
                ],
              },
            },
            reason: {
              bsonType: 'string',
              maxLength: 1000,
            },
          },
        },
        match: {
          bsonType: 'object',
          required: ['score', 'reasons'],
          properties: {
            score: {
              bsonType: 'number',
              minimum: 0,
              maximum: 100,
            },
            reasons: {
              bsonType: ['array', 'object'],
            },
          },
        },
        cohortYear: {
          bsonType: 'number',
        },
        localAuthority: {
          bsonType: 'string',
          maxLength: 100,
        },
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
        youngPersonResponse: {
          bsonType: 'object',
          required: ['accepted', 'at', 'by', 'sharedSections'],
          properties: {
            accepted: {
              bsonType: 'bool',
            },
            at: {
              bsonType: 'date',
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
            sharedSections: {
              bsonType: 'array',
              items: {
                enum: ['aboutMe', 'myCondition', 'whatHelps', 'accessToWork', 'review'],
              },
            },
            shareId: {
              bsonType: 'objectId',
            },
          },
        },
        taster: {
          bsonType: 'object',
          required: ['kind', 'date', 'place', 'arrangedAt', 'arrangedBy'],
          properties: {
            kind: {
              enum: ['taster_day', 'informal_interview'],
            },
            date: {
              bsonType: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            },
            place: {
              bsonType: 'string',
              maxLength: 200,
            },
            arrangedBy: {
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
          },
        },
        employerDecision: {
          bsonType: 'object',
          required: ['accepted', 'at', 'by'],
          properties: {
            accepted: {
              bsonType: 'bool',
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
          },
        },
        startedOn: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        earlyStartReason: {
          bsonType: 'string',
          maxLength: 1000,
        },
        rotations: {
          bsonType: 'array',
          maxItems: 20,
        },
        endedOn: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        outcome: {
          bsonType: 'object',
          required: ['type'],
          properties: {
            type: {
              enum: ['paid_employment', 'apprenticeship', 'further_education', 'volunteering', 'other', 'none'],
            },
            hoursPerWeek: {
              bsonType: 'number',
              minimum: 0,
              maximum: 48,
            },
          },
        },
        followUp: {
          bsonType: 'object',
          required: ['checkedOn', 'stillEmployed', 'recordedAt', 'recordedBy'],
          properties: {
            stillEmployed: {
              bsonType: 'bool',
            },
          },
        },
        withdrawal: {
          bsonType: 'object',
          required: ['by', 'party', 'reason', 'at', 'fromState'],
          properties: {
            party: {
              enum: ['job_coach', 'young_person', 'employer'],
            },
            fromState: {
              enum: [
                'proposed',
                'declined_by_young_person',
                'awaiting_employer',
                'taster_arranged',
                'declined_by_employer',
                'agreed',
                'in_progress',
                'completed',
                'followed_up',
                'withdrawn',
              ],
            },
            reason: {
              bsonType: 'string',
              maxLength: 1000,
            },
          },
        },
        history: {
          bsonType: 'array',
          maxItems: 50,
        },
        proposedAt: {
          bsonType: 'date',
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
          placementId: 1,
        },
        name: 'one_active_per_person_placement',
        unique: true,
        partialFilterExpression: {
          active: true,
        },
      },
      {
        key: {
          youngPersonId: 1,
          proposedAt: -1,
        },
        name: 'young_person_time',
      },
      {
        key: {
          providerId: 1,
          jobCoachId: 1,
          state: 1,
        },
        name: 'provider_coach_state',
      },
      {
        key: {
          employerId: 1,
          visibleToEmployer: 1,
          state: 1,
        },
        name: 'employer_visible_state',
      },
      {
        key: {
          placementId: 1,
          state: 1,
        },
        name: 'placement_state',
      },
    ],
  },
];

/**
 * Sign-in sessions (access tokens end with their sign-in), the search reconciler's leases and the web
 * pages' sessions are new collections; young people, placements, passport versions and placement matches
 * have new fields in their validators. Sign-ins first expired on `expiresAt` (index `expiry_ttl`); they
 * are now purged on `purgeAfter`, so a database made before that loses the old index here.
 */
export default {
  description:
    'sign-ins, leases and web sessions; new fields on young people, placements, passport versions and placement matches',
  async up(db) {
    const signInIndexes = (await db.listCollections({ name: 'sign_ins' }).hasNext())
      ? await db.collection('sign_ins').listIndexes().toArray()
      : [];
    if (signInIndexes.some((index) => index.name === 'expiry_ttl'))
      await db.collection('sign_ins').dropIndex('expiry_ttl');
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
