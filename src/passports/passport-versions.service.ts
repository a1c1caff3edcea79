import type { MongoClient } from 'mongodb';
import type { AuditLog, PassportReadAction } from '../audit/audit.js';
import {
  type Action,
  type Actor,
  authorize,
  type CoachAccess,
  isOwner,
  type Resource,
  readableSections,
} from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { daysAfter, isoDate } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, notFound, unprocessable } from '../core/errors.js';
import { type AdjustmentCategory, type PassportSection, passportSections } from '../domain/vocabulary.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { NamesReadModel } from '../read-models/names.js';
import type { PeopleFacts } from '../read-models/people.js';
import type { PlacementFacts } from '../read-models/placements.js';
import type { Passport, PassportsRepository, VersionSource } from './passports.repository.js';
import { completeness, emptyPassport, pickSections, reviewSoonDays } from './passports.rules.js';
import { mostAdjustments, type PassportSections, type WholePassportSections } from './passports.schemas.js';

/**
 * The first layer of PassportsService (passports.service.ts): who may do what to a passport, reading it,
 * and saving and restoring its versions. The layers after it add drafts, shares and the access log.
 */
export class PassportVersions {
  protected readonly mongo: MongoClient;
  protected readonly passports: PassportsRepository;
  protected readonly people: PeopleFacts;
  protected readonly placements: PlacementFacts;
  protected readonly audit: AuditLog;
  protected readonly notifications: NotificationsService;
  protected readonly clock: Clock;
  protected readonly names: NamesReadModel;

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

  /** Loads the passport (or an empty one) and checks the actor may do `action` to it. */
  protected async load(actor: Actor, youngPersonId: string, action: Action) {
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

  protected async recordRead(
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
    const { passport, resource, person } = await this.load(actor, youngPersonId, 'passport.read');
    const visible = readableSections(actor, resource, passportSections);
    await this.recordRead(actor, youngPersonId, action, visible, requestId);
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
    const { passport, resource } = await this.load(actor, youngPersonId, 'passport.read');
    const visible = readableSections(actor, resource, passportSections);
    const filled = completeness(passport.sections);
    const review = this.#reviewDue(visible.includes('review') ? passport.sections.review?.nextReviewDue : undefined);
    const soon = isoDate(daysAfter(this.clock.now(), reviewSoonDays));
    return {
      pendingDrafts: await this.passports.countPendingDrafts(youngPersonId),
      ...review,
      reviewDueSoon: !review.reviewOverdue && review.nextReviewDue !== null && review.nextReviewDue <= soon,
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
    const { passport } = await this.load(actor, youngPersonId, 'passport.edit');
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
    const { passport } = await this.load(actor, youngPersonId, 'passport.edit');
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
    help: { category: AdjustmentCategory; details: string; employer: string; month: string },
    requestId: string,
  ): Promise<void> {
    const { passport } = await this.load(actor, youngPersonId, 'passport.edit');
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
    const { passport } = await this.load(actor, youngPersonId, 'passport.edit');
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
    if (input.baseVersion !== passport.version) throw this.staleVersion(passport.version);
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
      if (!saved) throw this.staleVersion(passport.version);
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

  protected staleVersion(current: number) {
    return new ApiError(
      'conflict',
      'The passport was changed since you opened it. Reload it and make your changes again.',
      {
        details: { currentVersion: current },
      },
    );
  }

  async versions(actor: Actor, youngPersonId: string) {
    await this.load(actor, youngPersonId, 'passport.read_history');
    return this.passports.listVersions(youngPersonId);
  }

  async version(actor: Actor, youngPersonId: string, version: number, requestId: string) {
    await this.load(actor, youngPersonId, 'passport.read_history');
    const found = await this.passports.version(youngPersonId, version);
    if (!found) throw notFound('Passport version');
    await this.recordRead(
      actor,
      youngPersonId,
      'passport.read_version',
      Object.keys(found.sections) as PassportSection[],
      requestId,
      { version },
    );
    return found;
  }

  /** Names of whoever saved these versions, for the version history. */
  async savedByNames(versions: { savedBy: { accountId: string } }[]): Promise<Map<string, string>> {
    return this.names.accountNames(versions.map((version) => version.savedBy.accountId));
  }
}
