import type { MongoClient } from 'mongodb';
import type { AuditAction, AuditLog, PassportReadAction } from '../audit/audit.js';
import {
  type Action,
  type Actor,
  authorize,
  type CoachAccess,
  decide,
  isOwner,
  type Resource,
  readableSections,
  sharedPassportsScope,
} from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { daysAfter, isoDate } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, notFound, unprocessable } from '../core/errors.js';
import {
  documentKindLabels,
  documentKinds,
  type PassportSection,
  passportSections,
  type Role,
  sectionLabels,
} from '../domain/vocabulary.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { NamesReadModel } from '../read-models/names.js';
import type { PeopleFacts, PersonFact } from '../read-models/people.js';
import type { PlacementFacts } from '../read-models/placements.js';
import type {
  Passport,
  PassportDraft,
  PassportShare,
  PassportsRepository,
  VersionSource,
} from './passports.repository.js';
import { mostAdjustments, type PassportSections, type WholePassportSections } from './passports.schemas.js';

export const defaultCoachAccess: CoachAccess = 'without_condition';
export const defaultShareDays = 90;

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

const emptyPassport = (person: Pick<PersonFact, 'id' | 'providerId'>): Passport => ({
  youngPersonId: person.id,
  providerId: person.providerId,
  version: 0,
  sections: {},
  coachAccess: defaultCoachAccess,
  updatedAt: null,
});

/** The young people whose passports the caller could own or act for: their own, or a delegate's grants. */
function ownedOrActedFor(actor: Actor): string[] {
  if (actor.role === 'young_person' && actor.youngPersonId) return [actor.youngPersonId];
  return actor.role === 'delegate' ? actor.actsFor.map((grant) => grant.youngPersonId) : [];
}

/**
 * The adjustments passport: owned by the young person, saved in versions, edited by coaches only
 * through drafts the owner accepts, shared section by section with explicit consent, and every
 * read by anyone but the owner written to the audit log.
 */
/**
 * A feature that acts, inside the share's transaction, when "what helps me at work" is shared with an
 * employer: adjustments turn each help into a request on the journey. It is given the helps shared.
 */
export interface HelpsSharedListener {
  helpsShared(
    event: {
      share: PassportShare;
      helps: { category: import('../domain/vocabulary.js').AdjustmentCategory; details: string }[];
    },
    session: import('mongodb').ClientSession,
  ): Promise<unknown>;
}

export class PassportsService {
  readonly #helpsSharedListeners: HelpsSharedListener[] = [];
  private readonly mongo: MongoClient;
  private readonly passports: PassportsRepository;
  private readonly people: PeopleFacts;
  private readonly placements: PlacementFacts;
  private readonly audit: AuditLog;
  private readonly notifications: NotificationsService;
  private readonly clock: Clock;
  private readonly names: NamesReadModel;

  constructor(options: {
    mongo: MongoClient;
    passports: PassportsRepository;
    /** Who a passport belongs to (their provider, for the policy) and their name; never their profile. */
    people: PeopleFacts;
    /** Which employer a placement belongs to, and whether an employer is verified. */
    placements: PlacementFacts;
    audit: AuditLog;
    notifications: NotificationsService;
    clock: Clock;
    names: NamesReadModel;
  }) {
    this.mongo = options.mongo;
    this.passports = options.passports;
    this.people = options.people;
    this.placements = options.placements;
    this.audit = options.audit;
    this.notifications = options.notifications;
    this.clock = options.clock;
    this.names = options.names;
  }

  /** Adds a feature to tell when "what helps me at work" is shared (services.ts wires them). */
  onHelpsShared(listener: HelpsSharedListener): void {
    this.#helpsSharedListeners.push(listener);
  }

  /** Loads the passport (or an empty one) and checks the actor may do `action` to it. */
  async #load(actor: Actor, youngPersonId: string, action: Action) {
    const person = await this.people.person(youngPersonId);
    if (!person) throw notFound('Young person');
    const passport = (await this.passports.current(youngPersonId)) ?? emptyPassport(person);
    const resource: Extract<Resource, { type: 'passport' }> = {
      type: 'passport',
      youngPersonId,
      providerId: person.providerId,
      coachAccess: passport.coachAccess,
    };
    authorize(actor, action, resource);
    return { person, passport, resource };
  }

  /** When the passport is next due a review, and whether that date has passed. */
  #reviewDue(nextReviewDue: string | undefined): { nextReviewDue: string | null; reviewOverdue: boolean } {
    if (!nextReviewDue) return { nextReviewDue: null, reviewOverdue: false };
    return { nextReviewDue, reviewOverdue: nextReviewDue < isoDate(this.clock.now()) };
  }

  async #recordRead(
    actor: Actor,
    youngPersonId: string,
    action: PassportReadAction,
    sections: PassportSection[],
    requestId: string,
    details: Record<string, unknown> = {},
  ) {
    if (isOwner(actor, youngPersonId)) return;
    await this.audit.success(action, actor, {
      target: { type: 'passport', id: youngPersonId },
      subjectId: youngPersonId,
      requestId,
      details: { sections, ...details },
    });
  }

  async read(
    actor: Actor,
    youngPersonId: string,
    requestId: string,
    action: 'passport.read' | 'passport.print' = 'passport.read',
  ) {
    const { passport, resource, person } = await this.#load(actor, youngPersonId, 'passport.read');
    const visible = readableSections(actor, resource, passportSections);
    await this.#recordRead(actor, youngPersonId, action, visible, requestId);
    return {
      person,
      view: {
        youngPersonId,
        version: passport.version,
        sections: pickSections(passport.sections, visible),
        visibleSections: visible,
        coachAccess: passport.coachAccess,
        completeness: completeness(passport.sections),
        ...this.#reviewDue(passport.sections.review?.nextReviewDue),
        pendingDrafts: await this.passports.countPendingDrafts(youngPersonId),
        updatedAt: passport.updatedAt?.toISOString() ?? null,
      },
    };
  }

  /**
   * What is left to do on the passport, for the home page's "what to do next": drafts waiting, the
   * review date, which readable sections are empty. No section's text is in it, so it is not a
   * read of the passport and is not written in the owner's access log (a delegate opening the home
   * page would otherwise appear there as having read the passport each time).
   */
  async toDo(actor: Actor, youngPersonId: string) {
    const { passport, resource } = await this.#load(actor, youngPersonId, 'passport.read');
    const visible = readableSections(actor, resource, passportSections);
    const filled = completeness(passport.sections);
    return {
      pendingDrafts: await this.passports.countPendingDrafts(youngPersonId),
      ...this.#reviewDue(visible.includes('review') ? passport.sections.review?.nextReviewDue : undefined),
      emptySections: visible.filter((section) => filled[section] === 'empty'),
    };
  }

  /**
   * Replaces the whole passport. The input names every section (null empties one), so that a
   * section is never emptied by being left out; the schema refuses a body that leaves any out.
   */
  async save(
    actor: Actor,
    youngPersonId: string,
    input: { sections: WholePassportSections; coachAccess?: CoachAccess; baseVersion?: number },
    requestId: string,
  ): Promise<Passport> {
    const { passport } = await this.#load(actor, youngPersonId, 'passport.edit');
    const sections = Object.fromEntries(
      Object.entries(input.sections).filter(([, content]) => content !== null && content !== undefined),
    ) as PassportSections;
    return this.#saveVersion(actor, passport, {
      baseVersion: input.baseVersion ?? passport.version,
      sections,
      coachAccess: input.coachAccess ?? passport.coachAccess,
      source: 'owner',
      audit: {
        action: 'passport.save',
        details: { sections: Object.keys(sections), coachAccess: input.coachAccess ?? passport.coachAccess },
      },
      requestId,
    });
  }

  /** Saves one section as a new version; every other section stays exactly as it was. */
  async saveSection<S extends PassportSection>(
    actor: Actor,
    youngPersonId: string,
    section: S,
    input: { baseVersion: number; content: NonNullable<PassportSections[S]> },
    requestId: string,
  ): Promise<Passport> {
    const { passport } = await this.#load(actor, youngPersonId, 'passport.edit');
    return this.#saveVersion(actor, passport, {
      baseVersion: input.baseVersion,
      sections: { ...passport.sections, [section]: input.content },
      coachAccess: passport.coachAccess,
      source: 'owner',
      audit: { action: 'passport.save', details: { sections: [section], coachAccess: passport.coachAccess } },
      requestId,
    });
  }

  /**
   * Records in the owner's passport that a help worked at an employer ("this worked at <employer>,
   * <month year>"), as a new version: on the help with the same words, or as a new help when the
   * words changed on the way. Recording the same again changes nothing, so a retry is safe.
   */
  async recordKnownToWork(
    actor: Actor,
    youngPersonId: string,
    help: {
      category: import('../domain/vocabulary.js').AdjustmentCategory;
      details: string;
      employer: string;
      month: string;
    },
    requestId: string,
  ): Promise<void> {
    const { passport } = await this.#load(actor, youngPersonId, 'passport.edit');
    const whatHelps = passport.sections.whatHelps ?? { adjustments: [] };
    const words = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');
    const index = whatHelps.adjustments.findIndex((entry) => words(entry.details) === words(help.details));
    const entry = whatHelps.adjustments[index] ?? { category: help.category, details: help.details, inPlace: false };
    if (entry.workedAt?.some((worked) => worked.employer === help.employer && worked.month === help.month)) return;
    const updated = {
      ...entry,
      workedAt: [...(entry.workedAt ?? []), { employer: help.employer, month: help.month }].slice(-10),
    };
    const adjustments =
      index >= 0
        ? whatHelps.adjustments.map((old, i) => (i === index ? updated : old))
        : [...whatHelps.adjustments, updated];
    if (adjustments.length > mostAdjustments)
      throw unprocessable(
        [{ path: 'passport', message: `already holds ${mostAdjustments} helps, the most it can; remove one first` }],
        'The passport is full.',
      );
    await this.#saveVersion(actor, passport, {
      baseVersion: passport.version,
      sections: { ...passport.sections, whatHelps: { ...whatHelps, adjustments } },
      coachAccess: passport.coachAccess,
      source: 'owner',
      audit: { action: 'passport.save', details: { sections: ['whatHelps'], knownToWork: true } },
      requestId,
    });
  }

  /** Brings back the sections of an earlier version as a new version (nothing is ever overwritten). */
  async restore(
    actor: Actor,
    youngPersonId: string,
    version: number,
    input: { baseVersion: number },
    requestId: string,
  ): Promise<Passport> {
    const { passport } = await this.#load(actor, youngPersonId, 'passport.edit');
    const earlier = await this.passports.version(youngPersonId, version);
    if (!earlier) throw notFound('Passport version');
    return this.#saveVersion(actor, passport, {
      baseVersion: input.baseVersion,
      sections: earlier.sections,
      coachAccess: passport.coachAccess,
      source: 'restore',
      restoredFrom: version,
      audit: {
        action: 'passport.restore',
        details: { sections: Object.keys(earlier.sections), restoredFrom: version },
      },
      requestId,
    });
  }

  /** One new version and its audit entry, in one transaction; refused with 409 if someone saved since `baseVersion`. */
  async #saveVersion(
    actor: Actor,
    passport: Passport,
    input: {
      baseVersion: number;
      sections: PassportSections;
      coachAccess: CoachAccess;
      source: VersionSource;
      restoredFrom?: number;
      audit: { action: 'passport.save' | 'passport.restore'; details: Record<string, unknown> };
      requestId: string;
    },
  ): Promise<Passport> {
    if (input.baseVersion !== passport.version) throw this.#staleVersion(passport.version);
    return inTransaction(this.mongo, async (session) => {
      const saved = await this.passports.saveVersion(
        {
          youngPersonId: passport.youngPersonId,
          providerId: passport.providerId,
          expectedVersion: passport.version,
          sections: input.sections,
          coachAccess: input.coachAccess,
          savedBy: { accountId: actor.accountId, role: actor.role },
          source: input.source,
          ...(input.restoredFrom ? { restoredFrom: input.restoredFrom } : {}),
        },
        this.clock.now(),
        session,
      );
      if (!saved) throw this.#staleVersion(passport.version);
      await this.audit.success(
        input.audit.action,
        actor,
        {
          target: { type: 'passport', id: passport.youngPersonId },
          subjectId: passport.youngPersonId,
          requestId: input.requestId,
          details: { version: saved.version, ...input.audit.details },
        },
        session,
      );
      return saved;
    });
  }

  #staleVersion(current: number) {
    return new ApiError(
      'conflict',
      'The passport was changed since you opened it. Reload it and make your changes again.',
      {
        details: { currentVersion: current },
      },
    );
  }

  async versions(actor: Actor, youngPersonId: string) {
    await this.#load(actor, youngPersonId, 'passport.read_history');
    return this.passports.listVersions(youngPersonId);
  }

  async version(actor: Actor, youngPersonId: string, version: number, requestId: string) {
    await this.#load(actor, youngPersonId, 'passport.read_history');
    const found = await this.passports.version(youngPersonId, version);
    if (!found) throw notFound('Passport version');
    await this.#recordRead(
      actor,
      youngPersonId,
      'passport.read_version',
      Object.keys(found.sections) as PassportSection[],
      requestId,
      { version },
    );
    return found;
  }

  async proposeDraft(
    actor: Actor,
    youngPersonId: string,
    input: { sections: PassportSections; note?: string },
    requestId: string,
  ) {
    const { person, passport, resource } = await this.#load(actor, youngPersonId, 'passport.propose');
    const visible = readableSections(actor, resource, passportSections);
    const hidden = Object.keys(input.sections).filter((name) => !visible.includes(name as PassportSection));
    if (hidden.length > 0) {
      throw new ApiError('forbidden', 'You can only propose changes to sections you are allowed to read.', {
        details: hidden.map((name) => ({
          path: `sections.${name}`,
          in: 'body' as const,
          message: 'is not shared with job coaches',
        })),
      });
    }
    return inTransaction(this.mongo, async (session) => {
      const draft = await this.passports.insertDraft(
        {
          youngPersonId,
          baseVersion: passport.version,
          sections: input.sections,
          ...(input.note ? { note: input.note } : {}),
          proposedBy: actor.accountId,
          proposedAt: this.clock.now(),
        },
        session,
      );
      await this.audit.success(
        'passport.draft_propose',
        actor,
        {
          target: { type: 'passport_draft', id: draft.id },
          subjectId: youngPersonId,
          requestId,
          details: { sections: Object.keys(input.sections) },
        },
        session,
      );
      await this.notifications.draftProposed(
        { youngPersonId, providerId: person.providerId, proposedBy: actor.accountId },
        session,
      );
      return draft;
    });
  }

  async drafts(actor: Actor, youngPersonId: string, status?: PassportDraft['status']) {
    const person = await this.people.person(youngPersonId);
    if (!person) throw notFound('Young person');
    const passport = (await this.passports.current(youngPersonId)) ?? emptyPassport(person);
    const resource = {
      type: 'passport' as const,
      youngPersonId,
      providerId: person.providerId,
      coachAccess: passport.coachAccess,
    };
    // Owners (and delegates with the right) decide on drafts; coaches see the ones they can propose.
    try {
      authorize(actor, 'passport.decide_draft', resource);
    } catch {
      authorize(actor, 'passport.propose', resource);
    }
    return this.passports.listDrafts(youngPersonId, status);
  }

  async decideDraft(
    actor: Actor,
    youngPersonId: string,
    draftId: string,
    decision: { accept: boolean; reason?: string },
    requestId: string,
  ) {
    const { passport } = await this.#load(actor, youngPersonId, 'passport.decide_draft');
    const draft = await this.passports.draft(youngPersonId, draftId);
    if (!draft) throw notFound('Draft');
    if (draft.status !== 'pending') {
      throw new ApiError('conflict', `This draft was already ${draft.status}.`, { details: { status: draft.status } });
    }
    return inTransaction(this.mongo, async (session) => {
      let resultingVersion: number | undefined;
      if (decision.accept) {
        const saved = await this.passports.saveVersion(
          {
            youngPersonId,
            providerId: passport.providerId,
            expectedVersion: passport.version,
            sections: { ...passport.sections, ...draft.sections },
            coachAccess: passport.coachAccess,
            savedBy: { accountId: actor.accountId, role: actor.role },
            source: 'draft',
            draftId,
          },
          this.clock.now(),
          session,
        );
        if (!saved) throw this.#staleVersion(passport.version);
        resultingVersion = saved.version;
      }
      const decided = await this.passports.decideDraft(
        draftId,
        {
          status: decision.accept ? 'accepted' : 'rejected',
          decidedBy: actor.accountId,
          decidedAt: this.clock.now(),
          reason: decision.reason,
          resultingVersion,
        },
        session,
      );
      if (!decided) throw new ApiError('conflict', 'This draft has just been decided.');
      await this.audit.success(
        decision.accept ? 'passport.draft_accept' : 'passport.draft_reject',
        actor,
        {
          target: { type: 'passport_draft', id: draftId },
          subjectId: youngPersonId,
          requestId,
          details: {
            sections: Object.keys(draft.sections),
            ...(resultingVersion ? { version: resultingVersion } : {}),
          },
        },
        session,
      );
      return (await this.passports.draft(youngPersonId, draftId, session))!;
    });
  }

  /**
   * Shares chosen sections with one employer (optionally for one placement), recording explicit
   * consent: who, when, what, for what purpose, until when.
   */
  async share(
    actor: Actor,
    youngPersonId: string,
    input: {
      employerId: string;
      placementId?: string;
      sections: PassportSection[];
      purpose: string;
      expiresInDays: number;
    },
    requestId: string,
  ) {
    const { person } = await this.#load(actor, youngPersonId, 'passport.share');
    const employer = await this.placements.employer(input.employerId);
    if (!employer?.verified) {
      throw unprocessable([{ path: 'employerId', in: 'body', message: 'is not a verified employer' }]);
    }
    if (input.placementId) {
      const placement = await this.placements.placement(input.placementId);
      if (!placement || placement.employerId !== employer.id) {
        throw unprocessable([{ path: 'placementId', in: 'body', message: 'is not a placement of this employer' }]);
      }
    }
    return inTransaction(this.mongo, async (session) => {
      const share = await this.createShare(
        actor,
        person,
        { ...input, employerName: employer.name },
        requestId,
        session,
      );
      if (actor.role === 'delegate')
        await this.notifications.sharedForYou(
          { youngPersonId: person.id, providerId: person.providerId, employerId: employer.id, by: actor.accountId },
          session,
        );
      return share;
    });
  }

  /** The consent record and its audit entry; used by `share` and by accepting a placement proposal. */
  async createShare(
    actor: Actor,
    person: Pick<PersonFact, 'id' | 'providerId'>,
    input: {
      employerId: string;
      employerName: string;
      placementId?: string;
      sections: PassportSection[];
      purpose: string;
      expiresInDays: number;
    },
    requestId: string,
    session: import('mongodb').ClientSession,
  ): Promise<PassportShare> {
    const now = this.clock.now();
    const sections = passportSections.filter((section) => input.sections.includes(section));
    const expiresAt = daysAfter(now, input.expiresInDays);
    const statement = consentStatement({
      sections,
      employerName: input.employerName,
      purpose: input.purpose,
      expiresAt,
    });
    const share = await this.passports.insertShare(
      {
        youngPersonId: person.id,
        providerId: person.providerId,
        employerId: input.employerId,
        ...(input.placementId ? { placementId: input.placementId } : {}),
        sections,
        purpose: input.purpose,
        consent: { givenBy: { accountId: actor.accountId, role: actor.role }, givenAt: now, statement },
        expiresAt,
      },
      session,
    );
    await this.audit.success(
      'passport.share',
      actor,
      {
        target: { type: 'passport_share', id: share.id },
        subjectId: person.id,
        requestId,
        details: { employerId: input.employerId, sections, purpose: input.purpose, expiresAt: expiresAt.toISOString() },
      },
      session,
    );
    if (sections.includes('whatHelps')) {
      const helps = (await this.passports.current(person.id, session))?.sections.whatHelps?.adjustments ?? [];
      for (const listener of this.#helpsSharedListeners) await listener.helpsShared({ share, helps }, session);
    }
    return share;
  }

  /** Whether the actor may share this young person's passport (403 if not); used before sharing on accepting a proposal. */
  async authorizeShare(actor: Actor, person: Pick<PersonFact, 'id' | 'providerId'>): Promise<void> {
    const passport = await this.passports.current(person.id);
    authorize(actor, 'passport.share', {
      type: 'passport',
      youngPersonId: person.id,
      providerId: person.providerId,
      coachAccess: passport?.coachAccess ?? defaultCoachAccess,
    });
  }

  /**
   * Ends a share made for a placement journey that has just ended, inside the journey's transaction;
   * a share already withdrawn or expired is left as it is.
   */
  async endJourneyShare(
    actor: Actor,
    share: { shareId: string; youngPersonId: string; employerId: string; because: string },
    requestId: string,
    session: import('mongodb').ClientSession,
  ): Promise<void> {
    if (!(await this.passports.withdrawShare(share.shareId, actor.accountId, this.clock.now(), session))) return;
    await this.audit.success(
      'passport.share_withdraw',
      actor,
      {
        target: { type: 'passport_share', id: share.shareId },
        subjectId: share.youngPersonId,
        requestId,
        details: { employerId: share.employerId, because: share.because },
      },
      session,
    );
  }

  /** Names of the job coaches who proposed these drafts, for showing beside them. */
  async proposerNames(drafts: PassportDraft[]): Promise<Map<string, string>> {
    return this.names.accountNames(drafts.map((draft) => draft.proposedBy));
  }

  /** Names of whoever saved these versions, for the version history. */
  async savedByNames(versions: { savedBy: { accountId: string } }[]): Promise<Map<string, string>> {
    return this.names.accountNames(versions.map((version) => version.savedBy.accountId));
  }

  /** Names of the employers these shares are with, for showing beside them. */
  async employerNames(shares: PassportShare[]): Promise<Map<string, string>> {
    return this.names.employerNames(shares.map((share) => share.employerId));
  }

  async shares(actor: Actor, youngPersonId: string) {
    await this.#load(actor, youngPersonId, 'passport.read_history');
    return this.passports.sharesOf(youngPersonId);
  }

  /**
   * The owner (or a delegate with share_passport) renews a share that was not withdrawn: a new
   * expiry, counted from today, with the consent statement saying the new date. Audited.
   */
  async renewShare(
    actor: Actor,
    youngPersonId: string,
    shareId: string,
    input: { expiresInDays: number },
    requestId: string,
  ) {
    await this.#load(actor, youngPersonId, 'passport.share');
    const share = await this.passports.share(shareId);
    if (!share || share.youngPersonId !== youngPersonId) throw notFound('Share');
    if (share.withdrawnAt)
      throw new ApiError('conflict', 'This share was withdrawn; share again to give consent anew.', {
        details: { status: 'withdrawn' },
      });
    const now = this.clock.now();
    const expiresAt = daysAfter(now, input.expiresInDays);
    const employerName = (await this.names.employerNames([share.employerId])).get(share.employerId) ?? 'the employer';
    const statement = consentStatement({ sections: share.sections, employerName, purpose: share.purpose, expiresAt });
    await inTransaction(this.mongo, async (session) => {
      if (
        !(await this.passports.renewShare(
          shareId,
          { expiresAt, statement, by: { accountId: actor.accountId, role: actor.role }, at: now },
          session,
        ))
      ) {
        throw new ApiError('conflict', 'This share was withdrawn; share again to give consent anew.', {
          details: { status: 'withdrawn' },
        });
      }
      await this.audit.success(
        'passport.share_renew',
        actor,
        {
          target: { type: 'passport_share', id: shareId },
          subjectId: youngPersonId,
          requestId,
          details: {
            employerId: share.employerId,
            previousExpiresAt: share.expiresAt.toISOString(),
            expiresAt: expiresAt.toISOString(),
          },
        },
        session,
      );
    });
    return (await this.passports.share(shareId))!;
  }

  async withdrawShare(actor: Actor, youngPersonId: string, shareId: string, requestId: string) {
    await this.#load(actor, youngPersonId, 'passport.share');
    const share = await this.passports.share(shareId);
    if (!share || share.youngPersonId !== youngPersonId) throw notFound('Share');
    await inTransaction(this.mongo, async (session) => {
      await this.passports.withdrawShare(shareId, actor.accountId, this.clock.now(), session);
      await this.audit.success(
        'passport.share_withdraw',
        actor,
        {
          target: { type: 'passport_share', id: shareId },
          subjectId: youngPersonId,
          requestId,
          details: { employerId: share.employerId },
        },
        session,
      );
    });
    return (await this.passports.share(shareId))!;
  }

  /** Stops every share with one employer that is active now, at once (one transaction, each audited). */
  async withdrawSharesWith(actor: Actor, youngPersonId: string, employerId: string, requestId: string) {
    await this.#load(actor, youngPersonId, 'passport.share');
    const now = this.clock.now();
    const active = (await this.passports.sharesOf(youngPersonId)).filter(
      (share) => share.employerId === employerId && shareStatus(share, now) === 'active',
    );
    await inTransaction(this.mongo, async (session) => {
      for (const share of active) {
        if (!(await this.passports.withdrawShare(share.id, actor.accountId, now, session))) continue;
        await this.audit.success(
          'passport.share_withdraw',
          actor,
          {
            target: { type: 'passport_share', id: share.id },
            subjectId: youngPersonId,
            requestId,
            details: { employerId },
          },
          session,
        );
      }
    });
    return active.length;
  }

  /**
   * Passport changes a job coach proposed that the caller may accept or reject: the young person's
   * own, and those of whom a delegate acts for with `edit_passport` (the policy decides who). Oldest first.
   */
  async draftsToDecide(actor: Actor): Promise<PassportDraft[]> {
    const drafts = await this.passports.pendingDraftsOf(ownedOrActedFor(actor));
    if (drafts.length === 0) return [];
    const owners = [...new Set(drafts.map((draft) => draft.youngPersonId))];
    const passports = await Promise.all(owners.map((id) => this.passports.current(id)));
    const passportOf = new Map(
      passports.filter((passport) => passport).map((passport) => [passport!.youngPersonId, passport!]),
    );
    return drafts.filter((draft) => {
      const passport = passportOf.get(draft.youngPersonId);
      if (!passport) return false;
      const resource = {
        type: 'passport' as const,
        youngPersonId: draft.youngPersonId,
        providerId: passport.providerId,
        coachAccess: passport.coachAccess,
      };
      return decide(actor, 'passport.decide_draft', resource) === 'allow';
    });
  }

  /**
   * Shares of the caller's passport (or of whom a delegate may share for) that are active now and
   * end within `days`, soonest first.
   */
  async sharesEndingWithin(actor: Actor, days: number): Promise<PassportShare[]> {
    const now = this.clock.now();
    const shares = await this.passports.sharesEndingBefore(ownedOrActedFor(actor), now, daysAfter(now, days));
    return shares.filter(
      (share) =>
        decide(actor, 'passport.share', {
          type: 'passport',
          youngPersonId: share.youngPersonId,
          providerId: share.providerId,
          coachAccess: 'none',
        }) === 'allow',
    );
  }

  /** The employer's side: passports currently shared with the caller's organisation. */
  async sharedWithMe(actor: Actor) {
    const employerId = sharedPassportsScope(actor);
    if (!employerId) return [];
    const shares = await this.passports.activeSharesFor(employerId, this.clock.now());
    const people = new Map((await this.people.people(shares.map((s) => s.youngPersonId))).map((p) => [p.id, p]));
    return shares
      .filter((share) => people.has(share.youngPersonId))
      .map((share) => ({ share, person: people.get(share.youngPersonId)! }));
  }

  /**
   * An employer reads only the shared sections, only while the share is active; each read is
   * audited, a print as a print so that the owner knows a paper copy may exist.
   */
  async readShared(
    actor: Actor,
    shareId: string,
    requestId: string,
    action: 'passport_share.read' | 'passport_share.print' = 'passport_share.read',
  ) {
    const share = await this.passports.share(shareId);
    if (!share) throw notFound('Shared passport');
    authorize(actor, 'passport_share.read', {
      type: 'passport_share',
      youngPersonId: share.youngPersonId,
      employerId: share.employerId,
      active: shareStatus(share, this.clock.now()) === 'active',
    });
    const [person, passport] = await Promise.all([
      this.people.person(share.youngPersonId),
      this.passports.current(share.youngPersonId),
    ]);
    if (!person) throw notFound('Shared passport');
    await this.#recordRead(actor, share.youngPersonId, action, share.sections, requestId, {
      shareId,
      employerId: share.employerId,
    });
    return {
      share,
      person,
      sections: pickSections(passport?.sections ?? {}, share.sections),
      version: passport?.version ?? 0,
    };
  }

  /**
   * For a share that has ended (withdrawn or expired): its young person's name and when it ended,
   * but only if the caller could read it were it still active, so that an employer is told it ended
   * rather than "not found". Never any passport text.
   */
  async endedShare(
    actor: Actor,
    shareId: string,
  ): Promise<{ preferredName: string; endedAt: Date | undefined } | undefined> {
    const share = await this.passports.share(shareId);
    if (!share) return undefined;
    const now = this.clock.now();
    if (shareStatus(share, now) === 'active') return undefined;
    const resource = {
      type: 'passport_share' as const,
      youngPersonId: share.youngPersonId,
      employerId: share.employerId,
      active: true,
    };
    if (decide(actor, 'passport_share.read', resource) !== 'allow') return undefined;
    const person = await this.people.person(share.youngPersonId);
    if (!person) return undefined;
    return {
      preferredName: person.preferredName,
      endedAt: share.withdrawnAt ?? (share.expiresAt <= now ? share.expiresAt : undefined),
    };
  }

  /**
   * The access log for reading on a page: one row per person per day with how many times, the
   * people at work first (what the owner most needs to know), then the family, each newest first.
   */
  async readsByDay(
    actor: Actor,
    youngPersonId: string,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; items: ReadsOnADay[] }> {
    await this.#load(actor, youngPersonId, 'passport.read_history');
    const { items, total } = await this.audit.perAccountPerDay(youngPersonId, {
      actions: passportReadActions,
      firstRoles: readersAtWork,
      timeZone: 'Europe/London',
      ...page,
    });
    const { readers, employerNames } = await this.#readers(items.map((row) => row.accountId));
    return {
      total,
      items: items.map((row) => {
        const reader = row.accountId ? readers.get(row.accountId) : undefined;
        return {
          group: row.role && readersAtWork.includes(row.role as Role) ? 'work' : 'family',
          by: {
            ...(row.accountId ? { accountId: row.accountId } : {}),
            ...(row.role ? { role: row.role } : {}),
            ...(reader ? { name: reader.name } : {}),
            ...(reader?.employerId && employerNames.has(reader.employerId)
              ? { organisation: employerNames.get(reader.employerId) }
              : {}),
          },
          day: row.day,
          times: row.count,
          lastAt: row.lastAt.toISOString(),
          actions: row.actions,
          sections: passportSections.filter((section) => row.sections.includes(section)),
          documents: documentKinds
            .filter((kind) => row.documentKinds.includes(kind))
            .map((kind) => documentKindLabels[kind]),
        };
      }),
    };
  }

  /** The names (and employers' names) of the accounts that read a passport. */
  async #readers(ids: (string | undefined)[]) {
    const accountIds = [...new Set(ids.filter((id): id is string => !!id && /^[0-9a-f]{24}$/.test(id)))];
    const readers = await this.names.accountSummaries(accountIds);
    const employerIds = [...readers.values()].map((a) => a.employerId).filter((id): id is string => !!id);
    const employerNames = await this.names.employerNames(employerIds);
    return { readers, employerNames };
  }

  /** Who read the passport, what, and when: for the owner (and delegates allowed to view it). */
  async accessLog(actor: Actor, youngPersonId: string, page: { limit: number; offset: number }) {
    await this.#load(actor, youngPersonId, 'passport.read_history');
    const { items, total } = await this.audit.forSubject(youngPersonId, { actions: passportReadActions, ...page });
    const { readers, employerNames } = await this.#readers(items.map((entry) => entry.actor.accountId));
    const describe: Record<string, string> = {
      'passport.read': 'Read your passport',
      'passport.read_version': 'Read an earlier version of your passport',
      'passport.print': 'Opened the printable passport',
      'passport_share.read': 'Read the sections you shared with them',
      'passport_share.print': 'Printed the sections you shared with them',
      'young_person.export': 'Downloaded everything held about you',
    };
    const downloaded = (entry: { details?: Record<string, unknown> }) => {
      const kind = documentKinds.find((known) => known === entry.details?.documentKind);
      return kind ? `Downloaded a document: ${documentKindLabels[kind]}` : 'Downloaded a document';
    };
    return {
      total,
      items: items.map((entry) => {
        const reader = entry.actor.accountId ? readers.get(entry.actor.accountId) : undefined;
        const sections = (entry.details?.sections as PassportSection[] | undefined) ?? undefined;
        return {
          at: entry.at.toISOString(),
          action: entry.action,
          description:
            entry.action === 'document.download' ? downloaded(entry) : (describe[entry.action] ?? entry.action),
          by: {
            accountId: entry.actor.accountId,
            role: entry.actor.role,
            ...(reader ? { name: reader.name } : {}),
            ...(reader?.employerId && employerNames.has(reader.employerId)
              ? { organisation: employerNames.get(reader.employerId) }
              : {}),
          },
          ...(sections ? { sections } : {}),
        };
      }),
    };
  }
}
