import { isSelf, ownerOr, seesYoungPerson, staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decideYoungPerson(
  actor: Actor,
  action: Action,
  r: Extract<Resource, { type: 'young_person' }>,
): Decision {
  if (!seesYoungPerson(actor, r.id, r.providerId)) return 'not_found';
  const coach = staffOf(actor, r.providerId) && actor.role === 'job_coach';
  const admin = staffOf(actor, r.providerId) && actor.role === 'provider_admin';
  const allowed: Record<string, boolean> = {
    'young_person.see': true,
    'young_person.read': coach || admin || ownerOr(actor, r.id, 'view_profile'),
    'young_person.update': coach || admin || ownerOr(actor, r.id, 'edit_profile'),
    // Coach, status, dates and EHC plan are the provider's to record, not the young person's.
    'young_person.manage_placement_details': coach || admin,
    'young_person.set_eligibility_exception': admin,
    'young_person.erase': admin,
    // An export shows its reader only what they may read elsewhere: each part is decided on its own.
    'young_person.export': admin || ownerOr(actor, r.id, 'view_profile'),
    // The audit trail says who read which passport sections: the passport's access log, for the same readers.
    'young_person.read_audit_trail': ownerOr(actor, r.id, 'view_passport'),
    'young_person.invite': coach || admin,
    'young_person.manage_delegates': isSelf(actor, r.id),
    'young_person.matches': coach || ownerOr(actor, r.id, 'view_profile'),
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
