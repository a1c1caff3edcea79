import type { Action, Actor, Decision, Resource } from './types.js';

export function decidePlacement(actor: Actor, action: Action, r: Extract<Resource, { type: 'placement' }>): Decision {
  const staff = actor.role === 'employer' && actor.employerId === r.employerId;
  if (!staff && !r.published) return 'not_found';
  const providerStaff = actor.role === 'job_coach' || actor.role === 'provider_admin';
  const allowed: Record<string, boolean> = {
    'placement.read': true,
    'placement.update': staff,
    'placement.candidates': providerStaff,
    'placement.propose': actor.role === 'job_coach',
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
