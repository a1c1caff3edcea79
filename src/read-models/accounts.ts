import type { Account, AccountsRepository } from '../auth/accounts.js';
import type { DelegateRight } from '../domain/vocabulary.js';

/** A delegate of one young person: who they are, whether their account is active, and what they may do. */
export interface DelegateFacts {
  accountId: string;
  name: string;
  status: Account['status'];
  youngPersonId: string;
  rights: DelegateRight[];
  relationship?: string;
}

/**
 * What the young-people feature may know about accounts: who has an account of their own, who acts
 * for a young person and with which rights, and whether an account is an active job coach of a
 * provider. No email addresses, sign-in history or password hashes. The young-people service asks
 * the policy about the young person before showing any of it.
 */
export class AccountFacts {
  private readonly accounts: AccountsRepository;

  constructor(options: { accounts: AccountsRepository }) {
    this.accounts = options.accounts;
  }

  /** Which of these young people have an account of their own, in one query. */
  async youngPeopleWithAccounts(youngPersonIds: string[]): Promise<Set<string>> {
    return this.accounts.youngPeopleWithAccounts(youngPersonIds);
  }

  async delegatesOf(youngPersonId: string): Promise<DelegateFacts[]> {
    return (await this.accounts.delegatesOf(youngPersonId)).map((delegate) => ({
      accountId: delegate.id,
      name: delegate.name,
      status: delegate.status,
      ...delegate.actsFor.find((grant) => grant.youngPersonId === youngPersonId)!,
    }));
  }

  async isActiveJobCoachOf(accountId: string, providerId: string): Promise<boolean> {
    const account = await this.accounts.byId(accountId);
    return account?.role === 'job_coach' && account.providerId === providerId && account.status === 'active';
  }
}
