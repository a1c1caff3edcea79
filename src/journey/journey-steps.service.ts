import type { ClientSession } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { isoDate } from '../core/dates.js';
import { type ApiError, notFound } from '../core/errors.js';
import type { EmployerFact, PlacementFact, PlacementFacts } from '../read-models/placements.js';
import { journeyResource, partiesOf } from './journey.access.js';
import {
  allowedNextSteps,
  checkStep,
  type JourneyAction,
  type JourneyParty,
  type JourneyStep,
} from './journey.machine.js';
import type { ActedBy, StepFields } from './journey.model.js';
import type { Journey, JourneysRepository } from './journey.repository.js';
import { notNowError, wrongPartyError } from './journey-errors.js';

/** What an audit entry of a match records: a journey step, or one of the writes that are not steps (the proposal, correcting a weekly log). */
export type AuditedAction = JourneyAction | 'propose' | 'correct_log';

/** The step a caller is about to take, with who they are in it. */
export interface AuthorizedStep {
  match: Journey;
  step: JourneyStep;
  party: JourneyParty;
  by: ActedBy;
}

/**
 * What every step of the journey goes through: the match read through the policy, the step checked
 * against the journey table for the caller's side, the move that lands only from the state it was
 * checked in, and the audit entry written in the same transaction.
 */
export class JourneySteps {
  private readonly matches: JourneysRepository;
  private readonly placementFacts: PlacementFacts;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    matches: JourneysRepository;
    placementFacts: PlacementFacts;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.matches = options.matches;
    this.placementFacts = options.placementFacts;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  today(): string {
    return isoDate(this.clock.now());
  }

  /** Loads a match the actor may read, with the sides of it they act for. */
  async get(actor: Actor, id: string): Promise<{ match: Journey; parties: JourneyParty[] }> {
    const match = await this.matches.byId(id);
    if (!match) throw notFound('Placement match');
    const resource = journeyResource(match);
    authorize(actor, 'placement_match.read', resource);
    return { match, parties: partiesOf(actor, resource) };
  }

  /** Checks the journey table and the policy for this actor, this action, this match, now. */
  async authorizeStep(actor: Actor, id: string, action: JourneyAction): Promise<AuthorizedStep> {
    const { match, parties } = await this.get(actor, id);
    const check = checkStep(match.state, action, parties);
    if (check.outcome === 'wrong_party') throw wrongPartyError(action, check.by);
    if (check.outcome === 'not_now') throw notNowError(check.state, action, check.allowedNextSteps);
    return {
      match,
      step: check.step,
      party: parties.find((party) => check.step.by.includes(party))!,
      by: { accountId: actor.accountId, role: actor.role },
    };
  }

  /** The match's placement and its employer, for the steps that check the placement's dates or the employer. */
  async placementOf(match: Journey): Promise<{ placement: PlacementFact; employer: EmployerFact }> {
    const found = await this.placementFacts.withEmployer(match.placementId);
    if (!found) throw notFound('Placement');
    return found;
  }

  /** Moves the match along `step` inside the transaction; 409 if someone else moved it first. */
  async move(
    actor: Actor,
    { match, step, by }: AuthorizedStep,
    set: StepFields,
    requestId: string,
    session: ClientSession,
    details: Record<string, unknown> = {},
  ): Promise<Journey> {
    const moved = await this.matches.changeState(
      match.id,
      { from: step.from, to: step.to, action: step.action, by, at: this.clock.now(), set },
      session,
    );
    if (!moved) throw await this.stateChanged(match.id, step.action, session);
    await this.auditStep(actor, moved, step.action, requestId, session, { from: step.from, to: step.to, ...details });
    return moved;
  }

  /** The audit entry of one step of a match (the journey's and the progress records'). */
  async auditStep(
    actor: Actor,
    match: Journey,
    action: AuditedAction,
    requestId: string,
    session: ClientSession,
    details: Record<string, unknown>,
  ) {
    await this.audit.success(
      `placement_match.${action}`,
      actor,
      {
        target: { type: 'placement_match', id: match.id },
        subjectId: match.youngPersonId,
        requestId,
        details: { placementId: match.placementId, employerId: match.employerId, ...details },
      },
      session,
    );
  }

  /** Inside a step's transaction (a weekly log, a review): 409 if the match has left `state` meanwhile. */
  async requireState(
    id: string,
    state: Journey['state'],
    action: JourneyAction,
    session: ClientSession,
  ): Promise<void> {
    const current = await this.matches.byId(id, session);
    if (current?.state !== state) throw await this.stateChanged(id, action, session);
  }

  /** The match moved on while this step was being taken: 409 with where it is now. */
  async stateChanged(id: string, action: JourneyAction, session: ClientSession): Promise<ApiError> {
    const current = await this.matches.byId(id, session);
    return current ? notNowError(current.state, action, allowedNextSteps(current.state)) : notFound('Placement match');
  }
}
