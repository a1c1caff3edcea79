import { type EarlierProposal, earlierProposalsByPlacement } from '../journey/earlier-proposals.js';
import type { JourneysRepository } from '../journey/journey.repository.js';

/**
 * For matching: which placements a young person was proposed for before and how that ended, so
 * the matches can say so and sort them last. The caller has already been allowed to read the
 * young person's matches; a young person's journeys are few (one a placement at most).
 */
export class EarlierProposalsReadModel {
  private readonly matches: JourneysRepository;

  constructor(options: { matches: JourneysRepository }) {
    this.matches = options.matches;
  }

  async ofYoungPerson(youngPersonId: string): Promise<Map<string, EarlierProposal>> {
    return earlierProposalsByPlacement(await this.matches.allOf(youngPersonId));
  }
}
