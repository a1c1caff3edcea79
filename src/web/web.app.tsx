import { randomBytes } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { authPages } from '../auth/auth.pages.js';
import { passwordResetPages } from '../auth/password-reset.pages.js';
import { requestLogger } from '../core/http/middleware.js';
import { requestMetrics } from '../core/metrics.js';
import type { Role } from '../domain/vocabulary.js';
import type { Services } from '../services.js';
import { assetRoutes } from './assets.js';
import { verifyCsrf } from './csrf.js';
import { onWebError, onWebNotFound } from './errors.js';
import { type HomePage, homePageFor } from './home.js';
import { infoPages } from './info.pages.js';
import { pageActor } from './page-context.js';
import { WebPageError } from './page-error.js';
import { type KnownRoutes, knownRoutesOf } from './return-path.js';
import { loadSession, requireSession } from './session.middleware.js';
import type { WebEnv } from './web.env.js';

/** A feature's pages: a router without `use()` middleware (it would apply to every page), plus its role homes. */
export interface PageModule {
  routes: Hono<WebEnv>;
  homes?: Partial<Record<Role, HomePage>>;
  /** Forms that send files: the POST paths, with the body limit each needs instead of the usual one. */
  uploads?: { path: RegExp; maxBytes: number }[];
}

const tooLarge = () => {
  throw new WebPageError(413, 'too_large', 'What you sent is too long', 'Make it shorter and try again.');
};

/** The usual body limit, or an upload form's own (larger) one, refusing while the body streams in. */
function limitBodies(usualMaxBytes: number, uploads: { path: RegExp; maxBytes: number }[]): MiddlewareHandler<WebEnv> {
  const usual = bodyLimit({ maxSize: usualMaxBytes, onError: tooLarge });
  const forUploads = uploads.map((upload) => ({
    path: upload.path,
    limit: bodyLimit({ maxSize: upload.maxBytes, onError: tooLarge }),
  }));
  return (c, next) => {
    const upload =
      c.req.method === 'POST' ? forUploads.find((candidate) => candidate.path.test(c.req.path)) : undefined;
    return (upload?.limit ?? usual)(c, next);
  };
}

/** The web pages' headers: a strict CSP whose only script source is this response's nonce (and our own files). */
const securityHeaders: MiddlewareHandler<WebEnv> = async (c, next) => {
  const nonce = randomBytes(16).toString('base64');
  c.set('nonce', nonce);
  await next();
  c.header(
    'Content-Security-Policy',
    [
      "default-src 'none'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self'",
      "font-src 'self'",
      "connect-src 'self'",
      "manifest-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
  );
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
};

/**
 * The server-rendered pages, on the same services and policy as the API. Requests that match no
 * API route come here (see app.ts). Order matters: assets need no session; every other page loads
 * the session, sends the signed-out to sign in, and checks CSRF on every POST before any handler.
 */
export function createWebApp(services: Services, modules: PageModule[]) {
  const app = new Hono<WebEnv>();
  // Known once every page is mounted (below), which is before the first request.
  let knownRoutes: KnownRoutes | undefined;
  app.use(requestId({ limitLength: 64 }));
  app.use(async (c, next) => {
    c.set('services', services);
    c.set('knownRoutes', knownRoutes!);
    await next();
  });
  app.use(requestLogger(services.logger));
  app.use(requestMetrics);
  app.use(securityHeaders);
  app.route('/', assetRoutes());
  app.use(
    limitBodies(
      services.config.BODY_LIMIT_BYTES,
      modules.flatMap((module) => module.uploads ?? []),
    ),
  );
  app.use(loadSession);
  app.use(requireSession);
  app.use(verifyCsrf);

  app.route('/', authPages());
  app.route('/', passwordResetPages());
  app.route('/', infoPages());
  const homes = Object.assign({}, ...modules.map((module) => module.homes ?? {}));
  app.get('/', (c) => homePageFor(pageActor(c).role, homes)(c));
  for (const module of modules) app.route('/', module.routes);

  knownRoutes = knownRoutesOf(app.routes);
  app.notFound(onWebNotFound);
  app.onError(onWebError);
  return app;
}
