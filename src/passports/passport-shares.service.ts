import type { ClientSession } from 'mongodb';
import { type Actor, authorize, decide, sharedPassportsScope } from '../auth/policy.js';
import { daysAfter } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, notFound, unprocessable } from '../core/errors.js';
import { type AdjustmentCategory, type PassportSection, passportSections } from '../domain/vocabulary.js';
import type { PersonFact } from '../read-models/people.js';
import { PassportDrafts } from './passport-drafts.service.js';
import type { PassportShare } from './passports.repository.js';
import {
  consentStatement,
  defaultCoachAccess,
  ownedOrActedFor,
  pickSections,
  shareEndingSoonDays,
  shareStatus,
} from './passports.rules.js';

/**
 * A feature that acts, inside the share's transaction, when "what helps me at work" is shared with an
 * employer: adjustments turn each help into a request on the journey. It is given the helps shared.
 */
export interface HelpsSharedListener {
  helpsShared(
    event: { share: PassportShare; helps: { category: AdjustmentCategory; details: string }[] },
    session: ClientSession,
  ): Promise<unknown>;
}

/** PassportsService's layer for sharing: consent, renewing and withdrawing shares, and employers reading what was shared. */
export class PassportShares extends PassportDrafts {
  readonly #helpsSharedListeners: HelpsSharedListener[] = [];

  /** Adds a feature to tell when "what helps me at work" is shared (services.ts wires them). */
  onHelpsShared(listener: HelpsSharedListener): void {
    this.#helpsSharedListeners.push(listener);
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
    const { person } = await this.load(actor, youngPersonId, 'passport.share');
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

  /** Names of the employers these shares are with, for showing beside them. */
  async employerNames(shares: PassportShare[]): Promise<Map<string, string>> {
    return this.names.employerNames(shares.map((share) => share.employerId));
  }

  async shares(actor: Actor, youngPersonId: string) {
    await this.load(actor, youngPersonId, 'passport.read_history');
    return this.passports.sharesOf(youngPersonId);
  }

  /** The shares of one passport that are active and end within `shareEndingSoonDays`, for its owner's home. */
  async sharesEndingSoon(actor: Actor, youngPersonId: string): Promise<PassportShare[]> {
    const now = this.clock.now();
    const soon = daysAfter(now, shareEndingSoonDays);
    const shares = await this.shares(actor, youngPersonId);
    return shares.filter((share) => shareStatus(share, now) === 'active' && share.expiresAt <= soon);
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
    await this.load(actor, youngPersonId, 'passport.share');
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
    await this.load(actor, youngPersonId, 'passport.share');
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
    await this.load(actor, youngPersonId, 'passport.share');
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
    await this.recordRead(actor, share.youngPersonId, action, share.sections, requestId, {
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
}
