import { randomBytes } from 'node:crypto';
import type { ClientSession, MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import type { Account } from '../auth/accounts.js';
import { type Actor, authorize, decide } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { inTransaction } from '../core/db/transaction.js';
import { notFound } from '../core/errors.js';
import type { SearchOutbox } from '../search-sync/outbox.js';
import { youngPersonResource } from '../young-people/young-people.access.js';
import type { YoungPerson } from '../young-people/young-people.repository.js';

/**
 * A feature that keeps personal data about young people registers one of these, so that a
 * subject access request exports it and an erasure removes it. Adding a collection that holds
 * such data without a holder is how data gets forgotten; keep them together.
 */
export interface PersonalDataHolder {
  /** The key of this data in the export document. */
  name: string;
  /**
   * This data as the reader may see it: exactly what the reader could read through the other
   * routes (decided by the policy), never more. An export is a copy, not a back door.
   */
  export(reader: ExportReader): Promise<unknown>;
  erase(youngPersonId: string, session: ClientSession): Promise<void>;
}

/** Who is exporting whose data. */
export interface ExportReader {
  actor: Actor;
  youngPerson: { id: string; providerId: string };
}

/**
 * The young person's profile, exported whole and deleted on erasure: the young-people repository
 * implements it. Read only after the policy allowed the export or the erasure.
 */
export interface YoungPersonProfiles {
  byId(id: string): Promise<YoungPerson | undefined>;
  delete(id: string, session: ClientSession): Promise<boolean>;
}

/** The young person's accounts: the auth feature implements it (auth/accounts.personal-data.ts). */
export interface YoungPersonAccounts {
  /** Their own account, without credentials. */
  ownAccount(
    youngPersonId: string,
    session?: ClientSession,
  ): Promise<(Pick<Account, 'id' | 'email' | 'name' | 'status' | 'createdAt'> & { lastSignInAt?: Date }) | undefined>;
  delegatesOf(youngPersonId: string): Promise<Account[]>;
  /**
   * Inside the erasure's transaction: their own account with its refresh tokens and sign-ins,
   * delegates' rights over them, and invitations naming them.
   */
  erase(youngPersonId: string, ownAccountId: string | undefined, session: ClientSession): Promise<void>;
}

/** Subject access (export everything) and erasure, for one young person. */
export class DataRightsService {
  readonly #holders: PersonalDataHolder[] = [];

  private readonly mongo: MongoClient;
  private readonly youngPeople: YoungPersonProfiles;
  private readonly accounts: YoungPersonAccounts;
  private readonly outbox: SearchOutbox;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    youngPeople: YoungPersonProfiles;
    accounts: YoungPersonAccounts;
    outbox: SearchOutbox;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.youngPeople = options.youngPeople;
    this.accounts = options.accounts;
    this.outbox = options.outbox;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  register(holder: PersonalDataHolder): void {
    this.#holders.push(holder);
  }

  async export(actor: Actor, youngPersonId: string, requestId: string) {
    const person = await this.youngPeople.byId(youngPersonId);
    if (!person) throw notFound('Young person');
    authorize(actor, 'young_person.export', youngPersonResource(person));
    await this.audit.success('young_person.export', actor, {
      target: { type: 'young_person', id: youngPersonId },
      subjectId: youngPersonId,
      requestId,
    });
    const resource = youngPersonResource(person);
    const ownAccount = await this.accounts.ownAccount(youngPersonId);
    const delegates = await this.accounts.delegatesOf(youngPersonId);
    // Delegates' email addresses are for the young person, who manages them; others see names and rights.
    const showDelegateEmails = decide(actor, 'young_person.manage_delegates', resource) === 'allow';
    const reader: ExportReader = { actor, youngPerson: { id: youngPersonId, providerId: person.providerId } };
    const sections: Record<string, unknown> = {};
    for (const holder of this.#holders) sections[holder.name] = await holder.export(reader);
    const auditEvents =
      decide(actor, 'young_person.read_audit_trail', resource) === 'allow'
        ? (await this.audit.forSubject(youngPersonId, { limit: 100_000 })).items
        : [];
    return {
      exportedAt: this.clock.now().toISOString(),
      about: 'Everything this service holds about you. You can ask for any of it to be corrected or erased.',
      profile: person,
      account: ownAccount ?? null,
      delegates: delegates.map((delegate) => ({
        name: delegate.name,
        ...(showDelegateEmails ? { email: delegate.email } : {}),
        ...delegate.actsFor.find((grant) => grant.youngPersonId === youngPersonId),
      })),
      ...sections,
      auditEvents,
    };
  }

  /**
   * Erases the young person from MongoDB (profile, passport, shares, matches, their own account,
   * delegates' rights over them) in one transaction, queues their removal from every search index,
   * and keeps the audit trail with their ids replaced by a pseudonym.
   */
  async erase(actor: Actor, youngPersonId: string, requestId: string): Promise<{ pseudonym: string }> {
    const person = await this.youngPeople.byId(youngPersonId);
    if (!person) throw notFound('Young person');
    authorize(actor, 'young_person.erase', youngPersonResource(person));
    const pseudonym = `erased-${randomBytes(8).toString('hex')}`;
    await inTransaction(this.mongo, async (session) => {
      const ownAccount = await this.accounts.ownAccount(youngPersonId, session);
      for (const holder of this.#holders) await holder.erase(youngPersonId, session);
      await this.youngPeople.delete(youngPersonId, session);
      await this.accounts.erase(youngPersonId, ownAccount?.id, session);
      await this.audit.pseudonymise([youngPersonId, ...(ownAccount ? [ownAccount.id] : [])], pseudonym, session);
      await this.outbox.enqueue('young_person', youngPersonId, session);
      await this.audit.success(
        'young_person.erase',
        actor,
        { target: { type: 'young_person', id: pseudonym }, subjectId: pseudonym, requestId },
        session,
      );
    });
    return { pseudonym };
  }
}
