import { type Action, type Actor, decide, type Resource } from '../auth/policy.js';
import { type JourneyParty, journeyParties } from './journey.machine.js';
import type { Journey } from './journey.repository.js';

export type JourneyResource = Extract<Resource, { type: 'placement_match' }>;

export function journeyResource(
  match: Pick<Journey, 'youngPersonId' | 'providerId' | 'employerId' | 'visibleToEmployer'>,
): JourneyResource {
  return {
    type: 'placement_match',
    youngPersonId: match.youngPersonId,
    providerId: match.providerId,
    employerId: match.employerId,
    visibleToEmployer: match.visibleToEmployer,
  };
}

/** The policy action that makes someone one of the journey's parties. */
const partyActions: Record<JourneyParty, Action> = {
  job_coach: 'placement_match.coach_act',
  young_person: 'placement_match.young_person_act',
  employer: 'placement_match.employer_act',
};

/** Which sides of this journey the actor acts for, as the policy decides it. Usually one, or none. */
export function partiesOf(actor: Actor, resource: JourneyResource): JourneyParty[] {
  return journeyParties.filter((party) => decide(actor, partyActions[party], resource) === 'allow');
}
