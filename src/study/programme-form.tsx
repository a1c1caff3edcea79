import { DateInput } from '../web/components/DateInput.js';
import { Fieldset } from '../web/components/FormParts.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { datePartsFrom, datePartsOf } from '../web/dates.js';
import { type FieldErrors, type FormBody, type FormWording, text } from '../web/forms.js';
import { levelWords } from './study.rules.js';
import { otherAimKinds, studyLevels } from './study.schemas.js';
import { kindWords, type Programme, subjects, subjectWords } from './study.views.js';

/** A saved programme's other aims, and this many empty rows for new ones. */
export const blankAimRows = 2;

/** The form's fields from a saved programme, named as the page names them. */
export function formOf(programme: Programme): FormBody {
  const form: FormBody = {
    learnerReference: programme.learnerReference ?? '',
    plannedHours: programme.plannedHours === null ? '' : String(programme.plannedHours),
  };
  for (const subject of subjects) {
    const aim = programme[subject];
    form[`${subject}Level`] = aim?.level ?? '';
    form[`${subject}Qualification`] = aim?.qualification ?? '';
    form[`${subject}Achieved`] = aim ? (aim.achieved ? 'yes' : 'no') : '';
    Object.assign(form, dateFields(`${subject}AchievedOn`, aim?.achievedOn));
  }
  programme.otherAims.forEach((aim, index) => {
    form[`aim${index}Kind`] = aim.kind;
    form[`aim${index}Title`] = aim.title;
    form[`aim${index}Achieved`] = aim.achieved ? 'yes' : 'no';
    Object.assign(form, dateFields(`aim${index}AchievedOn`, aim.achievedOn));
  });
  return form;
}

function dateFields(name: string, value: string | undefined): FormBody {
  const parts = datePartsOf(value);
  return { [`${name}-day`]: parts.day ?? '', [`${name}-month`]: parts.month ?? '', [`${name}-year`]: parts.year ?? '' };
}

export const aimRowsOf = (form: FormBody) => {
  let rows = 0;
  while (form[`aim${rows}Title`] !== undefined) rows += 1;
  return rows;
};

function AchievedFields(props: { prefix: string; what: string; form: FormBody; errors: FieldErrors }) {
  const { prefix, form, errors } = props;
  return (
    <>
      <Radios
        name={`${prefix}Achieved`}
        legend={`Has ${props.what} been achieved?`}
        legendSize="s"
        inline
        small
        items={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
        value={text(form, `${prefix}Achieved`)}
        error={errors[`${prefix}Achieved`]}
      />
      <DateInput
        name={`${prefix}AchievedOn`}
        legend={`Day ${props.what} was achieved (optional)`}
        legendSize="s"
        hint="Only when it is achieved. For example, 20 3 2027."
        value={datePartsFrom(form, `${prefix}AchievedOn`)}
        error={errors[`${prefix}AchievedOn`]}
      />
    </>
  );
}

/** An English or maths aim: its level, qualification and whether it is achieved. */
export function SubjectFields(props: { subject: (typeof subjects)[number]; form: FormBody; errors: FieldErrors }) {
  const { subject, form, errors } = props;
  return (
    <Fieldset legend={subjectWords[subject]} legendSize="m">
      <Select
        name={`${subject}Level`}
        label={`${subjectWords[subject]} level`}
        items={[
          { value: '', text: `No ${subjectWords[subject].toLowerCase()} aim` },
          ...studyLevels.map((level) => ({ value: level, text: levelWords[level] })),
        ]}
        value={text(form, `${subject}Level`)}
        error={errors[`${subject}Level`]}
      />
      <Input
        name={`${subject}Qualification`}
        label={`${subjectWords[subject]} qualification (optional)`}
        hint="For example, Functional Skills."
        value={text(form, `${subject}Qualification`)}
        error={errors[`${subject}Qualification`]}
      />
      <AchievedFields prefix={subject} what={subjectWords[subject].toLowerCase()} form={form} errors={errors} />
    </Fieldset>
  );
}

/** One employability or other aim, in the young person's words. */
export function OtherAimFields(props: { index: number; form: FormBody; errors: FieldErrors }) {
  const { index, form, errors } = props;
  return (
    <Fieldset legend={`Aim ${index + 1}`} legendSize="s">
      <Select
        name={`aim${index}Kind`}
        label={`Kind of aim ${index + 1}`}
        items={otherAimKinds.map((kind) => ({ value: kind, text: kindWords[kind] }))}
        value={text(form, `aim${index}Kind`)}
        error={errors[`aim${index}Kind`]}
      />
      <Input
        name={`aim${index}Title`}
        label={`Aim ${index + 1}`}
        hint="In words the young person understands, for example: Travel to work on my own."
        value={text(form, `aim${index}Title`)}
        error={errors[`aim${index}Title`]}
      />
      <AchievedFields prefix={`aim${index}`} what={`aim ${index + 1}`} form={form} errors={errors} />
    </Fieldset>
  );
}

/**
 * The API's fields for the form's, and how each is named in a message. `filled` holds the page's
 * row of each aim the API received, so a problem with the API's aim 0 lands beside the row it came from.
 */
export function programmeWording(filled: number[]): FormWording {
  const wording: FormWording = {
    learnerReference: { label: 'The learner reference' },
    plannedHours: { label: 'The planned hours', whenWrong: 'Enter the planned hours as a whole number, like 600' },
  };
  for (const subject of subjects) {
    const name = subjectWords[subject].toLowerCase();
    wording[`${subject}.level`] = { id: `${subject}Level`, label: `The ${name} level` };
    wording[`${subject}.qualification`] = { id: `${subject}Qualification`, label: `The ${name} qualification` };
    wording[`${subject}.achieved`] = {
      id: `${subject}Achieved`,
      label: `Whether ${name} is achieved`,
      whenEmpty: `Choose whether ${name} is achieved`,
    };
    wording[`${subject}.achievedOn`] = { id: `${subject}AchievedOn`, label: `The day ${name} was achieved` };
  }
  filled.forEach((row, index) => {
    const aim = `aim ${row + 1}`;
    wording[`otherAims.${index}.kind`] = {
      id: `aim${row}Kind`,
      label: `The kind of ${aim}`,
      whenWrong: `Choose the kind of ${aim}`,
    };
    wording[`otherAims.${index}.title`] = { id: `aim${row}Title`, label: `Aim ${row + 1}` };
    wording[`otherAims.${index}.achieved`] = {
      id: `aim${row}Achieved`,
      label: `Whether ${aim} is achieved`,
      whenEmpty: `Choose whether ${aim} is achieved`,
    };
    wording[`otherAims.${index}.achievedOn`] = { id: `aim${row}AchievedOn`, label: `The day ${aim} was achieved` };
  });
  return wording;
}
