import { ApiError } from '../core/errors.js';
import type { DelegateRight, DocumentKind, PassportSection, Role } from '../domain/vocabulary.js';

/** Who is calling, as the policy needs to know them. Built from the account on every request. */
export interface Actor {
  accountId: string;
  role: Role;
  providerId?: string;
  employerId?: string;
  youngPersonId?: string;
  actsFor: { youngPersonId: string; rights: DelegateRight[] }[];
}

export type CoachAccess = 'none' | 'without_condition' | 'all';

/** The facts about a record that decide who may do what with it. */
export type Resource =
  | { type: 'young_person'; id: string; providerId: string }
  | { type: 'passport'; youngPersonId: string; providerId: string; coachAccess: CoachAccess }
  | { type: 'passport_share'; youngPersonId: string; employerId: string; active: boolean }
  | { type: 'employer'; id: string; verified: boolean; verifiedByProviderId?: string }
  | { type: 'placement'; id: string; employerId: string; published: boolean }
  | { type: 'provider'; id: string }
  | { type: 'account'; id: string; role: Role; providerId?: string; employerId?: string }
  | {
      type: 'access_to_work';
      youngPersonId: string;
      providerId: string;
      /** Employers hosting the young person now (agreed or in progress): they may know only the funded-until date. */
      hostEmployerIds: string[];
    }
  | {
      /** The EHC plan's outcomes and the record of the internship's end and the year after. */
      type: 'internship_outcomes';
      youngPersonId: string;
      providerId: string;
    }
  | {
      type: 'document';
      youngPersonId: string;
      providerId: string;
      /** The document's kind; absent when the question is about the young person's documents as a whole. */
      kind?: DocumentKind;
      /**
       * Employers who host the young person now (agreed or in progress) and hold an active share of
       * their passport: the owner's consent that reaches the workplace's papers too.
       */
      consentingEmployerIds: string[];
    }
  | { type: 'study'; youngPersonId: string; providerId: string }
  | {
      type: 'placement_match';
      youngPersonId: string;
      providerId: string;
      employerId: string;
      /** The employer sees a proposal only once the young person has agreed to it. */
      visibleToEmployer: boolean;
    }
  | {
      type: 'adjustment';
      youngPersonId: string;
      providerId: string;
      employerId: string;
      /** The journey's: the employer sees its adjustments once the young person agreed to the proposal. */
      visibleToEmployer: boolean;
      /** Whether the young person's share of "what helps me at work" with this employer stands now. */
      sharedWithEmployer: boolean;
      /** What the young person lets job coaches read of their passport: the requests' words are from it. */
      coachAccess: CoachAccess;
    };

export type Action =
  /** Whether this young person is any of the actor's business at all: their own, one they help, or on their provider's books. */
  | 'young_person.see'
  | 'young_person.read'
  | 'young_person.update'
  | 'young_person.manage_placement_details'
  | 'young_person.set_eligibility_exception'
  | 'young_person.erase'
  | 'young_person.export'
  | 'young_person.read_audit_trail'
  | 'young_person.invite'
  | 'young_person.manage_delegates'
  | 'young_person.matches'
  | 'passport.read'
  | 'passport.edit'
  | 'passport.propose'
  | 'passport.decide_draft'
  | 'passport.share'
  | 'passport.read_history'
  | 'passport_share.read'
  | 'employer.read'
  | 'employer.read_private'
  | 'employer.update'
  | 'employer.verify'
  | 'employer.unverify'
  | 'employer.invite_colleague'
  | 'employer.create_placement'
  | 'employer.dashboard'
  | 'placement.read'
  | 'placement.update'
  | 'placement.candidates'
  | 'placement.propose'
  | 'provider.read'
  | 'provider.invite_staff'
  | 'provider.add_young_person'
  | 'provider.record_eligibility_exception'
  | 'provider.dashboard'
  /** Every Access to Work claim of the provider's young people, as one CSV. */
  | 'provider.access_to_work_claims'
  /** The person-level SEN2-shaped export for the local authority. */
  | 'provider.sen2_export'
  | 'account.read'
  | 'account.disable'
  | 'access_to_work.read'
  | 'access_to_work.write'
  | 'access_to_work.read_funded_until'
  | 'study.read'
  | 'study.write'
  /** The ILR-shaped work-placement export of the provider's internships. */
  | 'provider.ilr_export'
  | 'outcomes.read'
  | 'outcomes.write'
  | 'document.list'
  | 'document.read'
  | 'document.upload'
  | 'document.delete'
  | 'placement_match.read'
  | 'placement_match.coach_act'
  | 'placement_match.young_person_act'
  | 'placement_match.employer_act'
  | 'adjustment.read'
  /** The young person's words; an employer reads them only while the share of "what helps me at work" stands. */
  | 'adjustment.read_text'
  | 'adjustment.employer_act'
  | 'adjustment.coach_act'
  | 'adjustment.young_person_act'
  | 'adjustment.add_to_passport';

export type Decision = 'allow' | 'forbidden' | 'not_found';

const staffOf = (actor: Actor, providerId: string) =>
  (actor.role === 'job_coach' || actor.role === 'provider_admin') && actor.providerId === providerId;

const grantFor = (actor: Actor, youngPersonId: string) =>
  actor.role === 'delegate' ? actor.actsFor.find((grant) => grant.youngPersonId === youngPersonId) : undefined;

const isSelf = (actor: Actor, youngPersonId: string) =>
  actor.role === 'young_person' && actor.youngPersonId === youngPersonId;

const delegateMay = (actor: Actor, youngPersonId: string, right: DelegateRight) =>
  grantFor(actor, youngPersonId)?.rights.includes(right) ?? false;

/** The young person themself, or a delegate holding `right` for them. */
const ownerOr = (actor: Actor, youngPersonId: string, right: DelegateRight) =>
  isSelf(actor, youngPersonId) || delegateMay(actor, youngPersonId, right);

/** May the actor know this young person exists at all? */
function seesYoungPerson(actor: Actor, youngPersonId: string, providerId: string): boolean {
  return staffOf(actor, providerId) || isSelf(actor, youngPersonId) || grantFor(actor, youngPersonId) !== undefined;
}

function decideYoungPerson(actor: Actor, action: Action, r: Extract<Resource, { type: 'young_person' }>): Decision {
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

function decidePassport(actor: Actor, action: Action, r: Extract<Resource, { type: 'passport' }>): Decision {
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

function decideEmployer(actor: Actor, action: Action, r: Extract<Resource, { type: 'employer' }>): Decision {
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

function decidePlacement(actor: Actor, action: Action, r: Extract<Resource, { type: 'placement' }>): Decision {
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

function decideShare(actor: Actor, action: Action, r: Extract<Resource, { type: 'passport_share' }>): Decision {
  // To an employer, a withdrawn or expired share does not exist.
  if (actor.role === 'employer' && actor.employerId === r.employerId && r.active) {
    return action === 'passport_share.read' ? 'allow' : 'forbidden';
  }
  return 'not_found';
}

function decideProvider(actor: Actor, action: Action, r: Extract<Resource, { type: 'provider' }>): Decision {
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

function decideAccount(actor: Actor, action: Action, r: Extract<Resource, { type: 'account' }>): Decision {
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

function decideMatch(actor: Actor, action: Action, r: Extract<Resource, { type: 'placement_match' }>): Decision {
  const providerStaff = staffOf(actor, r.providerId);
  const owner = seesYoungPerson(actor, r.youngPersonId, r.providerId) && !providerStaff;
  const employerStaff = actor.role === 'employer' && actor.employerId === r.employerId && r.visibleToEmployer;
  if (!providerStaff && !owner && !employerStaff) return 'not_found';
  const allowed: Record<string, boolean> = {
    // A delegate who answers proposals must be able to read what they answer.
    'placement_match.read':
      providerStaff ||
      employerStaff ||
      ownerOr(actor, r.youngPersonId, 'view_profile') ||
      delegateMay(actor, r.youngPersonId, 'respond_to_proposals'),
    'placement_match.coach_act': providerStaff && actor.role === 'job_coach',
    'placement_match.young_person_act': ownerOr(actor, r.youngPersonId, 'respond_to_proposals'),
    'placement_match.employer_act': employerStaff,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}

function decideAdjustment(actor: Actor, action: Action, r: Extract<Resource, { type: 'adjustment' }>): Decision {
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

function decideAccessToWork(actor: Actor, action: Action, r: Extract<Resource, { type: 'access_to_work' }>): Decision {
  const host = actor.role === 'employer' && !!actor.employerId && r.hostEmployerIds.includes(actor.employerId);
  if (!seesYoungPerson(actor, r.youngPersonId, r.providerId) && !host) return 'not_found';
  const staff = staffOf(actor, r.providerId);
  const reader = staff || ownerOr(actor, r.youngPersonId, 'view_profile');
  const allowed: Record<string, boolean> = {
    'access_to_work.read': reader,
    // The provider runs the application and the claims; the young person signs on paper, not here.
    'access_to_work.write': staff,
    'access_to_work.read_funded_until': reader || host,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}

function decideStudy(actor: Actor, action: Action, r: Extract<Resource, { type: 'study' }>): Decision {
  // Employers see nothing of the learning: to them it does not exist.
  if (!seesYoungPerson(actor, r.youngPersonId, r.providerId)) return 'not_found';
  const staff = staffOf(actor, r.providerId);
  const allowed: Record<string, boolean> = {
    'study.read': staff || ownerOr(actor, r.youngPersonId, 'view_profile'),
    'study.write': staff,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}

function decideOutcomes(actor: Actor, action: Action, r: Extract<Resource, { type: 'internship_outcomes' }>): Decision {
  if (!seesYoungPerson(actor, r.youngPersonId, r.providerId)) return 'not_found';
  const staff = staffOf(actor, r.providerId);
  const allowed: Record<string, boolean> = {
    'outcomes.read': staff || ownerOr(actor, r.youngPersonId, 'view_profile'),
    // The provider keeps the record of the study programme; the young person reads it.
    'outcomes.write': staff,
  };
  return allowed[action] ? 'allow' : 'forbidden';
}

/** The papers of the workplace, the only ones an employer with the owner's consent may download. */
export const documentKindsForEmployers: readonly DocumentKind[] = [
  'employer_agreement',
  'risk_assessment',
  'induction_checklist',
];

function decideDocument(actor: Actor, action: Action, r: Extract<Resource, { type: 'document' }>): Decision {
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
export function placementMatchScope(
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
