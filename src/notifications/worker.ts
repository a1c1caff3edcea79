import type { Clock } from '../core/clock.js';
import { errorSummary, type Logger } from '../core/logger.js';
import { emailsFailed, emailsSent } from '../core/metrics.js';
import { drainRounds, PolledWorker } from '../core/polled-worker.js';
import { isOptionalKind } from './kinds.js';
import { absoluteUrl } from './links.js';
import { type Mailer, senderDomain } from './mailer.js';
import type { ClaimedNotification, NotificationOutbox } from './outbox.js';
import { type PreferencesRepository, type UnsubscribeLinks, unsubscribePath, wantsEmail } from './preferences.js';
import { renderEmail } from './templates.js';

export interface DeliveryOptions {
  /** Emails sent at once by one worker. */
  concurrency: number;
  /** How long a claim holds a notification; longer than the mail server's slowest answer. */
  leaseMs: number;
  /** Pause between polls when there was nothing to send. */
  idleMs: number;
  /** First retry delay; doubled on each failure up to `maxBackoffMs`, with jitter. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** After this many failed attempts the notification is given up and shown to provider admins. */
  maxAttempts: number;
}

export const defaultDeliveryOptions: DeliveryOptions = {
  concurrency: 4,
  leaseMs: 120_000,
  idleMs: 200,
  baseBackoffMs: 30_000,
  maxBackoffMs: 3_600_000,
  maxAttempts: 10,
};

/**
 * Exponential back-off with "equal jitter": half the delay is fixed, half random, so that many
 * notifications that failed together do not all come back at the same moment.
 */
export function retryDelayMs(
  attempts: number,
  options: Pick<DeliveryOptions, 'baseBackoffMs' | 'maxBackoffMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A rejection the server means for good (5xx: no such mailbox, refused): trying again will not help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** What the outbox keeps about a failure: the kind of error, never a message that could quote an address. */
function failureReason(error: unknown): string {
  const summary = errorSummary(error);
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  return (
    [summary.name, summary.code, typeof responseCode === 'number' ? String(responseCode) : undefined]
      .filter(Boolean)
      .join(' ') || 'unknown error'
  );
}

export interface DeliveryOutcome {
  claimed: number;
  sent: number;
  held: number;
  suppressed: number;
  retrying: number;
  failed: number;
}

const emptyOutcome = (): DeliveryOutcome => ({ claimed: 0, sent: 0, held: 0, suppressed: 0, retrying: 0, failed: 0 });

export interface DeliveryWorkerDeps {
  outbox: NotificationOutbox;
  preferences: PreferencesRepository;
  unsubscribe: UnsubscribeLinks;
  mailer: Mailer;
  /** The service's address, for the links in emails. */
  publicUrl: string;
  clock: Clock;
  logger: Logger;
  /** Tuning; each one left out takes its value from `defaultDeliveryOptions`. */
  options?: Partial<DeliveryOptions>;
}

/**
 * Sends what is in the notifications outbox. Each notification is claimed by one worker at a
 * time (a lease in MongoDB), so several service instances never send the same one together;
 * a failure puts it back with back-off, and after `maxAttempts` it is marked failed.
 */
export class DeliveryWorker {
  readonly #options: DeliveryOptions;
  readonly #polling: PolledWorker<DeliveryOutcome>;
  private readonly outbox: NotificationOutbox;
  private readonly preferences: PreferencesRepository;
  private readonly unsubscribe: UnsubscribeLinks;
  private readonly mailer: Mailer;
  private readonly publicUrl: string;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(deps: DeliveryWorkerDeps) {
    this.outbox = deps.outbox;
    this.preferences = deps.preferences;
    this.unsubscribe = deps.unsubscribe;
    this.mailer = deps.mailer;
    this.publicUrl = deps.publicUrl;
    this.clock = deps.clock;
    this.logger = deps.logger;
    this.#options = { ...defaultDeliveryOptions, ...deps.options };
    this.#polling = new PolledWorker({
      round: () => this.runBatch(),
      idleMs: this.#options.idleMs,
      retryDelayMs: (failuresInARow) => Math.min(30_000, this.#options.idleMs * 2 ** failuresInARow),
      logger: this.logger,
      failureMessage: 'notification delivery could not run',
    });
  }

  start(): void {
    this.#polling.start();
  }

  /** Stops polling and waits for the emails in hand; the rest stay in the outbox. */
  stop(): Promise<void> {
    return this.#polling.stop();
  }

  /** Stops and closes the connections to the mail server. */
  async close(): Promise<void> {
    await this.stop();
    this.mailer.close();
  }

  /** Sends everything due now; what fails waits for its retry. */
  drain(): Promise<DeliveryOutcome> {
    return drainRounds(() => this.runBatch(), emptyOutcome());
  }

  /** Claims up to `concurrency` notifications and delivers them side by side. */
  async runBatch(): Promise<DeliveryOutcome> {
    const outcome = emptyOutcome();
    const lanes = Array.from({ length: this.#options.concurrency }, async () => {
      const claim = await this.outbox.claimNext(this.#options.leaseMs);
      if (!claim) return;
      outcome.claimed += 1;
      outcome[await this.#deliver(claim)] += 1;
    });
    await Promise.all(lanes);
    return outcome;
  }

  async #deliver(claim: ClaimedNotification): Promise<Exclude<keyof DeliveryOutcome, 'claimed'>> {
    const { doc } = claim;
    const accountId = doc.to.accountId?.toHexString();
    const choice = accountId ? wantsEmail(await this.preferences.of(accountId), doc.kind) : 'send';
    if (choice === 'suppress') {
      await this.outbox.finish(claim, 'suppressed');
      return 'suppressed';
    }
    if (choice === 'hold') {
      await this.outbox.finish(claim, 'held');
      return 'held';
    }
    const unsubscribeUrl =
      accountId && isOptionalKind(doc.kind)
        ? absoluteUrl(this.publicUrl, unsubscribePath(this.unsubscribe.token(accountId, doc.kind)))
        : undefined;
    const email = renderEmail(doc.kind, doc.facts, {
      publicUrl: this.publicUrl,
      recipientName: doc.to.name,
      path: doc.path ?? '/',
      ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
      ...(doc.digestItems ? { digestItems: doc.digestItems } : {}),
    });
    try {
      await this.mailer.send({
        to: { name: doc.to.name, address: doc.to.email },
        ...email,
        // One id per notification: if a crash makes a worker send it again, mail clients can tell.
        messageId: `<${doc._id.toHexString()}@${senderDomain(this.mailer.from)}>`,
        headers: {
          'X-Notification-Kind': doc.kind,
          ...(unsubscribeUrl
            ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
            : {}),
        },
      });
    } catch (error) {
      const reason = failureReason(error);
      const attempts = doc.attempts + 1;
      if (isPermanent(error) || attempts >= this.#options.maxAttempts) {
        emailsFailed.inc({ kind: doc.kind, outcome: 'given_up' });
        await this.outbox.finish(claim, 'failed', { lastError: reason });
        this.logger.error(
          { notificationId: doc._id.toHexString(), kind: doc.kind, attempts, reason },
          'notification given up',
        );
        return 'failed';
      }
      emailsFailed.inc({ kind: doc.kind, outcome: 'retrying' });
      const nextAttemptAt = new Date(this.clock.now().getTime() + retryDelayMs(attempts, this.#options));
      await this.outbox.retryLater(claim, nextAttemptAt, reason);
      this.logger.warn(
        { notificationId: doc._id.toHexString(), kind: doc.kind, attempts, reason },
        'notification will be retried',
      );
      return 'retrying';
    }
    emailsSent.inc({ kind: doc.kind });
    await this.outbox.finish(claim, 'sent');
    return 'sent';
  }
}
