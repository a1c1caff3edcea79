import { Button } from '../web/components/Button.js';
import { DateInput } from '../web/components/DateInput.js';
import { Input } from '../web/components/Input.js';
import { Textarea } from '../web/components/Textarea.js';
import { CsrfField } from '../web/csrf.js';
import { datePartsFrom, datePartsOf } from '../web/dates.js';
import { type FieldErrors, type FormBody, text } from '../web/forms.js';
import { longDate } from '../web/young-person.js';
import type { AfterOverview, SectionFormProps } from './after.views.js';

type EmploymentPlan = AfterOverview['after']['employmentPlan'];

/** How many rows of actions the form offers. */
export const actionRows = 3;

/** The form's field ids by the API's field paths, so a refusal lands beside the field that caused it. */
export const employmentPlanField = (path: string) => {
  const action = /^actions\.(\d+)\.(\w+)$/.exec(path);
  if (action) return `action-${action[1]}-${action[2] === 'doneOn' ? 'dueOn' : action[2]}`;
  const offer: Record<string, string> = {
    'jobOffer.offeredOn': 'offeredOn',
    'jobOffer.employer': 'offerEmployer',
    'jobOffer.jobTitle': 'offerJobTitle',
    'jobOffer.hoursPerWeek': 'offerHours',
  };
  return offer[path] ?? path.split('.')[0] ?? path;
};

function ActionFields(props: { index: number; plan: EmploymentPlan; form: FormBody | undefined; errors: FieldErrors }) {
  const { index, form, errors } = props;
  const saved = props.plan?.actions[index];
  return (
    <fieldset class="govuk-fieldset">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Action {index + 1} (optional)</legend>
      <Input
        name={`action-${index}-what`}
        label="What to do"
        value={form ? text(form, `action-${index}-what`) : (saved?.what ?? '')}
        error={errors[`action-${index}-what`]}
      />
      <Input
        name={`action-${index}-who`}
        label="Who does it"
        value={form ? text(form, `action-${index}-who`) : (saved?.who ?? '')}
        error={errors[`action-${index}-who`]}
      />
      <DateInput
        name={`action-${index}-dueOn`}
        legend="By when"
        legendSize="s"
        value={form ? datePartsFrom(form, `action-${index}-dueOn`) : datePartsOf(saved?.dueOn)}
        error={errors[`action-${index}-dueOn`]}
      />
    </fieldset>
  );
}

function JobOfferFields(props: { plan: EmploymentPlan; form: FormBody | undefined; errors: FieldErrors }) {
  const { plan, form, errors } = props;
  return (
    <fieldset class="govuk-fieldset">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
        A job offer during the internship (optional)
      </legend>
      <Input
        name="offerEmployer"
        label="Employer"
        value={form ? text(form, 'offerEmployer') : (plan?.jobOffer?.employer ?? '')}
        error={errors.offerEmployer}
      />
      <Input
        name="offerJobTitle"
        label="Job"
        value={form ? text(form, 'offerJobTitle') : (plan?.jobOffer?.jobTitle ?? '')}
        error={errors.offerJobTitle}
      />
      <Input
        name="offerHours"
        label="Hours a week"
        inputmode="decimal"
        width="4"
        value={form ? text(form, 'offerHours') : String(plan?.jobOffer?.hoursPerWeek ?? '')}
        error={errors.offerHours}
      />
      <DateInput
        name="offeredOn"
        legend="Day it was offered"
        legendSize="s"
        value={form ? datePartsFrom(form, 'offeredOn') : datePartsOf(plan?.jobOffer?.offeredOn)}
        error={errors.offeredOn}
      />
    </fieldset>
  );
}

/** The jobs to aim for, the actions towards them within the plan's window, and a job offered on the way. */
export function EmploymentPlanSection(props: SectionFormProps & { after: AfterOverview['after'] }) {
  const { after, form, errors } = props;
  const plan = after.employmentPlan;
  const window = after.employmentPlanWindow;
  return (
    <>
      <h2 class="govuk-heading-m">Employment plan</h2>
      {window ? (
        <p class="govuk-body">
          From {longDate(window.from)}
          {window.until ? ` to ${longDate(window.until)}` : ''}: the start of the last rotation to 60 days after the
          end.
        </p>
      ) : null}
      <form method="post" action={`${props.base}/employment-plan`} novalidate>
        <CsrfField token={props.csrf} />
        <Textarea
          name="targetJobs"
          label="Jobs to aim for"
          hint="One a line."
          rows={3}
          value={form ? text(form, 'targetJobs') : (plan?.targetJobs.join('\n') ?? '')}
          error={errors.targetJobs}
        />
        {Array.from({ length: actionRows }, (_, index) => (
          <ActionFields index={index} plan={plan} form={form} errors={errors} />
        ))}
        <JobOfferFields plan={plan} form={form} errors={errors} />
        <Button>Save the employment plan</Button>
      </form>
    </>
  );
}
