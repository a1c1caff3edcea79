import { staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decideProvider(actor: Actor, action: Action, r: Extract<Resource, { type: 'provider' }>): Decision {
  const staff = staffOf(actor, r.id);
  const member = staff || ((actor.role === 'young_person' || actor.role === 'delegate') && actor.providerId === r.id);
  if (!member) return 'not_found';
  const allowed: Record<string, boolean> = {
    'provider.read': true,
    'provider.invite_staff': staff && actor.role === 'provider_admin',
    'provider.add_young_person': staff,
    'provider.record_eligibility_exception': staff && actor.role === 'provider_admin',
    'provider.dashboard': staff,
    'provider.access_to_work_claims': staff,
    // The ILR is the college's funding return, sent by its office for the whole provider.
    'provider.ilr_export': staff && actor.role === 'provider_admin',
    // Names, dates of birth and dates of every intern at once: the return is the provider's to make.
    'provider.sen2_export': staff && actor.role === 'provider_admin',
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
