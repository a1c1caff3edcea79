import type { MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize, decide, type Resource } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { addMonths } from '../core/dates.js';
import { isDuplicateKey } from '../core/db/mongo.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, forbidden, notFound, unprocessable } from '../core/errors.js';
import { startedStates } from '../journey/journey.machine.js';
import type { InternshipFact, InternshipFacts } from '../read-models/internships.js';
import type {
  AccessToWorkCase,
  AccessToWorkClaim,
  AccessToWorkRepository,
  Award,
} from './access-to-work.repository.js';
import {
  type AccessToWorkTask,
  type AccessToWorkTaskKind,
  accessToWorkTasks,
  applicationIsLate,
  applicationOpensOn,
  type ClaimStep,
  claimDue,
  claimSteps,
  claimTransitions,
  discretionaryCoachingWeeks,
  draftClaimFigures,
  intensiveCoaching,
  intensiveCoachingWeeks,
  monthBounds,
  monthOf,
  previousClaimMonth,
  reconsiderationDeadline,
  renewalOpensOn,
  todayInEngland,
} from './access-to-work.rules.js';
import type { ApplicationInput, AwardInput } from './access-to-work.schemas.js';

const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/** Employers who host the young person now: they may know until when support is funded, nothing more. */
const hostingStates = new Set<InternshipFact['state']>(['agreed', 'in_progress']);

export interface ClaimStepInput {
  sign: { signedBy: string; signedOn: string };
  send: { sentOn: string };
  pay: { paidOn: string; amountPence: number };
  query: { queriedOn: string; question: string };
}

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

/** The last day any line of the award pays for. */
export function fundedUntil(award: Award | undefined): string | null {
  if (!award) return null;
  return award.lines.reduce((latest, line) => (line.endsOn > latest ? line.endsOn : latest), award.lines[0]!.endsOn);
}

/** The internship Access to Work pays for: the latest one that started. */
function latestStarted(matches: InternshipFact[]): InternshipFact | undefined {
  return matches
    .filter((match) => startedStates.includes(match.state) && match.startedOn)
    .sort((a, b) => (a.startedOn! < b.startedOn! ? 1 : -1))[0];
}

/**
 * Access to Work for one young person: the application, the award from DWP's letter, the dates that
 * follow from them, and monthly claims drafted from the weekly logs' job coaching hours. The
 * provider's staff write; the young person and a delegate read; a hosting employer learns only the
 * funded-until date. No figure from here goes to a search index, a log line or an email.
 */
export class AccessToWorkService {
  private readonly mongo: MongoClient;
  private readonly records: AccessToWorkRepository;
  private readonly internships: InternshipFacts;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    records: AccessToWorkRepository;
    internships: InternshipFacts;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.records = options.records;
    this.internships = options.internships;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  #today(): string {
    return todayInEngland(this.clock.now());
  }

  /** The person, their internships and the policy's answer, or the policy's refusal. */
  async #authorized(actor: Actor, youngPersonId: string, action: 'read' | 'write' | 'read_funded_until') {
    const person = await this.internships.intern(youngPersonId);
    if (!person) throw notFound('Young person');
    const matches = await this.internships.internships(youngPersonId);
    const resource: Resource = {
      type: 'access_to_work',
      youngPersonId,
      providerId: person.providerId,
      hostEmployerIds: matches
        .filter((match) => hostingStates.has(match.state) && match.visibleToEmployer)
        .map((match) => match.employerId),
    };
    authorize(actor, `access_to_work.${action}`, resource);
    const mayWrite = decide(actor, 'access_to_work.write', resource) === 'allow';
    const internship = latestStarted(matches);
    return { person, internship, mayWrite };
  }

  /**
   * Everything the Access to Work page shows its reader: the case, the claims, the name, and for
   * the provider's staff the months that may still be claimed (from the internship's first month to
   * this one, newest first, the last 12 at most).
   */
  async overview(actor: Actor, youngPersonId: string) {
    const { person, internship, mayWrite } = await this.#authorized(actor, youngPersonId, 'read');
    const [found, claims] = await Promise.all([
      this.records.caseOf(youngPersonId),
      this.records.claimsOf(youngPersonId),
    ]);
    const claimed = new Set(claims.map((claim) => claim.month));
    const claimableMonths: string[] = [];
    if (mayWrite && internship?.startedOn) {
      const first = monthOf(internship.startedOn);
      for (let month = monthOf(this.#today()); month >= first && claimableMonths.length < 12; ) {
        if (!claimed.has(month)) claimableMonths.push(month);
        month = monthOf(addMonths(`${month}-01`, -1));
      }
    }
    return {
      preferredName: person.preferredName,
      mayWrite,
      case: this.#view(youngPersonId, found, internship?.startedOn ?? person.plannedStartDate ?? null),
      reference: found?.application?.reference ?? null,
      claims,
      claimableMonths,
    };
  }

  /**
   * What a job coach must do today about the Access to Work of the young people they support:
   * applications late, reconsiderations closing, renewals open and claims not sent by the 10th.
   * Only a job coach has such tasks; the policy decides, young person by young person.
   */
  async coachTasks(actor: Actor): Promise<AccessToWorkTaskView[]> {
    if (actor.role !== 'job_coach' || !actor.providerId) return [];
    const caseload = await this.internships.caseloadOf(actor.accountId, actor.providerId);
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
    const today = this.#today();
    const ids = people.map((person) => person.id);
    const [cases, claimStates, internships] = await Promise.all([
      this.records.casesOf(ids),
      this.records.claimStatesOf(ids, previousClaimMonth(today).month),
      Promise.all(ids.map((id) => this.internships.internships(id))),
    ]);
    const caseOf = new Map(cases.map((found) => [found.youngPersonId, found]));
    return people.flatMap((person, index) => {
      const found = caseOf.get(person.id);
      const internship = latestStarted(internships[index]!);
      const until = fundedUntil(found?.award);
      const tasks = accessToWorkTasks({
        today,
        placementStart: internship?.startedOn ?? person.plannedStartDate ?? null,
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
        claims: claimStates.get(person.id) ?? new Map(),
      });
      return tasks.map((task) => ({
        ...task,
        ...taskWords[task.kind],
        youngPerson: { id: person.id, preferredName: person.preferredName },
        path: `/young-people/${person.id}/access-to-work`,
      }));
    });
  }

  /**
   * The Access to Work dates a job coach or provider admin needs beside an intern's journey: the
   * case's dates, the claim due next (and whether it is late), and the weeks of intensive coaching
   * to mark on the support chart. Nothing for anyone else (an employer hosting the intern included).
   */
  async journeyDates(actor: Actor, youngPersonId: string) {
    const person = await this.internships.intern(youngPersonId);
    if (!person) return null;
    const resource: Resource = {
      type: 'access_to_work',
      youngPersonId,
      providerId: person.providerId,
      hostEmployerIds: [],
    };
    if (decide(actor, 'access_to_work.write', resource) !== 'allow') return null;
    const [matches, found, claims] = await Promise.all([
      this.internships.internships(youngPersonId),
      this.records.caseOf(youngPersonId),
      this.records.claimsOf(youngPersonId),
    ]);
    const internship = latestStarted(matches);
    const view = this.#view(youngPersonId, found, internship?.startedOn ?? person.plannedStartDate ?? null);
    const due = found?.award
      ? claimDue({
          today: this.#today(),
          coachingLines: found.award.lines.filter((line) => line.kind === 'job_coach'),
          claims: new Map(claims.map((claim) => [claim.month, claim.state])),
          ...(internship?.startedOn ? { startedOn: internship.startedOn } : {}),
          ...(internship?.endedOn ? { endedOn: internship.endedOn } : {}),
        })
      : null;
    return {
      path: `/young-people/${youngPersonId}/access-to-work`,
      applicationSentOn: found?.application?.sentOn ?? null,
      awarded: !!found?.award,
      dates: view.dates,
      claimDue: due,
      coachingWeeks: {
        intensiveUntilWeek: intensiveCoachingWeeks,
        discretionaryUntilWeek: intensiveCoachingWeeks + discretionaryCoachingWeeks,
      },
    };
  }

  /**
   * Every claim of the caller's provider, each with the young person's name and the AtW reference
   * the DWP claim form asks for. For the provider's job coaches and admins only.
   */
  async providerClaims(actor: Actor) {
    if (!actor.providerId) throw forbidden('Only the provider’s staff can download its Access to Work claims.');
    authorize(actor, 'provider.access_to_work_claims', { type: 'provider', id: actor.providerId });
    const claims = await this.records.claimsOfProvider(actor.providerId);
    const ids = [...new Set(claims.map((claim) => claim.youngPersonId))];
    const [names, cases] = await Promise.all([this.internships.names(ids), this.records.casesOf(ids)]);
    const references = new Map(cases.map((found) => [found.youngPersonId, found.application?.reference]));
    return claims.map((claim) => ({
      claim,
      youngPersonName: names.get(claim.youngPersonId) ?? '',
      reference: references.get(claim.youngPersonId) ?? null,
    }));
  }

  /** One claim with what the DWP claim form asks for beside it: the claimant's name and the AtW reference. */
  async claimForm(actor: Actor, youngPersonId: string, claimId: string) {
    const { person, mayWrite } = await this.#authorized(actor, youngPersonId, 'read');
    const [claim, found] = await Promise.all([
      this.records.claim(youngPersonId, claimId),
      this.records.caseOf(youngPersonId),
    ]);
    if (!claim) throw notFound('Claim');
    const nextSteps = mayWrite ? claimSteps.filter((step) => claimTransitions[step].from.includes(claim.state)) : [];
    return { claim, nextSteps, preferredName: person.preferredName, reference: found?.application?.reference ?? null };
  }

  async caseOf(actor: Actor, youngPersonId: string) {
    const { person, internship } = await this.#authorized(actor, youngPersonId, 'read');
    const found = await this.records.caseOf(youngPersonId);
    return this.#view(youngPersonId, found, internship?.startedOn ?? person.plannedStartDate ?? null);
  }

  async funding(actor: Actor, youngPersonId: string): Promise<{ youngPersonId: string; fundedUntil: string | null }> {
    await this.#authorized(actor, youngPersonId, 'read_funded_until');
    return { youngPersonId, fundedUntil: fundedUntil((await this.records.caseOf(youngPersonId))?.award) };
  }

  #view(youngPersonId: string, found: AccessToWorkCase | undefined, placementStart: string | null) {
    const until = fundedUntil(found?.award);
    const coaching = placementStart ? intensiveCoaching(placementStart) : undefined;
    return {
      youngPersonId,
      application: found?.application ?? null,
      award: found?.award ?? null,
      dates: {
        placementStart,
        applicationOpensOn: placementStart ? applicationOpensOn(placementStart) : null,
        applicationLate:
          !!placementStart &&
          !found?.award &&
          applicationIsLate({
            placementStart,
            today: this.#today(),
            ...(found?.application?.sentOn ? { sentOn: found.application.sentOn } : {}),
          }),
        reconsiderationDeadline: found?.award ? reconsiderationDeadline(found.award.letterDate) : null,
        fundedUntil: until,
        renewalOpensOn: until ? renewalOpensOn(until) : null,
        intensiveCoachingUntil: coaching?.intensiveUntil ?? null,
        discretionaryCoachingUntil: coaching?.discretionaryUntil ?? null,
      },
      updatedAt: found?.updatedAt.toISOString() ?? null,
    };
  }

  async saveApplication(actor: Actor, youngPersonId: string, input: ApplicationInput, requestId: string) {
    const { person, internship } = await this.#authorized(actor, youngPersonId, 'write');
    const problems: FieldProblem[] = [];
    if (input.sentOn && input.sentOn > this.#today()) problems.push(problem('sentOn', 'is in the future'));
    if (input.signer === 'appointee' && !input.appointeeName)
      problems.push(problem('appointeeName', 'is needed when the appointee signs'));
    if (input.signer === 'young_person' && input.appointeeName)
      problems.push(problem('appointeeName', 'is only for when the appointee signs'));
    const current = await this.records.caseOf(youngPersonId);
    if (current?.award && input.sentOn && current.award.letterDate < input.sentOn)
      problems.push(problem('sentOn', `is after the award letter’s date (${current.award.letterDate})`));
    if (problems.length > 0) throw unprocessable(problems);
    const saved = await inTransaction(this.mongo, async (session) => {
      const updated = await this.records.save(
        person,
        { application: input },
        { accountId: actor.accountId, role: actor.role },
        this.clock.now(),
        session,
      );
      await this.audit.success(
        'access_to_work.application',
        actor,
        { target: { type: 'access_to_work_case', id: updated.id }, subjectId: youngPersonId, requestId },
        session,
      );
      return updated;
    });
    return this.#view(youngPersonId, saved, internship?.startedOn ?? person.plannedStartDate ?? null);
  }

  async saveAward(actor: Actor, youngPersonId: string, input: AwardInput, requestId: string) {
    const { person, internship } = await this.#authorized(actor, youngPersonId, 'write');
    const current = await this.records.caseOf(youngPersonId);
    const sentOn = current?.application?.sentOn;
    if (!sentOn)
      throw new ApiError('conflict', 'Record the day the application was sent before the award.', {
        details: [{ path: 'application.sentOn', in: 'body', message: 'is not recorded yet' }],
      });
    const problems: FieldProblem[] = [];
    if (input.letterDate > this.#today()) problems.push(problem('letterDate', 'is in the future'));
    if (input.letterDate < sentOn)
      problems.push(problem('letterDate', `is before the application was sent (${sentOn})`));
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
        if (line.hoursPerWeek !== undefined)
          problems.push(problem(at('hoursPerWeek'), 'is only for job coach support'));
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
    if (problems.length > 0) throw unprocessable(problems);
    const saved = await inTransaction(this.mongo, async (session) => {
      const updated = await this.records.save(
        person,
        { award: input },
        { accountId: actor.accountId, role: actor.role },
        this.clock.now(),
        session,
      );
      await this.audit.success(
        'access_to_work.award',
        actor,
        { target: { type: 'access_to_work_case', id: updated.id }, subjectId: youngPersonId, requestId },
        session,
      );
      return updated;
    });
    return this.#view(youngPersonId, saved, internship?.startedOn ?? person.plannedStartDate ?? null);
  }

  async claims(actor: Actor, youngPersonId: string): Promise<AccessToWorkClaim[]> {
    await this.#authorized(actor, youngPersonId, 'read');
    return this.records.claimsOf(youngPersonId);
  }

  async claim(actor: Actor, youngPersonId: string, claimId: string): Promise<AccessToWorkClaim> {
    await this.#authorized(actor, youngPersonId, 'read');
    const found = await this.records.claim(youngPersonId, claimId);
    if (!found) throw notFound('Claim');
    return found;
  }

  async draftClaim(actor: Actor, youngPersonId: string, month: string, requestId: string): Promise<AccessToWorkClaim> {
    const { person, internship } = await this.#authorized(actor, youngPersonId, 'write');
    const today = this.#today();
    if (month > monthOf(today)) throw unprocessable([problem('month', 'is a month that has not begun')]);
    if (!internship?.startedOn)
      throw new ApiError('conflict', 'The internship has not started, so there are no weekly logs to claim for.');
    if (monthBounds(month).last < internship.startedOn)
      throw unprocessable([problem('month', `is before the internship started (${internship.startedOn})`)]);
    const award = (await this.records.caseOf(youngPersonId))?.award;
    const lines = (award?.lines ?? []).flatMap((line) =>
      line.kind === 'job_coach' && line.hoursPerWeek !== undefined && line.costPerHourPence !== undefined
        ? [
            {
              startsOn: line.startsOn,
              endsOn: line.endsOn,
              hoursPerWeek: line.hoursPerWeek,
              costPerHourPence: line.costPerHourPence,
            },
          ]
        : [],
    );
    if (lines.length === 0)
      throw new ApiError('conflict', 'Record an award with job coach support before drafting a claim.');
    const logs = await this.internships.coachingWeeks(internship.id);
    const figures = draftClaimFigures({
      month,
      today,
      startedOn: internship.startedOn,
      ...(internship.endedOn ? { endedOn: internship.endedOn } : {}),
      lines,
      logs,
    });
    try {
      return await inTransaction(this.mongo, async (session) => {
        const claim = await this.records.insertClaim(
          {
            ...figures,
            youngPersonId,
            providerId: person.providerId,
            month,
            state: 'draft',
            draftedBy: { accountId: actor.accountId, role: actor.role },
            draftedAt: this.clock.now(),
          },
          session,
        );
        await this.audit.success(
          'access_to_work.claim_draft',
          actor,
          {
            target: { type: 'access_to_work_claim', id: claim.id },
            subjectId: youngPersonId,
            requestId,
            details: { month },
          },
          session,
        );
        return claim;
      });
    } catch (error) {
      if (isDuplicateKey(error))
        throw new ApiError('conflict', `There is already a claim for ${month}.`, {
          details: [{ path: 'month', in: 'body', message: 'already has a claim' }],
        });
      throw error;
    }
  }

  async moveClaim<S extends ClaimStep>(
    actor: Actor,
    youngPersonId: string,
    claimId: string,
    step: S,
    input: ClaimStepInput[S],
    requestId: string,
  ): Promise<AccessToWorkClaim> {
    await this.#authorized(actor, youngPersonId, 'write');
    const current = await this.records.claim(youngPersonId, claimId);
    if (!current) throw notFound('Claim');
    const transition = claimTransitions[step];
    const refuse = () =>
      new ApiError('conflict', `A claim that is ${current.state} cannot be moved this way.`, {
        details: { state: current.state, allowedFrom: transition.from },
      });
    if (!transition.from.includes(current.state)) throw refuse();
    const { change, problems } = this.#stepChange(current, step, input);
    if (problems.length > 0) throw unprocessable(problems);
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.records.moveClaim(
        claimId,
        transition.from,
        { ...change, state: transition.to },
        session,
      );
      if (!moved) throw refuse();
      await this.audit.success(
        `access_to_work.claim_${step}`,
        actor,
        {
          target: { type: 'access_to_work_claim', id: claimId },
          subjectId: youngPersonId,
          requestId,
          details: { month: moved.month, state: moved.state },
        },
        session,
      );
      return moved;
    });
  }

  /** What a step records, and what is wrong with its dates: none in the future, none before the step it follows. */
  #stepChange<S extends ClaimStep>(current: AccessToWorkClaim, step: S, raw: ClaimStepInput[S]) {
    const today = this.#today();
    const problems: FieldProblem[] = [];
    const check = (field: string, date: string, notBefore: string | undefined, what: string) => {
      if (date > today) problems.push(problem(field, 'is in the future'));
      else if (notBefore && date < notBefore) problems.push(problem(field, `is before ${what} (${notBefore})`));
    };
    let change: Partial<AccessToWorkClaim>;
    if (step === 'sign') {
      const input = raw as ClaimStepInput['sign'];
      check('signedOn', input.signedOn, current.firstDay, 'the first day the claim covers');
      change = { signed: { by: input.signedBy, on: input.signedOn } };
    } else if (step === 'send') {
      const input = raw as ClaimStepInput['send'];
      const after = current.queried?.on ?? current.signed?.on;
      check('sentOn', input.sentOn, after, current.queried ? 'the query' : 'the claim was signed');
      change = { sent: { on: input.sentOn } };
    } else if (step === 'pay') {
      const input = raw as ClaimStepInput['pay'];
      check('paidOn', input.paidOn, current.sent?.on, 'the claim was sent');
      change = { paid: { on: input.paidOn, amountPence: input.amountPence } };
    } else {
      const input = raw as ClaimStepInput['query'];
      check('queriedOn', input.queriedOn, current.sent?.on, 'the claim was sent');
      change = { queried: { on: input.queriedOn, question: input.question } };
    }
    return { change, problems };
  }
}
