import type { Collection, Db, MongoClient } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import type { Clock } from '../core/clock.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, unprocessable } from '../core/errors.js';
import type { Role } from '../domain/vocabulary.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { AccountsRepository } from './accounts.js';
import type { AuthService, RequestContext } from './auth.service.js';
import { hashToken, invitationsCollection, newOneTimeToken } from './invitations.js';
import { type PasswordHasher, passwordProblem } from './passwords.js';
import type { LoginThrottle } from './throttle.js';

/** How long a link to choose a new password works. */
export const passwordResetLifetimeMinutes = 60;

/** A reset link as the shared one-time-link store (the invitations collection) keeps it: only the token's hash. */
interface PasswordResetDoc {
  _id: ObjectId;
  purpose: 'password_reset';
  tokenHash: string;
  email: string;
  name: string;
  role: Role;
  accountId: ObjectId;
  /** A young person's own reset, so that erasing them erases it (as their invitations are). */
  youngPersonId?: ObjectId;
  createdAt: Date;
  expiresAt: Date;
  /** When the link was used; a link is used once. */
  acceptedAt?: Date;
  /** When a newer link, or a used one, made this one stop working. */
  revokedAt?: Date;
}

/** Browser sessions, which live in the web layer: ended too when a password is reset. */
export interface BrowserSessions {
  endAllFor(accountId: string): Promise<void>;
}

export const resetLinkNotValid = () =>
  new ApiError(
    'gone',
    'This link to choose a new password does not work: it was already used, a newer one was sent, or it is more than an hour old. Ask for a new one.',
  );

/**
 * "Forgotten your password?": a one-time link by email, for every account that signs in with a
 * password. The answer to a request is the same whether or not an account has the address, and
 * requests are throttled per address and per client. Using the link sets the new password and
 * ends every sign-in of the account (refresh tokens, access tokens and browser sessions).
 */
export class PasswordResetsService {
  readonly #resets: Collection<PasswordResetDoc>;
  private readonly mongo: MongoClient;
  private readonly accounts: AccountsRepository;
  private readonly hasher: PasswordHasher;
  private readonly throttle: LoginThrottle;
  private readonly auth: AuthService;
  private readonly browserSessions: BrowserSessions;
  private readonly notifications: NotificationsService;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    db: Db;
    mongo: MongoClient;
    accounts: AccountsRepository;
    hasher: PasswordHasher;
    /** Counts reset requests (every one, found or not) per email address and per client address. */
    throttle: LoginThrottle;
    auth: AuthService;
    browserSessions: BrowserSessions;
    notifications: NotificationsService;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.#resets = options.db.collection<PasswordResetDoc>(invitationsCollection.name);
    this.mongo = options.mongo;
    this.accounts = options.accounts;
    this.hasher = options.hasher;
    this.throttle = options.throttle;
    this.auth = options.auth;
    this.browserSessions = options.browserSessions;
    this.notifications = options.notifications;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  /**
   * Emails a link when an active account with a password has this address; otherwise does
   * nothing. Either way the caller hears the same, unless the address or client has asked too
   * often (429, counted the same for unknown addresses).
   */
  async request(email: string, context: RequestContext): Promise<void> {
    const keys = this.throttle.keys(email, context.address);
    const [throttled, found] = await Promise.all([this.throttle.check(keys), this.accounts.credentials(email)]);
    if (throttled.retryAfter > 0) {
      await this.audit.record({
        action: 'auth.password_reset_request',
        outcome: 'denied',
        actor: { ip: context.address },
        requestId: context.requestId,
        details: { reason: 'throttled' },
      });
      throw new ApiError('rate_limited', 'Too many requests for a new password. Wait an hour and try again.', {
        headers: { 'Retry-After': String(throttled.retryAfter) },
      });
    }
    await this.throttle.recordFailure(keys);
    const account = found?.passwordHash && found.account.status === 'active' ? found.account : undefined;
    if (!account) {
      await this.audit.record({
        action: 'auth.password_reset_request',
        outcome: 'failure',
        actor: { accountId: found?.account.id, ip: context.address },
        requestId: context.requestId,
        details: { reason: found ? 'no_usable_password' : 'unknown_account' },
      });
      return;
    }
    const { token, tokenHash } = newOneTimeToken();
    const now = this.clock.now();
    const doc: PasswordResetDoc = {
      _id: new ObjectId(),
      purpose: 'password_reset',
      tokenHash,
      email: account.email,
      name: account.name,
      role: account.role,
      accountId: new ObjectId(account.id),
      ...(account.youngPersonId ? { youngPersonId: new ObjectId(account.youngPersonId) } : {}),
      createdAt: now,
      expiresAt: new Date(now.getTime() + passwordResetLifetimeMinutes * 60_000),
    };
    await inTransaction(this.mongo, async (session) => {
      // Only the newest link works: an older email left in an inbox is no way in.
      await this.#resets.updateMany(
        { purpose: 'password_reset', accountId: doc.accountId, acceptedAt: { $exists: false } },
        { $set: { revokedAt: now } },
        { session },
      );
      await this.#resets.insertOne(doc, { session });
      await this.notifications.passwordResetRequested(
        { accountId: account.id, token, expiresAt: doc.expiresAt },
        session,
      );
      await this.audit.record(
        {
          action: 'auth.password_reset_request',
          outcome: 'success',
          actor: { accountId: account.id, role: account.role, ip: context.address },
          target: { type: 'account', id: account.id },
          requestId: context.requestId,
        },
        session,
      );
    });
  }

  /** The address a usable link is for, for the page that asks for the new password; undefined otherwise. */
  async preview(token: string): Promise<{ email: string } | undefined> {
    const reset = await this.#usable(token);
    return reset ? { email: reset.email } : undefined;
  }

  /**
   * Sets the new password through a link: once, within the hour, for an account still active.
   * Every sign-in of the account then ends, browser sessions included.
   */
  async confirm(input: { token: string; newPassword: string }, context: RequestContext): Promise<void> {
    const reset = await this.#resets.findOne({ tokenHash: hashToken(input.token), purpose: 'password_reset' });
    if (!reset) {
      await this.#recordRefusal(undefined, 'unknown_token', context);
      throw new ApiError(
        'not_found',
        'No link to choose a new password has this token. Check the link, or ask for a new one.',
      );
    }
    const accountId = reset.accountId.toHexString();
    const account = await this.accounts.byId(accountId);
    if (!this.#isUsable(reset) || account?.status !== 'active') {
      await this.#recordRefusal(accountId, reset.acceptedAt ? 'used' : 'expired_or_replaced', context);
      throw resetLinkNotValid();
    }
    const problem = passwordProblem(input.newPassword, { email: account.email, name: account.name });
    if (problem) throw unprocessable([{ path: 'newPassword', in: 'body', message: problem }]);
    const passwordHash = await this.hasher.hash(input.newPassword);
    const now = this.clock.now();
    await inTransaction(this.mongo, async (session) => {
      const claimed = await this.#resets.findOneAndUpdate(
        { _id: reset._id, acceptedAt: { $exists: false }, revokedAt: { $exists: false }, expiresAt: { $gt: now } },
        { $set: { acceptedAt: now } },
        { session },
      );
      if (!claimed) throw resetLinkNotValid();
      await this.accounts.setPasswordHash(accountId, passwordHash, session);
      await this.audit.record(
        {
          action: 'auth.password_reset',
          outcome: 'success',
          actor: { accountId, role: account.role, ip: context.address },
          target: { type: 'account', id: accountId },
          requestId: context.requestId,
        },
        session,
      );
    });
    // Whoever was signed in, perhaps with the old password, is signed out everywhere.
    await Promise.all([
      this.auth.revokeSessions(accountId, 'password_change'),
      this.browserSessions.endAllFor(accountId),
    ]);
  }

  async #usable(token: string): Promise<PasswordResetDoc | undefined> {
    const reset = await this.#resets.findOne({ tokenHash: hashToken(token), purpose: 'password_reset' });
    return reset && this.#isUsable(reset) ? reset : undefined;
  }

  #isUsable(reset: PasswordResetDoc): boolean {
    return !reset.acceptedAt && !reset.revokedAt && reset.expiresAt > this.clock.now();
  }

  async #recordRefusal(accountId: string | undefined, reason: string, context: RequestContext): Promise<void> {
    await this.audit.record({
      action: 'auth.password_reset',
      outcome: 'failure',
      actor: { accountId, ip: context.address },
      requestId: context.requestId,
      details: { reason },
    });
  }
}
