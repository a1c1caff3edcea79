import type { AuditAction } from '../audit/audit.js';
import type { Actor, CoachAccess } from '../auth/policy.js';
import { type PassportSection, type Role, sectionLabels } from '../domain/vocabulary.js';
import type { PersonFact } from '../read-models/people.js';
import type { Passport, PassportShare } from './passports.repository.js';
import type { PassportSections } from './passports.schemas.js';

export const defaultCoachAccess: CoachAccess = 'without_condition';
export const defaultShareDays = 90;

/** How long before a passport share ends its owner is told, so they can renew it. */
export const shareEndingSoonDays = 14;

/** How long before a passport's review is due its owner's home asks them to check it. */
export const reviewSoonDays = 30;

/** Audit actions that count as someone reading a passport; the owner sees them in the access log. */
export const passportReadActions: readonly AuditAction[] = [
  'passport.read',
  'passport.read_version',
  'passport.print',
  'passport_share.read',
  'passport_share.print',
  'young_person.export',
  'document.download',
];

/**
 * Whose reads of a passport the owner wants to see first: people at work. The family's own
 * reads (the young person and the parents or carers helping them) are many and come after.
 */
export const readersAtWork: readonly Role[] = ['employer', 'job_coach', 'provider_admin'];

/** One person's reads of a passport on one day (Europe/London), as the owner's access log lists them. */
export interface ReadsOnADay {
  /** "work": an employer, job coach or provider admin; "family": the young person or someone helping them. */
  group: 'work' | 'family';
  by: { accountId?: string; role?: string; name?: string; organisation?: string };
  /** YYYY-MM-DD */
  day: string;
  times: number;
  lastAt: string;
  actions: AuditAction[];
  sections: PassportSection[];
  /** The kinds of document downloaded that day, in words ("Risk assessment"). */
  documents: string[];
}

export type Completeness = 'complete' | 'partial' | 'empty';

/** How complete each section is, so the owner can see what is left to do. */
export function completeness(sections: PassportSections): Record<PassportSection, Completeness> {
  const filled = (values: unknown[]) =>
    values.filter((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '')).length;
  const rate = (present: number, needed: number): Completeness =>
    present === 0 ? 'empty' : present >= needed ? 'complete' : 'partial';
  const { aboutMe, myCondition, whatHelps, accessToWork, review } = sections;
  return {
    aboutMe: rate(filled([aboutMe?.summary, aboutMe?.workWanted, aboutMe?.travelLimits]), 3),
    myCondition: rate(
      filled([myCondition?.description, myCondition?.effectOnWork, myCondition?.goodDay, myCondition?.harderDay]),
      2,
    ),
    whatHelps: rate(filled([whatHelps?.adjustments, whatHelps?.whatColleaguesCanDo]), 1),
    accessToWork: rate(filled([accessToWork?.status]), 1),
    review: rate(filled([review?.agreedBy, review?.agreedOn, review?.nextReviewDue]), 3),
  };
}

/**
 * The purpose as the end of one sentence ("…with the hotel, so that …"), whatever words the
 * owner began it with: "So that…", "So…", "To…", or a bare phrase such as "Induction".
 */
export function purposeClause(purpose: string): string {
  let rest = purpose.trim().replace(/[\s.!?;:,]+$/u, '');
  const soThat = /^so\b[\s:,]*(?:that\b[\s:,]*)?/iu;
  if (soThat.test(rest)) {
    while (soThat.test(rest)) rest = rest.replace(soThat, '');
    return `so that ${rest}`;
  }
  const to = /^(in order )?to\b\s*/iu.exec(rest);
  if (to) return `to ${rest.slice(to[0].length)}`;
  return `for this purpose: ${rest}`;
}

/** The words the owner agrees to, stored with the consent record. The purpose reads as part of one sentence. */
export function consentStatement(input: {
  sections: readonly PassportSection[];
  employerName: string;
  purpose: string;
  expiresAt: Date;
}): string {
  return (
    `I agree to share these parts of my adjustments passport: ${input.sections.map((s) => sectionLabels[s]).join(', ')}, ` +
    `with ${input.employerName}, ${purposeClause(input.purpose)}. This lasts until ${input.expiresAt.toISOString().slice(0, 10)} ` +
    'and I can stop it at any time.'
  );
}

export function pickSections(sections: PassportSections, visible: readonly PassportSection[]): PassportSections {
  return Object.fromEntries(
    Object.entries(sections).filter(([name]) => visible.includes(name as PassportSection)),
  ) as PassportSections;
}

export function shareStatus(share: PassportShare, now: Date): 'active' | 'expired' | 'withdrawn' {
  if (share.withdrawnAt) return 'withdrawn';
  return share.expiresAt > now ? 'active' : 'expired';
}

/** The other shares with the same employer as `share` that are active now: what stays readable when `share` stops. */
export function otherActiveSharesWith(shares: PassportShare[], share: PassportShare, now: Date): PassportShare[] {
  return shares.filter(
    (other) => other.id !== share.id && other.employerId === share.employerId && shareStatus(other, now) === 'active',
  );
}

/** The sections of `share` that no other active share with the same employer covers: what stopping it takes away. */
export function sectionsOnlyIn(share: PassportShare, others: PassportShare[]): PassportSection[] {
  const stillShared = new Set(others.flatMap((other) => other.sections));
  return share.sections.filter((section) => !stillShared.has(section));
}

export const emptyPassport = (person: Pick<PersonFact, 'id' | 'providerId'>): Passport => ({
  youngPersonId: person.id,
  providerId: person.providerId,
  version: 0,
  sections: {},
  coachAccess: defaultCoachAccess,
  updatedAt: null,
});

/** The young people whose passports the caller could own or act for: their own, or a delegate's grants. */
export function ownedOrActedFor(actor: Actor): string[] {
  if (actor.role === 'young_person' && actor.youngPersonId) return [actor.youngPersonId];
  return actor.role === 'delegate' ? actor.actsFor.map((grant) => grant.youngPersonId) : [];
}
