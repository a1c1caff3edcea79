import { staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decideEmployer(actor: Actor, action: Action, r: Extract<Resource, { type: 'employer' }>): Decision {
  const staff = actor.role === 'employer' && actor.employerId === r.id;
  const providerAdmin = actor.role === 'provider_admin';
  const verifyingProvider = !!r.verifiedByProviderId && staffOf(actor, r.verifiedByProviderId);
  // Unverified employers are visible only to their own staff and to provider admins (who verify them).
  if (!staff && !r.verified && !providerAdmin) return 'not_found';
  const allowed: Record<string, boolean> = {
    'employer.read': true,
    'employer.read_private': staff || verifyingProvider || (providerAdmin && !r.verified),
    'employer.update': staff,
    'employer.verify': providerAdmin,
    // Only the provider that vouched for an employer can withdraw its word.
    'employer.unverify': providerAdmin && verifyingProvider,
    'employer.invite_colleague': staff,
    'employer.create_placement': staff,
    'employer.dashboard': staff,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
