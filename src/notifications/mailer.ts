import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

export interface OutgoingEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/**
 * How to reach the mail server. STARTTLS is required in production (or implicit TLS with
 * `smtps://`), so that a misconfigured server cannot make the service send mail in clear text.
 */
export function transportOptions(
  smtpUrl: string,
  options: { requireTls: boolean; maxConnections?: number },
): SMTPPool.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    requireTLS: options.requireTls && !secure,
    ignoreTLS: false,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

/** Sends email over SMTP with nodemailer, on a small pool of connections. */
export class Mailer {
  readonly #transport: Transporter;

  constructor(
    smtpUrl: string,
    readonly from: string,
    options: { requireTls: boolean; maxConnections?: number },
  ) {
    this.#transport = nodemailer.createTransport(transportOptions(smtpUrl, options));
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.#transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: email.headers,
    });
  }

  close(): void {
    this.#transport.close();
  }
}

/** The domain part of the sender address, for Message-IDs. */
export function senderDomain(from: string): string {
  return from.match(/@([^>\s]+)/)?.[1] ?? 'localhost';
}
