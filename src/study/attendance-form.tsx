import { DateInput } from '../web/components/DateInput.js';
import { Fieldset } from '../web/components/FormParts.js';
import { Input } from '../web/components/Input.js';
import { datePartsFrom } from '../web/dates.js';
import { type FieldErrors, type FormBody, type FormWording, text } from '../web/forms.js';
import { type AbsenceReason, absenceReasons } from './study.schemas.js';

export const absenceFields: Record<AbsenceReason, { name: string; label: string }> = {
  ill: { name: 'absentIll', label: 'Days away ill' },
  appointment: { name: 'absentAppointment', label: 'Days away at an appointment' },
  holiday: { name: 'absentHoliday', label: 'Days away on holiday' },
  other: { name: 'absentOther', label: 'Days away for another reason' },
};

export const attendanceWording: FormWording = {
  daysExpected: { label: 'Days expected', whenWrong: 'Enter the days expected as a whole number from 0 to 7' },
  daysAttended: { label: 'Days they came', whenWrong: 'Enter the days they came as a whole number from 0 to 7' },
  absences: { id: 'absentIll', label: 'The days away' },
  week: { label: 'The week' },
};

/** The week, the days expected and came, and the days away by reason. */
export function AttendanceFields(props: { form: FormBody; errors: FieldErrors }) {
  const { form, errors } = props;
  return (
    <>
      <DateInput
        name="week"
        legend="Which week?"
        legendSize="s"
        hint="Any day in the week. For example, 14 9 2026. Recording a week again replaces it."
        value={datePartsFrom(form, 'week')}
        error={errors.week}
      />
      <Input
        name="daysExpected"
        label="Days expected"
        hint="The days they should have come to work or college that week."
        width="2"
        inputmode="numeric"
        value={text(form, 'daysExpected')}
        error={errors.daysExpected}
      />
      <Input
        name="daysAttended"
        label="Days they came"
        width="2"
        inputmode="numeric"
        value={text(form, 'daysAttended')}
        error={errors.daysAttended}
      />
      <Fieldset legend="Why they were away" legendSize="s">
        <p class="govuk-body">Give a reason for each day missed. Leave these empty when they came every day.</p>
        {absenceReasons.map((reason) => (
          <Input
            name={absenceFields[reason].name}
            label={absenceFields[reason].label}
            width="2"
            inputmode="numeric"
            value={text(form, absenceFields[reason].name)}
            error={errors[absenceFields[reason].name]}
          />
        ))}
        <Input
          name="otherReason"
          label="What the other reason was"
          hint="Only when they were away for another reason."
          value={text(form, 'otherReason')}
          error={errors.otherReason}
        />
      </Fieldset>
    </>
  );
}
