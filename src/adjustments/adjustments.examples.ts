import type { OperationExamples } from '../docs/openapi-examples.js';
import type { components } from '../generated/openapi.js';

type Adjustment = components['schemas']['Adjustment'];

/** Examples of the adjustment operations for the OpenAPI document (see src/docs/openapi-examples.ts). */

const matchId = '6b0cc2b71fa60ec5b99a14c0';
const requested: Adjustment = {
  id: '6b0cc2c01fa60ec5b99a14d3',
  matchId,
  kind: 'environment',
  text: 'A quiet place to take my breaks',
  textHidden: false,
  source: 'passport',
  state: 'requested',
  awaitingYoungPerson: false,
  requestedAt: '2027-07-05T10:12:00.000Z',
  suggestion: null,
  agreed: null,
  notPossible: null,
  inPlace: null,
  check: null,
  observations: [],
  reviews: [],
  addedToPassport: false,
  mayAddToPassport: false,
  knownToWork: [],
  allowedActions: ['agree', 'decline'],
};
const agreed: Adjustment = {
  ...requested,
  state: 'agreed',
  agreed: { who: 'Priya Shah, housekeeping supervisor', byDate: '2027-09-06', payer: 'employer' },
  allowedActions: ['put_in_place'],
};
const inPlace: Adjustment = { ...agreed, state: 'in_place', inPlace: { on: '2027-09-06' }, allowedActions: [] };
const checked: Adjustment = {
  ...inPlace,
  state: 'checked',
  check: { answer: 'yes', why: 'I can calm down after lunch.', at: '2027-09-17T14:02:00.000Z' },
  allowedActions: ['observe', 'review'],
};

export const adjustmentsExamples: OperationExamples = {
  listAdjustments: { response: { matchId, items: [requested], total: 1, limit: 20, offset: 0, textHidden: false } },
  getAdjustment: { response: requested },
  addAdjustment: {
    request: { kind: 'instructions', text: 'Each task written on a card' },
    response: {
      ...requested,
      id: '6b0cc2c81fa60ec5b99a14e1',
      kind: 'instructions',
      text: 'Each task written on a card',
      source: 'job_coach',
      awaitingYoungPerson: true,
      allowedActions: [],
    },
  },
  suggestAdjustmentWording: {
    request: {
      parts: [
        { kind: 'environment', text: 'A quiet room for breaks' },
        { kind: 'hours_and_breaks', text: 'A 10-minute break every 2 hours' },
      ],
    },
    response: {
      ...requested,
      suggestion: {
        parts: [
          { kind: 'environment', text: 'A quiet room for breaks' },
          { kind: 'hours_and_breaks', text: 'A 10-minute break every 2 hours' },
        ],
        at: '2027-07-06T09:00:00.000Z',
      },
      allowedActions: [],
    },
  },
  decideAdjustmentSuggestion: {
    request: { decision: 'agree' },
    response: { ...requested, text: 'A quiet room for breaks', allowedActions: [] },
  },
  answerAdjustment: {
    request: { answer: 'agreed', who: 'Priya Shah, housekeeping supervisor', byDate: '2027-09-06', payer: 'employer' },
    response: agreed,
  },
  putAdjustmentInPlace: { request: { inPlaceOn: '2027-09-06' }, response: inPlace },
  checkAdjustment: {
    request: { answer: 'yes', why: 'I can calm down after lunch.' },
    response: { ...checked, allowedActions: [] },
  },
  observeAdjustment: {
    request: { note: 'Sam uses the staff room at 12:30 and comes back settled.' },
    response: {
      ...checked,
      observations: [
        { note: 'Sam uses the staff room at 12:30 and comes back settled.', at: '2027-09-20T11:00:00.000Z' },
      ],
    },
  },
  addAdjustmentToPassport: {
    response: { ...checked, allowedActions: [], addedToPassport: true },
  },
  reviewAdjustment: {
    request: { decision: 'keep', heldOn: '2027-10-18' },
    response: { ...checked, reviews: [{ decision: 'keep', heldOn: '2027-10-18', note: null }] },
  },
};
