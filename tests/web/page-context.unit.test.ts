import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/policy.js';
import { pageActor, pageParam } from '../../src/web/page-context.js';
import { WebPageError } from '../../src/web/page-error.js';
import type { WebEnv } from '../../src/web/web.env.js';

/** A router whose pages answer with what they read, and with the status of a page error they throw. */
function pages(actor: Actor | undefined) {
  const app = new Hono<WebEnv>();
  app.use(async (c, next) => {
    c.set('actor', actor);
    await next();
  });
  app.get('/who', (c) => c.text(pageActor(c).role));
  app.get('/things/:id', (c) => c.text(pageParam(c, 'id')));
  app.get('/things', (c) => c.text(pageParam(c, 'id')));
  app.onError((error, c) =>
    error instanceof WebPageError ? c.text(error.kind, error.status) : c.text('not a page error', 500),
  );
  return app;
}

const coach = { role: 'job_coach', accountId: 'a1', providerId: 'p1' } as Actor;

describe('the typed page context', () => {
  it('gives a page whoever is signed in', async () => {
    const response = await pages(coach).request('/who');
    expect(await response.text()).toBe('job_coach');
  });

  it('answers a page reached without anyone signed in with the sign-in page, not a TypeError', async () => {
    const response = await pages(undefined).request('/who');
    expect([response.status, await response.text()]).toEqual([401, 'unauthenticated']);
  });

  it("gives a page its route's parameter, and is not found on a route without it", async () => {
    const found = await pages(coach).request('/things/abc');
    expect(await found.text()).toBe('abc');
    const missing = await pages(coach).request('/things');
    expect([missing.status, await missing.text()]).toEqual([404, 'not_found']);
  });
});
