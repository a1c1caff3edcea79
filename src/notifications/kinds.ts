import type { Role } from '../domain/vocabulary.js';

/**
 * Every kind of email the service sends. A kind is also what a person turns on or off in their
 * preferences, and what a one-click unsubscribe link changes.
 */
export const notificationKinds = [
  'invitation',
  'proposal_received',
  'proposal_agreed',
  'decided_for_you',
  'employer_decision',
  'taster_arranged',
  'passport_draft_waiting',
  'share_ending_soon',
  'share_ended',
  'weekly_log_missing',
  'review_due',
  'follow_up_due',
  'ehc_review_due',
  'access_to_work_application',
  'access_to_work_reconsideration',
  'access_to_work_renewal',
  'access_to_work_claim',
  'adjustment_answer_due',
  'adjustment_overdue',
  'adjustment_check_due',
  'security_new_sign_in',
  'security_refresh_reuse',
  'password_reset',
  'digest',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Kinds a person cannot turn off: they protect the account, or the person has no account yet. */
export const mandatoryKinds: readonly NotificationKind[] = [
  'invitation',
  'security_new_sign_in',
  'security_refresh_reuse',
  'password_reset',
  'digest',
];

/** Kinds a person chooses about in their preferences (and can unsubscribe from). */
export const optionalKinds = notificationKinds.filter((kind) => !mandatoryKinds.includes(kind));
export type OptionalKind = (typeof optionalKinds)[number];

export const isOptionalKind = (kind: string): kind is OptionalKind =>
  (optionalKinds as readonly string[]).includes(kind);

/** What each kind is, in the words a preferences page and a digest use. */
export const kindDescriptions: Record<NotificationKind, string> = {
  invitation: 'An invitation to make an account',
  proposal_received: 'A job coach suggests a placement',
  proposal_agreed: 'A young person agrees to a placement you offer',
  decided_for_you: 'A parent or carer answers a placement or shares your passport for you',
  employer_decision: 'An employer decides about a placement',
  taster_arranged: 'An employer arranges a taster day or informal interview',
  passport_draft_waiting: 'A job coach suggests changes to a passport',
  share_ending_soon: 'A passport share ends in 14 days',
  share_ended: 'A passport share has ended',
  weekly_log_missing: 'A weekly log is missing',
  review_due: 'A progress review is due',
  follow_up_due: 'A follow-up 6, 9 or 12 months after an internship is due',
  ehc_review_due: 'An EHC plan’s annual review is 4 weeks away',
  access_to_work_application: 'An Access to Work application is late',
  access_to_work_reconsideration: 'The last days to ask Access to Work to reconsider an award',
  access_to_work_renewal: 'An Access to Work award can be renewed',
  access_to_work_claim: 'An Access to Work claim was not sent by the 10th',
  adjustment_answer_due: 'Adjustment requests have waited 5 working days for your answer',
  adjustment_overdue: 'An agreed adjustment is past the day it was due',
  adjustment_check_due: 'It is time to say whether a change at work helps',
  security_new_sign_in: 'A sign-in after your password changed, or from somewhere new',
  security_refresh_reuse: 'Someone tried to reuse an old sign-in',
  password_reset: 'A link to choose a new password, when you ask for one',
  digest: 'Your daily summary',
};

/** The kinds of email each role can get and may choose about (security emails are always sent). */
export const optionalKindsFor: Record<Role, OptionalKind[]> = {
  young_person: [
    'proposal_received',
    'decided_for_you',
    'employer_decision',
    'taster_arranged',
    'passport_draft_waiting',
    'share_ending_soon',
    'share_ended',
    'adjustment_check_due',
  ],
  delegate: ['proposal_received', 'passport_draft_waiting'],
  job_coach: [
    'employer_decision',
    'taster_arranged',
    'weekly_log_missing',
    'review_due',
    'follow_up_due',
    'ehc_review_due',
    'access_to_work_application',
    'access_to_work_reconsideration',
    'access_to_work_renewal',
    'access_to_work_claim',
  ],
  employer: ['proposal_agreed', 'adjustment_answer_due', 'adjustment_overdue'],
  provider_admin: [],
};
