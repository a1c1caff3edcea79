import type { Actor } from '../auth/policy.js';
import { ApiError, type FieldProblem, unprocessable } from '../core/errors.js';
import { type AccessToWorkAccess, placementStartOf, problem } from './access-to-work.access.js';
import { caseView } from './access-to-work.case.js';
import type { ApplicationInput, AwardInput } from './access-to-work.schemas.js';

/** What is wrong with an application: a date sent in the future or after the award letter, a signer without a name. */
function applicationProblems(input: ApplicationInput, today: string, letterDate: string | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.sentOn && input.sentOn > today) problems.push(problem('sentOn', 'is in the future'));
  if (input.signer === 'appointee' && !input.appointeeName)
    problems.push(problem('appointeeName', 'is needed when the appointee signs'));
  if (input.signer === 'young_person' && input.appointeeName)
    problems.push(problem('appointeeName', 'is only for when the appointee signs'));
  if (letterDate && input.sentOn && letterDate < input.sentOn)
    problems.push(problem('sentOn', `is after the award letter’s date (${letterDate})`));
  return problems;
}

/**
 * What is wrong with an award: a letter in the future or before the application was sent, a line
 * ending before it starts, hours and cost an hour missing from job coach support or given to other
 * help, and job coach support lines that overlap.
 */
function awardProblems(input: AwardInput, today: string, sentOn: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.letterDate > today) problems.push(problem('letterDate', 'is in the future'));
  if (input.letterDate < sentOn) problems.push(problem('letterDate', `is before the application was sent (${sentOn})`));
  input.lines.forEach((line, index) => {
    const at = (field: string) => `lines.${index}.${field}`;
    if (line.endsOn < line.startsOn)
      problems.push(problem(at('endsOn'), `is before the line starts (${line.startsOn})`));
    if (line.kind === 'job_coach') {
      if (line.hoursPerWeek === undefined)
        problems.push(problem(at('hoursPerWeek'), 'is needed for job coach support'));
      if (line.costPerHourPence === undefined)
        problems.push(problem(at('costPerHourPence'), 'is needed for job coach support'));
    } else {
      if (line.hoursPerWeek !== undefined) problems.push(problem(at('hoursPerWeek'), 'is only for job coach support'));
      if (line.costPerHourPence !== undefined)
        problems.push(problem(at('costPerHourPence'), 'is only for job coach support'));
    }
  });
  const coaching = input.lines.filter((line) => line.kind === 'job_coach');
  coaching.forEach((line, index) => {
    const overlapping = coaching.findIndex(
      (other, otherIndex) => otherIndex < index && other.startsOn <= line.endsOn && line.startsOn <= other.endsOn,
    );
    if (overlapping >= 0)
      problems.push(
        problem(`lines.${input.lines.indexOf(line)}.startsOn`, 'overlaps another job coach support line’s dates'),
      );
  });
  return problems;
}

/** Recording the application to DWP and the award its letter brings, by the provider's staff. */
export class AccessToWorkAwards {
  readonly #access: AccessToWorkAccess;

  constructor(access: AccessToWorkAccess) {
    this.#access = access;
  }

  async saveApplication(actor: Actor, youngPersonId: string, input: ApplicationInput, requestId: string) {
    const { person, internship } = await this.#access.authorized(actor, youngPersonId, 'write');
    const current = await this.#access.records.caseOf(youngPersonId);
    const problems = applicationProblems(input, this.#access.today(), current?.award?.letterDate);
    if (problems.length > 0) throw unprocessable(problems);
    const saved = await this.#access.saveCase(actor, person, { application: input }, requestId);
    return caseView(youngPersonId, saved, placementStartOf(person, internship), this.#access.today());
  }

  async saveAward(actor: Actor, youngPersonId: string, input: AwardInput, requestId: string) {
    const { person, internship } = await this.#access.authorized(actor, youngPersonId, 'write');
    const current = await this.#access.records.caseOf(youngPersonId);
    const sentOn = current?.application?.sentOn;
    if (!sentOn)
      throw new ApiError('conflict', 'Record the day the application was sent before the award.', {
        details: [{ path: 'application.sentOn', in: 'body', message: 'is not recorded yet' }],
      });
    const problems = awardProblems(input, this.#access.today(), sentOn);
    if (problems.length > 0) throw unprocessable(problems);
    const saved = await this.#access.saveCase(actor, person, { award: input }, requestId);
    return caseView(youngPersonId, saved, placementStartOf(person, internship), this.#access.today());
  }
}
