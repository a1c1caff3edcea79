import type { CollectionSpec } from '../core/db/mongo.js';
import { countNames } from './summary-rows.js';

/** The collections of the dashboard summaries, with their validators and indexes. */

const tallyProperties = {
  ...Object.fromEntries(countNames.map((name) => [name, { bsonType: 'number' }])),
  days: { bsonType: 'object' },
};

export const outcomeCountsCollection: CollectionSpec = {
  name: 'dashboard_outcome_counts',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'providerId', 'grain'],
    properties: {
      _id: { bsonType: 'string' },
      providerId: { bsonType: 'objectId' },
      grain: { enum: ['area', 'year', 'authority', 'sector', 'coach'] },
      cohortYear: { bsonType: ['number', 'null'] },
      localAuthority: { bsonType: ['string', 'null'] },
      sector: { bsonType: 'string' },
      jobCoachId: { bsonType: ['objectId', 'null'] },
      ...tallyProperties,
    },
  },
  indexes: [
    // Every grain by year; coach rows busiest first within their year, so a page of coaches needs no sort.
    {
      key: { providerId: 1, grain: 1, cohortYear: 1, proposals: -1, jobCoachId: 1 },
      name: 'provider_grain_year_ranking',
    },
  ],
};

/** The index `provider_grain_year_ranking` replaced. */
export const replacedOutcomeCountsIndex = 'provider_grain';

export const supportWeeksCollection: CollectionSpec = {
  name: 'dashboard_support_weeks',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'providerId', 'grain'],
    properties: {
      _id: { bsonType: 'string' },
      providerId: { bsonType: 'objectId' },
      grain: { enum: ['area', 'provider'] },
      cohortYear: { bsonType: 'number' },
      localAuthority: { bsonType: ['string', 'null'] },
      sector: { bsonType: 'string' },
      weeks: { bsonType: 'object' },
    },
  },
  indexes: [{ key: { providerId: 1, grain: 1, cohortYear: 1 }, name: 'provider_grain_year' }],
};

export const summaryStateCollection: CollectionSpec = {
  name: 'dashboard_summary_state',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'version', 'builtAt'],
    properties: { _id: { bsonType: 'string' }, version: { bsonType: 'number' }, builtAt: { bsonType: 'date' } },
  },
  indexes: [],
};
