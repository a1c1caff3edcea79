import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';

/** Node's own is 5 s; a load balancer keeps idle connections for 60 s (see `HTTP_KEEP_ALIVE_TIMEOUT_MS`). */
export const defaultKeepAliveTimeoutMs = 65_000;

/**
 * Serves a Hono app with Node's HTTP server. Idle kept-alive connections stay open for
 * `keepAliveTimeoutMs`, longer than the load balancer in front keeps them, so it never sends a
 * request down a connection this end is closing (a 502 for a POST, which it does not resend).
 * A request Node itself cannot parse (for example
 * a body longer than its Content-Length, whose extra bytes read as a broken next request)
 * gets a 400 in the API's error envelope instead of Node's bare "400 Bad Request", with the
 * `X-Request-Id` every other answer carries, so the client can quote it.
 */
export function serveApp(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: { port: number; hostname: string; keepAliveTimeoutMs?: number },
  onListening?: (info: AddressInfo) => void,
): ServerType {
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, onListening) as Server;
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? defaultKeepAliveTimeoutMs;
  // Above the keep-alive, as Node advises, so a connection's wait for its next request is never cut by it.
  server.headersTimeout = server.keepAliveTimeout + 1000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'HPE_HEADER_OVERFLOW' || error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const body = JSON.stringify({
      error: {
        code: 'bad_request',
        message:
          'The request could not be read: check that Content-Length matches the body and the request is valid HTTP/1.1.',
        requestId,
      },
    });
    const headers = [
      'HTTP/1.1 400 Bad Request',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestId}`,
      'X-Content-Type-Options: nosniff',
      'Cache-Control: no-store',
      'Connection: close',
    ];
    socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  });
  return server;
}
