import type { ClientSession, Filter } from 'mongodb';
import { ObjectId } from 'mongodb';
import { type Account, type AccountDoc, type AccountsRepository, toAccount } from '../auth/accounts.js';
import type { DelegateRight } from '../domain/vocabulary.js';

/** Where an email goes, and whose it is: active accounts only, never a password hash. */
export interface RecipientFacts {
  accountId: string;
  email: string;
  name: string;
  providerId?: string;
  youngPersonId?: string;
}

const factsOf = (doc: AccountDoc): RecipientFacts => ({
  accountId: doc._id.toHexString(),
  email: doc.email,
  name: doc.name,
  ...(doc.providerId ? { providerId: doc.providerId.toHexString() } : {}),
  ...(doc.youngPersonId ? { youngPersonId: doc.youngPersonId.toHexString() } : {}),
});

/**
 * Who the notifications feature may write to about an event: the active accounts on each side of
 * it. Read inside the caller's transaction when given its session, so an email follows exactly
 * what was committed.
 */
export class RecipientsReadModel {
  private readonly accounts: AccountsRepository;

  constructor(options: { accounts: AccountsRepository }) {
    this.accounts = options.accounts;
  }

  async #active(filter: Filter<AccountDoc>, session?: ClientSession): Promise<AccountDoc[]> {
    return this.accounts.collection
      .find({ ...filter, status: 'active' }, { session, projection: { passwordHash: 0 } })
      .toArray();
  }

  async account(accountId: string | undefined, session?: ClientSession): Promise<RecipientFacts | undefined> {
    if (!accountId) return undefined;
    const [doc] = await this.#active({ _id: new ObjectId(accountId) }, session);
    return doc ? factsOf(doc) : undefined;
  }

  /** The young person's own account (none, or one). */
  async youngPerson(youngPersonId: string, session?: ClientSession): Promise<RecipientFacts[]> {
    return (await this.#active({ youngPersonId: new ObjectId(youngPersonId), role: 'young_person' }, session)).map(
      factsOf,
    );
  }

  /** The delegates who hold `right` for the young person. */
  async delegatesWith(youngPersonId: string, right: DelegateRight, session?: ClientSession): Promise<RecipientFacts[]> {
    const id = new ObjectId(youngPersonId);
    return (
      await this.#active({ role: 'delegate', actsFor: { $elemMatch: { youngPersonId: id, rights: right } } }, session)
    ).map(factsOf);
  }

  async employerStaff(employerId: string, session?: ClientSession): Promise<RecipientFacts[]> {
    return (await this.#active({ role: 'employer', employerId: new ObjectId(employerId) }, session)).map(factsOf);
  }

  /** The own accounts of these young people, in one query. */
  async youngPeople(youngPersonIds: string[]): Promise<RecipientFacts[]> {
    const ids = [...new Set(youngPersonIds)].map((id) => new ObjectId(id));
    return (await this.#active({ role: 'young_person', youngPersonId: { $in: ids } })).map(factsOf);
  }

  /** Every active job coach, one at a time, as the account the daily run acts for (to read their inbox). */
  async *jobCoaches(): AsyncGenerator<Account> {
    const coaches = this.accounts.collection.find(
      { role: 'job_coach', status: 'active' },
      { projection: { passwordHash: 0 } },
    );
    for await (const doc of coaches) yield toAccount(doc);
  }
}
