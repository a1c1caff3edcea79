import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import { BoundedCache } from '../core/bounded-cache.js';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { daysAfter } from '../core/dates.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { Account } from './accounts.js';
import { type KeyStore, signingAlgorithm } from './keys.js';
import type { SignInEndReason, SignIns } from './sign-ins.js';

export const clockToleranceSeconds = 30;

/** Why a token was refused. Only logged and audited; the client always gets the same 401. */
export class TokenRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRejected';
  }
}

export type VerifiedToken =
  /** A token of this service: its account and the sign-in it belongs to. */
  | { source: 'local'; subject: string; signInId: string }
  /** A token of the external identity provider: the claim value that names a local account. */
  | { source: 'oidc'; subject: string };

/**
 * Access tokens: short-lived ES256 JWTs signed by this service, with a pinned algorithm,
 * issuer, audience, type and lifetime. Optionally, tokens from one external OpenID Connect
 * issuer are also accepted and mapped to a local account by a claim (email by default).
 */
export class AccessTokens {
  readonly #externalKeys;

  constructor(
    private readonly keys: KeyStore,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {
    this.#externalKeys = config.OIDC_JWKS_URL
      ? createRemoteJWKSet(new URL(config.OIDC_JWKS_URL), { timeoutDuration: 3000 })
      : undefined;
  }

  /** Signs an access token for the account, naming the sign-in (`sid`) that it belongs to. */
  async sign(account: Account, signInId: string): Promise<{ token: string; expiresIn: number }> {
    const { kid, key } = this.keys.signingKey();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ role: account.role, sid: signInId })
      .setProtectedHeader({ alg: signingAlgorithm, kid, typ: 'at+jwt' })
      .setSubject(account.id)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.config.JWT_AUDIENCE)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + ttl)
      .setJti(randomUUID())
      .sign(key);
    return { token, expiresIn: ttl };
  }

  async verify(token: string): Promise<VerifiedToken> {
    let issuer: unknown;
    try {
      decodeProtectedHeader(token);
      issuer = decodeJwt(token).iss;
    } catch {
      throw new TokenRejected('malformed');
    }
    if (this.#externalKeys && issuer === this.config.OIDC_ISSUER) return this.#verifyExternal(token);
    return this.#verifyLocal(token);
  }

  /**
   * Local tokens whose signature and fixed claims (algorithm, type, issuer, audience, subject,
   * sign-in) have been checked, by the token's text: every request of a session sends the same
   * token, and checking an ES256 signature is most of a token's check. A token found here is still
   * checked every time against the clock (not before, expiry, age) and its key (still published),
   * exactly as `jwtVerify` checks them, so it is refused at the same moment as if verified again.
   */
  readonly #verified = new BoundedCache<string, { verified: VerifiedToken; kid: string; times: TokenTimes }>({
    limit: 20_000,
  });

  async #verifyLocal(token: string): Promise<VerifiedToken> {
    const known = this.#verified.get(token);
    if (known && (await this.keys.verificationKey(known.kid))) {
      const refused = timesRefused(known.times, this.clock.now(), this.config.ACCESS_TOKEN_TTL_SECONDS);
      if (refused) throw new TokenRejected(refused);
      return known.verified;
    }
    let payload: JWTPayload;
    let kid = '';
    try {
      ({ payload } = await jwtVerify(
        token,
        async (header) => {
          const key = await this.keys.verificationKey(header.kid);
          if (!key) throw new TokenRejected('unknown kid');
          kid = header.kid!;
          return key;
        },
        {
          algorithms: [signingAlgorithm],
          issuer: this.config.JWT_ISSUER,
          audience: this.config.JWT_AUDIENCE,
          typ: 'at+jwt',
          clockTolerance: clockToleranceSeconds,
          maxTokenAge: this.config.ACCESS_TOKEN_TTL_SECONDS + clockToleranceSeconds,
          currentDate: this.clock.now(),
          requiredClaims: ['sub', 'exp', 'iat', 'nbf', 'jti', 'sid'],
        },
      ));
    } catch (error) {
      throw error instanceof TokenRejected ? error : new TokenRejected(describeJoseError(error));
    }
    if (typeof payload.sub !== 'string' || !/^[0-9a-f]{24}$/.test(payload.sub)) throw new TokenRejected('bad subject');
    if (typeof payload.sid !== 'string' || payload.sid.length === 0 || payload.sid.length > 64)
      throw new TokenRejected('bad sign-in id');
    const verified: VerifiedToken = { subject: payload.sub, source: 'local', signInId: payload.sid };
    // The required claims are numbers here: jwtVerify has checked them.
    const times = { iat: payload.iat!, nbf: payload.nbf!, exp: payload.exp! };
    this.#verified.set(token, { verified, kid, times });
    return verified;
  }

  async #verifyExternal(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.#externalKeys!, {
        algorithms: ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'],
        issuer: this.config.OIDC_ISSUER,
        audience: this.config.OIDC_AUDIENCE,
        clockTolerance: clockToleranceSeconds,
        currentDate: this.clock.now(),
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      throw new TokenRejected(`external: ${describeJoseError(error)}`);
    }
    const claim = payload[this.config.OIDC_ACCOUNT_CLAIM];
    if (typeof claim !== 'string' || claim.length === 0 || claim.length > 254) {
      throw new TokenRejected(`external: claim ${this.config.OIDC_ACCOUNT_CLAIM} missing`);
    }
    if (this.config.OIDC_ACCOUNT_CLAIM === 'email' && payload.email_verified === false) {
      throw new TokenRejected('external: email not verified');
    }
    return { subject: claim, source: 'oidc' };
  }
}

interface TokenTimes {
  iat: number;
  nbf: number;
  exp: number;
}

/**
 * `jwtVerify`'s checks of a token's times, with the same tolerance and maximum age as
 * `#verifyLocal` gives it, for a token whose signature was checked before: why it is refused now,
 * or undefined.
 */
export function timesRefused(times: TokenTimes, at: Date, ttlSeconds: number): string | undefined {
  const now = Math.floor(at.getTime() / 1000);
  if (times.nbf > now + clockToleranceSeconds) return 'ERR_JWT_CLAIM_VALIDATION_FAILED';
  if (times.exp <= now - clockToleranceSeconds) return 'ERR_JWT_EXPIRED';
  const age = now - times.iat;
  if (age - clockToleranceSeconds > ttlSeconds + clockToleranceSeconds) return 'ERR_JWT_EXPIRED';
  if (age < -clockToleranceSeconds) return 'ERR_JWT_CLAIM_VALIDATION_FAILED';
  return undefined;
}

function describeJoseError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return 'invalid';
}

interface RefreshTokenDoc {
  _id: ObjectId;
  tokenHash: string;
  accountId: ObjectId;
  familyId: string;
  createdAt: Date;
  expiresAt: Date;
  /** When MongoDB removes it: set from the real clock, which its TTL monitor reads (see `refreshTokensCollection`). */
  purgeAfter?: Date;
  usedAt?: Date;
  revokedAt?: Date;
}

export const refreshTokensCollection: CollectionSpec = {
  name: 'refresh_tokens',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'tokenHash', 'accountId', 'familyId', 'createdAt', 'expiresAt'],
    properties: {
      tokenHash: { bsonType: 'string' },
      accountId: { bsonType: 'objectId' },
      familyId: { bsonType: 'string' },
      createdAt: { bsonType: 'date' },
      expiresAt: { bsonType: 'date' },
      purgeAfter: { bsonType: 'date' },
      usedAt: { bsonType: 'date' },
      revokedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    { key: { tokenHash: 1 }, name: 'token_hash', unique: true },
    { key: { familyId: 1 }, name: 'family' },
    { key: { accountId: 1 }, name: 'account' },
    // Expired tokens are removed a day after expiry (reuse detection needs them until then). The TTL
    // monitor reads the real clock, so it reads `purgeAfter` (set from the real clock), never the
    // service clock's `expiresAt`: a service clock set in the past would remove tokens at once.
    { key: { purgeAfter: 1 }, name: 'purge_ttl', expireAfterSeconds: 86_400 },
  ],
};

export type RefreshOutcome =
  | { ok: true; accountId: string; token: string; familyId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused'; accountId?: string; familyId?: string };

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes. Each use swaps the token for a new
 * one in the same family; presenting a token that was already swapped means it was copied,
 * so the whole family is revoked. A family is one sign-in: revoking it ends the sign-in, and
 * with it every access token issued under it.
 */
export class RefreshTokens {
  readonly #tokens: Collection<RefreshTokenDoc>;
  constructor(
    db: Db,
    private readonly signIns: SignIns,
    private readonly clock: Clock,
    private readonly ttlDays: number,
  ) {
    this.#tokens = db.collection<RefreshTokenDoc>(refreshTokensCollection.name);
  }

  /**
   * Starts a new sign-in (`familyId`, a random UUID) with its first refresh token. The two writes
   * go at once: the caller hands out neither token until both are stored.
   */
  async startSignIn(accountId: string, familyId: string): Promise<{ token: string; familyId: string }> {
    const [, issued] = await Promise.all([this.signIns.start(accountId, familyId), this.issue(accountId, familyId)]);
    return issued;
  }

  async issue(accountId: string, familyId: string): Promise<{ token: string; familyId: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.#tokens.insertOne({
      _id: new ObjectId(),
      tokenHash: hashToken(token),
      accountId: new ObjectId(accountId),
      familyId,
      createdAt: now,
      expiresAt: daysAfter(now, this.ttlDays),
      purgeAfter: daysAfter(new Date(), this.ttlDays),
    });
    return { token, familyId };
  }

  async rotate(token: string): Promise<RefreshOutcome> {
    const now = this.clock.now();
    const tokenHash = hashToken(token);
    // Claim the token atomically: of two concurrent uses, only one can set usedAt.
    const claimed = await this.#tokens.findOneAndUpdate(
      { tokenHash, usedAt: { $exists: false }, revokedAt: { $exists: false }, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
    );
    if (claimed) {
      const next = await this.issue(claimed.accountId.toHexString(), claimed.familyId);
      await this.signIns.extend(claimed.familyId);
      return { ok: true, accountId: claimed.accountId.toHexString(), token: next.token, familyId: claimed.familyId };
    }
    const existing = await this.#tokens.findOne({ tokenHash });
    if (!existing) return { ok: false, reason: 'unknown' };
    const ids = { accountId: existing.accountId.toHexString(), familyId: existing.familyId };
    if (existing.revokedAt) return { ok: false, reason: 'revoked', ...ids };
    if (existing.usedAt) {
      await this.revokeFamily(existing.familyId, 'refresh_reuse');
      return { ok: false, reason: 'reused', ...ids };
    }
    return { ok: false, reason: 'expired', ...ids };
  }

  /** Revokes the token's whole family (the sign-in session). Returns the account, if the token was known. */
  async revoke(token: string): Promise<{ accountId: string; familyId: string } | undefined> {
    const existing = await this.#tokens.findOne({ tokenHash: hashToken(token) });
    if (!existing) return undefined;
    await this.revokeFamily(existing.familyId, 'sign_out');
    return { accountId: existing.accountId.toHexString(), familyId: existing.familyId };
  }

  async revokeFamily(familyId: string, reason: SignInEndReason): Promise<void> {
    // The sign-in ends first: from that moment its access tokens are refused.
    await this.signIns.end(familyId, reason);
    await this.#tokens.updateMany(
      { familyId, revokedAt: { $exists: false } },
      { $set: { revokedAt: this.clock.now() } },
    );
  }

  async revokeAllFor(accountId: string, reason: SignInEndReason): Promise<void> {
    await this.signIns.endAllOf(accountId, reason);
    await this.#tokens.updateMany(
      { accountId: new ObjectId(accountId), revokedAt: { $exists: false } },
      { $set: { revokedAt: this.clock.now() } },
    );
  }
}
