import { Button } from '../web/components/Button.js';
import { Radios } from '../web/components/Radios.js';
import { Textarea } from '../web/components/Textarea.js';
import { CsrfField } from '../web/csrf.js';
import { text } from '../web/forms.js';
import { longDate } from '../web/young-person.js';
import type { AfterOverview, SectionFormProps } from './after.views.js';

/** Whether the study programme's core aims were met, once the internship has ended. */
export function CoreAimsSection(props: SectionFormProps & { after: AfterOverview['after'] }) {
  const { after, form, errors } = props;
  return (
    <>
      <h2 class="govuk-heading-m">Core aims</h2>
      {after.endedOn ? (
        <>
          <p class="govuk-body">
            The internship ended on {longDate(after.endedOn)}
            {after.outcomeType ? `. Outcome recorded: ${after.outcomeType.replaceAll('_', ' ')}.` : '.'}
          </p>
          <form method="post" action={`${props.base}/core-aims`} novalidate>
            <CsrfField token={props.csrf} />
            <Radios
              name="met"
              legend="Were the core aims of the study programme met?"
              legendSize="s"
              items={[
                { value: 'yes', text: 'Yes' },
                { value: 'no', text: 'No' },
              ]}
              value={form ? text(form, 'met') : after.coreAims ? (after.coreAims.met ? 'yes' : 'no') : ''}
              error={errors.met}
            />
            <Textarea
              name="missing"
              label="If not, what was missing"
              rows={3}
              value={form ? text(form, 'missing') : (after.coreAims?.missing ?? '')}
              error={errors.missing}
            />
            <Button>Save the core aims</Button>
          </form>
        </>
      ) : (
        <p class="govuk-body">Record the core aims once the internship is completed.</p>
      )}
    </>
  );
}
