import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createRouter } from './core/http/openapi.js';
import { onError, onNotFound } from './core/http/error-handler.js';
import { limitBody, requestLogger, requireJsonBody } from './core/http/middleware.js';
import { storeDeadline } from './core/http/store-deadline.js';
import { accountsRoutes } from './auth/accounts.routes.js';
import { authenticate } from './auth/auth.middleware.js';
import { authRoutes } from './auth/auth.routes.js';
import { dashboardsRoutes } from './dashboards/dashboards.routes.js';
import { docsRoutes } from './docs/docs.routes.js';
import { employersRoutes } from './employers/employers.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { inboxRoutes } from './journey/inbox.routes.js';
import { journeyRoutes } from './journey/journey.routes.js';
import { matchingRoutes } from './matching/matching.routes.js';
import { passportsRoutes } from './passports/passports.routes.js';
import { placementsRoutes } from './placements/placements.routes.js';
import type { Services } from './services.js';
import { youngPeopleRoutes } from './young-people/young-people.routes.js';

/** Builds the whole HTTP API from its services. Nothing here listens or connects. */
export function createApp(services: Services) {
  const { config } = services;
  const app = createRouter();

  app.use(requestId({ limitLength: 64 }));
  app.use(async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use(requestLogger(services.logger));
  app.use(
    secureHeaders({
      overwrite: false,
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  if (config.CORS_ORIGINS.length > 0) {
    app.use(
      cors({
        origin: config.CORS_ORIGINS,
        allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        exposeHeaders: ['X-Request-Id', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }
  app.use(limitBody(config.BODY_LIMIT_BYTES));
  app.use(requireJsonBody);
  app.use(storeDeadline());

  app.use('/v1/*', authenticate);

  app.route('/', healthRoutes());
  app.route('/', docsRoutes());
  app.route('/', authRoutes());
  app.route('/', accountsRoutes());
  app.route('/', employersRoutes());
  app.route('/', youngPeopleRoutes());
  app.route('/', placementsRoutes());
  app.route('/', matchingRoutes());
  app.route('/', passportsRoutes());
  app.route('/', journeyRoutes());
  app.route('/', inboxRoutes());
  app.route('/', dashboardsRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An access token from POST /v1/auth/token (ES256, about 15 minutes).',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Supported internships and adjustments passports API',
      version: '0.1.0',
      description:
        'Matching young people with SEND to supported-internship placements, and keeping their workplace adjustments passports. ' +
        'Every error has the envelope `{ "error": { "code", "message", "details"?, "requestId" } }`.',
    },
    servers: [{ url: '/' }],
  });

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
