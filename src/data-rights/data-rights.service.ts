import { randomBytes } from 'node:crypto';
import { type ClientSession, type Db, type MongoClient, ObjectId } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import type { AccountsRepository } from '../auth/accounts.js';
import { type Actor, authorize, decide } from '../auth/policy.js';
import { signInsCollection } from '../auth/sign-ins.js';
import type { Clock } from '../core/clock.js';
import { inTransaction } from '../core/db/transaction.js';
import { notFound } from '../core/errors.js';
import type { SearchOutbox } from '../search-sync/outbox.js';
import { youngPersonResource } from '../young-people/young-people.access.js';
import type { YoungPeopleRepository } from '../young-people/young-people.repository.js';

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

/** Subject access (export everything) and erasure, for one young person. */
export class DataRightsService {
  readonly #holders: PersonalDataHolder[] = [];

  private readonly db: Db;
  private readonly mongo: MongoClient;
  private readonly youngPeople: YoungPeopleRepository;
  private readonly accounts: AccountsRepository;
  private readonly outbox: SearchOutbox;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    db: Db;
    mongo: MongoClient;
    youngPeople: YoungPeopleRepository;
    accounts: AccountsRepository;
    outbox: SearchOutbox;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.db = options.db;
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
    const ownAccount = await this.accounts.collection.findOne(
      { youngPersonId: new ObjectId(youngPersonId) },
      { projection: { passwordHash: 0 } },
    );
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
      account: ownAccount
        ? {
            id: ownAccount._id.toHexString(),
            email: ownAccount.email,
            name: ownAccount.name,
            status: ownAccount.status,
            createdAt: ownAccount.createdAt,
            lastSignInAt: ownAccount.lastSignInAt,
          }
        : null,
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
    const id = new ObjectId(youngPersonId);
    await inTransaction(this.mongo, async (session) => {
      const ownAccount = await this.accounts.collection.findOne(
        { youngPersonId: id },
        { session, projection: { _id: 1 } },
      );
      for (const holder of this.#holders) await holder.erase(youngPersonId, session);
      await this.youngPeople.delete(youngPersonId, session);
      if (ownAccount) {
        await this.accounts.collection.deleteOne({ _id: ownAccount._id }, { session });
        await this.db.collection('refresh_tokens').deleteMany({ accountId: ownAccount._id }, { session });
        await this.db.collection(signInsCollection.name).deleteMany({ accountId: ownAccount._id }, { session });
      }
      await this.accounts.collection.updateMany(
        { 'actsFor.youngPersonId': id },
        { $pull: { actsFor: { youngPersonId: id } } },
        { session },
      );
      await this.db.collection('invitations').deleteMany({ youngPersonId: id }, { session });
      await this.audit.pseudonymise(
        [youngPersonId, ...(ownAccount ? [ownAccount._id.toHexString()] : [])],
        pseudonym,
        session,
      );
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
