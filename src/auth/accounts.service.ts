import type { MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { inTransaction } from '../core/db/transaction.js';
import { notFound } from '../core/errors.js';
import type { Role } from '../domain/vocabulary.js';
import type { NamesReadModel } from '../read-models/names.js';
import type { Account, AccountsRepository } from './accounts.js';
import type { AuthService } from './auth.service.js';
import { type Actor, accountsScope, authorize, type Resource } from './policy.js';

export function accountResource(account: Account): Extract<Resource, { type: 'account' }> {
  return {
    type: 'account',
    id: account.id,
    role: account.role,
    providerId: account.providerId,
    employerId: account.employerId,
  };
}

/** Accounts as the API shows them: the caller's own, their organisation's, and disabling or enabling one. */
export class AccountsService {
  private readonly mongo: MongoClient;
  private readonly accounts: AccountsRepository;
  private readonly auth: AuthService;
  private readonly names: NamesReadModel;
  private readonly audit: AuditLog;

  constructor(options: {
    mongo: MongoClient;
    accounts: AccountsRepository;
    auth: AuthService;
    names: NamesReadModel;
    audit: AuditLog;
  }) {
    this.mongo = options.mongo;
    this.accounts = options.accounts;
    this.auth = options.auth;
    this.names = options.names;
    this.audit = options.audit;
  }

  async #load(caller: Actor, id: string, action: 'account.read' | 'account.disable') {
    const found = await this.accounts.byId(id);
    if (!found) throw notFound('Account');
    authorize(caller, action, accountResource(found));
    return found;
  }

  /** How to reach each provider's admins: public, for anyone who cannot sign in or needs help. */
  providerContacts() {
    return this.names.providerContacts();
  }

  async get(caller: Actor, id: string): Promise<Account> {
    return this.#load(caller, id, 'account.read');
  }

  async list(caller: Actor, role: Role | undefined): Promise<Account[]> {
    const filter = accountsScope(caller);
    if (!filter) return [];
    return this.accounts.listByOrganisation(filter, role ? [role] : undefined);
  }

  /** The account as stored now (after accepting an invitation changed it), or as given if it is gone. */
  async reload(account: Account): Promise<Account> {
    return (await this.accounts.byId(account.id)) ?? account;
  }

  /** Disabling takes effect at once: the next request with any of its access tokens is refused. */
  async setStatus(caller: Actor, id: string, status: 'active' | 'disabled', requestId: string): Promise<Account> {
    await this.#load(caller, id, 'account.disable');
    return inTransaction(this.mongo, async (session) => {
      const updated = await this.accounts.setStatus(id, status, session);
      if (!updated) throw notFound('Account');
      await this.audit.success(
        status === 'disabled' ? 'account.disable' : 'account.enable',
        caller,
        { target: { type: 'account', id }, subjectId: updated.youngPersonId, requestId },
        session,
      );
      if (status === 'disabled') await this.auth.revokeSessions(id);
      return updated;
    });
  }

  /** Who the signed-in account is: its organisation and the young people it is, or acts for, by name. */
  async me(caller: Account) {
    let organisation: { type: 'provider' | 'employer'; id: string; name: string; verified?: boolean } | null = null;
    if (caller.employerId) {
      const employer = (await this.names.employerSummaries([caller.employerId])).get(caller.employerId);
      if (employer)
        organisation = { type: 'employer', id: caller.employerId, name: employer.name, verified: employer.verified };
    } else if (caller.providerId) {
      const name = await this.names.providerName(caller.providerId);
      if (name !== undefined) organisation = { type: 'provider', id: caller.providerId, name };
    }
    const ids = [
      ...(caller.youngPersonId ? [caller.youngPersonId] : []),
      ...caller.actsFor.map((grant) => grant.youngPersonId),
    ];
    const people = await this.names.youngPersonNames(ids);
    const self = caller.youngPersonId !== undefined ? people.get(caller.youngPersonId) : undefined;
    return {
      organisation,
      ...(self !== undefined ? { youngPerson: { id: caller.youngPersonId!, preferredName: self } } : {}),
      actsFor: caller.actsFor
        .filter((grant) => people.has(grant.youngPersonId))
        .map((grant) => ({ ...grant, preferredName: people.get(grant.youngPersonId)! })),
    };
  }
}
