import type { DelegateRight, DocumentKind, Role } from '../../domain/vocabulary.js';

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
