import { type Actor, journeyScope } from '../auth/policy.js';
import type { NamesReadModel } from '../read-models/names.js';
import { journeyResource, partiesOf } from './journey.access.js';
import { awaitingEmployerStates, isActive, journeyStates } from './journey.machine.js';
import type { Journey, JourneysRepository } from './journey.repository.js';
import { type MatchView, matchView } from './journey.views.js';
import type { JourneySteps } from './journey-steps.service.js';
import { labelsFor, type MatchLabels } from './match-labels.js';

/** The job coach of a journey, as the parties to it may reach them. */
export interface JobCoachContact {
  id: string;
  name: string;
  email: string;
}

export interface MatchListQuery {
  state?: Journey['state'];
  /** Any of these states (the web pages' lists; the API takes one `state`). */
  states?: Journey['state'][];
  /** Only those waiting for the employer's decision (true), or only the others (false). */
  awaitingEmployer?: boolean;
  youngPersonId?: string;
  placementId?: string;
  /** Only this job coach's caseload. */
  jobCoachId?: string;
  limit: number;
  offset: number;
}

/**
 * Reading journeys: the matches a caller may see, each shaped and redacted for them, with the names
 * shown beside them and the job coach's contact while it is theirs to have.
 */
export class JourneyReadingService {
  private readonly matches: JourneysRepository;
  private readonly steps: JourneySteps;
  private readonly names: NamesReadModel;

  constructor(options: { matches: JourneysRepository; steps: JourneySteps; names: NamesReadModel }) {
    this.matches = options.matches;
    this.steps = options.steps;
    this.names = options.names;
  }

  async list(actor: Actor, query: MatchListQuery) {
    const scope = journeyScope(actor);
    if (!scope) return { items: [], total: 0 };
    const youngPersonIds = query.youngPersonId
      ? scope.youngPersonIds && !scope.youngPersonIds.includes(query.youngPersonId)
        ? []
        : [query.youngPersonId]
      : scope.youngPersonIds;
    const states = query.state
      ? [query.state]
      : query.awaitingEmployer === undefined
        ? query.states
        : journeyStates.filter((state) => awaitingEmployerStates.includes(state) === query.awaitingEmployer);
    return this.matches.list(
      {
        ...scope,
        ...(youngPersonIds ? { youngPersonIds } : {}),
        ...(states ? { states } : {}),
        ...(query.placementId ? { placementId: query.placementId } : {}),
        ...(query.jobCoachId ? { jobCoachId: query.jobCoachId } : {}),
      },
      query,
    );
  }

  /**
   * The job coach's name and work email for a party of this journey (the caller got the match
   * through `get`, which asked the policy). An employer reaches the coach only while the journey is
   * still going somewhere; after it ends, the contact is no longer theirs to have.
   */
  async coachContact(actor: Actor, match: Journey): Promise<{ name: string; email: string } | undefined> {
    if (!match.jobCoachId) return undefined;
    if (actor.role === 'employer' && !isActive(match.state)) return undefined;
    return this.names.accountContact(match.jobCoachId);
  }

  /** The name of whoever answered the proposal, when a parent or carer answered it for the young person. */
  async answeredForYoungPersonBy(match: Pick<Journey, 'youngPersonResponse'>): Promise<string | undefined> {
    const by = match.youngPersonResponse?.by;
    if (by?.role !== 'delegate') return undefined;
    return (await this.names.accountNames([by.accountId])).get(by.accountId) ?? 'Someone who helps you';
  }

  /** The name of the job coach of a match, for telling the young person who supports them. */
  async coachName(match: Pick<Journey, 'jobCoachId'>): Promise<string | undefined> {
    if (!match.jobCoachId) return undefined;
    return (await this.names.accountNames([match.jobCoachId])).get(match.jobCoachId);
  }

  /** The names shown beside matches the caller has already been allowed to read. */
  async labels(matches: Journey[]): Promise<MatchLabels> {
    return labelsFor(matches, this.names);
  }

  /**
   * Matches the caller has been allowed to read, each as they may see it: shaped and redacted for
   * their role and the sides of the journey they act for.
   */
  async viewsOf(actor: Actor, matches: Journey[]) {
    const labels = await this.labels(matches);
    return matches.map((match) =>
      matchView(match, { role: actor.role, parties: partiesOf(actor, journeyResource(match)) }, labels),
    );
  }

  /** One match as the caller may see it, with the job coach's work contact while it is theirs to have. */
  async viewOf(actor: Actor, match: Journey): Promise<MatchView & { jobCoach?: JobCoachContact }> {
    const [views, coach] = await Promise.all([this.viewsOf(actor, [match]), this.coachContact(actor, match)]);
    const view = views[0]!;
    return coach && match.jobCoachId ? { ...view, jobCoach: { id: match.jobCoachId, ...coach } } : view;
  }

  /** Reads a match through the policy and returns it with its view for the caller. */
  async view(actor: Actor, id: string) {
    const { match } = await this.steps.get(actor, id);
    return { match, view: await this.viewOf(actor, match) };
  }
}
