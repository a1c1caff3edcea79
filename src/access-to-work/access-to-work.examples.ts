import type { OperationExamples } from '../docs/openapi-examples.js';
import type { components } from '../generated/openapi.js';

type Schemas = components['schemas'];

/** Examples of the Access to Work operations for the OpenAPI document (see src/docs/openapi-examples.ts). */

const youngPersonId = '6b0cc29f1fa60ec5b99a1421';
const application: Schemas['AccessToWorkApplicationInput'] = {
  appliedBy: 'education_provider',
  reference: 'ATW-2027-118204',
  sentOn: '2027-04-12',
  signer: 'young_person',
};
const award: NonNullable<Schemas['AccessToWorkCase']['award']> = {
  letterDate: '2027-07-19',
  lines: [
    {
      kind: 'job_coach',
      startsOn: '2027-09-06',
      endsOn: '2028-07-16',
      totalPence: 1_254_000,
      hoursPerWeek: 10,
      costPerHourPence: 2850,
    },
    {
      kind: 'travel_to_work',
      description: 'Taxi to the hotel',
      startsOn: '2027-09-06',
      endsOn: '2028-07-16',
      totalPence: 180_000,
    },
  ],
  employerContributionPence: 0,
  refused: [{ item: 'English and maths support', reason: 'Access to Work does not fund study time.' }],
};
const dates = {
  placementStart: '2027-09-06',
  applicationOpensOn: '2027-03-06',
  applicationLate: false,
  reconsiderationDeadline: '2027-08-16',
  fundedUntil: '2028-07-16',
  renewalOpensOn: '2028-04-23',
  intensiveCoachingUntil: '2028-03-05',
  discretionaryCoachingUntil: '2028-06-04',
};
const claim: Schemas['AccessToWorkClaim'] = {
  id: '6b0cc2a31fa60ec5b99a14a2',
  youngPersonId,
  month: '2027-10',
  firstDay: '2027-10-04',
  lastDay: '2027-10-31',
  weeks: [
    { weekStarting: '2027-10-04', coachingHours: 10 },
    { weekStarting: '2027-10-11', coachingHours: 8.5 },
    { weekStarting: '2027-10-25', coachingHours: 6 },
  ],
  coachingHours: 24.5,
  costPerHourPence: 2850,
  totalPence: 69_825,
  warnings: [
    {
      kind: 'missing_week',
      weekStarting: '2027-10-18',
      message: 'The week starting 2027-10-18 has no weekly log.',
    },
  ],
  state: 'draft',
  draftedAt: '2027-11-01T09:30:00.000Z',
};

export const accessToWorkExamples: OperationExamples = {
  getAccessToWorkCase: {
    response: { youngPersonId, application, award, dates, updatedAt: '2027-07-21T10:04:00.000Z' },
  },
  getAccessToWorkFunding: { response: { youngPersonId, fundedUntil: '2028-07-16' } },
  putAccessToWorkApplication: {
    request: application,
    response: {
      youngPersonId,
      application,
      award: null,
      dates: { ...dates, reconsiderationDeadline: null, fundedUntil: null, renewalOpensOn: null },
      updatedAt: '2027-04-12T15:20:00.000Z',
    },
  },
  putAccessToWorkAward: {
    request: award,
    response: { youngPersonId, application, award, dates, updatedAt: '2027-07-21T10:04:00.000Z' },
  },
  listAccessToWorkClaims: { response: { items: [claim], total: 1, limit: 20, offset: 0 } },
  draftAccessToWorkClaim: { request: { month: '2027-10' }, response: claim },
  getAccessToWorkClaim: { response: claim },
  signAccessToWorkClaim: {
    request: { signedBy: 'Sam Taylor', signedOn: '2027-11-01' },
    response: { ...claim, state: 'signed', signed: { by: 'Sam Taylor', on: '2027-11-01' } },
  },
  sendAccessToWorkClaim: {
    request: { sentOn: '2027-11-02' },
    response: { ...claim, state: 'sent', signed: { by: 'Sam Taylor', on: '2027-11-01' }, sent: { on: '2027-11-02' } },
  },
  recordAccessToWorkClaimPaid: {
    request: { paidOn: '2027-11-20', amountPence: 69_825 },
    response: {
      ...claim,
      state: 'paid',
      signed: { by: 'Sam Taylor', on: '2027-11-01' },
      sent: { on: '2027-11-02' },
      paid: { on: '2027-11-20', amountPence: 69_825 },
    },
  },
  recordAccessToWorkClaimQuery: {
    request: { queriedOn: '2027-11-15', question: 'Please send the timesheet for the week starting 11 October.' },
    response: {
      ...claim,
      state: 'queried',
      signed: { by: 'Sam Taylor', on: '2027-11-01' },
      sent: { on: '2027-11-02' },
      queried: { on: '2027-11-15', question: 'Please send the timesheet for the week starting 11 October.' },
    },
  },
};
