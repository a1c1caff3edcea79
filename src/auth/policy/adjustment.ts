import { delegateMay, ownerOr, seesYoungPerson, staffOf } from './relations.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export function decideAdjustment(actor: Actor, action: Action, r: Extract<Resource, { type: 'adjustment' }>): Decision {
  const providerStaff = staffOf(actor, r.providerId);
  const owner = seesYoungPerson(actor, r.youngPersonId, r.providerId) && !providerStaff;
  const employerStaff = actor.role === 'employer' && actor.employerId === r.employerId && r.visibleToEmployer;
  if (!providerStaff && !owner && !employerStaff) return 'not_found';
  const youngPersonSide =
    ownerOr(actor, r.youngPersonId, 'view_profile') || delegateMay(actor, r.youngPersonId, 'respond_to_proposals');
  const allowed: Record<string, boolean> = {
    'adjustment.read': providerStaff || employerStaff || youngPersonSide,
    // The words come from the passport: staff read them as they read "what helps me at work" there.
    'adjustment.read_text':
      youngPersonSide ||
      (providerStaff && actor.role === 'job_coach' && r.coachAccess !== 'none') ||
      (employerStaff && r.sharedWithEmployer),
    'adjustment.employer_act': employerStaff,
    'adjustment.coach_act': providerStaff && actor.role === 'job_coach',
    'adjustment.young_person_act': ownerOr(actor, r.youngPersonId, 'respond_to_proposals'),
    // What is known to work goes into the passport only by the hand of someone who may edit it.
    'adjustment.add_to_passport': ownerOr(actor, r.youngPersonId, 'edit_passport'),
  };
  return allowed[action] ? 'allow' : 'forbidden';
}
