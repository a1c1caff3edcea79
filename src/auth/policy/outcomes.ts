import { ownerOr, seesYoungPerson, staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decideOutcomes(
  actor: Actor,
  action: Action,
  r: Extract<Resource, { type: 'internship_outcomes' }>,
): Decision {
  if (!seesYoungPerson(actor, r.youngPersonId, r.providerId)) return 'not_found';
  const staff = staffOf(actor, r.providerId);
  const allowed: Record<string, boolean> = {
    'outcomes.read': staff || ownerOr(actor, r.youngPersonId, 'view_profile'),
    // The provider keeps the record of the study programme; the young person reads it.
    'outcomes.write': staff,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
