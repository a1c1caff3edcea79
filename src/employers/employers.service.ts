import { type ClientSession, type MongoClient, ObjectId } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import type { Account } from '../auth/accounts.js';
import type { PasswordHasher } from '../auth/passwords.js';
import { passwordProblem } from '../auth/passwords.js';
import { type Actor, authorize, decide, employersScope } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { isoDate } from '../core/dates.js';
import { isDuplicateKey } from '../core/db/mongo.js';
import { escapeRegex } from '../core/db/regex.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, notFound, unprocessable } from '../core/errors.js';
import { locate } from '../geo/locate.js';
import type { SearchOutbox } from '../search-sync/outbox.js';
import type { Employer, EmployersRepository } from './employers.repository.js';
import type { EmployerInput, EmployerPatch } from './employers.schemas.js';

export function employerResource(employer: Pick<Employer, 'id' | 'verified' | 'verifiedBy'>) {
  return {
    type: 'employer' as const,
    id: employer.id,
    verified: employer.verified,
    verifiedByProviderId: employer.verifiedBy?.providerId,
  };
}

/** The employer as one caller may see it: contacts only for its staff and its verifying provider. */
export function employerView(employer: Employer, includePrivate: boolean) {
  return {
    id: employer.id,
    name: employer.name,
    sector: employer.sector,
    ...(employer.description ? { description: employer.description } : {}),
    address: employer.address,
    coordinates: employer.coordinates,
    disabilityConfident: employer.disabilityConfident,
    ...(employer.website ? { website: employer.website } : {}),
    ...(employer.employerReferenceNumber ? { employerReferenceNumber: employer.employerReferenceNumber } : {}),
    verified: employer.verified,
    ...(employer.verifiedBy ? { verifiedAt: employer.verifiedBy.at.toISOString() } : {}),
    ...(includePrivate ? { contacts: employer.contacts } : {}),
    createdAt: employer.createdAt.toISOString(),
    updatedAt: employer.updatedAt.toISOString(),
  };
}

export const verificationWithdrawnReason = (on: string) =>
  `Paused on ${on} because a provider withdrew the employer's verification. The employer can open it again once verified.`;

/**
 * The employer feature's writes to other features' stores, made inside its own transactions and
 * implemented by the owning repositories: the first staff account of a new employer (auth), and
 * pausing an employer's open placements when its verification is withdrawn (placements). Only these
 * methods are handed over.
 */
export interface EmployerStaffAccounts {
  insert(
    account: {
      email: string;
      name: string;
      role: 'employer';
      status: 'active';
      passwordHash: string;
      employerId: ObjectId;
    },
    session: ClientSession,
  ): Promise<Account>;
}

export interface EmployerPlacements {
  /** Pauses the employer's open placements with the reason; the ids of those it paused. */
  pauseOpenOf(employerId: string, statusReason: string, now: Date, session: ClientSession): Promise<string[]>;
  /** Opens the employer's drafts that it asked to publish once verified; the ids of those it opened. */
  publishReadyOf(employerId: string, today: string, now: Date, session: ClientSession): Promise<string[]>;
}

export class EmployersService {
  private readonly mongo: MongoClient;
  private readonly employers: EmployersRepository;
  private readonly placements: EmployerPlacements;
  private readonly accounts: EmployerStaffAccounts;
  private readonly hasher: PasswordHasher;
  private readonly outbox: SearchOutbox;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    employers: EmployersRepository;
    placements: EmployerPlacements;
    accounts: EmployerStaffAccounts;
    hasher: PasswordHasher;
    outbox: SearchOutbox;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.employers = options.employers;
    this.placements = options.placements;
    this.accounts = options.accounts;
    this.hasher = options.hasher;
    this.outbox = options.outbox;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  /** A new employer organisation (unverified) and its first staff account, together or not at all. */
  async signUp(
    input: { organisation: EmployerInput; account: { name: string; email: string; password: string } },
    requestId: string,
  ) {
    const problem = passwordProblem(input.account.password, input.account);
    if (problem) throw unprocessable([{ path: 'account.password', in: 'body', message: problem }]);
    const coordinates = locate(
      input.organisation.address.postcode,
      input.organisation.coordinates,
      'organisation.address.postcode',
    );
    const passwordHash = await this.hasher.hash(input.account.password);
    try {
      return await inTransaction(this.mongo, async (session) => {
        const now = this.clock.now();
        const employer = await this.employers.insert(
          { ...input.organisation, coordinates: { lat: coordinates.lat, lng: coordinates.lng } },
          now,
          session,
        );
        const account = await this.accounts.insert(
          {
            email: input.account.email,
            name: input.account.name,
            role: 'employer',
            status: 'active',
            passwordHash,
            employerId: new ObjectId(employer.id),
          },
          session,
        );
        await this.audit.success(
          'employer.sign_up',
          { accountId: account.id, role: 'employer' },
          { target: { type: 'employer', id: employer.id }, requestId },
          session,
        );
        return { employer, account };
      });
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new ApiError(
          'conflict',
          'An account with this email already exists. Sign in, or ask a colleague to invite you.',
          {
            details: [{ path: 'account.email', in: 'body', message: 'is already in use' }],
          },
        );
      }
      throw error;
    }
  }

  async get(actor: Actor, id: string): Promise<{ employer: Employer; includePrivate: boolean }> {
    const employer = await this.employers.byId(id);
    if (!employer) throw notFound('Employer');
    authorize(actor, 'employer.read', employerResource(employer));
    return { employer, includePrivate: decide(actor, 'employer.read_private', employerResource(employer)) === 'allow' };
  }

  /** Verified employers for everyone; provider admins also see those awaiting verification, employers their own. */
  async list(
    actor: Actor,
    query: {
      verified?: boolean;
      /** Only employers this provider verified (the web page where it can withdraw them; not in the API). */
      verifiedBy?: string;
      q?: string;
      /** Only employers in this town (as their address gives it). */
      town?: string;
      limit: number;
      offset: number;
    },
  ) {
    const page = await this.employers.list(this.#listFilter(actor, query), query);
    return {
      total: page.total,
      items: page.items.map((employer) =>
        employerView(employer, decide(actor, 'employer.read_private', employerResource(employer)) === 'allow'),
      ),
    };
  }

  /** The towns of the employers a list would show (without its town filter), for choosing an area. */
  async towns(actor: Actor, query: { verified?: boolean; verifiedBy?: string }): Promise<string[]> {
    const towns = await this.employers.collection.distinct('address.town', this.#listFilter(actor, query));
    return towns.sort((a, b) => a.localeCompare(b, 'en-GB'));
  }

  #listFilter(actor: Actor, query: { verified?: boolean; verifiedBy?: string; q?: string; town?: string }) {
    const conditions: Record<string, unknown>[] = [];
    const scope = employersScope(actor);
    if (!('all' in scope)) {
      conditions.push(
        scope.verifiedOr ? { $or: [{ verified: true }, { _id: new ObjectId(scope.verifiedOr) }] } : { verified: true },
      );
    }
    if (query.verified !== undefined) conditions.push({ verified: query.verified });
    if (query.verifiedBy) conditions.push({ 'verifiedBy.providerId': new ObjectId(query.verifiedBy) });
    if (query.q) conditions.push({ name: { $regex: escapeRegex(query.q), $options: 'i' } });
    if (query.town) conditions.push({ 'address.town': query.town });
    return conditions.length ? { $and: conditions } : {};
  }

  async update(actor: Actor, id: string, patch: EmployerPatch, requestId: string): Promise<Employer> {
    const current = await this.employers.byId(id);
    if (!current) throw notFound('Employer');
    authorize(actor, 'employer.update', employerResource(current));
    const changes: EmployerPatch & { coordinates?: { lat: number; lng: number } } = { ...patch };
    if (patch.address || patch.coordinates) {
      const located = locate((patch.address ?? current.address).postcode, patch.coordinates, 'address.postcode');
      changes.coordinates = { lat: located.lat, lng: located.lng };
    }
    return inTransaction(this.mongo, async (session) => {
      const updated = await this.employers.update(id, changes, this.clock.now(), session);
      if (!updated) throw notFound('Employer');
      // Placements carry the employer's name, place and Disability Confident level in the index.
      await this.outbox.enqueue('employer', id, session);
      await this.audit.success(
        'employer.update',
        actor,
        { target: { type: 'employer', id }, requestId, details: { fields: Object.keys(patch) } },
        session,
      );
      return updated;
    });
  }

  /**
   * Verifies an employer, or withdraws verification. `check` records what the provider looked at
   * (for example the Disability Confident certificate and its date) in the audit trail.
   */
  async setVerification(
    actor: Actor,
    id: string,
    verified: boolean,
    requestId: string,
    check: { evidence?: string } = {},
  ): Promise<Employer> {
    const current = await this.employers.byId(id);
    if (!current) throw notFound('Employer');
    authorize(actor, verified ? 'employer.verify' : 'employer.unverify', employerResource(current));
    return inTransaction(this.mongo, async (session) => {
      const updated = await this.employers.setVerification(
        id,
        verified,
        { providerId: actor.providerId!, accountId: actor.accountId },
        this.clock.now(),
        session,
      );
      if (!updated) throw notFound('Employer');
      // Without a provider's word the open placements are paused, visibly and with the reason; they
      // stay paused when verification returns, until the employer opens them again.
      const paused = verified
        ? []
        : await this.placements.pauseOpenOf(
            id,
            verificationWithdrawnReason(isoDate(this.clock.now())),
            this.clock.now(),
            session,
          );
      // What the employer asked to publish while it waited goes live with the verification itself.
      const published = verified
        ? await this.placements.publishReadyOf(id, isoDate(this.clock.now()), this.clock.now(), session)
        : [];
      await this.outbox.enqueue('employer', id, session);
      for (const placementId of [...paused, ...published]) await this.outbox.enqueue('placement', placementId, session);
      await this.audit.success(
        verified ? 'employer.verify' : 'employer.unverify',
        actor,
        {
          target: { type: 'employer', id },
          requestId,
          ...(paused.length > 0 || published.length > 0 || check.evidence
            ? {
                details: {
                  ...(paused.length > 0 ? { pausedPlacements: paused } : {}),
                  ...(published.length > 0 ? { publishedPlacements: published } : {}),
                  ...(check.evidence ? { evidence: check.evidence } : {}),
                },
              }
            : {}),
        },
        session,
      );
      return updated;
    });
  }

  /** A provider looked and will not verify the employer (yet): the reason and the evidence checked go in the audit trail; nothing else changes. */
  async refuseVerification(
    actor: Actor,
    id: string,
    input: { reason: string; evidence?: string },
    requestId: string,
  ): Promise<Employer> {
    const current = await this.employers.byId(id);
    if (!current) throw notFound('Employer');
    authorize(actor, 'employer.verify', employerResource(current));
    await this.audit.success('employer.verification_refused', actor, {
      target: { type: 'employer', id },
      requestId,
      details: { reason: input.reason, ...(input.evidence ? { evidence: input.evidence } : {}) },
    });
    return current;
  }
}
