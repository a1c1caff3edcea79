/**
 * Notifications: emails delivered per second to a local SMTP server, and the time from the event
 * (an invitation acknowledged over HTTP) to the message arriving at the server, each against a
 * baseline measured in the same run:
 *   throughput: the delivery worker draining N queued emails   vs  nodemailer sending N emails straight to the same server
 *   latency:    event -> arrival with the worker polling       vs  one nodemailer send -> arrival
 * Run: npm run bench:notifications -- [--count 500] [--events 100]
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { ObjectId } from 'mongodb';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { transportOptions } from '../src/notifications/mailer.js';
import { renderEmail } from '../src/notifications/templates.js';
import { benchEnvironment, ms, percentile } from './support.js';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '500' }, events: { type: 'string', default: '100' } },
});
const count = Number(values.count);
const events = Number(values.events);

/** A local SMTP server that notes when each recipient's message arrived. */
const arrivals = new Map<string, number>();
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      const at = performance.now();
      for (const rcpt of session.envelope.rcptTo) arrivals.set(rcpt.address, at);
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

async function waitFor(addresses: string[]): Promise<void> {
  while (!addresses.every((address) => arrivals.has(address))) await new Promise((resolve) => setTimeout(resolve, 2));
}

const env = await benchEnvironment({
  NODE_ENV: 'test',
  SEED_DEMO_DATA: 'never',
  SMTP_URL: smtpUrl,
  TOKEN_KEYS_SECRET: randomBytes(32).toString('hex'),
});
try {
  const { services, baseUrl, config } = env;
  const worker = services.notificationDelivery!;
  const provider = await services.providers.create({ name: 'Bench College', kind: 'college', localAuthority: 'Leeds' });
  const admin = await services.accounts.insert({
    email: `admin.${Date.now()}@example.org`,
    name: 'Bench Admin',
    role: 'provider_admin',
    status: 'active',
    providerId: new ObjectId(provider.id),
  });
  const { accessToken } = await services.auth.issueFor(admin);
  let invited = 0;
  /** One event: an invitation made over HTTP; resolves when it is acknowledged (written with its email). */
  async function invite(): Promise<{ email: string; acknowledgedAt: number }> {
    const email = `invitee.${++invited}@bench.example`;
    const response = await fetch(`${baseUrl}/v1/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'job_coach', email, name: `Invitee ${invited}` }),
    });
    if (response.status !== 201) throw new Error(`invitation ${response.status}`);
    await response.arrayBuffer();
    return { email, acknowledgedAt: performance.now() };
  }

  // Throughput: queue `count` emails with the worker stopped, then time draining them.
  process.stderr.write(`queueing ${count} invitations...\n`);
  const queued: string[] = [];
  for (let i = 0; i < count; i++) queued.push((await invite()).email);
  let started = performance.now();
  worker.start();
  await waitFor(queued);
  const workerSeconds = (performance.now() - started) / 1000;

  // Baseline: the same number of emails of the same size, straight through nodemailer, as many at once as the worker sends.
  const sample = renderEmail(
    'invitation',
    { inviterName: 'Bench Admin', roleLabel: 'a job coach', expiresOn: 'Friday 4 December 2026' },
    {
      publicUrl: config.PUBLIC_URL,
      recipientName: 'Invitee',
      path: '/invitations/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    },
  );
  const transport = nodemailer.createTransport(transportOptions(smtpUrl, { requireTls: false }));
  const direct = Array.from({ length: count }, (_, i) => `direct.${i}@bench.example`);
  const send = (to: string) =>
    transport.sendMail({ from: config.MAIL_FROM, to, subject: sample.subject, text: sample.text, html: sample.html });
  started = performance.now();
  const lanes = 4;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; i < direct.length; i += lanes) await send(direct[i]!);
    }),
  );
  await waitFor(direct);
  const directSeconds = (performance.now() - started) / 1000;

  // Latency: one event at a time with the worker polling, from acknowledgement to arrival.
  process.stderr.write(`timing ${events} events one by one...\n`);
  const latencies: number[] = [];
  for (let i = 0; i < events; i++) {
    const { email, acknowledgedAt } = await invite();
    await waitFor([email]);
    latencies.push(arrivals.get(email)! - acknowledgedAt);
  }
  const directLatencies: number[] = [];
  for (let i = 0; i < events; i++) {
    const to = `direct.single.${i}@bench.example`;
    const sentAt = performance.now();
    await send(to);
    await waitFor([to]);
    directLatencies.push(arrivals.get(to)! - sentAt);
  }
  transport.close();
  await worker.close();

  const perSecond = count / workerSeconds;
  const directPerSecond = count / directSeconds;
  console.log(`notifications: ${count} emails to a local SMTP server; ${new Date().toISOString()}`);
  console.log(
    `delivered per second   worker ${perSecond.toFixed(1)}/s   baseline nodemailer direct ${directPerSecond.toFixed(1)}/s   ratio ${(perSecond / directPerSecond).toFixed(2)}`,
  );
  console.log(
    `event to arrival       p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}   ` +
      `baseline one send p50 ${ms(percentile(directLatencies, 50))}  p95 ${ms(percentile(directLatencies, 95))}   ratio ${(percentile(latencies, 50) / percentile(directLatencies, 50)).toFixed(2)}`,
  );
  console.log(
    JSON.stringify({
      bench: 'notifications',
      count,
      events,
      deliveredPerSecond: Number(perSecond.toFixed(1)),
      baselineDirectPerSecond: Number(directPerSecond.toFixed(1)),
      throughputRatio: Number((perSecond / directPerSecond).toFixed(3)),
      eventToArrivalP50Ms: Number(percentile(latencies, 50).toFixed(2)),
      eventToArrivalP95Ms: Number(percentile(latencies, 95).toFixed(2)),
      baselineSendP50Ms: Number(percentile(directLatencies, 50).toFixed(2)),
      baselineSendP95Ms: Number(percentile(directLatencies, 95).toFixed(2)),
    }),
  );
} finally {
  await env.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
}
