import { delegateMay, ownerOr, seesYoungPerson, staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decideMatch(actor: Actor, action: Action, r: Extract<Resource, { type: 'placement_match' }>): Decision {
  const providerStaff = staffOf(actor, r.providerId);
  const owner = seesYoungPerson(actor, r.youngPersonId, r.providerId) && !providerStaff;
  const employerStaff = actor.role === 'employer' && actor.employerId === r.employerId && r.visibleToEmployer;
  if (!providerStaff && !owner && !employerStaff) return 'not_found';
  const allowed: Record<string, boolean> = {
    // A delegate who answers proposals must be able to read what they answer.
    'placement_match.read':
      providerStaff ||
      employerStaff ||
      ownerOr(actor, r.youngPersonId, 'view_profile') ||
      delegateMay(actor, r.youngPersonId, 'respond_to_proposals'),
    'placement_match.coach_act': providerStaff && actor.role === 'job_coach',
    'placement_match.young_person_act': ownerOr(actor, r.youngPersonId, 'respond_to_proposals'),
    'placement_match.employer_act': employerStaff,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
