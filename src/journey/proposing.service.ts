import type { MongoClient } from 'mongodb';
import { type Actor, authorize } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { cohortYearOf } from '../core/dates.js';
import { isDuplicateKey } from '../core/db/mongo.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, unprocessable } from '../core/errors.js';
import { personFacts } from '../matching/facts.js';
import { hardLimitBreaks } from '../matching/hard-limit-reasons.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Placement } from '../placements/placements.repository.js';
import type { PlacementsService } from '../placements/placements.service.js';
import type { PlacementEmployer } from '../read-models/employers.js';
import { placementSearchDoc } from '../search-sync/documents.js';
import type { YoungPerson } from '../young-people/young-people.repository.js';
import type { YoungPeopleService } from '../young-people/young-people.service.js';
import { type EarlierProposal, earlierProposalsByPlacement } from './earlier-proposals.js';
import { journeyResource } from './journey.access.js';
import type { HardLimitOverride } from './journey.model.js';
import type { Journey, JourneysRepository } from './journey.repository.js';
import type { MatchEvidence } from './journey.schemas.js';
import { bodyProblem, readable } from './journey-errors.js';
import type { JourneySteps } from './journey-steps.service.js';

export interface ProposalInput {
  youngPersonId: string;
  placementId: string;
  note: string;
  match?: MatchEvidence;
  overrideReason?: string;
  confirmRepeat?: boolean;
}

/** The young person and the placement of a proposal, read and checked for the job coach proposing. */
interface ProposalParties {
  person: YoungPerson;
  placement: Placement;
  employer: PlacementEmployer;
}

/** Why this young person cannot be proposed for this placement as asked: each field's problem. */
function proposalProblems({ person, placement }: ProposalParties, input: ProposalInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (placement.status !== 'open')
    problems.push(bodyProblem('placementId', `is ${placement.status}; only open placements take proposals`));
  if (person.status !== 'active')
    problems.push(
      bodyProblem(
        'youngPersonId',
        `is ${readable(person.status)}; only young people looking for a placement can be proposed`,
      ),
    );
  if (input.match?.placementId && input.match.placementId !== placement.id)
    problems.push(bodyProblem('match.placement.id', 'is another placement than placementId'));
  return problems;
}

/**
 * The young person's hard limits this placement breaks, recorded with the coach's reason for going
 * ahead; 422 naming each one when the coach gave no reason. Undefined when none is broken.
 */
function hardLimitOverrideFor(
  { person, placement, employer }: ProposalParties,
  overrideReason: string | undefined,
): HardLimitOverride | undefined {
  const broken = hardLimitBreaks(personFacts(person), placementSearchDoc(placement, employer)).filter(
    (entry) => entry.limit !== 'placement_open',
  );
  if (broken.length === 0) return undefined;
  if (!overrideReason) {
    throw unprocessable(
      broken.map((entry) => ({ path: `hardLimits.${entry.limit}`, message: entry.message })),
      'This placement breaks the young person’s hard limits. Choose another, or give an overrideReason saying why it is right for them.',
    );
  }
  return { limits: broken.map((entry) => entry.limit), reason: overrideReason };
}

function alreadyProposedError(existing: Journey): ApiError {
  return new ApiError('conflict', 'This young person has already been proposed for this placement.', {
    details: { matchId: existing.id, state: existing.state },
  });
}

function proposedBeforeError(earlier: EarlierProposal): ApiError {
  return new ApiError(
    'conflict',
    `This young person was proposed for this placement before (it ended ${readable(earlier.state)}). To propose it again, send confirmRepeat: true.`,
    { details: { earlierProposal: earlier } },
  );
}

/** The first step of a journey: a job coach proposes a placement to a young person on their caseload. */
export class ProposingService {
  private readonly mongo: MongoClient;
  private readonly matches: JourneysRepository;
  private readonly youngPeople: YoungPeopleService;
  private readonly placements: PlacementsService;
  private readonly steps: JourneySteps;
  private readonly notifications: NotificationsService;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    matches: JourneysRepository;
    youngPeople: YoungPeopleService;
    placements: PlacementsService;
    steps: JourneySteps;
    notifications: NotificationsService;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.matches = options.matches;
    this.youngPeople = options.youngPeople;
    this.placements = options.placements;
    this.steps = options.steps;
    this.notifications = options.notifications;
    this.clock = options.clock;
  }

  async propose(actor: Actor, input: ProposalInput, requestId: string): Promise<Journey> {
    const parties = await this.#readForProposing(actor, input);
    const problems = proposalProblems(parties, input);
    if (problems.length > 0) throw unprocessable(problems);
    const hardLimitOverride = hardLimitOverrideFor(parties, input.overrideReason);
    await this.#checkEarlierProposals(parties.person.id, parties.placement.id, input.confirmRepeat);
    try {
      return await this.#insert(actor, parties, input, hardLimitOverride, requestId);
    } catch (error) {
      if (isDuplicateKey(error)) {
        const raced = await this.matches.activeFor(parties.person.id, parties.placement.id);
        if (raced) throw alreadyProposedError(raced);
      }
      throw error;
    }
  }

  /** The young person and the placement, each read through its own feature's policy, and the coach's right to propose. */
  async #readForProposing(actor: Actor, input: ProposalInput): Promise<ProposalParties> {
    const person = await this.youngPeople.get(actor, input.youngPersonId, 'young_person.read');
    const { placement, employer } = await this.placements.get(actor, input.placementId, 'placement.propose');
    authorize(
      actor,
      'placement_match.coach_act',
      journeyResource({
        youngPersonId: person.id,
        providerId: person.providerId,
        employerId: employer.id,
        visibleToEmployer: false,
      }),
    );
    return { person, placement, employer };
  }

  /** 409 while a journey with this placement is under way, or when one ended and the coach has not confirmed a repeat. */
  async #checkEarlierProposals(youngPersonId: string, placementId: string, confirmRepeat?: boolean): Promise<void> {
    const existing = await this.matches.activeFor(youngPersonId, placementId);
    if (existing) throw alreadyProposedError(existing);
    const earlier = earlierProposalsByPlacement(await this.matches.allOf(youngPersonId)).get(placementId);
    if (earlier && !confirmRepeat) throw proposedBeforeError(earlier);
  }

  /** The new journey, its audit entry and the young person's notification, in one transaction. */
  #insert(
    actor: Actor,
    { person, placement, employer }: ProposalParties,
    input: ProposalInput,
    hardLimitOverride: HardLimitOverride | undefined,
    requestId: string,
  ): Promise<Journey> {
    const now = this.clock.now();
    return inTransaction(this.mongo, async (session) => {
      const created = await this.matches.insert(
        {
          youngPersonId: person.id,
          providerId: person.providerId,
          jobCoachId: person.jobCoachId ?? actor.accountId,
          placementId: placement.id,
          employerId: employer.id,
          note: input.note,
          ...(hardLimitOverride ? { hardLimitOverride } : {}),
          ...(input.match ? { match: { score: input.match.score, reasons: input.match.reasons } } : {}),
          cohortYear: cohortYearOf(person.plannedStartDate),
          ...(person.localAuthority ? { localAuthority: person.localAuthority } : {}),
          sector: placement.sector,
        },
        { accountId: actor.accountId, role: actor.role },
        now,
        session,
      );
      await this.steps.auditStep(actor, created, 'propose', requestId, session, {
        to: 'proposed',
        ...(hardLimitOverride ? { hardLimitsOverridden: hardLimitOverride.limits } : {}),
      });
      await this.notifications.proposalMade(created, session);
      return created;
    });
  }
}
