import type { ClientSession, Filter } from 'mongodb';
import { ObjectId } from 'mongodb';
import { type Actor, notificationsScope } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { longDate } from '../core/dates.js';
import type { DelegateRight, Role } from '../domain/vocabulary.js';
import type { Journey } from '../journey/journey.repository.js';
import type { PeopleFacts } from '../read-models/people.js';
import type { PlacementFacts } from '../read-models/placements.js';
import type { RecipientFacts, RecipientsReadModel } from '../read-models/recipients.js';
import { kindDescriptions, mandatoryKinds, type NotificationKind } from './kinds.js';
import { webPaths } from './links.js';
import type { NewNotification, NotificationDoc, NotificationOutbox, NotificationStatus, Recipient } from './outbox.js';
import type { NotificationPreferences, PreferencesRepository, UnsubscribeLinks } from './preferences.js';

const roleLabels: Record<Role, string> = {
  provider_admin: 'an administrator for your organisation',
  job_coach: 'a job coach',
  young_person: 'a young person looking for a supported internship',
  delegate: 'a parent, carer or someone else who helps a young person',
  employer: 'a member of staff at your organisation',
};

export function dateAndTime(value: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
    timeZoneName: 'short',
  }).format(value);
}

interface Addressee {
  recipient: Recipient;
  /** True for the young person themself; false for someone acting for them. */
  forSelf: boolean;
}

const recipientOf = (account: RecipientFacts): Recipient => ({
  email: account.email,
  name: account.name,
  accountId: account.accountId,
});

/**
 * The one place other features tell about events that deserve an email. Each method writes to
 * the notifications outbox inside the caller's transaction, addressed to the people who should
 * hear and to nobody else; the delivery worker sends them later.
 */
export class NotificationsService {
  readonly outbox: NotificationOutbox;
  readonly preferencesRepository: PreferencesRepository;
  readonly unsubscribeLinks: UnsubscribeLinks;
  private readonly recipients: RecipientsReadModel;
  private readonly people: PeopleFacts;
  private readonly placements: PlacementFacts;
  private readonly clock: Clock;

  constructor(options: {
    outbox: NotificationOutbox;
    preferences: PreferencesRepository;
    unsubscribeLinks: UnsubscribeLinks;
    /** Who hears about an event: the active accounts on each side of it. */
    recipients: RecipientsReadModel;
    /** The young person's name for the email; nothing else of theirs. */
    people: PeopleFacts;
    /** The placement's title and the employer's name for the email. */
    placements: PlacementFacts;
    clock: Clock;
  }) {
    this.outbox = options.outbox;
    this.preferencesRepository = options.preferences;
    this.unsubscribeLinks = options.unsubscribeLinks;
    this.recipients = options.recipients;
    this.people = options.people;
    this.placements = options.placements;
    this.clock = options.clock;
  }

  /** The young person's own account and the delegates who hold `right` for them. */
  async #youngPersonSide(youngPersonId: string, right: DelegateRight, session?: ClientSession): Promise<Addressee[]> {
    const [own, delegates] = await Promise.all([
      this.recipients.youngPerson(youngPersonId, session),
      this.recipients.delegatesWith(youngPersonId, right, session),
    ]);
    return [
      ...own.map((doc) => ({ recipient: recipientOf(doc), forSelf: true })),
      ...delegates.map((doc) => ({ recipient: recipientOf(doc), forSelf: false })),
    ];
  }

  async #account(accountId: string | undefined, session?: ClientSession): Promise<RecipientFacts | undefined> {
    return this.recipients.account(accountId, session);
  }

  async #labels(match: Pick<Journey, 'youngPersonId' | 'placementId' | 'employerId'>, session?: ClientSession) {
    const [person, placement, employer] = await Promise.all([
      this.people.person(match.youngPersonId, session),
      this.placements.placement(match.placementId, session),
      this.placements.employer(match.employerId, session),
    ]);
    return {
      youngPersonName: person?.preferredName ?? 'the young person',
      placementTitle: placement?.title ?? 'the placement',
      employerName: employer?.name ?? 'the employer',
    };
  }

  /** An invitation: the invitee gets the link to accept; the inviter only learns that it was sent. */
  async invitationCreated(
    invitation: {
      email: string;
      name: string;
      role: Role;
      token: string;
      expiresAt: Date;
      providerId?: string;
      youngPersonId?: string;
      invitedBy?: string;
    },
    session: ClientSession,
  ): Promise<void> {
    const inviter = await this.#account(invitation.invitedBy, session);
    await this.outbox.enqueue(
      [
        {
          kind: 'invitation',
          to: { email: invitation.email, name: invitation.name },
          path: webPaths.invitation(invitation.token),
          facts: {
            inviterName: inviter?.name ?? 'An administrator',
            roleLabel: roleLabels[invitation.role],
            expiresOn: longDate(invitation.expiresAt, { weekday: true }),
          },
          ...(invitation.providerId ? { providerId: invitation.providerId } : {}),
          ...(invitation.youngPersonId ? { subjectIds: [invitation.youngPersonId] } : {}),
        },
      ],
      session,
    );
  }

  /** A link to choose a new password, sent only to the address of the account it resets. */
  async passwordResetRequested(
    reset: { accountId: string; token: string; expiresAt: Date },
    session: ClientSession,
  ): Promise<void> {
    const account = await this.#account(reset.accountId, session);
    if (!account) return;
    await this.outbox.enqueue(
      [
        {
          kind: 'password_reset',
          to: recipientOf(account),
          path: webPaths.passwordReset(reset.token),
          facts: { expiresAt: dateAndTime(reset.expiresAt) },
          ...(account.providerId ? { providerId: account.providerId } : {}),
          ...(account.youngPersonId ? { subjectIds: [account.youngPersonId] } : {}),
        },
      ],
      session,
    );
  }

  /** A job coach proposed a placement: the young person and delegates who answer proposals. */
  async proposalMade(match: Journey, session: ClientSession): Promise<void> {
    const labels = await this.#labels(match, session);
    const addressees = await this.#youngPersonSide(match.youngPersonId, 'respond_to_proposals', session);
    await this.outbox.enqueue(
      addressees.map(({ recipient, forSelf }) => ({
        kind: 'proposal_received',
        to: recipient,
        path: webPaths.proposal(match.youngPersonId, match.id),
        facts: { ...labels, forSelf: forSelf ? 'yes' : 'no' },
        providerId: match.providerId,
        subjectIds: [match.youngPersonId],
      })),
      session,
    );
  }

  /** The young person agreed: the employer's staff decide next. Says only whether anything was shared. */
  async proposalAgreed(match: Journey, sharedAnything: boolean, session: ClientSession): Promise<void> {
    const labels = await this.#labels(match, session);
    const staff = await this.recipients.employerStaff(match.employerId, session);
    await this.outbox.enqueue(
      staff.map((doc) => ({
        kind: 'proposal_agreed',
        to: recipientOf(doc),
        path: webPaths.journey(match.id),
        facts: { ...labels, shared: sharedAnything ? 'yes' : 'no' },
        providerId: match.providerId,
        subjectIds: [match.youngPersonId],
      })),
      session,
    );
  }

  /**
   * A parent or carer answered a proposal for the young person: the young person hears who did
   * what, so they can tell their job coach if it is not what they want.
   */
  async proposalAnsweredForYou(
    match: Journey,
    answer: { accepted: boolean; by: string },
    session: ClientSession,
  ): Promise<void> {
    const [labels, delegate, own] = await Promise.all([
      this.#labels(match, session),
      this.#account(answer.by, session),
      this.recipients.youngPerson(match.youngPersonId, session),
    ]);
    await this.outbox.enqueue(
      own.map((doc) => ({
        kind: 'decided_for_you',
        to: recipientOf(doc),
        path: webPaths.proposal(match.youngPersonId, match.id),
        facts: {
          ...labels,
          delegateName: delegate?.name ?? 'Someone who helps you',
          decision: answer.accepted ? 'accepted' : 'declined',
          on: longDate(this.clock.now(), { weekday: true }),
        },
        providerId: match.providerId,
        subjectIds: [match.youngPersonId],
      })),
      session,
    );
  }

  /** A parent or carer shared the young person's passport: the young person hears with whom (never which parts). */
  async sharedForYou(
    share: { youngPersonId: string; providerId: string; employerId: string; by: string },
    session: ClientSession,
  ): Promise<void> {
    const [employer, delegate, own] = await Promise.all([
      this.placements.employer(share.employerId, session),
      this.#account(share.by, session),
      this.recipients.youngPerson(share.youngPersonId, session),
    ]);
    await this.outbox.enqueue(
      own.map((doc) => ({
        kind: 'decided_for_you',
        to: recipientOf(doc),
        path: webPaths.passportShares(share.youngPersonId),
        facts: {
          employerName: employer?.name ?? 'an employer',
          delegateName: delegate?.name ?? 'Someone who helps you',
          decision: 'shared',
          on: longDate(this.clock.now(), { weekday: true }),
        },
        providerId: share.providerId,
        subjectIds: [share.youngPersonId],
      })),
      session,
    );
  }

  /** The job coach and the young person hear about the employer's decision or a taster. */
  async #toCoachAndYoungPerson(
    match: Journey,
    kind: NotificationKind,
    facts: Record<string, string>,
    session: ClientSession,
  ): Promise<void> {
    const labels = await this.#labels(match, session);
    const [coach, own] = await Promise.all([
      this.#account(match.jobCoachId, session),
      this.recipients.youngPerson(match.youngPersonId, session),
    ]);
    const items: NewNotification[] = [
      ...(coach
        ? [
            {
              kind,
              to: recipientOf(coach),
              path: webPaths.journey(match.id),
              facts: { ...labels, ...facts, forSelf: 'no' },
              providerId: match.providerId,
              subjectIds: [match.youngPersonId],
            },
          ]
        : []),
      ...own.map((doc) => ({
        kind,
        to: recipientOf(doc),
        path: webPaths.proposal(match.youngPersonId, match.id),
        facts: { ...labels, ...facts, forSelf: 'yes' },
        providerId: match.providerId,
        subjectIds: [match.youngPersonId],
      })),
    ];
    await this.outbox.enqueue(items, session);
  }

  async employerDecided(match: Journey, accepted: boolean, session: ClientSession): Promise<void> {
    await this.#toCoachAndYoungPerson(
      match,
      'employer_decision',
      { decision: accepted ? 'accepted' : 'declined' },
      session,
    );
  }

  async tasterArranged(
    match: Journey,
    taster: { kind: 'taster_day' | 'informal_interview'; date: string },
    session: ClientSession,
  ): Promise<void> {
    const tasterLabel = taster.kind === 'taster_day' ? 'A taster day' : 'An informal interview';
    await this.#toCoachAndYoungPerson(
      match,
      'taster_arranged',
      { tasterLabel, date: longDate(taster.date, { weekday: true }) },
      session,
    );
  }

  /** A job coach proposed passport changes: the young person and delegates who may edit the passport. */
  async draftProposed(
    draft: { youngPersonId: string; providerId: string; proposedBy: string },
    session: ClientSession,
  ): Promise<void> {
    const [person, coach, addressees] = await Promise.all([
      this.people.person(draft.youngPersonId, session),
      this.#account(draft.proposedBy, session),
      this.#youngPersonSide(draft.youngPersonId, 'edit_passport', session),
    ]);
    await this.outbox.enqueue(
      addressees.map(({ recipient, forSelf }) => ({
        kind: 'passport_draft_waiting',
        to: recipient,
        path: webPaths.passportDrafts(draft.youngPersonId),
        facts: {
          youngPersonName: person?.preferredName ?? 'the young person',
          coachName: coach?.name ?? 'A job coach',
          forSelf: forSelf ? 'yes' : 'no',
        },
        providerId: draft.providerId,
        subjectIds: [draft.youngPersonId],
      })),
      session,
    );
  }

  /** Security: an old refresh token came back, so the sign-in was ended. Once per sign-in. */
  async refreshTokenReused(accountId: string, familyId: string): Promise<void> {
    const account = await this.#account(accountId);
    if (!account) return;
    await this.outbox.enqueueOnce({
      kind: 'security_refresh_reuse',
      to: recipientOf(account),
      path: webPaths.signIn(),
      facts: { at: dateAndTime(this.clock.now()) },
      ...(account.providerId ? { providerId: account.providerId } : {}),
      ...(account.youngPersonId ? { subjectIds: [account.youngPersonId] } : {}),
      dedupeKey: `security_refresh_reuse:${familyId}`,
    });
  }

  /** Security: a sign-in the account holder may not have made (the first after a password change, or from a new address). */
  async newSignIn(accountId: string, reason: 'after_password_change' | 'new_address'): Promise<void> {
    const account = await this.#account(accountId);
    if (!account) return;
    await this.outbox.enqueue([
      {
        kind: 'security_new_sign_in',
        to: recipientOf(account),
        path: webPaths.signIn(),
        facts: { at: dateAndTime(this.clock.now()), reason },
        ...(account.providerId ? { providerId: account.providerId } : {}),
        ...(account.youngPersonId ? { subjectIds: [account.youngPersonId] } : {}),
      },
    ]);
  }

  async preferences(actor: Actor): Promise<NotificationPreferences & { alwaysSent: NotificationKind[] }> {
    return { ...(await this.preferencesRepository.of(actor.accountId)), alwaysSent: [...mandatoryKinds] };
  }

  async setPreferences(
    actor: Actor,
    preferences: NotificationPreferences,
  ): Promise<NotificationPreferences & { alwaysSent: NotificationKind[] }> {
    return {
      ...(await this.preferencesRepository.replace(actor.accountId, preferences)),
      alwaysSent: [...mandatoryKinds],
    };
  }

  /** One-click unsubscribe: turns off the one kind the link names; false when the link is not ours. */
  async unsubscribe(token: string): Promise<{ kind: NotificationKind; description: string } | undefined> {
    const named = this.unsubscribeLinks.verify(token);
    if (!named) return undefined;
    await this.preferencesRepository.turnOff(named.accountId, named.kind);
    return { kind: named.kind, description: kindDescriptions[named.kind] };
  }

  /** What an unsubscribe link is about, and whether that kind is already off; undefined when the link is not ours. */
  async describeUnsubscribe(
    token: string,
  ): Promise<{ kind: NotificationKind; description: string; off: boolean } | undefined> {
    const named = this.unsubscribeLinks.verify(token);
    if (!named) return undefined;
    const preferences = await this.preferencesRepository.of(named.accountId);
    return { kind: named.kind, description: kindDescriptions[named.kind], off: !preferences.email[named.kind] };
  }

  /**
   * Notifications without their contents: a provider admin sees those of their provider (by
   * default the failed ones); everyone else sees those addressed to them.
   */
  async list(actor: Actor, query: { status?: NotificationStatus; limit: number; offset: number }) {
    const scope = notificationsScope(actor);
    const filter: Filter<NotificationDoc> =
      'providerId' in scope
        ? { providerId: new ObjectId(scope.providerId), status: query.status ?? 'failed' }
        : { 'to.accountId': new ObjectId(scope.accountId), ...(query.status ? { status: query.status } : {}) };
    const [docs, total] = await Promise.all([
      this.outbox.collection
        .find(filter, { projection: { facts: 0, path: 0, digestItems: 0 } })
        .sort({ createdAt: -1, _id: -1 })
        .skip(query.offset)
        .limit(query.limit)
        .toArray(),
      this.outbox.collection.countDocuments(filter),
    ]);
    return {
      total,
      items: docs.map((doc) => ({
        id: doc._id.toHexString(),
        kind: doc.kind,
        description: kindDescriptions[doc.kind],
        status: doc.status,
        recipient: { name: doc.to.name, email: doc.to.email },
        attempts: doc.attempts,
        createdAt: doc.createdAt.toISOString(),
        ...(doc.sentAt ? { sentAt: doc.sentAt.toISOString() } : {}),
        ...(doc.failedAt ? { failedAt: doc.failedAt.toISOString() } : {}),
        ...(doc.lastError ? { lastError: doc.lastError } : {}),
      })),
    };
  }
}
