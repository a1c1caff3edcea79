import { type Actor, decide } from '../auth/policy.js';
import type { InternshipFact, PlannedIntern } from '../read-models/internships.js';
import { type AccessToWorkAccess, latestStarted, placementStartOf } from './access-to-work.access.js';
import { fundedUntil } from './access-to-work.case.js';
import type { AccessToWorkCase } from './access-to-work.repository.js';
import {
  type AccessToWorkTask,
  type AccessToWorkTaskKind,
  accessToWorkTasks,
  type ClaimState,
  previousClaimMonth,
} from './access-to-work.rules.js';

/** What each task asks of the job coach, and what its date is, in the words their home page shows. */
const taskWords: Record<AccessToWorkTaskKind, { title: string; dateLabel: string }> = {
  application_late: {
    title: 'Send the Access to Work application. Nothing is recorded as sent.',
    dateLabel: 'Could be sent from',
  },
  reconsideration_closing: {
    title: 'If the Access to Work award is not right, ask for a reconsideration.',
    dateLabel: 'Ask by',
  },
  renewal_open: { title: 'Apply to renew the Access to Work award.', dateLabel: 'The award ends on' },
  claim_late: { title: 'Send last month’s Access to Work claim.', dateLabel: 'It was due by' },
};

/** One Access to Work task on a job coach's home, about one young person on their caseload. */
export interface AccessToWorkTaskView extends AccessToWorkTask {
  title: string;
  dateLabel: string;
  youngPerson: { id: string; preferredName: string };
  path: string;
}

/** The tasks of one young person's case today, in the words the job coach's home shows. */
function tasksOfPerson(
  today: string,
  person: PlannedIntern,
  matches: InternshipFact[],
  found: AccessToWorkCase | undefined,
  claims: Map<string, ClaimState>,
): AccessToWorkTaskView[] {
  const internship = latestStarted(matches);
  const until = fundedUntil(found?.award);
  const tasks = accessToWorkTasks({
    today,
    placementStart: placementStartOf(person, internship),
    ...(internship?.startedOn ? { startedOn: internship.startedOn } : {}),
    ...(internship?.endedOn ? { endedOn: internship.endedOn } : {}),
    ...(found?.application?.sentOn ? { sentOn: found.application.sentOn } : {}),
    ...(found?.award && until
      ? {
          award: {
            letterDate: found.award.letterDate,
            fundedUntil: until,
            coachingLines: found.award.lines.filter((line) => line.kind === 'job_coach'),
          },
        }
      : {}),
    claims,
  });
  return tasks.map((task) => ({
    ...task,
    ...taskWords[task.kind],
    youngPerson: { id: person.id, preferredName: person.preferredName },
    path: `/young-people/${person.id}/access-to-work`,
  }));
}

/**
 * What a job coach must do today about the Access to Work of the young people they support:
 * applications late, reconsiderations closing, renewals open and claims not sent by the 10th.
 * Only a job coach has such tasks; the policy decides, young person by young person.
 */
export async function coachTasks(access: AccessToWorkAccess, actor: Actor): Promise<AccessToWorkTaskView[]> {
  if (actor.role !== 'job_coach' || !actor.providerId) return [];
  const caseload = await access.internships.caseloadOf(actor.accountId, actor.providerId);
  const people = caseload.filter(
    (person) =>
      decide(actor, 'access_to_work.write', {
        type: 'access_to_work',
        youngPersonId: person.id,
        providerId: person.providerId,
        hostEmployerIds: [],
      }) === 'allow',
  );
  if (people.length === 0) return [];
  const today = access.today();
  const ids = people.map((person) => person.id);
  const [cases, claimStates, internships] = await Promise.all([
    access.records.casesOf(ids),
    access.records.claimStatesOf(ids, previousClaimMonth(today).month),
    Promise.all(ids.map((id) => access.internships.internships(id))),
  ]);
  const caseOf = new Map(cases.map((found) => [found.youngPersonId, found]));
  return people.flatMap((person, index) =>
    tasksOfPerson(
      today,
      person,
      internships[index] ?? [],
      caseOf.get(person.id),
      claimStates.get(person.id) ?? new Map(),
    ),
  );
}
