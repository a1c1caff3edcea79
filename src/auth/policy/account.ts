import { staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decideAccount(actor: Actor, action: Action, r: Extract<Resource, { type: 'account' }>): Decision {
  const self = actor.accountId === r.id;
  const sameProvider = !!r.providerId && staffOf(actor, r.providerId) && r.role !== 'employer';
  const colleague = actor.role === 'employer' && !!r.employerId && actor.employerId === r.employerId;
  if (!self && !sameProvider && !colleague) return 'not_found';
  const allowed: Record<string, boolean> = {
    'account.read': true,
    // Nobody disables themself; provider admins manage their provider's accounts, employer staff their colleagues.
    'account.disable': !self && ((sameProvider && actor.role === 'provider_admin') || colleague),
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
