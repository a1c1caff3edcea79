import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { Mailer } from '../../src/notifications/mailer.js';
import { type DeliveryOptions, DeliveryWorker } from '../../src/notifications/worker.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';
import { SmtpSink } from '../helpers/mail.js';
import { makeProvider, type ProviderWorld } from '../helpers/world.js';

const publicUrl = 'https://internships.example.org';
/** Quick retries, so an outage of a second or two is over in a test. */
const quick: Partial<DeliveryOptions> = { baseBackoffMs: 100, maxBackoffMs: 400, idleMs: 20, maxAttempts: 100 };
const sink = new SmtpSink();
let smtpUrl: string;
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;

beforeAll(async () => {
  smtpUrl = await sink.start();
  harness = await createHarness({
    env: { SMTP_URL: smtpUrl, PUBLIC_URL: publicUrl },
    serviceOptions: { delivery: quick },
  });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
});
afterAll(async () => {
  await harness.close();
  await sink.stop();
});

let invited = 0;
/** Invitations made through the API: each one puts one email in the outbox. */
async function invite(count: number): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const email = `coach.${++invited}.${Date.now()}@example.org`;
    const response = await call(harness.app, 'POST', '/v1/invitations', {
      token: world.admin.token,
      body: { role: 'job_coach', email, name: `Coach ${invited}` },
    });
    expect(response.status).toBe(201);
    emails.push(email);
  }
  return emails;
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function anotherWorker(options: Partial<DeliveryOptions> = quick): DeliveryWorker {
  const { notifications, clock } = harness.services;
  return new DeliveryWorker({
    outbox: notifications.outbox,
    preferences: notifications.preferencesRepository,
    unsubscribe: notifications.unsubscribeLinks,
    mailer: new Mailer(smtpUrl, harness.config.MAIL_FROM, { requireTls: false }),
    publicUrl,
    clock,
    logger: createLogger('silent'),
    options,
  });
}

function expectEachOnce(emails: string[]) {
  for (const email of emails) expect(sink.to(email), email).toHaveLength(1);
  const ids = sink.received.map((mail) => mail.messageId);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('delivery', () => {
  it('loses nothing while the mail server is down, and sends everything once when it is back', async () => {
    sink.clear();
    await sink.stop();
    const worker = harness.services.notificationDelivery!;
    worker.start();
    try {
      const emails = await invite(6);
      await waitUntil(
        async () =>
          (await harness.services.notifications.outbox.collection.countDocuments({
            status: 'pending',
            attempts: { $gte: 2 },
          })) === 6,
      );
      expect(sink.received).toHaveLength(0);
      const waiting = await harness.services.notifications.outbox.collection.findOne({ status: 'pending' });
      expect(waiting!.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);

      await sink.start();
      await waitUntil(() => sink.received.length >= 6);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sink.received).toHaveLength(6);
      expectEachOnce(emails);
      expect(await harness.services.notifications.outbox.collection.countDocuments({ status: 'sent' })).toBe(6);
    } finally {
      await worker.stop();
    }
  });

  it('two workers side by side send each notification once', async () => {
    sink.clear();
    const emails = await invite(30);
    const first = harness.services.notificationDelivery!;
    const second = anotherWorker();
    try {
      const [a, b] = await Promise.all([first.drain(), second.drain()]);
      expect(a.sent + b.sent).toBe(30);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      await waitUntil(() => sink.received.length >= 30);
      expect(sink.received).toHaveLength(30);
      expectEachOnce(emails);
    } finally {
      await second.close();
    }
  });

  it('gives up after the last attempt, and shows the failure to that provider’s admins only, without the message', async () => {
    await sink.stop();
    const [email] = await invite(1);
    const givingUp = anotherWorker({ ...quick, baseBackoffMs: 1, maxBackoffMs: 2, maxAttempts: 3 });
    try {
      await waitUntil(async () => {
        await givingUp.drain();
        return (
          (await harness.services.notifications.outbox.collection.countDocuments({
            'to.email': email,
            status: 'failed',
          })) === 1
        );
      });
    } finally {
      await givingUp.close();
      await sink.start();
    }
    const failed = await call(harness.app, 'GET', '/v1/notifications', { token: world.admin.token });
    expect(failed.status).toBe(200);
    expect(failed.json.items).toEqual([
      expect.objectContaining({
        kind: 'invitation',
        status: 'failed',
        attempts: 3,
        recipient: { name: expect.any(String), email },
      }),
    ]);
    expect(failed.json.items[0]!.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(JSON.stringify(failed.json)).not.toMatch(/invitations\/|facts|inviterName|html/);

    const elsewhere = await call(harness.app, 'GET', '/v1/notifications', { token: other.admin.token });
    expect(elsewhere.json.items).toEqual([]);
    const coach = await call(harness.app, 'GET', '/v1/notifications', { token: world.coach.token });
    expect(coach.json.items).toEqual([]);
    const sentOnes = await call(harness.app, 'GET', '/v1/notifications', {
      query: { status: 'sent', limit: 5 },
      token: world.admin.token,
    });
    expect(sentOnes.json.items).toHaveLength(5);
    expect(
      (await call(harness.app, 'GET', '/v1/notifications', { rawQuery: 'status=lost', token: world.admin.token }))
        .status,
    ).toBe(400);
    expect((await call(harness.app, 'GET', '/v1/notifications')).status).toBe(401);
  });
});
