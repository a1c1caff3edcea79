import { isActive, type JourneyState } from './journey.machine.js';
import type { Journey } from './journey.repository.js';

/**
 * What happened the last time a young person was proposed for a placement: the coach deciding
 * whether to propose it again needs to know that Sam said no, and why.
 */
export interface EarlierProposal {
  matchId: string;
  state: JourneyState;
  /** True while that journey is still going: proposing again is not possible, only following it. */
  underWay: boolean;
  /** When that journey last changed (ISO date-time). */
  at: string;
  /** The reason given by whoever ended it (the young person, the employer or whoever withdrew). */
  reason?: string;
}

function reasonOf(match: Journey): string | undefined {
  if (match.state === 'declined_by_young_person') return match.youngPersonResponse?.reason;
  if (match.state === 'declined_by_employer') return match.employerDecision?.reason;
  if (match.state === 'withdrawn') return match.withdrawal?.reason;
  return undefined;
}

export function earlierProposalOf(match: Journey): EarlierProposal {
  const reason = reasonOf(match);
  return {
    matchId: match.id,
    state: match.state,
    underWay: isActive(match.state),
    at: match.updatedAt.toISOString(),
    ...(reason ? { reason } : {}),
  };
}

/** The one still going, else the one proposed last (ids break a tie: they grow with time). */
function isLater(match: Journey, than: Journey): boolean {
  if (isActive(match.state) !== isActive(than.state)) return isActive(match.state);
  return (match.proposedAt.getTime() - than.proposedAt.getTime() || match.id.localeCompare(than.id)) > 0;
}

/** The latest journey of one young person with each placement, by placement id. */
export function earlierProposalsByPlacement(matches: readonly Journey[]): Map<string, EarlierProposal> {
  const latest = new Map<string, Journey>();
  for (const match of matches) {
    const known = latest.get(match.placementId);
    if (!known || isLater(match, known)) latest.set(match.placementId, match);
  }
  return new Map([...latest].map(([placementId, match]) => [placementId, earlierProposalOf(match)]));
}
