import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDataIfEmpty } from '../../seed/auto.js';
import { demoAccounts, demoPassword } from '../../seed/demo-accounts.js';
import { type Dataset, generate } from '../../seed/generate.js';
import { DemoDataRefusedError, hasAccounts, type LoadSummary, loadDataset, summaryLine } from '../../seed/load.js';
import { toAccount } from '../../src/auth/accounts.js';
import { toPlacement } from '../../src/placements/placements.repository.js';
import { isSearchablePlacement } from '../../src/search-sync/documents.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';

let harness: Harness;
let summary: LoadSummary | undefined;
/** The same data set the service loads at start-up: generation is deterministic for the day. */
let dataset: Dataset;

async function signIn(email: string) {
  return call(harness.app, 'POST', '/v1/auth/token', { body: { email, password: demoPassword } });
}

beforeAll(async () => {
  harness = await createHarness();
  dataset = generate();
  summary = await seedDemoDataIfEmpty(harness.services);
});
afterAll(() => harness.close());

describe('loading the default demo data set', () => {
  it('loads into an empty database at start-up and makes it searchable', async () => {
    expect(summary).toBeDefined();
    expect(summary!.counts).toMatchObject({
      providers: dataset.providers.length,
      employers: dataset.employers.length,
      placements: dataset.settings.placements,
      youngPeople: dataset.settings.youngPeople,
    });
    expect(await harness.services.outbox.collection.countDocuments()).toBe(0);
    expect(summaryLine(summary!)).toMatch(
      /^Loaded 3 providers, .* 360 placements, 240 young people, .*placements\/s.*searchable after/,
    );
  });

  it('stores every generated record, and the search index holds the placements', async () => {
    const { services } = harness;
    const ids = (records: { id: string }[]) => ({
      _id: { $in: records.map((record) => ObjectId.createFromHexString(record.id)) },
    });
    const young = [...dataset.youngPeople()];
    const placements = [...dataset.placements()];
    expect(await services.placementsRepository.collection.countDocuments(ids(placements))).toBe(placements.length);
    expect(await services.employersRepository.collection.countDocuments(ids(dataset.employers))).toBe(
      dataset.employers.length,
    );
    expect(await services.youngPeopleRepository.collection.countDocuments(ids(young.map(({ person }) => person)))).toBe(
      young.length,
    );
    const withPassport = young.filter(({ passport }) => passport).map(({ person }) => person);
    expect(await services.passportsRepository.passports.countDocuments(ids(withPassport))).toBe(
      summary!.counts.passports,
    );
    const accounts = [
      ...dataset.staff,
      ...dataset.employers.map((employer) => employer.account),
      ...young.flatMap(({ accounts }) => accounts),
    ];
    expect(await services.accounts.collection.countDocuments(ids(accounts))).toBe(accounts.length);
    // The index holds every placement that can still be matched or browsed, past cohorts' included, and nothing else.
    const stored = (await services.placementsRepository.collection.find().toArray()).map(toPlacement);
    const employers = new Map(
      (await services.employersRepository.byIds([...new Set(stored.map((p) => p.employerId))])).map((e) => [e.id, e]),
    );
    const searchable = stored.filter((placement) =>
      isSearchablePlacement(placement, employers.get(placement.employerId)!, services.clock.now()),
    );
    expect(searchable.length).toBeGreaterThan(placements.length / 2);
    const index = await services.search.client.index(services.search.indexUid('placements')).getStats();
    expect(index.numberOfDocuments).toBe(searchable.length);
    const candidates = await services.search.client.index(services.search.indexUid('candidates')).getStats();
    // Only young people who can be proposed; past interns are in MongoDB alone.
    const active = await services.youngPeopleRepository.collection.countDocuments({ status: 'active' });
    expect(active).toBeLessThan(await services.youngPeopleRepository.collection.countDocuments());
    expect(candidates.numberOfDocuments).toBe(active);
  });

  it('reads back through the repositories as the records that were generated', async () => {
    const { services } = harness;
    const [placement] = dataset.placements();
    const [young] = dataset.youngPeople();
    const [employer] = dataset.employers;
    const {
      createdAt: _p,
      updatedAt: _pu,
      placesFilled,
      ...storedPlacement
    } = (await services.placementsRepository.byId(placement!.id))!;
    expect(storedPlacement).toEqual(placement);
    expect(placesFilled).toBe(0);
    const {
      createdAt: _y,
      updatedAt: _yu,
      ...storedPerson
    } = (await services.youngPeopleRepository.byId(young!.person.id))!;
    expect(storedPerson).toEqual(young!.person);
    const { account: _account, verifiedBy, ...employerFields } = employer!;
    expect(await services.employersRepository.byId(employer!.id)).toMatchObject({ ...employerFields, verifiedBy });
    const passport = await services.passportsRepository.current(young!.person.id);
    expect(passport).toMatchObject({
      version: 1,
      sections: young!.passport!.sections,
      coachAccess: young!.passport!.coachAccess,
    });
    const delegate = young!.accounts.find((account) => account.role === 'delegate')!;
    expect(toAccount((await services.accounts.collection.findOne({ email: delegate.email }))!)).toMatchObject({
      id: delegate.id,
      actsFor: delegate.actsFor,
    });
  });

  it('lets every demo account sign in through the API', async () => {
    for (const demo of Object.values(demoAccounts)) {
      const response = await signIn(demo.email);
      expect(response.status, demo.email).toBe(200);
      expect(response.json.accessToken).toEqual(expect.any(String));
    }
  });

  it('gives the demo accounts a working world: Sam, their coach, their parent and an employer with open placements', async () => {
    const sam = (await signIn(demoAccounts.youngPerson.email)).json.accessToken;
    const coach = (await signIn(demoAccounts.jobCoach.email)).json.accessToken;
    const parent = (await signIn(demoAccounts.delegate.email)).json.accessToken;
    const employer = (await signIn(demoAccounts.employer.email)).json.accessToken;
    const samId = [...dataset.youngPeople()][0]!.person.id;

    const passport = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: samId },
      token: sam,
    });
    expect(passport.status).toBe(200);
    expect(passport.json.sections.myCondition).toBeDefined();
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}', {
          path: { youngPersonId: samId },
          token: coach,
        })
      ).json.preferredName,
    ).toBe('Sam Taylor');
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
          path: { youngPersonId: samId },
          token: parent,
        })
      ).status,
    ).toBe(200);

    const me = await call(harness.app, 'GET', '/v1/me', { token: employer });
    expect(me.json.organisation).toMatchObject({ type: 'employer', verified: true });
    const own = await call(harness.app, 'GET', '/v1/employers/{employerId}/placements', {
      path: { employerId: me.json.organisation!.id },
      token: employer,
    });
    expect(own.status).toBe(200);
    expect(own.json.items.length).toBeGreaterThan(0);

    const matches = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/matches', {
      path: { youngPersonId: samId },
      token: sam,
    });
    expect(matches.status).toBe(200);
    expect(matches.json.items.length).toBeGreaterThan(0);
  });

  it('does nothing at start-up once the database has accounts', async () => {
    expect(await hasAccounts(harness.services)).toBe(true);
    expect(await seedDemoDataIfEmpty(harness.services)).toBeUndefined();
  });
});

describe('the production guard', () => {
  let production: Harness;
  beforeAll(async () => {
    production = await createHarness({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => production.close());

  it('never loads demo data or creates demo accounts in production', async () => {
    await expect(
      loadDataset(production.services, generate({ placements: 1, youngPeople: 1, employers: 2 })),
    ).rejects.toThrow(DemoDataRefusedError);
    expect(await seedDemoDataIfEmpty(production.services)).toBeUndefined();
    expect(await hasAccounts(production.services)).toBe(false);
    expect(await production.services.placementsRepository.collection.countDocuments()).toBe(0);
  });
});

describe('SEED_DEMO_DATA=never', () => {
  it('starts with an empty database', async () => {
    const never = await createHarness({ env: { SEED_DEMO_DATA: 'never' } });
    try {
      expect(await seedDemoDataIfEmpty(never.services)).toBeUndefined();
      expect(await hasAccounts(never.services)).toBe(false);
    } finally {
      await never.close();
    }
  });
});
