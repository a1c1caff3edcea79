/**
 * The one policy module: every route, page and service asks here who may do what. Each resource's
 * decisions sit in src/auth/policy/, one module each; nothing imports them but this file.
 */
import { ApiError } from '../core/errors.js';
import type { Role } from '../domain/vocabulary.js';
import { decideAccessToWork } from './policy/access-to-work.js';
import { decideAccount } from './policy/account.js';
import { decideAdjustment } from './policy/adjustment.js';
import { decideDocument } from './policy/document.js';
import { decideEmployer } from './policy/employer.js';
import { decideMatch } from './policy/journey.js';
import { decideOutcomes } from './policy/outcomes.js';
import { decidePassport, decideShare } from './policy/passport.js';
import { decidePlacement } from './policy/placement.js';
import { decideProvider } from './policy/provider.js';
import { isSelf } from './policy/relations.js';
import { decideStudy } from './policy/study.js';
import type { Action, Actor, Decision, Resource } from './policy/types.js';
import { decideYoungPerson } from './policy/young-person.js';

export { documentKindsForEmployers } from './policy/document.js';
export { readableSections } from './policy/passport.js';
export type { Action, Actor, CoachAccess, Decision, Resource } from './policy/types.js';

/** The one answer to "may this actor do this action on this resource?". */
export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  switch (resource.type) {
    case 'young_person':
      return decideYoungPerson(actor, action, resource);
    case 'passport':
      return decidePassport(actor, action, resource);
    case 'passport_share':
      return decideShare(actor, action, resource);
    case 'employer':
      return decideEmployer(actor, action, resource);
    case 'placement':
      return decidePlacement(actor, action, resource);
    case 'provider':
      return decideProvider(actor, action, resource);
    case 'account':
      return decideAccount(actor, action, resource);
    case 'placement_match':
      return decideMatch(actor, action, resource);
    case 'access_to_work':
      return decideAccessToWork(actor, action, resource);
    case 'internship_outcomes':
      return decideOutcomes(actor, action, resource);
    case 'document':
      return decideDocument(actor, action, resource);
    case 'study':
      return decideStudy(actor, action, resource);
    case 'adjustment':
      return decideAdjustment(actor, action, resource);
  }
}

const notFoundNames: Record<Resource['type'], string> = {
  young_person: 'Young person',
  passport: 'Passport',
  passport_share: 'Shared passport',
  employer: 'Employer',
  placement: 'Placement',
  provider: 'Provider',
  account: 'Account',
  placement_match: 'Placement match',
  access_to_work: 'Young person',
  internship_outcomes: 'Young person',
  document: 'Document',
  study: 'Young person',
  adjustment: 'Adjustment',
};

/**
 * Throws unless allowed: 404 when the actor may not know the record exists (it belongs to
 * another organisation), 403 when they can see it but not do this.
 */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  const decision = decide(actor, action, resource);
  if (decision === 'not_found') throw new ApiError('not_found', `${notFoundNames[resource.type]} was not found.`);
  if (decision === 'forbidden') throw new ApiError('forbidden', 'You are not allowed to do this.');
}

/**
 * Which young people an actor may list, as a MongoDB filter on the young_people collection.
 * Lists go through this so that a list can never show more than `decide` would allow one by one.
 */
export function youngPeopleScope(actor: Actor): { providerId?: string; ids?: string[] } | undefined {
  switch (actor.role) {
    case 'job_coach':
    case 'provider_admin':
      return actor.providerId ? { providerId: actor.providerId } : undefined;
    case 'young_person':
      return actor.youngPersonId ? { ids: [actor.youngPersonId] } : undefined;
    case 'delegate':
      return {
        ids: actor.actsFor.filter((grant) => grant.rights.includes('view_profile')).map((grant) => grant.youngPersonId),
      };
    case 'employer':
      return undefined;
  }
}

/**
 * Which placement matches an actor may list, as fields to filter on; mirrors `decideMatch`
 * (an employer sees only matches the young person has agreed to).
 */
export function journeyScope(
  actor: Actor,
): { providerId?: string; youngPersonIds?: string[]; employerId?: string; visibleToEmployer?: true } | undefined {
  switch (actor.role) {
    case 'job_coach':
    case 'provider_admin':
      return actor.providerId ? { providerId: actor.providerId } : undefined;
    case 'young_person':
      return actor.youngPersonId ? { youngPersonIds: [actor.youngPersonId] } : undefined;
    case 'delegate':
      return {
        youngPersonIds: actor.actsFor
          .filter((grant) => grant.rights.includes('view_profile') || grant.rights.includes('respond_to_proposals'))
          .map((grant) => grant.youngPersonId),
      };
    case 'employer':
      return actor.employerId ? { employerId: actor.employerId, visibleToEmployer: true } : undefined;
  }
}

/**
 * What a provider dashboard may cover: the whole provider for its admins, and only their own
 * caseload for a job coach. Undefined for everyone else.
 */
export function providerDashboardScope(actor: Actor): { providerId: string; jobCoachId?: string } | undefined {
  if (!actor.providerId) return undefined;
  if (decide(actor, 'provider.dashboard', { type: 'provider', id: actor.providerId }) !== 'allow') return undefined;
  return actor.role === 'job_coach'
    ? { providerId: actor.providerId, jobCoachId: actor.accountId }
    : { providerId: actor.providerId };
}

/** Whether the actor is the young person themself (their own reads of their passport are not audited). */
export function isOwner(actor: Actor, youngPersonId: string): boolean {
  return isSelf(actor, youngPersonId);
}

/**
 * Which employers an actor may list: provider admins all of them (they verify the waiting ones),
 * employer staff the verified ones and their own, everyone else the verified ones.
 */
export function employersScope(actor: Actor): { all: true } | { verifiedOr?: string } {
  if (actor.role === 'provider_admin') return { all: true };
  return actor.role === 'employer' && actor.employerId ? { verifiedOr: actor.employerId } : {};
}

/** Whose accounts an actor may list: provider staff their provider's, employer staff their colleagues'. */
export function accountsScope(actor: Actor): { providerId: string } | { employerId: string } | undefined {
  if ((actor.role === 'job_coach' || actor.role === 'provider_admin') && actor.providerId)
    return { providerId: actor.providerId };
  if (actor.role === 'employer' && actor.employerId) return { employerId: actor.employerId };
  return undefined;
}

/** The employer whose shared passports the actor may list, if any. */
export function sharedPassportsScope(actor: Actor): string | undefined {
  return actor.role === 'employer' ? actor.employerId : undefined;
}

/** Roles an actor may invite, and where the invitee will belong. */
export function mayInvite(actor: Actor, role: Role): boolean {
  switch (role) {
    case 'job_coach':
    case 'provider_admin':
      return actor.role === 'provider_admin';
    case 'young_person':
      return actor.role === 'job_coach' || actor.role === 'provider_admin';
    case 'delegate':
      return actor.role === 'young_person';
    case 'employer':
      return actor.role === 'employer';
  }
}

/**
 * Whose notifications an actor may list: a provider admin those of their provider (to see
 * deliveries that failed), everyone else only the ones addressed to them.
 */
export function notificationsScope(actor: Actor): { providerId: string } | { accountId: string } {
  if (actor.role === 'provider_admin' && actor.providerId) return { providerId: actor.providerId };
  return { accountId: actor.accountId };
}
