import { type Actor, authorize } from '../auth/policy.js';
import { isDuplicateKey } from '../core/db/mongo.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, forbidden, notFound, unprocessable } from '../core/errors.js';
import { type AccessToWorkAccess, problem } from './access-to-work.access.js';
import type { AccessToWorkClaim, Award } from './access-to-work.repository.js';
import {
  type ClaimStep,
  claimSteps,
  claimTransitions,
  draftClaimFigures,
  monthBounds,
  monthOf,
} from './access-to-work.rules.js';

export interface ClaimStepInput {
  sign: { signedBy: string; signedOn: string };
  send: { sentOn: string };
  pay: { paidOn: string; amountPence: number };
  query: { queriedOn: string; question: string };
}

/** The award's job coach support lines with their hours and cost an hour: what a claim is drafted from. */
function claimableLines(award: Award | undefined) {
  return (award?.lines ?? []).flatMap((line) =>
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
}

/** What a step records, and what is wrong with its dates: none in the future, none before the step it follows. */
function stepChange<S extends ClaimStep>(current: AccessToWorkClaim, step: S, raw: ClaimStepInput[S], today: string) {
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

/**
 * The monthly claims: drafted from the weekly logs' job coaching hours, then signed, sent, paid or
 * queried; read one by one, for a young person, or for the whole provider.
 */
export class AccessToWorkClaims {
  readonly #access: AccessToWorkAccess;

  constructor(access: AccessToWorkAccess) {
    this.#access = access;
  }

  /**
   * Every claim of the caller's provider, each with the young person's name and the AtW reference
   * the DWP claim form asks for. For the provider's job coaches and admins only.
   */
  async providerClaims(actor: Actor) {
    if (!actor.providerId) throw forbidden('Only the provider’s staff can download its Access to Work claims.');
    authorize(actor, 'provider.access_to_work_claims', { type: 'provider', id: actor.providerId });
    const claims = await this.#access.records.claimsOfProvider(actor.providerId);
    const ids = [...new Set(claims.map((claim) => claim.youngPersonId))];
    const [names, cases] = await Promise.all([this.#access.internships.names(ids), this.#access.records.casesOf(ids)]);
    const references = new Map(cases.map((found) => [found.youngPersonId, found.application?.reference]));
    return claims.map((claim) => ({
      claim,
      youngPersonName: names.get(claim.youngPersonId) ?? '',
      reference: references.get(claim.youngPersonId) ?? null,
    }));
  }

  /** One claim with what the DWP claim form asks for beside it: the claimant's name and the AtW reference. */
  async claimForm(actor: Actor, youngPersonId: string, claimId: string) {
    const { person, mayWrite } = await this.#access.authorized(actor, youngPersonId, 'read');
    const [claim, found] = await Promise.all([
      this.#access.records.claim(youngPersonId, claimId),
      this.#access.records.caseOf(youngPersonId),
    ]);
    if (!claim) throw notFound('Claim');
    const nextSteps = mayWrite ? claimSteps.filter((step) => claimTransitions[step].from.includes(claim.state)) : [];
    return { claim, nextSteps, preferredName: person.preferredName, reference: found?.application?.reference ?? null };
  }

  async claims(actor: Actor, youngPersonId: string): Promise<AccessToWorkClaim[]> {
    await this.#access.authorized(actor, youngPersonId, 'read');
    return this.#access.records.claimsOf(youngPersonId);
  }

  async claim(actor: Actor, youngPersonId: string, claimId: string): Promise<AccessToWorkClaim> {
    await this.#access.authorized(actor, youngPersonId, 'read');
    const found = await this.#access.records.claim(youngPersonId, claimId);
    if (!found) throw notFound('Claim');
    return found;
  }

  async draftClaim(actor: Actor, youngPersonId: string, month: string, requestId: string): Promise<AccessToWorkClaim> {
    const { person, internship } = await this.#access.authorized(actor, youngPersonId, 'write');
    const today = this.#access.today();
    if (month > monthOf(today)) throw unprocessable([problem('month', 'is a month that has not begun')]);
    if (!internship?.startedOn)
      throw new ApiError('conflict', 'The internship has not started, so there are no weekly logs to claim for.');
    if (monthBounds(month).last < internship.startedOn)
      throw unprocessable([problem('month', `is before the internship started (${internship.startedOn})`)]);
    const lines = claimableLines((await this.#access.records.caseOf(youngPersonId))?.award);
    if (lines.length === 0)
      throw new ApiError('conflict', 'Record an award with job coach support before drafting a claim.');
    const logs = await this.#access.internships.coachingWeeks(internship.id);
    const figures = draftClaimFigures({
      month,
      today,
      startedOn: internship.startedOn,
      ...(internship.endedOn ? { endedOn: internship.endedOn } : {}),
      lines,
      logs,
    });
    try {
      return await inTransaction(this.#access.mongo, async (session) => {
        const claim = await this.#access.records.insertClaim(
          {
            ...figures,
            youngPersonId,
            providerId: person.providerId,
            month,
            state: 'draft',
            draftedBy: { accountId: actor.accountId, role: actor.role },
            draftedAt: this.#access.clock.now(),
          },
          session,
        );
        await this.#access.audit.success(
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
    await this.#access.authorized(actor, youngPersonId, 'write');
    const current = await this.#access.records.claim(youngPersonId, claimId);
    if (!current) throw notFound('Claim');
    const transition = claimTransitions[step];
    const refuse = () =>
      new ApiError('conflict', `A claim that is ${current.state} cannot be moved this way.`, {
        details: { state: current.state, allowedFrom: transition.from },
      });
    if (!transition.from.includes(current.state)) throw refuse();
    const { change, problems } = stepChange(current, step, input, this.#access.today());
    if (problems.length > 0) throw unprocessable(problems);
    return inTransaction(this.#access.mongo, async (session) => {
      const moved = await this.#access.records.moveClaim(
        claimId,
        transition.from,
        { ...change, state: transition.to },
        session,
      );
      if (!moved) throw refuse();
      await this.#access.audit.success(
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
}
