import type { AccountsRepository } from '../auth/accounts.js';
import type { EmployersRepository } from '../employers/employers.repository.js';
import type { PlacementsRepository } from '../placements/placements.repository.js';
import type { ProvidersRepository } from '../providers/providers.js';
import type { YoungPeopleRepository } from '../young-people/young-people.repository.js';

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * The names one feature shows for another feature's records (who, which placement, which
 * organisation), looked up many at a time. Names only: nothing here reaches a profile or a passport,
 * so a feature that needs a label does not get the other feature's repository. Callers show these
 * only beside records the policy already let them read.
 */
export class NamesReadModel {
  private readonly accounts: AccountsRepository;
  private readonly providers: ProvidersRepository;
  private readonly employers: EmployersRepository;
  private readonly placements: PlacementsRepository;
  private readonly youngPeople: YoungPeopleRepository;

  constructor(options: {
    accounts: AccountsRepository;
    providers: ProvidersRepository;
    employers: EmployersRepository;
    placements: PlacementsRepository;
    youngPeople: YoungPeopleRepository;
  }) {
    this.accounts = options.accounts;
    this.providers = options.providers;
    this.employers = options.employers;
    this.placements = options.placements;
    this.youngPeople = options.youngPeople;
  }

  /** A staff member's name and work email, for the people they work with (an intern's employer reaching the job coach). */
  async accountContact(id: string): Promise<{ name: string; email: string } | undefined> {
    const account = await this.accounts.byId(id);
    return account ? { name: account.name, email: account.email } : undefined;
  }

  async accountNames(ids: string[]): Promise<Map<string, string>> {
    const found = await this.accounts.byIds(unique(ids));
    return new Map(found.map((account) => [account.id, account.name]));
  }

  /** Readers of a passport, for its owner's access log: each reader's name and, for employer staff, their organisation. */
  async accountSummaries(ids: string[]): Promise<Map<string, { name: string; employerId?: string }>> {
    const found = await this.accounts.byIds(unique(ids));
    return new Map(
      found.map((account) => [
        account.id,
        { name: account.name, ...(account.employerId ? { employerId: account.employerId } : {}) },
      ]),
    );
  }

  /**
   * Who runs each provider, for the public contact page: the provider's name and area, and the
   * names and work emails of its active admins (the people who verify employers and add staff).
   */
  async providerContacts(): Promise<
    { name: string; localAuthority: string; admins: { name: string; email: string }[] }[]
  > {
    const [providers, admins] = await Promise.all([
      this.providers.collection.find({}).sort({ name: 1 }).limit(200).toArray(),
      this.accounts.collection
        .find(
          { role: 'provider_admin', status: 'active' },
          { projection: { name: 1, email: 1, providerId: 1 }, sort: { name: 1 } },
        )
        .limit(1000)
        .toArray(),
    ]);
    return providers.map((provider) => ({
      name: provider.name,
      localAuthority: provider.localAuthority,
      admins: admins
        .filter((admin) => admin.providerId?.equals(provider._id))
        .map((admin) => ({ name: admin.name, email: admin.email })),
    }));
  }

  async providerName(id: string): Promise<string | undefined> {
    return (await this.providers.byId(id))?.name;
  }

  async employerSummaries(ids: string[]): Promise<Map<string, { name: string; verified: boolean }>> {
    const found = await this.employers.byIds(unique(ids));
    return new Map(found.map((employer) => [employer.id, { name: employer.name, verified: employer.verified }]));
  }

  async employerNames(ids: string[]): Promise<Map<string, string>> {
    const found = await this.employers.byIds(unique(ids));
    return new Map(found.map((employer) => [employer.id, employer.name]));
  }

  async youngPersonNames(ids: string[]): Promise<Map<string, string>> {
    const found = await this.youngPeople.byIds(unique(ids));
    return new Map(found.map((person) => [person.id, person.preferredName]));
  }

  async placementTitles(ids: string[]): Promise<Map<string, string>> {
    const found = await this.placements.byIds(unique(ids));
    return new Map(found.map((placement) => [placement.id, placement.title]));
  }
}
