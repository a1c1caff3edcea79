import { Button } from '../web/components/Button.js';
import { DateInput } from '../web/components/DateInput.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { CsrfField } from '../web/csrf.js';
import { datePartsFrom } from '../web/dates.js';
import { text } from '../web/forms.js';
import { longDate } from '../web/young-person.js';
import type { AfterOverview, SectionFormProps } from './after.views.js';
import { followUpActivities, payBands } from './outcomes.rules.js';

type FollowUpDue = AfterOverview['followUpsDue'][number];

const activityWords: Record<(typeof followUpActivities)[number], string> = {
  paid_job: 'A paid job',
  apprenticeship: 'An apprenticeship',
  further_education: 'Further education',
  volunteering: 'Volunteering',
  nothing_yet: 'Nothing yet',
};
const payBandWords: Record<(typeof payBands)[number], string> = {
  below: 'Below the National Minimum Wage for their age',
  at: 'At the National Minimum Wage for their age',
  above: 'Above the National Minimum Wage for their age',
};

function FollowUpSummary(props: { recorded: NonNullable<FollowUpDue['recorded']> }) {
  const { recorded } = props;
  return (
    <SummaryList
      rows={[
        { key: 'Checked on', value: longDate(recorded.checkedOn) },
        { key: 'Doing', value: activityWords[recorded.activity] },
        ...(recorded.hoursPerWeek !== undefined ? [{ key: 'Hours a week', value: String(recorded.hoursPerWeek) }] : []),
        ...(recorded.payBand ? [{ key: 'Pay', value: payBandWords[recorded.payBand] }] : []),
        ...(recorded.sameEmployer !== undefined
          ? [{ key: 'Same employer as the placement', value: recorded.sameEmployer ? 'Yes' : 'No' }]
          : []),
      ]}
    />
  );
}

function FollowUpForm(props: SectionFormProps & { month: FollowUpDue['month'] }) {
  const { month, form, errors } = props;
  return (
    <form method="post" action={`${props.base}/follow-ups/${month}`} novalidate>
      <CsrfField token={props.csrf} />
      <DateInput
        name={`checkedOn-${month}`}
        legend="Day you checked"
        legendSize="s"
        value={form ? datePartsFrom(form, `checkedOn-${month}`) : {}}
        error={errors.checkedOn}
      />
      <Radios
        name={`activity-${month}`}
        legend="What are they doing now?"
        legendSize="s"
        items={followUpActivities.map((value) => ({ value, text: activityWords[value] }))}
        value={form ? text(form, `activity-${month}`) : ''}
        error={errors.activity}
      />
      <Input
        name={`hours-${month}`}
        label="Hours a week (for paid work)"
        inputmode="decimal"
        width="4"
        value={form ? text(form, `hours-${month}`) : ''}
        error={errors.hoursPerWeek}
      />
      <Radios
        name={`pay-${month}`}
        legend="Pay (for paid work)"
        legendSize="s"
        items={payBands.map((value) => ({ value, text: payBandWords[value] }))}
        value={form ? text(form, `pay-${month}`) : ''}
        error={errors.payBand}
      />
      <Radios
        name={`same-${month}`}
        legend="Is it the placement’s employer? (for paid work)"
        legendSize="s"
        inline
        items={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
        value={form ? text(form, `same-${month}`) : ''}
        error={errors.sameEmployer}
      />
      <Button>Save the {month}-month follow-up</Button>
    </form>
  );
}

/** One follow-up: what was recorded, when it can be, or the form once it is due. */
export function FollowUpSection(props: SectionFormProps & { followUp: FollowUpDue }) {
  const { followUp } = props;
  return (
    <section>
      <h3 class="govuk-heading-s">
        {followUp.month}-month follow-up, due {longDate(followUp.dueOn)}
      </h3>
      {followUp.recorded ? <FollowUpSummary recorded={followUp.recorded} /> : null}
      {!followUp.recorded && !followUp.isDue ? (
        <p class="govuk-body">It can be recorded from {longDate(followUp.dueOn)}.</p>
      ) : null}
      {!followUp.recorded && followUp.isDue ? (
        <FollowUpForm
          base={props.base}
          csrf={props.csrf}
          form={props.form}
          errors={props.errors}
          month={followUp.month}
        />
      ) : null}
    </section>
  );
}
