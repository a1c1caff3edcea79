import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, type Harness } from '../helpers/harness.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  profileInput,
} from '../helpers/world.js';

let harness: Harness;
let world: ProviderWorld;
let employer: EmployerWorld;

let people = 0;

beforeAll(async () => {
  harness = await createHarness();
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
});
afterAll(() => harness.close());

/** A young person with an account, a delegate, a passport with two versions, a coach draft and a share. */
async function richYoungPerson() {
  people += 1;
  const distinctiveName = `Zephyrine${'abcdefghij'[people]}`;
  const distinctiveText = `QUOKKA-PASSPORT-MARKER-${people}`;
  const created = await call(harness.app, 'POST', '/v1/young-people', {
    token: world.coach.token,
    body: profileInput({ preferredName: distinctiveName }),
  });
  const id = created.json.id as string;
  const own = await makeAccount(harness, {
    role: 'young_person',
    providerId: world.providerId,
    youngPersonId: id,
    name: distinctiveName,
  });
  const delegate = await makeAccount(harness, {
    role: 'delegate',
    providerId: world.providerId,
    actsFor: [{ youngPersonId: id, rights: ['view_profile', 'view_passport'] }],
  });
  await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport/sections/{section}', {
    path: { youngPersonId: id, section: 'aboutMe' },
    token: own.token,
    body: { baseVersion: 0, content: { summary: `${distinctiveText} one` } },
  });
  await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: id },
    token: own.token,
    body: {
      baseVersion: 1,
      sections: {
        aboutMe: { summary: `${distinctiveText} two` },
        myCondition: { description: 'dyspraxia' },
        whatHelps: null,
        accessToWork: null,
        review: null,
      },
    },
  });
  await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
    path: { youngPersonId: id },
    token: world.coach.token,
    body: { sections: { whatHelps: { adjustments: [{ category: 'equipment', details: 'A headset' }] } } },
  });
  const share = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
    path: { youngPersonId: id },
    token: own.token,
    body: { employerId: employer.employerId, sections: ['aboutMe'], purpose: 'Induction' },
  });
  await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
    path: { shareId: share.json.id },
    token: employer.staff.token,
  });
  await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: id },
    token: world.coach.token,
  });
  const invitation = await call(harness.app, 'POST', '/v1/invitations', {
    token: own.token,
    body: { role: 'delegate', email: `pending.${Date.now()}@example.org`, name: 'Pending', rights: ['view_profile'] },
  });
  expect(invitation.status).toBe(201);
  return { id, own, delegate, shareId: share.json.id as string, distinctiveName, distinctiveText };
}

interface ExportDocument extends Record<string, unknown> {
  profile: unknown;
  account: { passwordHash?: unknown };
  delegates: unknown[];
  passport: { current: { version: number }; versions: { version: number }[]; drafts: unknown[]; shares: unknown[] };
  auditEvents: { action: string }[];
}

describe('subject access export', () => {
  it('holds everything about the young person in one document', async () => {
    const person = await richYoungPerson();
    const response = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/export', {
      path: { youngPersonId: person.id },
      token: person.own.token,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    // The contract types the export as a loose record, one part per feature; these are the parts read here.
    const document = response.json as ExportDocument;
    expect(document.profile).toMatchObject({ id: person.id, preferredName: person.distinctiveName });
    expect(document.account).toMatchObject({ id: person.own.accountId, email: person.own.email });
    expect(document.account.passwordHash).toBeUndefined();
    expect(document.delegates).toHaveLength(1);
    expect(document.delegates[0]).toMatchObject({ rights: ['view_profile', 'view_passport'] });
    expect(document.passport.current.version).toBe(2);
    expect(document.passport.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(document.passport.drafts).toHaveLength(1);
    expect(document.passport.shares[0]).toMatchObject({
      id: person.shareId,
      sections: ['aboutMe'],
      purpose: 'Induction',
    });
    const actions = document.auditEvents.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'young_person.create',
        'passport.save',
        'passport.share',
        'passport_share.read',
        'passport.read',
        'passport.draft_propose',
      ]),
    );
    expect(JSON.stringify(document)).not.toMatch(/passwordHash|tokenHash|scrypt\$/);
  });

  it('is itself recorded, and shows in the owner’s access log when someone else exports', async () => {
    const person = await richYoungPerson();
    await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/export', {
      path: { youngPersonId: person.id },
      token: world.admin.token,
    });
    const log = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/access-log', {
      path: { youngPersonId: person.id },
      token: person.own.token,
    });
    expect(log.json.items.some((e) => e.action === 'young_person.export' && e.by.role === 'provider_admin')).toBe(true);
  });
});

describe('erasure', () => {
  it('leaves nothing identifying in MongoDB or Meilisearch, keeps a pseudonymised audit trail, and revokes shares', async () => {
    const person = await richYoungPerson();
    const { services } = harness;
    await services.searchSync.drain();
    const candidates = services.search.client.index(services.search.indexUid('candidates'));
    expect((await candidates.getDocument(person.id)).id).toBe(person.id);

    const response = await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: person.id },
      token: world.admin.token,
    });
    expect(response.status).toBe(200);
    const { pseudonym } = response.json;
    await services.searchSync.drain();

    // MongoDB: search every collection for the person's ids, name and passport text.
    const needles = [person.id, person.own.accountId, person.distinctiveName, person.distinctiveText, person.own.email];
    const collections = await services.db.listCollections({}, { nameOnly: true }).toArray();
    for (const { name } of collections) {
      const documents = JSON.stringify(await services.db.collection(name).find({}).toArray());
      for (const needle of needles) expect(documents.includes(needle), `${needle} found in ${name}`).toBe(false);
    }
    expect(await services.db.collection('young_people').countDocuments({ _id: new ObjectId(person.id) })).toBe(0);

    // Meilisearch: every index of this deployment.
    const { results: indexes } = await services.search.client.getIndexes({ limit: 100 });
    for (const index of indexes.filter((i) => i.uid.startsWith(services.search.prefix))) {
      const { results } = await services.search.client.index(index.uid).getDocuments({ limit: 10_000 });
      const text = JSON.stringify(results);
      for (const needle of needles) expect(text.includes(needle), `${needle} found in index ${index.uid}`).toBe(false);
    }

    // The audit trail stays, pointing at the pseudonym.
    const trail = await services.audit.forSubject(pseudonym, { limit: 1000 });
    expect(trail.items.map((e) => e.action)).toEqual(expect.arrayContaining(['passport.share', 'young_person.erase']));

    // The employer's access ended, the delegate no longer acts for them, their own account is gone.
    expect(
      (
        await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
          path: { shareId: person.shareId },
          token: employer.staff.token,
        })
      ).status,
    ).toBe(404);
    const delegateMe = await call(harness.app, 'GET', '/v1/me', { token: person.delegate.token });
    expect(delegateMe.json.actsFor).toEqual([]);
    expect((await call(harness.app, 'GET', '/v1/me', { token: person.own.token })).status).toBe(401);
  });

  it('is refused to everyone but the provider admin, and writes nothing then', async () => {
    const person = await richYoungPerson();
    for (const token of [world.coach.token, person.own.token, person.delegate.token, employer.staff.token]) {
      expect([403, 404]).toContain(
        (
          await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}', {
            path: { youngPersonId: person.id },
            token,
          })
        ).status,
      );
    }
    expect(await harness.services.db.collection('young_people').countDocuments({ _id: new ObjectId(person.id) })).toBe(
      1,
    );
  });
});
