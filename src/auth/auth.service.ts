import { randomUUID } from 'node:crypto';
import type { AuditLog, StoredAuditEntry } from '../audit/audit.js';
import { ApiError, unprocessable } from '../core/errors.js';
import { signInFailures } from '../core/metrics.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Account, AccountsRepository, EarlierSignIns } from './accounts.js';
import type { KeyStore } from './keys.js';
import { type PasswordHasher, passwordProblem } from './passwords.js';
import type { Actor } from './policy.js';
import type { SignInAddressKeys } from './sign-in-addresses.js';
import type { SignInEndReason, SignIns } from './sign-ins.js';
import type { LoginThrottle } from './throttle.js';
import { type AccessTokens, type RefreshTokens, TokenRejected, type VerifiedToken } from './tokens.js';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

interface PreparedTokens {
  signInId: string;
  access: Promise<{ token: string; expiresIn: number }>;
}

export interface RequestContext {
  requestId: string;
  address: string;
}

const wrongCredentials = () => new ApiError('unauthenticated', 'The email or password is wrong.');
const invalidToken = () =>
  new ApiError('unauthenticated', 'The access token is missing, not valid, or has expired. Sign in again.', {
    headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' },
  });
const invalidRefresh = () => new ApiError('unauthenticated', 'The refresh token is not valid. Sign in again.');

export function actorOf(account: Account): Actor {
  return {
    accountId: account.id,
    role: account.role,
    providerId: account.providerId,
    employerId: account.employerId,
    youngPersonId: account.youngPersonId,
    actsFor: account.actsFor.map(({ youngPersonId, rights }) => ({ youngPersonId, rights })),
  };
}

/** Sign-in, token refresh and sign-out, and turning an access token back into an actor. */
export class AuthService {
  #dummyHash: Promise<string> | undefined;

  private readonly accounts: AccountsRepository;
  private readonly hasher: PasswordHasher;
  private readonly throttle: LoginThrottle;
  private readonly accessTokens: AccessTokens;
  private readonly refreshTokens: RefreshTokens;
  private readonly signIns: SignIns;
  private readonly audit: AuditLog;
  private readonly refreshTtlDays: number;
  private readonly keys: KeyStore;
  private readonly notifications: NotificationsService;
  private readonly addressKeys: SignInAddressKeys;

  constructor(options: {
    accounts: AccountsRepository;
    hasher: PasswordHasher;
    throttle: LoginThrottle;
    accessTokens: AccessTokens;
    refreshTokens: RefreshTokens;
    signIns: SignIns;
    audit: AuditLog;
    refreshTtlDays: number;
    keys: KeyStore;
    notifications: NotificationsService;
    addressKeys: SignInAddressKeys;
  }) {
    this.accounts = options.accounts;
    this.hasher = options.hasher;
    this.throttle = options.throttle;
    this.accessTokens = options.accessTokens;
    this.refreshTokens = options.refreshTokens;
    this.signIns = options.signIns;
    this.audit = options.audit;
    this.refreshTtlDays = options.refreshTtlDays;
    this.keys = options.keys;
    this.notifications = options.notifications;
    this.addressKeys = options.addressKeys;
  }

  /** The public keys that verify this service's access tokens, retired ones included until their tokens expire. */
  jwks() {
    return this.keys.jwks();
  }

  async signIn(email: string, password: string, context: RequestContext): Promise<TokenPair> {
    return this.#signIn(email, password, context, (account) => {
      // Signed while the password is hashed; stored, and so usable, only once it proves right.
      const tokens = this.#prepareTokens(account);
      return () => this.#storeTokens(account, tokens);
    });
  }

  /**
   * The same check of an email and password (throttling, rehashing, audit) without tokens: the
   * web pages turn the account into a browser session instead.
   */
  async checkPassword(email: string, password: string, context: RequestContext): Promise<Account> {
    return this.#signIn(email, password, context, (account) => async () => account);
  }

  /** The account behind a browser session, or undefined when it no longer exists or is disabled. */
  async activeAccount(accountId: string): Promise<Account | undefined> {
    const account = await this.accounts.byId(accountId);
    return account?.status === 'active' ? account : undefined;
  }

  async #signIn<T>(
    email: string,
    password: string,
    context: RequestContext,
    /**
     * Called with an active account before its password is checked, for work that writes nothing
     * (signing tokens), so that it runs during the hash; what it returns is called once the
     * password proves right.
     */
    begin: (account: Account) => () => Promise<T>,
  ): Promise<T> {
    const keys = this.throttle.keys(email, context.address);
    // Both are reads; asking at once keeps the sign-in close to the cost of the hash alone.
    const [throttled, found] = await Promise.all([this.throttle.check(keys), this.accounts.credentials(email)]);
    const wait = throttled.retryAfter;
    if (wait > 0) {
      signInFailures.inc({ reason: 'throttled' });
      await this.audit.record({
        action: 'auth.sign_in',
        outcome: 'denied',
        actor: { ip: context.address },
        requestId: context.requestId,
        details: { reason: 'throttled' },
      });
      throw new ApiError('rate_limited', 'Too many sign-in attempts. Wait a few minutes and try again.', {
        headers: { 'Retry-After': String(wait) },
      });
    }
    // An unknown email costs the same hashing work as a wrong password, so timing reveals nothing.
    const hash = found?.passwordHash ?? (await this.#dummy());
    const proceed = found?.passwordHash && found.account.status === 'active' ? begin(found.account) : undefined;
    const passwordMatches = await this.hasher.verify(password, hash);
    if (!found?.passwordHash || !passwordMatches || !proceed) {
      const reason = !found
        ? 'unknown_account'
        : found.account.status !== 'active'
          ? 'account_disabled'
          : 'wrong_password';
      signInFailures.inc({ reason });
      await Promise.all([
        this.throttle.recordFailure(keys),
        this.audit.record({
          action: 'auth.sign_in',
          outcome: 'failure',
          actor: { accountId: found?.account.id, ip: context.address },
          requestId: context.requestId,
          details: { reason },
        }),
      ]);
      throw wrongCredentials();
    }
    const { account } = found;
    // Every write below needs the password to be right, and none needs another's result: one round trip.
    const [result] = await Promise.all([
      proceed(),
      this.throttle.recordSuccess(keys, throttled),
      this.accounts
        .recordSignIn(account.id, this.addressKeys.of(context.address))
        .then((earlier) => this.#warnOfNewSignIn(account, earlier, context)),
      // A hash made with older parameters or with scrypt is replaced now that the password is known.
      this.hasher.needsRehash(found.passwordHash)
        ? this.hasher.hash(password).then((rehashed) => this.accounts.replacePasswordHash(account.id, rehashed))
        : undefined,
      this.audit.record({
        action: 'auth.sign_in',
        outcome: 'success',
        actor: { accountId: account.id, role: account.role, ip: context.address },
        requestId: context.requestId,
      }),
    ]);
    return result;
  }

  /** Issues tokens for an account that has just proved who it is (sign-in, accepted invitation). */
  async issueFor(account: Account): Promise<TokenPair> {
    return this.#issue(account);
  }

  async refresh(refreshToken: string, context: RequestContext): Promise<TokenPair> {
    const outcome = await this.refreshTokens.rotate(refreshToken);
    if (!outcome.ok) {
      if (outcome.reason === 'reused' && outcome.accountId && outcome.familyId) {
        await this.notifications.refreshTokenReused(outcome.accountId, outcome.familyId);
      }
      await this.audit.record({
        action: outcome.reason === 'reused' ? 'auth.refresh_reuse' : 'auth.refresh',
        outcome: outcome.reason === 'reused' ? 'denied' : 'failure',
        actor: { accountId: outcome.accountId, ip: context.address },
        requestId: context.requestId,
        details: {
          reason: outcome.reason,
          ...(outcome.familyId ? { familyRevoked: outcome.reason === 'reused' } : {}),
        },
      });
      throw invalidRefresh();
    }
    const account = await this.accounts.byId(outcome.accountId);
    if (account?.status !== 'active') {
      await this.refreshTokens.revokeFamily(outcome.familyId, 'account_inactive');
      throw invalidRefresh();
    }
    await this.audit.record({
      action: 'auth.refresh',
      outcome: 'success',
      actor: { accountId: account.id, role: account.role, ip: context.address },
      requestId: context.requestId,
    });
    const access = await this.accessTokens.sign(account, outcome.familyId);
    return this.#pair(access, outcome.token);
  }

  async signOut(refreshToken: string, context: RequestContext): Promise<void> {
    const revoked = await this.refreshTokens.revoke(refreshToken);
    await this.audit.record({
      action: 'auth.sign_out',
      outcome: revoked ? 'success' : 'failure',
      actor: { accountId: revoked?.accountId, ip: context.address },
      requestId: context.requestId,
    });
  }

  /** Ends every sign-in of an account, and with them their access tokens (used when it is disabled). */
  async revokeSessions(accountId: string, reason: SignInEndReason = 'account_disabled'): Promise<void> {
    await this.refreshTokens.revokeAllFor(accountId, reason);
  }

  /**
   * Changes the caller's password after checking the current one. Every sign-in of the account
   * ends (someone who knew the old password is signed out everywhere); the caller gets a new one.
   */
  async changePassword(
    account: Account,
    input: { currentPassword: string; newPassword: string },
    context: RequestContext,
  ): Promise<TokenPair> {
    const found = await this.accounts.credentials(account.email);
    const currentMatches =
      !!found?.passwordHash && (await this.hasher.verify(input.currentPassword, found.passwordHash));
    if (!currentMatches) {
      await this.audit.record({
        action: 'auth.password_change',
        outcome: 'failure',
        actor: { accountId: account.id, role: account.role, ip: context.address },
        requestId: context.requestId,
        details: { reason: 'wrong_password' },
      });
      throw unprocessable([{ path: 'currentPassword', in: 'body', message: 'is not your current password' }]);
    }
    const problem = passwordProblem(input.newPassword, { email: account.email, name: account.name });
    if (problem) throw unprocessable([{ path: 'newPassword', in: 'body', message: problem }]);
    await this.accounts.setPasswordHash(account.id, await this.hasher.hash(input.newPassword));
    await this.revokeSessions(account.id, 'password_change');
    await this.audit.record({
      action: 'auth.password_change',
      outcome: 'success',
      actor: { accountId: account.id, role: account.role, ip: context.address },
      requestId: context.requestId,
    });
    return this.#issue(account);
  }

  /**
   * Verifies an access token and loads its account; a disabled account, or a sign-in that has
   * ended (signed out, refresh token reused, password changed), is refused at once. The sign-in
   * check is one lookup by `_id`, run beside the account lookup.
   */
  async authenticate(token: string): Promise<{ actor: Actor; account: Account }> {
    return this.signedInAs(await this.verifyAccessToken(token));
  }

  /**
   * The first half of `authenticate`: the token's signature, issuer, audience and times, checked
   * without reading the stores. A token that passes was issued to someone, but says nothing yet of
   * whether their account or sign-in is still active: that is `signedInAs`.
   */
  async verifyAccessToken(token: string): Promise<VerifiedToken> {
    try {
      return await this.accessTokens.verify(token);
    } catch (error) {
      if (error instanceof TokenRejected) throw invalidToken();
      throw error;
    }
  }

  /** The second half of `authenticate`: the verified token's account, refused unless it and the sign-in are active. */
  async signedInAs(verified: VerifiedToken): Promise<{ actor: Actor; account: Account }> {
    const [account, signInActive] =
      verified.source === 'local'
        ? await Promise.all([
            this.accounts.byId(verified.subject),
            this.signIns.isActive(verified.signInId, verified.subject),
          ])
        : [await this.accounts.byEmail(verified.subject), true];
    if (account?.status !== 'active' || !signInActive) throw invalidToken();
    return { actor: actorOf(account), account };
  }

  async #issue(account: Account): Promise<TokenPair> {
    return this.#storeTokens(account, this.#prepareTokens(account));
  }

  /** A new sign-in's id and its access token, being signed: nothing is stored yet. */
  #prepareTokens(account: Account): PreparedTokens {
    const signInId = randomUUID();
    const access = this.accessTokens.sign(account, signInId);
    // Dropped unused when the password proves wrong; awaited (and any failure seen) otherwise.
    access.catch(() => undefined);
    return { signInId, access };
  }

  /** Stores the sign-in's records; neither token leaves before they are stored. */
  async #storeTokens(account: Account, { signInId, access }: PreparedTokens): Promise<TokenPair> {
    const [refresh, signed] = await Promise.all([this.refreshTokens.startSignIn(account.id, signInId), access]);
    return this.#pair(signed, refresh.token);
  }

  #pair(access: { token: string; expiresIn: number }, refreshToken: string): TokenPair {
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken,
      refreshExpiresIn: this.refreshTtlDays * 86_400,
    };
  }

  /**
   * Emails the account holder about a sign-in that they may not have made: the first one after
   * their password changed, or one from an address none of their remembered sign-ins came from
   * (never on their very first sign-in). `earlier` is what the account's own record said as this
   * sign-in was written to it.
   */
  async #warnOfNewSignIn(account: Account, earlier: EarlierSignIns, context: RequestContext): Promise<void> {
    if (!earlier.any) return;
    const reason = earlier.passwordChangedSince
      ? 'after_password_change'
      : earlier.fromThisAddress === undefined
        ? await this.#reasonFromAuditTrail(account, context)
        : earlier.fromThisAddress
          ? undefined
          : 'new_address';
    if (reason) await this.notifications.newSignIn(account.id, reason);
  }

  /**
   * The same question asked of the audit trail, for an account whose earlier sign-ins all came
   * before accounts remembered their addresses (the sign-in-addresses migration): once per such
   * account, since this sign-in starts its record. This sign-in's own audit entry, written
   * alongside, is left out.
   */
  async #reasonFromAuditTrail(
    account: Account,
    context: RequestContext,
  ): Promise<'after_password_change' | 'new_address' | undefined> {
    const [signIns, passwordChanges] = await Promise.all([
      this.audit.find({ action: 'auth.sign_in', accountId: account.id }, 200),
      this.audit.find({ action: 'auth.password_change', accountId: account.id }, 20),
    ]);
    const earlier = signIns.filter((entry) => entry.outcome === 'success' && entry.requestId !== context.requestId);
    if (earlier.length === 0) return undefined;
    const lastChange = passwordChanges.find((entry) => entry.outcome === 'success');
    // Entries written in the same millisecond are ordered by their ids, which increase.
    const after = (entry: StoredAuditEntry, change: StoredAuditEntry) =>
      entry.at > change.at || (entry.at.getTime() === change.at.getTime() && entry.id > change.id);
    if (lastChange && !earlier.some((entry) => after(entry, lastChange))) return 'after_password_change';
    if (!earlier.some((entry) => entry.actor.ip === context.address)) return 'new_address';
    return undefined;
  }

  #dummy(): Promise<string> {
    this.#dummyHash ??= this.hasher.dummyHash();
    return this.#dummyHash;
  }
}
