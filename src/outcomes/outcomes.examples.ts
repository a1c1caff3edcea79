import type { OperationExamples } from '../docs/openapi-examples.js';
import type { components } from '../generated/openapi.js';

type Schemas = components['schemas'];

/** Examples of the outcomes operations for the OpenAPI document (see src/docs/openapi-examples.ts). */

const youngPersonId = '6b0cc29f1fa60ec5b99a1421';
const matchId = '6b0cc2a31fa60ec5b99a14b7';
const travel = { id: '6b0cc2b01fa60ec5b99a14c1', text: 'Travel independently to a place of work' };
const help = { id: '6b0cc2b01fa60ec5b99a14c2', text: 'Tell colleagues when she needs help' };
const plan: Schemas['EhcPlan'] = {
  youngPersonId,
  outcomes: [travel, help],
  nextReviewOn: '2027-03-01',
  lastReviewOn: '2026-03-02',
  reminderOn: '2027-02-01',
};
const followUps: Schemas['AfterInternship']['followUps'] = [
  {
    month: 6,
    dueOn: '2028-01-16',
    recorded: {
      checkedOn: '2028-01-17',
      activity: 'paid_job',
      hoursPerWeek: 20,
      payBand: 'at',
      sameEmployer: true,
      recordedAt: '2028-01-17T10:12:00.000Z',
    },
  },
  { month: 9, dueOn: '2028-04-16', recorded: null },
  { month: 12, dueOn: '2028-07-16', recorded: null },
];
const employmentPlan = {
  targetJobs: ['Room attendant', 'Kitchen porter'],
  actions: [{ what: 'Write a CV with photos of her work', who: 'Priya with her job coach', dueOn: '2027-05-20' }],
  jobOffer: { employer: 'Park Row Hotel', jobTitle: 'Room attendant', offeredOn: '2027-06-07', hoursPerWeek: 20 },
};
const after: Schemas['AfterInternship'] = {
  matchId,
  youngPersonId,
  state: 'completed',
  endedOn: '2027-07-16',
  outcomeType: 'paid_employment',
  coreAims: { met: false, missing: 'English at Entry 3 not yet achieved', recordedAt: '2027-07-16T15:30:00.000Z' },
  employmentPlanWindow: { from: '2027-04-12', until: '2027-09-14' },
  employmentPlan: {
    ...employmentPlan,
    updatedAt: '2027-06-08T09:00:00.000Z',
    updatedBy: { accountId: '6b0cc2001fa60ec5b99a1301', role: 'job_coach' },
  },
  followUps,
};
const figures: Schemas['JobOutcomeFigures'] = {
  interns: 12,
  completed: 11,
  coreAimsMet: 9,
  coreAimsRecorded: 11,
  coreAimsMetPercent: 81.8,
  at6Months: { due: 11, inPaidWork16Hours: 6, percent: 54.5 },
  at9Months: { due: 11, inPaidWork16Hours: 8, percent: 72.7 },
  at12Months: { due: 11, inPaidWork16Hours: 8, percent: 72.7 },
  within9Months: { due: 11, inPaidWork16Hours: 8, percent: 72.7, fidelity: 'within_band' },
};

export const outcomesExamples: OperationExamples = {
  getEhcPlan: { response: plan },
  putEhcPlan: {
    request: { outcomes: [travel, { text: help.text }], lastReviewOn: '2026-03-02', nextReviewOn: '2027-03-01' },
    response: plan,
  },
  getOutcomeProgress: {
    response: {
      youngPersonId,
      outcomes: [
        {
          ...travel,
          summary: 'You have done all 1 of your targets for this. Well done.',
          targets: [
            {
              text: 'Travel to work on your own',
              status: 'achieved',
              inPlainWords: 'You can now travel to work on your own.',
              setOn: '2026-10-26',
            },
          ],
        },
        {
          ...help,
          summary: 'You have done 0 of 1 targets for this.',
          targets: [
            {
              text: 'Ask a colleague when unsure',
              status: 'in_progress',
              inPlainWords: 'You are working on this: ask a colleague when unsure.',
              setOn: '2026-10-26',
            },
          ],
        },
      ],
    },
  },
  getInternshipAfter: { response: after },
  putCoreAims: { request: { met: false, missing: 'English at Entry 3 not yet achieved' }, response: after },
  putEmploymentPlan: { request: employmentPlan, response: after },
  putInternshipFollowUp: {
    request: { checkedOn: '2028-01-17', activity: 'paid_job', hoursPerWeek: 20, payBand: 'at', sameEmployer: true },
    response: after,
  },
  getJobOutcomes: {
    response: {
      filters: { academicYear: 2026 },
      fidelityBand: { fromPercent: 70, toPercent: 100, withinMonths: 9 },
      overall: figures,
      byLocalAuthority: [{ key: 'Leeds', label: 'Leeds', ...figures }],
      bySector: [{ key: 'hospitality_catering', label: 'Hospitality and catering', ...figures }],
      byJobCoach: [{ key: '6b0cc2001fa60ec5b99a1301', label: 'Dee Coach', ...figures }],
      definitions: { interns: 'Interns whose internship started, in the academic year it counts in.' },
    },
  },
};
