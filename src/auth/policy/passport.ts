import type { PassportSection } from '../../domain/vocabulary.js';
import { ownerOr, seesYoungPerson } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decidePassport(actor: Actor, action: Action, r: Extract<Resource, { type: 'passport' }>): Decision {
  if (!seesYoungPerson(actor, r.youngPersonId, r.providerId)) return 'not_found';
  const coach = actor.role === 'job_coach' && actor.providerId === r.providerId;
  const allowed: Record<string, boolean> = {
    'passport.read': ownerOr(actor, r.youngPersonId, 'view_passport') || (coach && r.coachAccess !== 'none'),
    'passport.edit': ownerOr(actor, r.youngPersonId, 'edit_passport'),
    'passport.propose': coach && r.coachAccess !== 'none',
    'passport.decide_draft': ownerOr(actor, r.youngPersonId, 'edit_passport'),
    'passport.share': ownerOr(actor, r.youngPersonId, 'share_passport'),
    'passport.read_history': ownerOr(actor, r.youngPersonId, 'view_passport'),
  };
  return allowed[action] ? 'allow' : 'forbidden';
}

/** Which passport sections a reader other than an employer may see. */
export function readableSections(
  actor: Actor,
  r: Extract<Resource, { type: 'passport' }>,
  all: readonly PassportSection[],
): PassportSection[] {
  if (ownerOr(actor, r.youngPersonId, 'view_passport')) return [...all];
  if (actor.role === 'job_coach' && actor.providerId === r.providerId) {
    if (r.coachAccess === 'all') return [...all];
    if (r.coachAccess === 'without_condition') return all.filter((section) => section !== 'myCondition');
  }
  return [];
}

export function decideShare(actor: Actor, action: Action, r: Extract<Resource, { type: 'passport_share' }>): Decision {
  // To an employer, a withdrawn or expired share does not exist.
  if (actor.role === 'employer' && actor.employerId === r.employerId && r.active) {
    return action === 'passport_share.read' ? 'allow' : 'forbidden';
  }
  return 'not_found';
}
