import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/**
 * The collections, validators and indexes as they were before migrations existed (they were applied
 * at every start then). A copy, not the declarations in src/: a migration must do tomorrow exactly
 * what it did today. A database made before migrations has all of this already; running it again
 * changes nothing.
 */
const collections: CollectionSpec[] = [
  {
    name: 'audit_events',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'at', 'action', 'outcome', 'actor'],
      properties: {
        at: {
          bsonType: 'date',
        },
        action: {
          bsonType: 'string',
          maxLength: 100,
        },
        outcome: {
          enum: ['success', 'failure', 'denied'],
        },
        actor: {
          bsonType: 'object',
        },
        target: {
          bsonType: 'object',
        },
        subjectId: {
          bsonType: 'string',
        },
        requestId: {
          bsonType: 'string',
        },
        details: {
          bsonType: 'object',
        },
      },
    },
    indexes: [
      {
        key: {
          subjectId: 1,
          at: -1,
        },
        name: 'subject_time',
      },
      {
        key: {
          'actor.accountId': 1,
          at: -1,
        },
        name: 'actor_time',
      },
      {
        key: {
          'target.type': 1,
          'target.id': 1,
          at: -1,
        },
        name: 'target_time',
      },
      {
        key: {
          action: 1,
          at: -1,
        },
        name: 'action_time',
      },
    ],
  },
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
  {
    name: 'invitations',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'tokenHash', 'email', 'name', 'role', 'createdAt', 'expiresAt'],
      properties: {
        tokenHash: {
          bsonType: 'string',
        },
        email: {
          bsonType: 'string',
          maxLength: 254,
        },
        name: {
          bsonType: 'string',
          maxLength: 120,
        },
        role: {
          enum: ['young_person', 'delegate', 'job_coach', 'employer', 'provider_admin'],
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
        createdAt: {
          bsonType: 'date',
        },
        expiresAt: {
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
          invitedBy: 1,
          createdAt: -1,
        },
        name: 'invited_by',
      },
      {
        key: {
          youngPersonId: 1,
        },
        name: 'young_person',
      },
    ],
  },
  {
    name: 'signing_keys',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'alg', 'status', 'publicJwk', 'privateJwk', 'createdAt'],
      properties: {
        _id: {
          bsonType: 'string',
        },
        alg: {
          enum: ['ES256'],
        },
        status: {
          enum: ['active', 'retired'],
        },
        publicJwk: {
          bsonType: 'object',
        },
        privateJwk: {
          bsonType: 'object',
          required: ['iv', 'ciphertext', 'tag'],
        },
        createdAt: {
          bsonType: 'date',
        },
        retiredAt: {
          bsonType: 'date',
        },
        publishUntil: {
          bsonType: 'date',
        },
      },
    },
    indexes: [
      {
        key: {
          status: 1,
        },
        name: 'one_active',
        unique: true,
        partialFilterExpression: {
          status: 'active',
        },
      },
    ],
  },
  {
    name: 'login_throttle',
    indexes: [
      {
        key: {
          expireAt: 1,
        },
        name: 'expire_ttl',
        expireAfterSeconds: 0,
      },
    ],
  },
  {
    name: 'refresh_tokens',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'tokenHash', 'accountId', 'familyId', 'createdAt', 'expiresAt'],
      properties: {
        tokenHash: {
          bsonType: 'string',
        },
        accountId: {
          bsonType: 'objectId',
        },
        familyId: {
          bsonType: 'string',
        },
        createdAt: {
          bsonType: 'date',
        },
        expiresAt: {
          bsonType: 'date',
        },
        usedAt: {
          bsonType: 'date',
        },
        revokedAt: {
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
          familyId: 1,
        },
        name: 'family',
      },
      {
        key: {
          accountId: 1,
        },
        name: 'account',
      },
      {
        key: {
          expiresAt: 1,
        },
        name: 'expiry_ttl',
        expireAfterSeconds: 86400,
      },
    ],
  },
  {
    name: 'providers',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'name', 'kind', 'localAuthority', 'createdAt'],
      properties: {
        name: {
          bsonType: 'string',
          minLength: 1,
          maxLength: 160,
        },
        kind: {
          enum: ['college', 'supported_employment', 'local_authority', 'other'],
        },
        localAuthority: {
          bsonType: 'string',
          minLength: 1,
          maxLength: 100,
        },
        createdAt: {
          bsonType: 'date',
        },
      },
    },
    indexes: [
      {
        key: {
          name: 1,
        },
        name: 'name',
      },
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
        name: {
          bsonType: 'string',
          minLength: 1,
          maxLength: 160,
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
        description: {
          bsonType: 'string',
          maxLength: 2000,
        },
        address: {
          bsonType: 'object',
          required: ['line1', 'town', 'postcode'],
          properties: {
            line1: {
              bsonType: 'string',
              maxLength: 120,
            },
            line2: {
              bsonType: 'string',
              maxLength: 120,
            },
            town: {
              bsonType: 'string',
              maxLength: 80,
            },
            postcode: {
              bsonType: 'string',
              maxLength: 10,
            },
          },
        },
        location: {
          bsonType: 'object',
          required: ['type', 'coordinates'],
        },
        disabilityConfident: {
          enum: ['none', 'committed', 'employer', 'leader'],
        },
        verified: {
          bsonType: 'bool',
        },
        verifiedBy: {
          bsonType: 'object',
        },
        contacts: {
          bsonType: 'array',
          maxItems: 10,
        },
        createdAt: {
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
          location: '2dsphere',
        },
        name: 'location_2dsphere',
      },
      {
        key: {
          verified: 1,
          name: 1,
        },
        name: 'verified_name',
      },
      {
        key: {
          'verifiedBy.providerId': 1,
        },
        name: 'verified_by',
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
    name: 'passports',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'providerId', 'version', 'sections', 'coachAccess', 'updatedAt'],
      properties: {
        providerId: {
          bsonType: 'objectId',
        },
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
        coachAccess: {
          enum: ['none', 'without_condition', 'all'],
        },
      },
    },
    indexes: [
      {
        key: {
          providerId: 1,
        },
        name: 'provider',
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
          enum: ['owner', 'draft'],
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
    name: 'passport_drafts',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'youngPersonId', 'baseVersion', 'sections', 'proposedBy', 'proposedAt', 'status'],
      properties: {
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
        status: {
          enum: ['pending', 'accepted', 'rejected'],
        },
        note: {
          bsonType: 'string',
          maxLength: 1000,
        },
      },
    },
    indexes: [
      {
        key: {
          youngPersonId: 1,
          status: 1,
          proposedAt: -1,
        },
        name: 'person_status',
      },
    ],
  },
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
    ],
  },
  {
    name: 'search_outbox',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'entity', 'entityId', 'createdAt', 'attempts', 'nextAttemptAt'],
      properties: {
        entity: {
          enum: ['placement', 'employer', 'young_person'],
        },
        entityId: {
          bsonType: 'string',
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
        lastError: {
          bsonType: 'string',
          maxLength: 500,
        },
        lockedUntil: {
          bsonType: 'date',
        },
        claimId: {
          bsonType: 'string',
        },
      },
    },
    indexes: [
      {
        key: {
          nextAttemptAt: 1,
          _id: 1,
        },
        name: 'due',
      },
      {
        key: {
          entity: 1,
          entityId: 1,
        },
        name: 'entity',
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
              bsonType: 'array',
              maxItems: 20,
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
  {
    name: 'internship_reviews',
    jsonSchema: {
      bsonType: 'object',
      required: [
        '_id',
        'matchId',
        'youngPersonId',
        'providerId',
        'employerId',
        'heldOn',
        'targets',
        'nextReviewDue',
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
        heldOn: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        summary: {
          bsonType: 'string',
          maxLength: 2000,
        },
        targets: {
          bsonType: 'array',
          minItems: 1,
          maxItems: 10,
          items: {
            bsonType: 'object',
            required: ['text', 'measure', 'dueDate', 'status'],
            properties: {
              text: {
                bsonType: 'string',
                maxLength: 300,
              },
              measure: {
                bsonType: 'string',
                maxLength: 300,
              },
              dueDate: {
                bsonType: 'string',
                pattern: '^\\d{4}-\\d{2}-\\d{2}$',
              },
              status: {
                enum: ['not_started', 'in_progress', 'achieved', 'not_achieved', 'dropped'],
              },
            },
          },
        },
        nextReviewDue: {
          bsonType: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
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
          heldOn: -1,
        },
        name: 'match_held',
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

export default {
  description: 'the collections, validators and indexes of the first release',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
