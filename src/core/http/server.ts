import { randomUUID } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';

/**
 * Serves a Hono app with Node's HTTP server. A request Node itself cannot parse (for example
 * a body longer than its Content-Length, whose extra bytes read as a broken next request)
 * gets a 400 in the API's error envelope instead of Node's bare "400 Bad Request", with the
 * `X-Request-Id` every other answer carries, so the client can quote it.
 */
export function serveApp(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: { port: number; hostname: string },
  onListening?: (info: AddressInfo) => void,
): ServerType {
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, onListening);
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
