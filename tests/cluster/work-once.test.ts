import type { ChangeStream, Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/core/db/migrations.js';
import { reconcileIndexes } from '../../src/search-sync/reconcile.js';
import { call, type Harness, type RequestBody } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step } from '../helpers/journey-world.js';
import { type EmployerWorld, makeAccount, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import { clusterHarness, password, remoteApp } from './clients.js';
import { Cluster } from './cluster.js';

/**
 * The issue's "No double work" and "Sessions and throttling across instances": three instances
 * started together on an empty replica set and an empty Meilisearch, behind the round-robin proxy.
 */
const cluster = new Cluster({ env: { SEARCH_RECONCILE_INTERVAL_SECONDS: '0' } });
let harness: Harness & { running: Awaited<ReturnType<typeof clusterHarness>>['running'] };
let world: ProviderWorld;
let employer: EmployerWorld;

beforeAll(async () => {
  await cluster.start();
  // All three at once, on a database and a Meilisearch that have nothing in them yet.
  await cluster.startInstances(3);
  harness = await clusterHarness(cluster);
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
}, 300_000);

afterAll(async () => {
  // The stores go whatever the test's own connections do: a close that hangs must not leave them running.
  await Promise.race([harness?.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 20_000))]);
  await cluster.stop();
}, 120_000);

const until = async <T>(what: string, probe: () => Promise<T | undefined>, withinMs: number) => {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return { value, seconds: Math.round((Date.now() - started) / 100) / 10 };
    if (Date.now() - started > withinMs) throw new Error(`${what} did not happen within ${withinMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** Every email the outbox sent, once each at the SMTP server, and nothing left to send. */
async function emailsSentOnce(withinMs: number) {
  const notifications = harness.services.db.collection('notifications');
  const { seconds } = await until(
    'the notifications outbox to empty',
    async () => ((await notifications.countDocuments({ status: 'pending' })) === 0 ? true : undefined),
    withinMs,
  );
  const sent = await notifications.find({ status: 'sent' }, { projection: { _id: 1 } }).toArray();
  const received = new Map<string, number>();
  for (const mail of cluster.smtp.received) {
    const id = /^<?([0-9a-f]{24})@/.exec(mail.messageId)?.[1] ?? mail.messageId;
    received.set(id, (received.get(id) ?? 0) + 1);
  }
  const twice = [...received].filter(([, times]) => times > 1).map(([id]) => id);
  const neverArrived = sent.map((doc) => doc._id.toHexString()).filter((id) => !received.has(id));
  expect({ twice, neverArrived }).toEqual({ twice: [], neverArrived: [] });
  return { expected: sent.length, received: cluster.smtp.received.length, seconds };
}

describe('three instances started together on an empty database', () => {
  it('run each migration once and make one signing key, whose tokens every instance accepts', async () => {
    const migrations = await loadMigrations();
    const ran = cluster.logLines().filter((line) => typeof line.migration === 'string');
    expect(ran.map((line) => line.migration).sort()).toEqual(migrations.map((m) => m.id).sort());
    const keys = await harness.services.db.collection('signing_keys').find({}).toArray();
    expect(keys.filter((key) => key.status === 'active')).toHaveLength(1);

    const person = await makeAccount(harness, { role: 'job_coach', providerId: world.providerId });
    const instances = cluster.live();
    let accepted = 0;
    for (const signer of instances) {
      const signedIn = await call(remoteApp(signer.url), 'POST', '/v1/auth/token', {
        body: { email: person.email, password },
      });
      expect(signedIn.status).toBe(200);
      for (const checker of instances) {
        const me = await call(remoteApp(checker.url), 'GET', '/v1/me', { token: signedIn.json.accessToken });
        expect(me.status, `signed at ${signer.index}, checked at ${checker.index}`).toBe(200);
        accepted += 1;
      }
    }
    console.log(
      `cluster start-up: ${JSON.stringify({ instances: instances.length, migrations: migrations.length, migrationRuns: ran.length, activeSigningKeys: 1, tokensAcceptedAcrossInstances: `${accepted}/${instances.length ** 2}` })}`,
    );
  }, 60_000);
});

describe('a burst of mixed writes spread across the instances', () => {
  let claims: ChangeStream<Document>;
  const eventsMade = new Set<string>();
  const claimsPerEvent = new Map<string, number>();

  beforeAll(async () => {
    // Every event the outbox gets and every claim a worker makes on one, from MongoDB's own change stream.
    claims = harness.services.outbox.collection.watch([], {});
    claims.on('change', (change: Document) => {
      const id = String(change.documentKey?._id);
      if (change.operationType === 'insert') eventsMade.add(id);
      if (change.operationType === 'update' && change.updateDescription?.updatedFields?.claimId)
        claimsPerEvent.set(id, (claimsPerEvent.get(id) ?? 0) + 1);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  afterAll(() => claims?.close());

  it('applies every search event once, the indexes equal MongoDB within 30 s, and sends every email once', async () => {
    const placements = await Promise.all(
      [1, 2, 3].map((n) =>
        postPlacement(harness, employer.employerId, employer.staff, { title: `Kitchen assistant ${n}` }),
      ),
    );
    const people = await Promise.all(
      Array.from({ length: 9 }, (_, n) =>
        addYoungPersonWithAccount(harness, world.coach, world.providerId, `Person ${n}`),
      ),
    );
    const burstStarted = Date.now();
    const statuses: number[] = [];
    await Promise.all(
      people.map(async (person, n) => {
        const passport: RequestBody<'put', '/v1/young-people/{youngPersonId}/passport'> = {
          sections: {
            aboutMe: { summary: 'I like routine.', workWanted: 'Kitchen work', travelLimits: 'One bus' },
            whatHelps: {
              adjustments: [{ category: 'instructions', details: 'Written checklists' }],
              whatColleaguesCanDo: 'Tell me about changes in advance',
            },
            myCondition: null,
            accessToWork: null,
            review: null,
          },
        };
        const [saved, proposed, invited] = await Promise.all([
          call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
            path: { youngPersonId: person.id },
            token: person.account.token,
            body: passport,
          }),
          propose(harness, world.coach, person.id, placements[n % placements.length]!),
          call(harness.app, 'POST', '/v1/invitations', {
            token: world.admin.token,
            body: { role: 'job_coach', email: `coach.${n}.${Date.now()}@example.org`, name: `Coach ${n}` },
          }),
        ]);
        statuses.push(saved.status, proposed.status, invited.status);
        const accepted = await step(harness, person.account, proposed.json.id as string, 'accept', {
          sections: ['whatHelps'],
        });
        const shared = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
          path: { youngPersonId: person.id },
          token: person.account.token,
          body: {
            employerId: employer.employerId,
            sections: ['aboutMe'],
            purpose: 'For my first week',
            expiresInDays: 7,
          },
        });
        statuses.push(accepted.status, shared.status);
      }),
    );
    expect(statuses.filter((status) => status >= 300)).toEqual([]);

    const caughtUp = await until(
      'the search outbox to empty',
      async () => ((await harness.services.outbox.collection.countDocuments({})) === 0 ? true : undefined),
      30_000,
    );
    const report = await reconcileIndexes(harness.services.db, harness.services.search, harness.services.outbox, {
      repair: false,
    });
    for (const index of report.indexes)
      expect({ missing: index.missing, extra: index.extra, stale: index.stale }, index.name).toEqual({
        missing: [],
        extra: [],
        stale: [],
      });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const claimedTwice = [...claimsPerEvent].filter(([, times]) => times > 1);
    const neverClaimed = [...eventsMade].filter((id) => !claimsPerEvent.has(id));
    expect({ claimedTwice, neverClaimed }).toEqual({ claimedTwice: [], neverClaimed: [] });

    const emails = await emailsSentOnce(30_000);
    console.log(
      `cluster burst: ${JSON.stringify({
        writes: statuses.length,
        searchEvents: eventsMade.size,
        eventsAppliedTwice: claimedTwice.length,
        indexesEqualMongoWithinSeconds: Math.round((Date.now() - burstStarted) / 100) / 10,
        outboxEmptySeconds: caughtUp.seconds,
        emailsExpected: emails.expected,
        emailsReceived: emails.received,
      })}`,
    );
  }, 120_000);

  it('sends the daily run’s reminders once when all three instances run it in the same minute', async () => {
    const notifications = harness.services.db.collection('notifications');
    const before = await notifications.countDocuments({ kind: 'share_ending_soon' });
    expect(before).toBe(0);
    // Today's run is already done (each instance checked at start); forget it, and start all three
    // again at once, so that every one of them finds it due in the same minute.
    const logsBefore = cluster.logLines().filter((line) => line.msg === 'daily notifications').length;
    await Promise.all(cluster.live().map((instance) => cluster.stopInstance(instance)));
    await harness.services.db.collection('scheduled_runs').deleteMany({});
    await cluster.startInstances(3);
    const shares = await harness.services.db
      .collection('passport_shares')
      .countDocuments({ withdrawnAt: { $exists: false } });
    const { value: made } = await until(
      'the daily run',
      async () => {
        const runs = cluster.logLines().filter((line) => line.msg === 'daily notifications').length - logsBefore;
        return runs > 0 ? notifications.countDocuments({ kind: 'share_ending_soon' }) : undefined;
      },
      60_000,
    );
    // The other instances' checks come back empty-handed: give them a moment to prove it.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const runs = cluster.logLines().filter((line) => line.msg === 'daily notifications').length - logsBefore;
    expect(runs).toBe(1);
    expect(await notifications.countDocuments({ kind: 'share_ending_soon' })).toBe(made);
    const emails = await emailsSentOnce(30_000);
    const reminderEmails = cluster.smtp.ofKind('share_ending_soon').length;
    expect(reminderEmails).toBe(made);
    expect(made).toBeGreaterThan(0);
    console.log(
      `cluster daily run: ${JSON.stringify({ instances: 3, runs, sharesEndingSoon: shares, remindersMade: made, reminderEmails, emailsExpected: emails.expected, emailsReceived: emails.received })}`,
    );
  }, 180_000);
});

describe('sessions and throttling across instances', () => {
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const get = (base: string, path: string, cookies: string[]) =>
    fetch(`${base}${path}`, { headers: { cookie: cookies.join('; ') }, redirect: 'manual' });
  const post = (base: string, path: string, cookies: string[], form: Record<string, string>) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.join('; '), origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  it('keeps a web session made at one instance at the others, and a sign-out at one ends it everywhere', async () => {
    const [first, second, third] = cluster.live().map((instance) => instance.url) as [string, string, string];
    const page = await get(first, '/sign-in', []);
    const anonymous = cookiesOf(page);
    const signedIn = await post(first, '/sign-in', anonymous, {
      _csrf: csrfOf(await page.text()),
      email: world.coach.email,
      password,
    });
    expect(signedIn.status).toBe(303);
    const session = cookiesOf(signedIn);
    const atOthers = await Promise.all([second, third].map((base) => get(base, '/inbox', session)));
    expect(atOthers.map((response) => response.status)).toEqual([200, 200]);
    const csrf = csrfOf(await atOthers[0]!.text());
    const signedOut = await post(second, '/sign-out', session, { _csrf: csrf });
    expect(signedOut.status).toBe(303);
    const afterwards = await Promise.all([first, second, third].map((base) => get(base, '/inbox', session)));
    expect(afterwards.map((response) => [response.status, response.headers.get('location')?.split('?')[0]])).toEqual([
      [303, '/sign-in'],
      [303, '/sign-in'],
      [303, '/sign-in'],
    ]);
    console.log('cluster sessions: {"sessionWorkedAtInstances":3,"signOutEndedItAtInstances":3}');
  }, 60_000);

  it('adds up failed sign-ins made at three instances to the same throttle as at one', async () => {
    const person = await makeAccount(harness, { role: 'job_coach', providerId: world.providerId });
    const instances = cluster.live();
    const attempt = (n: number, pass: string) =>
      call(remoteApp(instances[n % instances.length]!.url), 'POST', '/v1/auth/token', {
        body: { email: person.email, password: pass },
      });
    // The limit per account is five failures in the window, wherever they are made.
    const failures: number[] = [];
    for (let n = 0; n < 5; n += 1) failures.push((await attempt(n, 'not the password')).status);
    expect(failures).toEqual([401, 401, 401, 401, 401]);
    const refused = await Promise.all([0, 1, 2].map((n) => attempt(n, password)));
    expect(refused.map((response) => response.status)).toEqual([429, 429, 429]);
    expect(refused.every((response) => Number(response.headers.get('retry-after')) > 0)).toBe(true);
    console.log(
      `cluster throttle: ${JSON.stringify({ failuresSpreadOverInstances: 5, refusedAfterwardsAtInstances: refused.filter((r) => r.status === 429).length })}`,
    );
  }, 60_000);
});
