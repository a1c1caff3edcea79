import { createHash, randomBytes } from 'node:crypto';
import type { ClientSession, Collection, Db, MongoClient } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import type { Clock } from '../core/clock.js';
import { daysAfter } from '../core/dates.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import { isDuplicateKey } from '../core/db/mongo.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, forbidden, unprocessable } from '../core/errors.js';
import { type DelegateRight, delegateRights, type Role, roles } from '../domain/vocabulary.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { PeopleFacts } from '../read-models/people.js';
import { youngPersonResource } from '../young-people/young-people.access.js';
import type { Account, AccountsRepository } from './accounts.js';
import type { PasswordHasher } from './passwords.js';
import { passwordProblem } from './passwords.js';
import { type Actor, authorize, mayInvite } from './policy.js';

export const invitationLifetimeDays = 7;

interface InvitationDoc {
  _id: ObjectId;
  tokenHash: string;
  email: string;
  name: string;
  role: Role;
  providerId?: ObjectId;
  employerId?: ObjectId;
  youngPersonId?: ObjectId;
  rights?: DelegateRight[];
  relationship?: string;
  /** Absent for invitations made by an operator from the command line (the first provider admin). */
  invitedBy?: ObjectId;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt?: Date;
  accountId?: ObjectId;
  revokedAt?: Date;
}

/**
 * One-time links sent by email, each kept only as its token's hash: invitations, and (marked with
 * `purpose: 'password_reset'`, see password-resets.ts) links to choose a new password.
 */
export const invitationsCollection: CollectionSpec = {
  name: 'invitations',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'tokenHash', 'email', 'name', 'role', 'createdAt', 'expiresAt'],
    properties: {
      tokenHash: { bsonType: 'string' },
      email: { bsonType: 'string', maxLength: 254 },
      name: { bsonType: 'string', maxLength: 120 },
      role: { enum: [...roles] },
      rights: { bsonType: 'array', items: { enum: [...delegateRights] } },
      relationship: { bsonType: 'string', maxLength: 60 },
      createdAt: { bsonType: 'date' },
      expiresAt: { bsonType: 'date' },
    },
  },
  indexes: [
    { key: { tokenHash: 1 }, name: 'token_hash', unique: true },
    { key: { invitedBy: 1, createdAt: -1 }, name: 'invited_by' },
    { key: { youngPersonId: 1 }, name: 'young_person' },
  ],
};

export interface InvitationInput {
  role: Role;
  email: string;
  name: string;
  youngPersonId?: string;
  rights?: DelegateRight[];
  relationship?: string;
}

interface AcceptInput {
  token: string;
  password: string;
  name?: string;
}

/** Who accepts: an existing account that proved its password, or the new account's password hash. */
type AcceptingCredentials =
  | { existing: Account; passwordHash?: undefined }
  | { existing?: undefined; passwordHash: string };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new one-time token for a link, and the hash that is all the store keeps of it. */
export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** Only invitations: a password-reset link shares the store but is never an invitation. */
const isInvitation = { purpose: { $exists: false } } as const;

/**
 * One-time, expiring invitations by which a new user sets their own password. The invitee gets
 * the link by email (the notifications outbox keeps it only until the email is sent); the
 * invitations collection keeps only the token's hash. The inviter learns that it was sent.
 */
export class InvitationsService {
  readonly #invitations: Collection<InvitationDoc>;

  private readonly mongo: MongoClient;
  private readonly accounts: AccountsRepository;
  private readonly people: PeopleFacts;
  private readonly hasher: PasswordHasher;
  private readonly audit: AuditLog;
  private readonly notifications: NotificationsService;
  private readonly clock: Clock;

  constructor(options: {
    db: Db;
    mongo: MongoClient;
    accounts: AccountsRepository;
    /** Which provider a young person belongs to, for the policy; nothing of their profile. */
    people: PeopleFacts;
    hasher: PasswordHasher;
    audit: AuditLog;
    notifications: NotificationsService;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.accounts = options.accounts;
    this.people = options.people;
    this.hasher = options.hasher;
    this.audit = options.audit;
    this.notifications = options.notifications;
    this.clock = options.clock;
    this.#invitations = options.db.collection<InvitationDoc>(invitationsCollection.name);
  }

  async create(actor: Actor, input: InvitationInput, requestId: string) {
    if (!mayInvite(actor, input.role)) throw forbidden(`You cannot invite someone as ${input.role.replace('_', ' ')}.`);
    return this.#issue(
      input,
      await this.#targetOf(actor, input),
      { accountId: actor.accountId, role: actor.role },
      requestId,
    );
  }

  /** The first provider admin of a new provider, invited by an operator (see `npm run provider:create`). */
  async createForNewProvider(input: { email: string; name: string; providerId: string }) {
    return this.#issue(
      { role: 'provider_admin', email: input.email, name: input.name },
      { providerId: new ObjectId(input.providerId) },
      { role: 'system' },
      'cli',
    );
  }

  async #issue(
    input: InvitationInput,
    target: Partial<InvitationDoc>,
    inviter: { accountId?: string; role: Role | 'system' },
    requestId: string,
  ) {
    const existing = await this.accounts.byEmail(input.email);
    if (existing && !(input.role === 'delegate' && existing.role === 'delegate')) {
      throw new ApiError('conflict', 'Someone already has an account with this email.', {
        details: [{ path: 'email', in: 'body', message: 'is already in use' }],
      });
    }
    const { token, tokenHash } = newOneTimeToken();
    const now = this.clock.now();
    const doc: InvitationDoc = {
      _id: new ObjectId(),
      tokenHash,
      email: input.email,
      name: input.name,
      role: input.role,
      ...target,
      ...(input.role === 'delegate'
        ? { rights: input.rights, ...(input.relationship ? { relationship: input.relationship } : {}) }
        : {}),
      ...(inviter.accountId ? { invitedBy: new ObjectId(inviter.accountId) } : {}),
      createdAt: now,
      expiresAt: daysAfter(now, invitationLifetimeDays),
    };
    await inTransaction(this.mongo, async (session) => {
      await this.#invitations.insertOne(doc, { session });
      await this.audit.record(
        {
          action: 'invitation.create',
          outcome: 'success',
          actor: inviter,
          target: { type: 'invitation', id: doc._id.toHexString() },
          subjectId: doc.youngPersonId?.toHexString(),
          requestId,
          details: { role: input.role, ...(input.rights ? { rights: input.rights } : {}) },
        },
        session,
      );
      await this.notifications.invitationCreated(
        {
          email: doc.email,
          name: doc.name,
          role: doc.role,
          token,
          expiresAt: doc.expiresAt,
          ...(doc.providerId ? { providerId: doc.providerId.toHexString() } : {}),
          ...(doc.youngPersonId ? { youngPersonId: doc.youngPersonId.toHexString() } : {}),
          ...(inviter.accountId ? { invitedBy: inviter.accountId } : {}),
        },
        session,
      );
    });
    return { id: doc._id.toHexString(), email: doc.email, role: doc.role, expiresAt: doc.expiresAt, token };
  }

  /** Where the invitee will belong, checked against what the inviter may do. */
  async #targetOf(actor: Actor, input: InvitationInput): Promise<Partial<InvitationDoc>> {
    if (input.youngPersonId && input.role !== 'young_person' && input.role !== 'delegate') {
      throw unprocessable([
        {
          path: 'youngPersonId',
          in: 'body',
          message: `is only for inviting a young person or a delegate, not a ${input.role.replace('_', ' ')}`,
        },
      ]);
    }
    switch (input.role) {
      case 'job_coach':
      case 'provider_admin':
        return { providerId: new ObjectId(actor.providerId) };
      case 'employer':
        return { employerId: new ObjectId(actor.employerId) };
      case 'young_person': {
        if (!input.youngPersonId)
          throw unprocessable([{ path: 'youngPersonId', in: 'body', message: 'is required to invite a young person' }]);
        const youngPerson = await this.people.person(input.youngPersonId);
        if (!youngPerson) throw new ApiError('not_found', 'Young person was not found.');
        authorize(actor, 'young_person.invite', youngPersonResource(youngPerson));
        if ((await this.accounts.youngPeopleWithAccounts([youngPerson.id])).has(youngPerson.id)) {
          throw new ApiError('conflict', 'This young person already has an account.');
        }
        return { providerId: new ObjectId(youngPerson.providerId), youngPersonId: new ObjectId(youngPerson.id) };
      }
      case 'delegate': {
        if (!input.rights || input.rights.length === 0) {
          throw unprocessable([
            { path: 'rights', in: 'body', message: 'choose at least one thing the delegate may do' },
          ]);
        }
        // A named young person must be one the inviter manages delegates for: never quietly the inviter instead.
        const youngPerson = await this.people.person(input.youngPersonId ?? actor.youngPersonId!);
        if (!youngPerson) throw new ApiError('not_found', 'Young person was not found.');
        authorize(actor, 'young_person.manage_delegates', youngPersonResource(youngPerson));
        return { providerId: new ObjectId(youngPerson.providerId), youngPersonId: new ObjectId(youngPerson.id) };
      }
    }
  }

  /** What the invitation page shows before a password is chosen; undefined when the token is not usable. */
  async preview(token: string): Promise<{ email: string; name: string; role: Role; hasAccount: boolean } | undefined> {
    const invitation = await this.#invitations.findOne({ tokenHash: hashToken(token), ...isInvitation });
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= this.clock.now())
      return undefined;
    const hasAccount = (await this.accounts.byEmail(invitation.email)) !== undefined;
    return { email: invitation.email, name: invitation.name, role: invitation.role, hasAccount };
  }

  /**
   * Accepting: the token and the password are checked first, then, in one transaction, the
   * invitation is claimed (so it is used once), the account made or the grant added, and the
   * acceptance recorded.
   */
  async accept(input: AcceptInput, requestId: string): Promise<Account> {
    const now = this.clock.now();
    const invitation = await this.#usableInvitation(input.token, now);
    const credentials = await this.#credentialsFor(invitation, input);
    try {
      return await inTransaction(this.mongo, async (session) => {
        await this.#claim(invitation, now, session);
        const account = await this.#accountFor(invitation, input, credentials, session);
        await this.#recordAcceptance(invitation, account, requestId, session);
        return account;
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new ApiError('conflict', 'An account for this person already exists.');
      throw error;
    }
  }

  /** The invitation the token names, if it is neither used, withdrawn nor expired. */
  async #usableInvitation(token: string, now: Date): Promise<InvitationDoc> {
    const invitation = await this.#invitations.findOne({ tokenHash: hashToken(token), ...isInvitation });
    if (!invitation)
      throw new ApiError('not_found', 'No invitation has this token. Check the link, or ask for a new one.');
    if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) {
      throw new ApiError(
        'gone',
        'This invitation is not valid: it was already used, withdrawn, or has expired. Ask for a new one.',
      );
    }
    return invitation;
  }

  /**
   * The account the email address already has, proven by its password, or the hash of a new
   * password good enough for a new account.
   */
  async #credentialsFor(invitation: InvitationDoc, input: AcceptInput): Promise<AcceptingCredentials> {
    const existing = await this.accounts.credentials(invitation.email);
    if (existing) {
      // A delegate who already acts for someone adds this young person by proving it is them.
      const ok =
        invitation.role === 'delegate' &&
        existing.account.role === 'delegate' &&
        existing.passwordHash !== undefined &&
        (await this.hasher.verify(input.password, existing.passwordHash));
      if (!ok) {
        throw new ApiError('conflict', 'An account with this email already exists; enter its password to accept.', {
          details: [{ path: 'password', in: 'body', message: 'does not match the existing account' }],
        });
      }
      return { existing: existing.account };
    }
    const problem = passwordProblem(input.password, { email: invitation.email, name: input.name ?? invitation.name });
    if (problem) throw unprocessable([{ path: 'password', in: 'body', message: problem }]);
    return { passwordHash: await this.hasher.hash(input.password) };
  }

  /** Marks the invitation accepted unless someone used it in the meantime. */
  async #claim(invitation: InvitationDoc, now: Date, session: ClientSession): Promise<void> {
    const claimed = await this.#invitations.findOneAndUpdate(
      {
        _id: invitation._id,
        acceptedAt: { $exists: false },
        revokedAt: { $exists: false },
        expiresAt: { $gt: now },
      },
      { $set: { acceptedAt: now } },
      { session, returnDocument: 'after' },
    );
    if (!claimed) throw new ApiError('gone', 'This invitation has just been used.');
  }

  /** The existing delegate's account with this young person added, or a new account with the invitation's role. */
  async #accountFor(
    invitation: InvitationDoc,
    input: AcceptInput,
    credentials: AcceptingCredentials,
    session: ClientSession,
  ): Promise<Account> {
    if (credentials.existing) {
      await this.accounts.addDelegateGrant(
        credentials.existing.id,
        {
          youngPersonId: invitation.youngPersonId!.toHexString(),
          rights: invitation.rights ?? [],
          relationship: invitation.relationship,
        },
        session,
      );
      return credentials.existing;
    }
    return this.accounts.insert(
      {
        email: invitation.email,
        name: input.name ?? invitation.name,
        role: invitation.role,
        status: 'active',
        passwordHash: credentials.passwordHash,
        ...(invitation.providerId ? { providerId: invitation.providerId } : {}),
        ...(invitation.employerId ? { employerId: invitation.employerId } : {}),
        ...(invitation.role === 'young_person' ? { youngPersonId: invitation.youngPersonId } : {}),
        ...(invitation.role === 'delegate'
          ? {
              actsFor: [
                {
                  youngPersonId: invitation.youngPersonId!,
                  rights: invitation.rights ?? [],
                  ...(invitation.relationship ? { relationship: invitation.relationship } : {}),
                },
              ],
            }
          : {}),
      },
      session,
    );
  }

  /** Links the invitation to its account and writes the acceptance to the audit log. */
  async #recordAcceptance(
    invitation: InvitationDoc,
    account: Account,
    requestId: string,
    session: ClientSession,
  ): Promise<void> {
    await this.#invitations.updateOne(
      { _id: invitation._id },
      { $set: { accountId: new ObjectId(account.id) } },
      { session },
    );
    await this.audit.success(
      'invitation.accept',
      { accountId: account.id, role: invitation.role },
      {
        target: { type: 'invitation', id: invitation._id.toHexString() },
        subjectId: invitation.youngPersonId?.toHexString(),
        requestId,
        details: { role: invitation.role, ...(invitation.rights ? { rights: invitation.rights } : {}) },
      },
      session,
    );
  }
}
