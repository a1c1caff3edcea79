import { AfterInternshipService } from './after-internship.service.js';
import { CoreAimsService } from './core-aims.service.js';
import { EhcPlanService } from './ehc-plan.service.js';
import { EmploymentPlanService } from './employment-plan.service.js';
import { FollowUpsService } from './follow-ups.service.js';
import { OutcomeReportsService } from './outcome-reports.service.js';
import type { OutcomesDeps } from './outcomes-access.js';
import { OutcomesTasksService } from './outcomes-tasks.service.js';

export type { OutcomesTaskView } from './outcomes-tasks.service.js';

/**
 * The record a provider keeps of the internship's purpose and what followed: the outcomes of the
 * young person's EHC plan (which review targets serve), the core aims at completion, the employment
 * plan, follow-ups at 6, 9 and 12 months after the end, the job-outcome figures and the SEN2 export.
 * The provider's staff write; the young person and a delegate with view_profile read. One object
 * for the rest of the service, made of one part for each of these.
 */
export class OutcomesService {
  readonly plan: EhcPlanService['plan'];
  readonly outcomeChoicesFor: EhcPlanService['outcomeChoicesFor'];
  readonly savePlan: EhcPlanService['savePlan'];
  readonly progressTowardsOutcomes: EhcPlanService['progressTowardsOutcomes'];
  readonly outcomesOverview: EhcPlanService['outcomesOverview'];
  readonly after: AfterInternshipService['after'];
  readonly afterOverview: AfterInternshipService['afterOverview'];
  readonly saveCoreAims: CoreAimsService['saveCoreAims'];
  readonly saveEmploymentPlan: EmploymentPlanService['saveEmploymentPlan'];
  readonly recordFollowUp: FollowUpsService['recordFollowUp'];
  readonly coachTasks: OutcomesTasksService['coachTasks'];
  readonly jobOutcomes: OutcomeReportsService['jobOutcomes'];
  readonly sen2Rows: OutcomeReportsService['sen2Rows'];

  constructor(deps: OutcomesDeps) {
    const plans = new EhcPlanService(deps);
    this.plan = plans.plan.bind(plans);
    this.outcomeChoicesFor = plans.outcomeChoicesFor.bind(plans);
    this.savePlan = plans.savePlan.bind(plans);
    this.progressTowardsOutcomes = plans.progressTowardsOutcomes.bind(plans);
    this.outcomesOverview = plans.outcomesOverview.bind(plans);
    const after = new AfterInternshipService(deps);
    this.after = after.after.bind(after);
    this.afterOverview = after.afterOverview.bind(after);
    const coreAims = new CoreAimsService(deps);
    this.saveCoreAims = coreAims.saveCoreAims.bind(coreAims);
    const employmentPlans = new EmploymentPlanService(deps);
    this.saveEmploymentPlan = employmentPlans.saveEmploymentPlan.bind(employmentPlans);
    const followUps = new FollowUpsService(deps);
    this.recordFollowUp = followUps.recordFollowUp.bind(followUps);
    const tasks = new OutcomesTasksService(deps);
    this.coachTasks = tasks.coachTasks.bind(tasks);
    const reports = new OutcomeReportsService(deps);
    this.jobOutcomes = reports.jobOutcomes.bind(reports);
    this.sen2Rows = reports.sen2Rows.bind(reports);
  }
}
