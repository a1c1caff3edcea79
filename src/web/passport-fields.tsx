import {
  type AdjustmentCategory,
  adjustmentCategories,
  adjustmentCategoryLabels,
  type PassportSection,
  sectionLabels,
} from '../domain/vocabulary.js';
import type { accessToWorkFunds, PassportSections } from '../passports/passports.schemas.js';
import type { SummaryRow } from './components/SummaryList.js';
import { longDate, monthInWords, type PersonPage } from './young-person.js';

/**
 * The passport's fields in the words the pages use, for the edit forms, the print page and
 * every view of a section. Labels are the owner's voice ("my"), as in the DWP passport: they are
 * what an employer reads, so a parent filling them in writes as the young person would.
 */

export interface TextField {
  name: string;
  label: string;
  hint?: string;
  max: number;
  /** A one-line answer (input) rather than a paragraph (textarea). */
  short?: boolean;
}

/**
 * A section's name on the pages about it, spoken to their reader: the young person reads the
 * passport's own headings ("What helps me at work"); anyone else reads them about the young
 * person ("What helps Sam at work"). What an employer reads keeps the passport's headings.
 */
export function sectionTitle(section: PassportSection, reader: PersonPage): string {
  if (!reader.asDelegate) return sectionLabels[section];
  const titles: Record<PassportSection, string> = {
    aboutMe: `About ${reader.you}`,
    myCondition: `${reader.Your} condition`,
    whatHelps: `What helps ${reader.you} at work`,
    accessToWork: 'Access to Work',
    review: 'Review',
  };
  return titles[section];
}

/** What a section is for, in one or two sentences spoken to the reader. */
export function sectionIntro(section: PassportSection, reader: PersonPage): string {
  const { you, your, Your } = reader;
  const intros: Record<PassportSection, string> = {
    aboutMe: `Tell people at work a little about ${you} and the work ${you} ${reader.asDelegate ? 'wants' : 'want'}.`,
    myCondition: reader.asDelegate
      ? `${Your} condition, in ${your} own words. It does not have to be filled in. Nobody at work sees it unless ${you} chooses to share it.`
      : 'Your condition, in your own words. You do not have to fill this in. Nobody at work sees it unless you choose to share it.',
    whatHelps: `The changes at work that help ${you}. These are called adjustments.`,
    accessToWork: 'Access to Work is money from the government. It can pay for a job coach, travel or equipment.',
    review: `Who checked this passport with ${you}, and when to check it again. Check it at least every 6 months.`,
  };
  return intros[section];
}

export const textFields: Partial<Record<PassportSection, TextField[]>> = {
  aboutMe: [
    { name: 'summary', label: 'What I want people at work to know about me', max: 1500 },
    { name: 'workWanted', label: 'The work I want', hint: 'Where to work and what kind of work.', max: 1000 },
    {
      name: 'travelLimits',
      label: 'How I travel and how far',
      hint: 'For example: "I can take one bus. Up to 45 minutes."',
      max: 500,
    },
    {
      name: 'contactPreferences',
      label: 'How to contact me',
      hint: 'For example: "Text me. Please do not phone."',
      max: 500,
    },
  ],
  myCondition: [
    { name: 'description', label: 'My condition, in my words', max: 2000 },
    { name: 'effectOnWork', label: 'How it affects me at work', max: 2000 },
    { name: 'goodDay', label: 'On a good day', max: 1000 },
    { name: 'harderDay', label: 'On a harder day', max: 1000 },
    { name: 'earlyWarningSigns', label: 'Signs that I am finding things hard', max: 1000 },
    { name: 'whatToDoIfUnwell', label: 'What to do if I am unwell at work', max: 1000 },
  ],
  whatHelps: [
    { name: 'supportInEducation', label: 'Support I had at school or college', max: 1500 },
    { name: 'whatColleaguesCanDo', label: 'What colleagues can do to help me', max: 1500 },
  ],
  accessToWork: [
    {
      name: 'reference',
      label: 'Access to Work reference number',
      hint: 'If there is one. It is on the Access to Work letter.',
      max: 40,
      short: true,
    },
    { name: 'notes', label: 'Anything else about Access to Work', max: 1000 },
  ],
  review: [
    {
      name: 'agreedBy',
      label: 'Who checked this passport with me',
      hint: 'For example: "My job coach, Jo Smith".',
      max: 200,
      short: true,
    },
  ],
};

export const accessToWorkStatusLabels: Record<string, string> = {
  not_applied: 'I have not applied',
  applied: 'I have applied and I am waiting',
  approved: 'I have Access to Work',
  declined: 'My application was turned down',
};

export const accessToWorkFundLabels: Record<(typeof accessToWorkFunds)[number], string> = {
  job_coach: 'A job coach',
  travel: 'Travel to work, like a taxi',
  equipment: 'Equipment',
  support_worker: 'A support worker',
  communication_support: 'Communication support, like a BSL interpreter',
  mental_health_support: 'Mental health support',
};

export const reviewDates = [
  { name: 'agreedOn', label: 'When we checked it' },
  { name: 'nextReviewDue', label: 'When to check it again', hint: 'At least every 6 months. For example, 27 3 2027.' },
] as const;

export function adjustmentLabel(category: AdjustmentCategory): string {
  return adjustmentCategoryLabels[category];
}

export const adjustmentCategoryItems = adjustmentCategories.map((category) => ({
  value: category,
  text: adjustmentCategoryLabels[category],
}));

/** A section's content as rows of a summary list; empty fields are left out. */
export function sectionRows(section: PassportSection, sections: PassportSections): SummaryRow[] {
  const content = sections[section] as Record<string, unknown> | undefined;
  if (!content) return [];
  const rows: SummaryRow[] = [];
  const text = (value: string) => <span class="app-section-text">{value}</span>;
  if (section === 'whatHelps') {
    const { adjustments = [] } = sections.whatHelps ?? {};
    for (const adjustment of adjustments) {
      rows.push({
        key: adjustmentLabel(adjustment.category),
        value: (
          <>
            {text(adjustment.details)}
            {adjustment.inPlace ? <p class="govuk-body-s">Already agreed at work.</p> : null}
            {(adjustment.workedAt ?? []).map((worked) => (
              <p class="govuk-body-s">
                <strong class="govuk-tag govuk-tag--green">Known to work</strong> This worked at {worked.employer},{' '}
                {monthInWords(worked.month)}.
              </p>
            ))}
          </>
        ),
      });
    }
  }
  if (section === 'accessToWork' && sections.accessToWork) {
    const { status, funds = [] } = sections.accessToWork;
    rows.push({ key: 'Have I applied?', value: accessToWorkStatusLabels[status] ?? status });
    if (funds.length > 0)
      rows.push({ key: 'What it pays for', value: funds.map((fund) => accessToWorkFundLabels[fund]).join(', ') });
  }
  for (const field of textFields[section] ?? []) {
    const value = content[field.name];
    if (typeof value === 'string' && value !== '') rows.push({ key: field.label, value: text(value) });
  }
  if (section === 'review') {
    for (const field of reviewDates) {
      const value = content[field.name];
      if (typeof value === 'string') rows.push({ key: field.label, value: longDate(value) });
    }
  }
  return rows;
}
