import type { FormWording } from '../web/forms.js';
import type { AccessToWorkService } from './access-to-work.service.js';

/** What the Access to Work pages say about a case: its states, people and amounts in words, and pounds read back as pence. */
export type Overview = Awaited<ReturnType<AccessToWorkService['overview']>>;
type Line = NonNullable<Overview['case']['award']>['lines'][number];

export const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const claimStateWords: Record<string, string> = {
  draft: 'Drafted, not signed',
  signed: 'Signed, not sent',
  sent: 'Sent, waiting for payment',
  paid: 'Paid',
  queried: 'Access to Work asked a question',
};
export const signerWords: Record<string, string> = { young_person: 'The young person', appointee: 'Their appointee' };
export const applicantWords: Record<string, string> = {
  education_provider: 'The college',
  supported_employment_provider: 'A supported-employment provider',
  young_person: 'The young person',
};

/** Page labels by field id, as the wording the refusal's messages are put in. */
export const labelled = (labels: Record<string, string>): FormWording =>
  Object.fromEntries(Object.entries(labels).map(([id, label]) => [id, { label }]));
/** What a line pays for, in everyday words, for the young person. */
export function lineWords(line: Line, you: string): string {
  switch (line.kind) {
    case 'job_coach':
      return `a job coach to help ${you} at work, ${line.hoursPerWeek} hours a week`;
    case 'travel_to_work':
      return 'getting to work';
    case 'equipment':
      return line.description ? `equipment: ${line.description}` : 'equipment';
    case 'other':
      return line.description ? `other help: ${line.description}` : 'other help at work';
  }
}

export function WarningText(props: { text: string }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        {props.text}
      </strong>
    </div>
  );
}

/** "£1,254.00", "28.5" or "28" as pence; undefined when empty or not an amount. */
export function penceFrom(value: string): number | undefined {
  const plain = value.replace(/^£/, '').replaceAll(',', '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return undefined;
  return Math.round(Number(plain) * 100);
}
