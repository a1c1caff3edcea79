/** Who an actor is to a young person or a provider: the relations every decision is made of. */
import type { DelegateRight } from '../../domain/vocabulary.js';
import type { Actor } from './types.js';

export const staffOf = (actor: Actor, providerId: string) =>
  (actor.role === 'job_coach' || actor.role === 'provider_admin') && actor.providerId === providerId;

export const grantFor = (actor: Actor, youngPersonId: string) =>
  actor.role === 'delegate' ? actor.actsFor.find((grant) => grant.youngPersonId === youngPersonId) : undefined;

export const isSelf = (actor: Actor, youngPersonId: string) =>
  actor.role === 'young_person' && actor.youngPersonId === youngPersonId;

export const delegateMay = (actor: Actor, youngPersonId: string, right: DelegateRight) =>
  grantFor(actor, youngPersonId)?.rights.includes(right) ?? false;

/** The young person themself, or a delegate holding `right` for them. */
export const ownerOr = (actor: Actor, youngPersonId: string, right: DelegateRight) =>
  isSelf(actor, youngPersonId) || delegateMay(actor, youngPersonId, right);

/** May the actor know this young person exists at all? */
export function seesYoungPerson(actor: Actor, youngPersonId: string, providerId: string): boolean {
  return staffOf(actor, providerId) || isSelf(actor, youngPersonId) || grantFor(actor, youngPersonId) !== undefined;
}
