import type { Actor } from '../auth/policy.js';
import { AccessToWorkAccess, type AccessToWorkDependencies } from './access-to-work.access.js';
import { AccessToWorkAwards } from './access-to-work.award.js';
import { AccessToWorkCases } from './access-to-work.case.js';
import { AccessToWorkClaims, type ClaimStepInput } from './access-to-work.claims.js';
import type { AccessToWorkClaim } from './access-to-work.repository.js';
import type { ClaimStep } from './access-to-work.rules.js';
import type { ApplicationInput, AwardInput } from './access-to-work.schemas.js';
import { type AccessToWorkTaskView, coachTasks } from './access-to-work.tasks.js';

export type { ClaimStepInput } from './access-to-work.claims.js';
export type { AccessToWorkTaskView } from './access-to-work.tasks.js';

/**
 * Access to Work for one young person: the application, the award from DWP's letter, the dates that
 * follow from them, and monthly claims drafted from the weekly logs' job coaching hours. The
 * provider's staff write; the young person and a delegate read; a hosting employer learns only the
 * funded-until date. No figure from here goes to a search index, a log line or an email.
 * The one door the routes, pages and other features use: reading the case (access-to-work.case.ts),
 * recording the application and award (access-to-work.award.ts), the claims (access-to-work.claims.ts)
 * and the job coach's tasks (access-to-work.tasks.ts).
 */
export class AccessToWorkService {
  readonly #access: AccessToWorkAccess;
  readonly #cases: AccessToWorkCases;
  readonly #awards: AccessToWorkAwards;
  readonly #claims: AccessToWorkClaims;

  constructor(options: AccessToWorkDependencies) {
    this.#access = new AccessToWorkAccess(options);
    this.#cases = new AccessToWorkCases(this.#access);
    this.#awards = new AccessToWorkAwards(this.#access);
    this.#claims = new AccessToWorkClaims(this.#access);
  }

  overview(actor: Actor, youngPersonId: string) {
    return this.#cases.overview(actor, youngPersonId);
  }

  coachTasks(actor: Actor): Promise<AccessToWorkTaskView[]> {
    return coachTasks(this.#access, actor);
  }

  journeyDates(actor: Actor, youngPersonId: string) {
    return this.#cases.journeyDates(actor, youngPersonId);
  }

  caseOf(actor: Actor, youngPersonId: string) {
    return this.#cases.caseOf(actor, youngPersonId);
  }

  funding(actor: Actor, youngPersonId: string) {
    return this.#cases.funding(actor, youngPersonId);
  }

  saveApplication(actor: Actor, youngPersonId: string, input: ApplicationInput, requestId: string) {
    return this.#awards.saveApplication(actor, youngPersonId, input, requestId);
  }

  saveAward(actor: Actor, youngPersonId: string, input: AwardInput, requestId: string) {
    return this.#awards.saveAward(actor, youngPersonId, input, requestId);
  }

  providerClaims(actor: Actor) {
    return this.#claims.providerClaims(actor);
  }

  claimForm(actor: Actor, youngPersonId: string, claimId: string) {
    return this.#claims.claimForm(actor, youngPersonId, claimId);
  }

  claims(actor: Actor, youngPersonId: string): Promise<AccessToWorkClaim[]> {
    return this.#claims.claims(actor, youngPersonId);
  }

  claim(actor: Actor, youngPersonId: string, claimId: string): Promise<AccessToWorkClaim> {
    return this.#claims.claim(actor, youngPersonId, claimId);
  }

  draftClaim(actor: Actor, youngPersonId: string, month: string, requestId: string): Promise<AccessToWorkClaim> {
    return this.#claims.draftClaim(actor, youngPersonId, month, requestId);
  }

  moveClaim<S extends ClaimStep>(
    actor: Actor,
    youngPersonId: string,
    claimId: string,
    step: S,
    input: ClaimStepInput[S],
    requestId: string,
  ): Promise<AccessToWorkClaim> {
    return this.#claims.moveClaim(actor, youngPersonId, claimId, step, input, requestId);
  }
}
