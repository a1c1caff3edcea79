import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Harness } from './harness.js';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, string>;
  messageId: string;
  kind: string;
  receivedAt: number;
}

/**
 * A real SMTP server for tests (smtp-server from the nodemailer project) that keeps what it
 * receives. It can be stopped and started again on the same port, to play a mail server outage.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  #server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<string> {
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Stopping plays an outage: open connections are cut at once rather than waited for.
      closeTimeout: 100,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks)).then((parsed) => {
            const headers = new Map(
              parsed.headerLines.map((line) => [line.key, line.line.slice(line.line.indexOf(':') + 1).trim()]),
            );
            this.received.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers,
              messageId: parsed.messageId ?? '',
              kind: headers.get('x-notification-kind') ?? '',
              receivedAt: Date.now(),
            });
            callback();
          }, callback);
        });
      },
    });
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(email: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(email));
  }

  ofKind(kind: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.kind === kind);
  }

  clear(): void {
    this.received.length = 0;
  }
}

/** The one link into the web app an email carries (the first link to the service that is not the footer's). */
export function mainLink(mail: ReceivedMail, publicUrl: string): URL {
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((match) => new URL(match[0]));
  const own = links.filter(
    (url) =>
      url.origin === new URL(publicUrl).origin &&
      url.pathname !== '/settings/notifications' &&
      !url.pathname.startsWith('/notifications/unsubscribe/'),
  );
  if (own.length === 0) throw new Error(`no link in "${mail.subject}"`);
  return own[own.length - 1]!;
}

/** The invitation token from the invitation email waiting in the outbox (before any mail server sent it). */
export async function invitationToken(harness: Harness, email: string): Promise<string> {
  const doc = await harness.services.notifications.outbox.collection.findOne(
    { kind: 'invitation', 'to.email': email.toLowerCase() },
    { sort: { createdAt: -1, _id: -1 } },
  );
  const token = doc?.path?.match(/^\/invitations\/([A-Za-z0-9_-]+)$/)?.[1];
  if (!token) throw new Error(`no invitation email for ${email}`);
  return token;
}

/** The token of the newest password-reset email waiting in the outbox for `email` (before any mail server sent it). */
export async function passwordResetToken(harness: Harness, email: string): Promise<string> {
  const doc = await harness.services.notifications.outbox.collection.findOne(
    { kind: 'password_reset', 'to.email': email.toLowerCase() },
    { sort: { createdAt: -1, _id: -1 } },
  );
  const token = doc?.path?.match(/^\/password-reset\/([A-Za-z0-9_-]+)$/)?.[1];
  if (!token) throw new Error(`no password-reset email for ${email}`);
  return token;
}
