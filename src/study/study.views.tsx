import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import type { FormWording } from '../web/forms.js';
import { longDate } from '../web/young-person.js';
import { absenceWords } from './study.rules.js';
import type { otherAimKinds } from './study.schemas.js';
import type { StudyService } from './study.service.js';

export type StudyOverview = Awaited<ReturnType<StudyService['overview']>>;
export type Programme = StudyOverview['programme'];
export type EnglishOrMaths = NonNullable<Programme['english']>;

export const subjects = ['english', 'maths'] as const;
export const subjectWords = { english: 'English', maths: 'Maths' } as const;
export const kindWords: Record<(typeof otherAimKinds)[number], string> = {
  employability: 'Employability',
  other: 'Other',
};

export const percentWords = (percent: number | null) => (percent === null ? 'No days recorded yet' : `${percent}%`);

/** The same wording keyed by the page's field ids, as a service's refusal is put beside its field. */
export const byFieldId = (wording: FormWording): FormWording =>
  Object.fromEntries(Object.entries(wording).map(([path, field]) => [field.id ?? path, field]));

export function AttendanceTable(props: { weeks: StudyOverview['internships'][number]['weeks']; label: string }) {
  return (
    <TableRegion label={props.label}>
      <Table
        caption={props.label}
        captionClasses="govuk-table__caption--s"
        head={[
          { text: 'Week starting' },
          { text: 'Expected', format: 'numeric' },
          { text: 'Came', format: 'numeric' },
          { text: 'Why away' },
        ]}
        rows={props.weeks.map((week) => [
          { text: longDate(week.weekStarting) },
          { text: String(week.daysExpected), format: 'numeric' },
          { text: String(week.daysAttended), format: 'numeric' },
          {
            text: week.absences
              .map((absence) =>
                absence.details ? `${absenceWords[absence.reason]}: ${absence.details}` : absenceWords[absence.reason],
              )
              .join('; '),
          },
        ])}
      />
    </TableRegion>
  );
}
