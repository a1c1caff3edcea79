import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  id: string;
  receivedAt: Date;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers: Record<string, string>;
}

/** Most messages a development mail catcher keeps; older ones are removed. */
const keepMessages = 500;

/**
 * A real SMTP server for development (and tests): it accepts every message on 127.0.0.1 and keeps
 * it as an `.eml` file under its directory, so the demo's emails can be read at /dev/mail.
 */
export class MailCatcher {
  #server: SMTPServer | undefined;
  #sequence = 0;

  constructor(readonly directory: string) {}

  /** Starts listening on a free port of 127.0.0.1 and returns the `smtp://` URL to send to. */
  async start(port = 0): Promise<string> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      banner: 'development mail catcher',
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.#store(Buffer.concat(chunks)).then(() => callback(), callback);
        });
      },
    });
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #store(raw: Buffer): Promise<void> {
    // Names sort by arrival: milliseconds, then a counter for messages in the same millisecond.
    this.#sequence = (this.#sequence + 1) % 1_000_000;
    const id = `${Date.now().toString().padStart(15, '0')}-${String(this.#sequence).padStart(6, '0')}`;
    await writeFile(path.join(this.directory, `${id}.eml`), raw, { mode: 0o600 });
    const files = await this.#files();
    await Promise.all(
      files
        .slice(0, Math.max(0, files.length - keepMessages))
        .map((file) => rm(path.join(this.directory, file), { force: true })),
    );
  }

  async #files(): Promise<string[]> {
    try {
      return (await readdir(this.directory)).filter((file) => file.endsWith('.eml')).sort();
    } catch {
      return [];
    }
  }

  /** The kept messages, newest first. */
  async list(limit = 100): Promise<CaughtMessage[]> {
    const files = (await this.#files()).reverse().slice(0, limit);
    return Promise.all(files.map((file) => this.#read(file.slice(0, -4))));
  }

  async get(id: string): Promise<CaughtMessage | undefined> {
    if (!/^[0-9]{15}-[0-9]{6}$/.test(id)) return undefined;
    try {
      return await this.#read(id);
    } catch {
      return undefined;
    }
  }

  async #read(id: string): Promise<CaughtMessage> {
    const parsed = await simpleParser(await readFile(path.join(this.directory, `${id}.eml`)));
    const headers: Record<string, string> = {};
    for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
    const addresses = (value: typeof parsed.to) =>
      Array.isArray(value) ? value.map((a) => a.text).join(', ') : (value?.text ?? '');
    return {
      id,
      receivedAt: new Date(Number(id.slice(0, 15))),
      from: parsed.from?.text ?? '',
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
      headers,
    };
  }
}
