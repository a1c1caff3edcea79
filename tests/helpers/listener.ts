import { type AddressInfo, connect } from 'node:net';
import type { ServerType } from '@hono/node-server';
import type { App } from '../../src/app.js';
import { serveApp } from '../../src/core/http/server.js';

export interface Listener {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the app on a real port (0: the system picks a free one) with the same server `npm start` uses. */
export async function listen(app: App): Promise<Listener> {
  const server: ServerType = await new Promise((resolve) => {
    const started = serveApp(app, { port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: {
    error?: {
      code: string;
      message: string;
      details?: { path: string; in?: string; message: string }[];
      requestId: string;
    };
  } & Record<string, unknown>;
}

/**
 * One HTTP/1.1 request written byte for byte over a socket: only the headers given are sent
 * (plus Host, Connection: close, and the Content-Length of a `body` unless one is given), so the request looks exactly like what curl or a browser
 * sends. `chunks` are sent with chunked transfer encoding (an empty list is an empty chunked body).
 * `endAfterSending` half-closes the socket once the request is written, as a client that has nothing
 * more to send does (a body shorter than its Content-Length is then known to be cut short).
 */
export function rawRequest(
  listener: Listener,
  method: string,
  path: string,
  options: {
    headers?: Record<string, string>;
    body?: Buffer | string;
    chunks?: (Buffer | string)[];
    endAfterSending?: boolean;
  } = {},
): Promise<RawResponse> {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${listener.port}`, 'Connection: close'];
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${value}`);
  let payload = Buffer.alloc(0);
  if (options.chunks) {
    lines.push('Transfer-Encoding: chunked');
    const encoded = options.chunks.map((chunk) => {
      const bytes = Buffer.from(chunk);
      return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
    });
    payload = Buffer.concat([...encoded, Buffer.from('0\r\n\r\n')]);
  } else if (options.body !== undefined) {
    payload = Buffer.from(options.body);
    if (!Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'content-length'))
      lines.push(`Content-Length: ${payload.length}`);
  }
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  return new Promise((resolve, reject) => {
    // The socket is not half-closed: curl keeps it open until the answer comes, and Node aborts a request whose client has ended.
    const socket = connect(listener.port, '127.0.0.1', () => {
      socket.write(Buffer.concat([head, payload]));
      if (options.endAfterSending) socket.end();
    });
    const received: Buffer[] = [];
    socket.on('data', (part: Buffer) => received.push(part));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseResponse(Buffer.concat(received))));
  });
}

function parseResponse(raw: Buffer): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  const [statusLine, ...headerLines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(split + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = decodeChunked(body);
  const text = body.toString('utf8');
  let json: RawResponse['json'] = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = {};
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, text, json };
}

function decodeChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
