import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callUntyped, createHarness, type Harness } from '../helpers/harness.js';
import { SmtpSink } from '../helpers/mail.js';
import { makeProvider, type ProviderWorld } from '../helpers/world.js';

const metricsToken = 'metrics-token-for-tests-0123456789abcdef';
const sink = new SmtpSink();
let harness: Harness;
let world: ProviderWorld;

beforeAll(async () => {
  const smtpUrl = await sink.start();
  harness = await createHarness({ env: { METRICS_TOKEN: metricsToken, SMTP_URL: smtpUrl, NOTIFY_DAILY_HOUR: '0' } });
  world = await makeProvider(harness);
});
afterAll(async () => {
  await harness.close();
  await sink.stop();
});

async function scrape(app = harness.app): Promise<string> {
  const response = await callUntyped(app, 'GET', '/metrics', { headers: { authorization: `Bearer ${metricsToken}` } });
  expect(response.status).toBe(200);
  return response.text;
}

/** The value of one series (`name` with exactly `labels`), or undefined when it is not there. */
function seriesValue(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of body.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = (match[2] ?? '')
      .split(/,(?=\w+=")/)
      .filter(Boolean)
      .sort()
      .join(',');
    if (found === wanted) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('does not exist when no METRICS_TOKEN is configured, whatever the caller sends', async () => {
    const without = await createHarness();
    try {
      const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${metricsToken}` }];
      for (const headers of attempts) {
        const response = await callUntyped(without.app, 'GET', '/metrics', { headers });
        expect(response.status).toBe(404);
        expect(response.error).toMatchObject({ code: 'not_found', message: 'No route matches GET /metrics.' });
      }
    } finally {
      await without.close();
    }
  });

  it('answers 404 as if it did not exist to a request without the token, with a wrong one, or with another method', async () => {
    const attempts: { method: string; headers: Record<string, string> }[] = [
      { method: 'GET', headers: {} },
      { method: 'GET', headers: { authorization: 'Bearer wrong' } },
      { method: 'GET', headers: { authorization: `Bearer ${metricsToken.slice(0, -1)}x` } },
      { method: 'GET', headers: { authorization: `Basic ${metricsToken}` } },
      { method: 'GET', headers: { authorization: metricsToken } },
      { method: 'POST', headers: { authorization: `Bearer ${metricsToken}` } },
    ];
    for (const { method, headers } of attempts) {
      const response = await callUntyped(harness.app, method, '/metrics', { headers });
      expect(response.status, `${method} ${JSON.stringify(headers)}`).toBe(404);
      expect(response.error).toMatchObject({ code: 'not_found', message: `No route matches ${method} /metrics.` });
      expect(response.headers.get('allow')).toBeNull();
    }
  });

  it('gives the Prometheus text format to the bearer of the token, with every metric operators watch', async () => {
    const response = await callUntyped(harness.app, 'GET', '/metrics', {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    for (const name of [
      'http_requests_total',
      'http_request_duration_seconds',
      'outbox_oldest_event_age_seconds',
      'outbox_events_waiting',
      'search_index_disagreements',
      'search_reconcile_last_run_timestamp_seconds',
      'auth_sign_in_failures_total',
      'emails_sent_total',
      'emails_failed_total',
      'daily_run_duration_seconds',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(response.text, name).toContain(`# TYPE ${name} `);
    }
  });

  it('counts API requests and web pages by route pattern and status', async () => {
    const route = '/v1/young-people/:youngPersonId';
    const before = await scrape();
    const apiBefore = seriesValue(before, 'http_requests_total', { method: 'GET', route, status: '200' }) ?? 0;
    const pageBefore =
      seriesValue(before, 'http_requests_total', { method: 'GET', route: '/sign-in', status: '200' }) ?? 0;
    for (let i = 0; i < 3; i += 1) {
      const response = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}', {
        token: world.coach.token,
        path: { youngPersonId: world.youngPersonId },
      });
      expect(response.status).toBe(200);
    }
    expect((await callUntyped(harness.app, 'GET', '/sign-in')).status).toBe(200);
    const after = await scrape();
    expect(seriesValue(after, 'http_requests_total', { method: 'GET', route, status: '200' })).toBe(apiBefore + 3);
    expect(seriesValue(after, 'http_requests_total', { method: 'GET', route: '/sign-in', status: '200' })).toBe(
      pageBefore + 1,
    );
    expect(
      seriesValue(after, 'http_request_duration_seconds_count', { method: 'GET', route, status: '200' }),
    ).toBeGreaterThanOrEqual(3);
  });

  it('never carries an id, an email address or a raw path in a label', async () => {
    const email = 'someone.private@example.org';
    const id = world.youngPersonId;
    await call(harness.app, 'POST', '/v1/auth/token', { body: { email, password: 'not the password at all' } });
    await callUntyped(harness.app, 'GET', `/v1/young-people/${id}`, { token: world.coach.token });
    await callUntyped(harness.app, 'GET', `/v1/young-people/${encodeURIComponent(email)}`, {
      token: world.coach.token,
    });
    await callUntyped(harness.app, 'GET', `/v1/nothing-here/${id}/${encodeURIComponent(email)}`);
    await callUntyped(harness.app, 'GET', `/young-people/${id}`);
    await callUntyped(harness.app, 'GET', `/no-such-page/${id}?email=${encodeURIComponent(email)}`);
    await callUntyped(harness.app, 'PROPFIND', `/v1/young-people/${id}`);
    const body = await scrape();
    expect(body).not.toContain(id);
    expect(body).not.toContain('someone');
    expect(body).not.toContain('@');
    expect(body).not.toContain('nothing-here');
    expect(body).not.toContain('no-such-page');
    expect(body).not.toContain('PROPFIND');
  });

  it('counts failed sign-ins by reason', async () => {
    const before = seriesValue(await scrape(), 'auth_sign_in_failures_total', { reason: 'wrong_password' }) ?? 0;
    const response = await call(harness.app, 'POST', '/v1/auth/token', {
      body: { email: world.coach.email, password: 'not the password at all' },
    });
    expect(response.status).toBe(401);
    expect(seriesValue(await scrape(), 'auth_sign_in_failures_total', { reason: 'wrong_password' })).toBe(before + 1);
  });

  it('shows the age of the oldest unapplied search event, from MongoDB, and 0 once the outbox is empty', async () => {
    const { outbox, searchSync } = harness.services;
    await searchSync.drain();
    expect(seriesValue(await scrape(), 'outbox_oldest_event_age_seconds', { outbox: 'search' })).toBe(0);
    await outbox.enqueue('young_person', world.youngPersonId);
    await outbox.collection.updateMany({}, { $set: { createdAt: new Date(Date.now() - 120_000) } });
    const lagging = await scrape();
    expect(seriesValue(lagging, 'outbox_oldest_event_age_seconds', { outbox: 'search' })).toBeGreaterThanOrEqual(120);
    expect(seriesValue(lagging, 'outbox_events_waiting', { outbox: 'search' })).toBe(1);
    await searchSync.drain();
    const caughtUp = await scrape();
    expect(seriesValue(caughtUp, 'outbox_oldest_event_age_seconds', { outbox: 'search' })).toBe(0);
    expect(seriesValue(caughtUp, 'outbox_events_waiting', { outbox: 'search' })).toBe(0);
  });

  it('shows the age of the oldest email waiting to be sent, and counts it sent once it is', async () => {
    const { notifications, notificationDelivery } = harness.services;
    const sentBefore = seriesValue(await scrape(), 'emails_sent_total', { kind: 'invitation' }) ?? 0;
    const invited = await call(harness.app, 'POST', '/v1/invitations', {
      token: world.admin.token,
      body: { role: 'job_coach', email: `coach.${Date.now()}@example.org`, name: 'New Coach' },
    });
    expect(invited.status).toBe(201);
    await notifications.outbox.collection.updateMany(
      { status: 'pending' },
      { $set: { createdAt: new Date(Date.now() - 300_000) } },
    );
    const waiting = await scrape();
    expect(seriesValue(waiting, 'outbox_oldest_event_age_seconds', { outbox: 'notifications' })).toBeGreaterThanOrEqual(
      300,
    );
    expect(seriesValue(waiting, 'outbox_events_waiting', { outbox: 'notifications' })).toBeGreaterThanOrEqual(1);
    await notificationDelivery!.drain();
    const sent = await scrape();
    expect(seriesValue(sent, 'outbox_oldest_event_age_seconds', { outbox: 'notifications' })).toBe(0);
    expect(seriesValue(sent, 'emails_sent_total', { kind: 'invitation' })).toBeGreaterThan(sentBefore);
  });

  it("shows how long this instance's last daily run took, and when it finished", async () => {
    expect(seriesValue(await scrape(), 'daily_run_last_success_timestamp_seconds')).toBe(0);
    expect(await harness.services.dailyNotifications.runIfDue()).toBeDefined();
    const body = await scrape();
    expect(seriesValue(body, 'daily_run_duration_seconds')).toBeGreaterThan(0);
    expect(seriesValue(body, 'daily_run_last_success_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  it('shows the index lag the last reconciliation found, and when it ran', async () => {
    await harness.services.searchSync.drain();
    const report = await harness.services.searchReconciler.runOnce();
    expect(report).toBeDefined();
    const body = await scrape();
    expect(seriesValue(body, 'search_index_disagreements', { index: 'candidates' })).toBe(0);
    expect(seriesValue(body, 'search_index_disagreements', { index: 'placements' })).toBe(0);
    expect(seriesValue(body, 'search_reconcile_last_run_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);
  });
});
