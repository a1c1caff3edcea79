import { SummaryList } from '../web/components/SummaryList.js';
import { WarningText } from '../web/components/WarningText.js';
import { longDate, type PersonPage } from '../web/young-person.js';
import { levelWords } from './study.rules.js';
import {
  AttendanceTable,
  type EnglishOrMaths,
  kindWords,
  percentWords,
  type StudyOverview,
  subjects,
  subjectWords,
} from './study.views.js';

/** An English or maths aim in the young person's words. */
function aimSentence(subject: string, aim: EnglishOrMaths, you: string) {
  const towards = aim.qualification ? `, working towards ${aim.qualification}` : '';
  if (aim.achieved)
    return `${subject} at ${levelWords[aim.level]}${towards}: ${you} did it${aim.achievedOn ? ` on ${longDate(aim.achievedOn)}` : ''}.`;
  return `${subject} at ${levelWords[aim.level]}${towards}: ${you} are still working on it.`;
}

/** The young person's (or their delegate's) page: what they are learning and how often they came, in plain words. */
export function PlainWords(props: { overview: StudyOverview; page: PersonPage }) {
  const { overview, page } = props;
  const { programme, total } = overview;
  const you = page.asDelegate ? overview.preferredName : 'you';
  const aims = [
    ...subjects.flatMap((subject) => {
      const aim = programme[subject];
      return aim ? [aimSentence(subjectWords[subject], aim, you)] : [];
    }),
    ...programme.otherAims.map((aim) =>
      aim.achieved
        ? `${aim.title}: done${aim.achievedOn ? ` on ${longDate(aim.achievedOn)}` : ''}.`
        : `${aim.title}: still working on it.`,
    ),
  ];
  return (
    <>
      <p class="govuk-body">
        An internship is work and learning together. This page shows what {you} are learning, and how often {you} came.
      </p>
      <h2 class="govuk-heading-m">What {page.asDelegate ? `${overview.preferredName} is` : 'you are'} learning</h2>
      {aims.length > 0 ? (
        <ul class="govuk-list govuk-list--bullet">
          {aims.map((aim) => (
            <li>{aim}</li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">The job coach has not written this down yet.</p>
      )}
      <h2 class="govuk-heading-m">How often {you} came</h2>
      {total.daysExpected > 0 ? (
        <p class="govuk-body">
          {page.asDelegate ? `${overview.preferredName} came` : 'You came'} on {total.daysAttended} of the{' '}
          {total.daysExpected} days {you} were expected. That is {total.percent}%.
        </p>
      ) : (
        <p class="govuk-body">Nothing is written down yet.</p>
      )}
    </>
  );
}

/** The provider's view: the programme as recorded, and each internship's attendance with a link to record a week. */
export function StaffView(props: { overview: StudyOverview; youngPersonId: string }) {
  const { overview, youngPersonId } = props;
  const { programme } = overview;
  const aimValue = (aim: EnglishOrMaths | null) =>
    aim
      ? `${levelWords[aim.level]}${aim.qualification ? `, ${aim.qualification}` : ''}: ${
          aim.achieved ? `achieved${aim.achievedOn ? ` on ${longDate(aim.achievedOn)}` : ''}` : 'not achieved yet'
        }`
      : 'No aim';
  return (
    <>
      {programme.warnings.map((warning) => (
        <WarningText>{warning.message}</WarningText>
      ))}
      <p class="govuk-body">
        <a class="govuk-link" href={`/young-people/${youngPersonId}/study/programme`}>
          {programme.plannedHours === null ? 'Set up the study programme' : 'Change the study programme'}
        </a>
      </p>
      <SummaryList
        rows={[
          { key: 'Learner reference', value: programme.learnerReference ?? 'Not recorded' },
          {
            key: 'Planned hours this year',
            value: programme.plannedHours === null ? 'Not recorded' : String(programme.plannedHours),
          },
          { key: 'English', value: aimValue(programme.english) },
          { key: 'Maths', value: aimValue(programme.maths) },
          ...programme.otherAims.map((aim) => ({
            key: kindWords[aim.kind],
            value: `${aim.title}: ${aim.achieved ? `achieved${aim.achievedOn ? ` on ${longDate(aim.achievedOn)}` : ''}` : 'not achieved yet'}`,
          })),
        ]}
      />
      <h2 class="govuk-heading-m">Attendance</h2>
      {overview.internships.length === 0 ? <p class="govuk-body">No internship has started yet.</p> : null}
      {overview.internships.map((internship) => (
        <>
          <h3 class="govuk-heading-s">
            {internship.employerName}, from {longDate(internship.startedOn)}
          </h3>
          <p class="govuk-body">
            Attendance: {percentWords(internship.percent)}
            {internship.daysExpected > 0 ? ` (${internship.daysAttended} of ${internship.daysExpected} days)` : ''}.{' '}
            <a class="govuk-link" href={`/young-people/${youngPersonId}/study/attendance/${internship.matchId}`}>
              Record attendance<span class="govuk-visually-hidden"> at {internship.employerName}</span>
            </a>
          </p>
          {internship.weeks.length > 0 ? (
            <AttendanceTable weeks={internship.weeks} label={`Attendance at ${internship.employerName}`} />
          ) : null}
        </>
      ))}
    </>
  );
}
