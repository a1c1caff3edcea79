import { ownerOr, seesYoungPerson, staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decideAccessToWork(
  actor: Actor,
  action: Action,
  r: Extract<Resource, { type: 'access_to_work' }>,
): Decision {
  const host = actor.role === 'employer' && !!actor.employerId && r.hostEmployerIds.includes(actor.employerId);
  if (!seesYoungPerson(actor, r.youngPersonId, r.providerId) && !host) return 'not_found';
  const staff = staffOf(actor, r.providerId);
  const reader = staff || ownerOr(actor, r.youngPersonId, 'view_profile');
  const allowed: Record<string, boolean> = {
    'access_to_work.read': reader,
    // The provider runs the application and the claims; the young person signs on paper, not here.
    'access_to_work.write': staff,
    'access_to_work.read_funded_until': reader || host,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
