import type { DocumentKind } from '../../domain/vocabulary.js';
import { ownerOr, seesYoungPerson, staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

/** The papers of the workplace, the only ones an employer with the owner's consent may download. */
export const documentKindsForEmployers: readonly DocumentKind[] = [
  'employer_agreement',
  'risk_assessment',
  'induction_checklist',
];

export function decideDocument(actor: Actor, action: Action, r: Extract<Resource, { type: 'document' }>): Decision {
  const employerWithConsent =
    actor.role === 'employer' && !!actor.employerId && r.consentingEmployerIds.includes(actor.employerId);
  // To an employer, a document of a kind that is never theirs does not exist.
  const employerMayRead = employerWithConsent && (r.kind === undefined || documentKindsForEmployers.includes(r.kind));
  if (!seesYoungPerson(actor, r.youngPersonId, r.providerId) && !employerMayRead) return 'not_found';
  const staff = staffOf(actor, r.providerId);
  const reader = staff || ownerOr(actor, r.youngPersonId, 'view_profile');
  const allowed: Record<string, boolean> = {
    'document.list': reader || employerMayRead,
    'document.read': reader || employerMayRead,
    // The provider keeps the internship's papers; the young person asks their coach to add or remove one.
    'document.upload': staff,
    'document.delete': staff,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
