import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { matchedRoutes } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { accessToWorkExamples } from './access-to-work/access-to-work.examples.js';
import { accessToWorkRoutes } from './access-to-work/access-to-work.routes.js';
import { adjustmentsExamples } from './adjustments/adjustments.examples.js';
import { adjustmentsRoutes } from './adjustments/adjustments.routes.js';
import { accountsRoutes } from './auth/accounts.routes.js';
import { authenticate } from './auth/auth.middleware.js';
import { authRoutes } from './auth/auth.routes.js';
import type { Config } from './core/config.js';
import type { AppEnv } from './core/http/env.js';
import { onErrorWithLiteralPaths, onNotFoundOrMethodNotAllowed } from './core/http/error-handler.js';
import { idempotency } from './core/http/idempotency.js';
import { limitBody, noStore, requestLogger } from './core/http/middleware.js';
import { createRouter } from './core/http/openapi.js';
import { completeDocument } from './core/http/openapi-document.js';
import { readJsonBody, refuseControlCharactersInUrl } from './core/http/request-input.js';
import { storeDeadline } from './core/http/store-deadline.js';
import { requestMetrics } from './core/metrics.js';
import { dashboardsRoutes } from './dashboards/dashboards.routes.js';
import { docsRoutes } from './docs/docs.routes.js';
import { openApiExamples } from './docs/openapi-examples.js';
import { openApiLinks } from './docs/openapi-links.js';
import { documentsExamples } from './documents/documents.examples.js';
import { documentsRoutes, isDocumentUpload } from './documents/documents.routes.js';
import { employersRoutes } from './employers/employers.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { inboxRoutes } from './journey/inbox.routes.js';
import { journeyRoutes } from './journey/journey.routes.js';
import { earlyMatchingReads, matchingRoutes } from './matching/matching.routes.js';
import { notificationEndpoints } from './notifications/notifications.pages.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { metricsRoutes } from './operations/metrics.routes.js';
import { outcomesExamples } from './outcomes/outcomes.examples.js';
import { outcomesRoutes } from './outcomes/outcomes.routes.js';
import { passportsRoutes } from './passports/passports.routes.js';
import { placementsRoutes } from './placements/placements.routes.js';
import type { Services } from './services.js';
import { studyExamples } from './study/study.examples.js';
import { studyRoutes } from './study/study.routes.js';
import { pageModules } from './web/pages.js';
import { createWebApp } from './web/web.app.js';
import { youngPeopleRoutes } from './young-people/young-people.routes.js';

/** Paths that belong to the API (and its docs and health checks), never to the web pages. */
const apiPathPrefixes = ['/v1/', '/health/', '/docs', '/openapi.json', '/.well-known/', '/metrics'];

type Router = ReturnType<typeof createRouter>;

/** Builds the whole HTTP API from its services. Nothing here listens or connects. */
export function createApp(services: Services) {
  const app = createRouter();
  handOverWebPages(app, services);
  requestContext(app, services);
  securityHeaders(app, services.config);
  // Before the JSON-only body check: mail clients unsubscribe with a form body (RFC 8058).
  app.route('/', notificationEndpoints());
  requestBodyChecks(app, services.config);
  mountApi(app);
  serveOpenApiDocument(app);
  app.notFound(onNotFoundOrMethodNotAllowed(app.router));
  app.onError(onErrorWithLiteralPaths(app.router));
  return app;
}

/**
 * Browsers' pages: anything that is not an API route goes to the web app, with its own
 * session, CSRF, CSP and HTML error pages. API paths keep the JSON envelope even when unknown.
 */
function handOverWebPages(app: Router, services: Services) {
  const web = createWebApp(services, pageModules);
  app.use(async (c, next) => {
    if (apiPathPrefixes.some((prefix) => c.req.path.startsWith(prefix))) return next();
    if (matchedRoutes(c).some((route) => route.method !== 'ALL')) return next();
    return web.fetch(c.req.raw, c.env);
  });
}

/** The request id, the services on the context, the log line and the metrics of every API request. */
function requestContext(app: Router, services: Services) {
  app.use(requestId({ limitLength: 64 }));
  app.use(async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use(requestLogger(services.logger));
  app.use(requestMetrics);
}

function securityHeaders(app: Router, config: Config) {
  app.use(
    secureHeaders({
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  if (config.CORS_ORIGINS.length > 0) {
    app.use(
      cors({
        origin: config.CORS_ORIGINS,
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        exposeHeaders: ['X-Request-Id', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }
}

/** The size, the URL, the JSON body and the store deadline of every request the API answers. */
function requestBodyChecks(app: Router, config: Config) {
  // The document upload is the one multipart request: it has its own, larger, limit (documents.routes.ts).
  app.use(exceptFor(isDocumentUpload, limitBody(config.BODY_LIMIT_BYTES)));
  app.use(refuseControlCharactersInUrl);
  app.use(
    exceptFor(
      isDocumentUpload,
      readJsonBody((operation) => operationsWithRequiredBody(app).has(operation)),
    ),
  );
  app.use(storeDeadline());
}

/** The `/v1/` middleware, then every router of the API in order. */
function mountApi(app: Router) {
  app.use('/v1/*', noStore);
  // Reads a route always needs, started beside the token's check rather than after it.
  earlyMatchingReads(app);
  app.use('/v1/*', authenticate);
  app.use('/v1/*', idempotency);

  app.route('/', healthRoutes());
  app.route('/', metricsRoutes());
  app.route('/', docsRoutes());
  app.route('/', authRoutes());
  app.route('/', accountsRoutes());
  app.route('/', employersRoutes());
  app.route('/', youngPeopleRoutes());
  app.route('/', placementsRoutes());
  app.route('/', matchingRoutes());
  app.route('/', passportsRoutes());
  app.route('/', journeyRoutes());
  app.route('/', accessToWorkRoutes());
  app.route('/', studyRoutes());
  app.route('/', outcomesRoutes());
  app.route('/', adjustmentsRoutes());
  app.route('/', documentsRoutes());
  app.route('/', inboxRoutes());
  app.route('/', dashboardsRoutes());
  app.route('/', notificationsRoutes());
}

/** GET /openapi.json: the document of every route registered above, with its links and examples. */
function serveOpenApiDocument(app: Router) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An access token from POST /v1/auth/token (ES256, about 15 minutes).',
  });
  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Supported internships and adjustments passports API',
      version: '0.1.0',
      description:
        'Matching young people with SEND to supported-internship placements, and keeping their workplace adjustments passports. ' +
        'Every error has the envelope `{ "error": { "code", "message", "details"?, "requestId" } }`.',
    },
    servers: [{ url: '/' }],
  };
  app.get('/openapi.json', (c) =>
    c.json(
      completeDocument(app.getOpenAPI31Document(documentConfig), openApiLinks, {
        ...openApiExamples,
        ...accessToWorkExamples,
        ...outcomesExamples,
        ...adjustmentsExamples,
        ...documentsExamples,
        ...studyExamples,
      }),
    ),
  );
}

export type App = ReturnType<typeof createApp>;

/** A middleware that requests matching `skip` pass by. */
function exceptFor(skip: (c: Context) => boolean, middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (skip(c) ? next() : middleware(c, next));
}

/** `METHOD /path/{param}` of every documented operation whose request body is required. */
function operationsWithRequiredBody(app: Router): Set<string> {
  const operations = new Set<string>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type === 'route' && definition.route.request?.body?.required) {
      operations.add(`${definition.route.method.toUpperCase()} ${definition.route.path}`);
    }
  }
  return operations;
}
