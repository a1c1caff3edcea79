import { randomUUID } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';

/**
 * Serves a Hono app with Node's HTTP server. A request Node itself cannot parse (for example
 * a body longer than its Content-Length, whose extra bytes read as a broken next request)
 * gets a 400 in the API's error envelope instead of Node's bare "400 Bad Request".
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
    const body = JSON.stringify({
      error: {
        code: 'bad_request',
        message:
          'The request could not be read: check that Content-Length matches the body and the request is valid HTTP/1.1.',
        requestId: randomUUID(),
      },
    });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
