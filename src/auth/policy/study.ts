import { ownerOr, seesYoungPerson, staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decideStudy(actor: Actor, action: Action, r: Extract<Resource, { type: 'study' }>): Decision {
  // Employers see nothing of the learning: to them it does not exist.
  if (!seesYoungPerson(actor, r.youngPersonId, r.providerId)) return 'not_found';
  const staff = staffOf(actor, r.providerId);
  const allowed: Record<string, boolean> = {
    'study.read': staff || ownerOr(actor, r.youngPersonId, 'view_profile'),
    'study.write': staff,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
