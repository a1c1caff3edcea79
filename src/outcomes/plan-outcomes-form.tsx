import { Button } from '../web/components/Button.js';
import { DateInput } from '../web/components/DateInput.js';
import { Textarea } from '../web/components/Textarea.js';
import { CsrfField } from '../web/csrf.js';
import { datePartsFrom, datePartsOf } from '../web/dates.js';
import { type FieldErrors, type FormBody, text } from '../web/forms.js';
import type { OutcomesService } from './outcomes.service.js';

export type OutcomesOverview = Awaited<ReturnType<OutcomesService['outcomesOverview']>>;

/** How many empty boxes the form offers for new outcomes. */
export const newOutcomeFields = 2;

/** Each outcome of the plan with the review targets that serve it, in plain words. */
export function ProgressList(props: { progress: OutcomesOverview['progress'] }) {
  if (props.progress.outcomes.length === 0) return <p class="govuk-body">No outcomes are written down yet.</p>;
  return (
    <>
      {props.progress.outcomes.map((outcome) => (
        <section>
          <h2 class="govuk-heading-m">{outcome.text}</h2>
          <p class="govuk-body">{outcome.summary}</p>
          {outcome.targets.length > 0 ? (
            <ul class="govuk-list govuk-list--bullet">
              {outcome.targets.map((target) => (
                <li>{target.inPlainWords}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </>
  );
}

/** The EHC plan's outcomes and review dates, as saved or as typed when the form came back with errors. */
export function PlanOutcomesForm(props: {
  plan: OutcomesOverview['plan'];
  csrf: string;
  form: FormBody | undefined;
  errors: FieldErrors;
}) {
  const { plan, form, errors } = props;
  return (
    <form method="post" novalidate>
      <CsrfField token={props.csrf} />
      <p class="govuk-body">
        Write each outcome the internship works towards in the words of the EHC plan. Empty an outcome’s box to take it
        out.
      </p>
      {plan.outcomes.map((outcome, index) => (
        <Textarea
          name={`outcome-${outcome.id}`}
          label={`Outcome ${index + 1}`}
          rows={2}
          value={form ? text(form, `outcome-${outcome.id}`) : outcome.text}
          error={errors[`outcome-${outcome.id}`]}
        />
      ))}
      {Array.from({ length: newOutcomeFields }, (_, index) => (
        <Textarea
          name={`new-${index}`}
          label={`New outcome (optional)${newOutcomeFields > 1 ? ` ${index + 1}` : ''}`}
          rows={2}
          value={form ? text(form, `new-${index}`) : ''}
          error={errors[`new-${index}`]}
        />
      ))}
      <DateInput
        name="lastReviewOn"
        legend="Date of the last annual review (optional)"
        legendSize="s"
        hint="For example, 2 3 2026."
        value={form ? datePartsFrom(form, 'lastReviewOn') : datePartsOf(plan.lastReviewOn ?? undefined)}
        error={errors.lastReviewOn}
      />
      <DateInput
        name="nextReviewOn"
        legend="Date of the next annual review"
        legendSize="s"
        hint="You will be reminded 4 weeks before. For example, 1 3 2027."
        value={form ? datePartsFrom(form, 'nextReviewOn') : datePartsOf(plan.nextReviewOn ?? undefined)}
        error={errors.nextReviewOn}
      />
      <Button>Save the outcomes</Button>
    </form>
  );
}
