import type { ClientSession, MongoClient } from 'mongodb';
import type { Actor } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { daysBetween } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, notFound, unprocessable } from '../core/errors.js';
import type { PassportSection } from '../domain/vocabulary.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { PassportsService } from '../passports/passports.service.js';
import type { PeopleFacts, PersonFact } from '../read-models/people.js';
import type { EmployerFact, PlacementFact } from '../read-models/placements.js';
import type { Journey } from './journey.repository.js';
import { bodyProblem } from './journey-errors.js';
import { chosenShareEnd, endJourneyShare, type ShareEndChoice, shareEndChoices } from './journey-share.js';
import type { AuthorizedStep, JourneySteps } from './journey-steps.service.js';

export interface AcceptInput {
  sections: PassportSection[];
  purpose?: string;
  shareUntil?: string;
  shareForDays?: number;
}

export interface TasterInput {
  kind: 'taster_day' | 'informal_interview';
  date: string;
  place: string;
  notes?: string;
}

/** What the young person shares with the employer on agreeing: the sections, why, and for how many days. */
interface ShareOnAccepting {
  sections: PassportSection[];
  purpose: string;
  expiresInDays: number;
}

/** 403 naming `sections` when the caller may agree for the young person but not share their passport. */
function cannotShareError(): ApiError {
  return new ApiError(
    'forbidden',
    'Sharing passport sections needs the young person, or a delegate allowed to share the passport.',
    {
      details: [
        {
          path: 'sections',
          in: 'body',
          message: 'cannot be shared by you; send an empty list to agree without sharing',
        },
      ],
    },
  );
}

/**
 * The answers to a proposal: the young person agrees (sharing what they choose from their
 * passport) or says no; the employer asks for a taster, accepts or declines.
 */
export class AnswersService {
  private readonly mongo: MongoClient;
  private readonly steps: JourneySteps;
  private readonly people: PeopleFacts;
  private readonly passports: PassportsService;
  private readonly notifications: NotificationsService;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    steps: JourneySteps;
    people: PeopleFacts;
    passports: PassportsService;
    notifications: NotificationsService;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.steps = options.steps;
    this.people = options.people;
    this.passports = options.passports;
    this.notifications = options.notifications;
    this.clock = options.clock;
  }

  /**
   * The young person agrees, and shares exactly the chosen passport sections with the employer:
   * the consent record is made by the passports feature in the same transaction. Choosing no
   * section shares nothing and makes no consent record.
   */
  async accept(actor: Actor, id: string, input: AcceptInput, requestId: string) {
    const authorized = await this.steps.authorizeStep(actor, id, 'accept');
    const { placement, employer } = await this.steps.placementOf(authorized.match);
    if (!employer.verified)
      throw unprocessable(
        [{ path: 'placement', message: 'belongs to an employer that is no longer verified' }],
        'The employer is not verified.',
      );
    const person = await this.people.person(authorized.match.youngPersonId);
    if (!person) throw notFound('Young person');
    if (input.sections.length > 0) await this.#authorizeSharing(actor, person);
    const share = this.#shareOnAccepting(placement, employer, input);
    return inTransaction(this.mongo, async (session) => {
      const made =
        share.sections.length > 0
          ? await this.passports.createShare(
              actor,
              person,
              { employerId: employer.id, employerName: employer.name, placementId: placement.id, ...share },
              requestId,
              session,
            )
          : undefined;
      const shared = { sharedSections: made?.sections ?? [], ...(made ? { shareId: made.id } : {}) };
      const moved = await this.steps.move(
        actor,
        authorized,
        {
          visibleToEmployer: true,
          youngPersonResponse: { accepted: true, at: this.clock.now(), by: authorized.by, ...shared },
        },
        requestId,
        session,
        shared,
      );
      await this.notifications.proposalAgreed(moved, made !== undefined, session);
      await this.#tellIfAnsweredForThem(authorized, moved, true, session);
      return moved;
    });
  }

  /** Agreeing is the young person's or a delegate's; sharing their passport needs the right to share it. */
  async #authorizeSharing(actor: Actor, person: PersonFact): Promise<void> {
    try {
      await this.passports.authorizeShare(actor, person);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'forbidden') throw error;
      throw cannotShareError();
    }
  }

  /** The share as chosen: the purpose given (or one naming the employer and placement) and its end, checked. */
  #shareOnAccepting(placement: PlacementFact, employer: EmployerFact, input: AcceptInput): ShareOnAccepting {
    const purpose = (
      input.purpose ?? `So that ${employer.name} can plan the adjustments I need on the ${placement.title} placement`
    ).slice(0, 300);
    const today = this.steps.today();
    const expiresInDays = input.sections.length > 0 ? daysBetween(today, chosenShareEnd(placement, today, input)) : 0;
    return { sections: input.sections, purpose, expiresInDays };
  }

  /** A parent or carer answered for the young person: the young person is told who did, and what. */
  async #tellIfAnsweredForThem(
    { by }: AuthorizedStep,
    moved: Journey,
    accepted: boolean,
    session: ClientSession,
  ): Promise<void> {
    if (by.role === 'delegate')
      await this.notifications.proposalAnsweredForYou(moved, { accepted, by: by.accountId }, session);
  }

  /** The days a young person can choose to share until when agreeing to this proposal: shorter ones, then the latest. */
  async shareEndChoices(match: Journey): Promise<ShareEndChoice[]> {
    const { placement } = await this.steps.placementOf(match);
    return shareEndChoices(placement, this.steps.today());
  }

  async decline(actor: Actor, id: string, input: { reason?: string }, requestId: string) {
    const authorized = await this.steps.authorizeStep(actor, id, 'decline');
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.steps.move(
        actor,
        authorized,
        {
          youngPersonResponse: {
            accepted: false,
            at: this.clock.now(),
            by: authorized.by,
            sharedSections: [],
            ...(input.reason ? { reason: input.reason } : {}),
          },
        },
        requestId,
        session,
      );
      await this.#tellIfAnsweredForThem(authorized, moved, false, session);
      return moved;
    });
  }

  async arrangeTaster(actor: Actor, id: string, input: TasterInput, requestId: string) {
    const authorized = await this.steps.authorizeStep(actor, id, 'arrange_taster');
    if (input.date < this.steps.today()) throw unprocessable([bodyProblem('date', 'is in the past')]);
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.steps.move(
        actor,
        authorized,
        { taster: { ...input, arrangedAt: this.clock.now(), arrangedBy: authorized.by } },
        requestId,
        session,
        { kind: input.kind, date: input.date },
      );
      await this.notifications.tasterArranged(moved, input, session);
      return moved;
    });
  }

  async employerAccept(actor: Actor, id: string, input: { note?: string }, requestId: string) {
    const authorized = await this.steps.authorizeStep(actor, id, 'employer_accept');
    const taster = authorized.match.taster;
    if (authorized.match.state === 'taster_arranged' && taster && taster.date > this.steps.today()) {
      throw unprocessable(
        [{ path: 'taster.date', message: `is ${taster.date}; accept after the taster, or decline now` }],
        'The taster has not happened yet.',
      );
    }
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.steps.move(
        actor,
        authorized,
        {
          employerDecision: {
            accepted: true,
            at: this.clock.now(),
            by: authorized.by,
            ...(input.note ? { note: input.note } : {}),
          },
        },
        requestId,
        session,
      );
      await this.notifications.employerDecided(moved, true, session);
      return moved;
    });
  }

  async employerDecline(actor: Actor, id: string, input: { reason: string }, requestId: string) {
    const authorized = await this.steps.authorizeStep(actor, id, 'employer_decline');
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.steps.move(
        actor,
        authorized,
        { employerDecision: { accepted: false, at: this.clock.now(), by: authorized.by, reason: input.reason } },
        requestId,
        session,
      );
      await endJourneyShare(this.passports, actor, moved, requestId, session);
      await this.notifications.employerDecided(moved, false, session);
      return moved;
    });
  }
}
