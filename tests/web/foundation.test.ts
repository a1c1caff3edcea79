import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/auth/auth.service.js';
import { makeProvider, type ProviderWorld } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  newContext,
  signInAs,
  startWebTest,
  type WebTest,
} from './browser.js';

let web: WebTest;
let world: ProviderWorld;

beforeAll(async () => {
  web = await startWebTest();
  world = await makeProvider(web.harness);
});
afterAll(async () => web?.close());

describe('the web foundation', () => {
  it('sends a visitor to the sign-in page, which passes axe and fits 320 px', async () => {
    const context = await newContext(web, { width: 320 });
    const page = await context.newPage();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await heading(page)).toBe('Sign in');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  });

  it('signs a young person in and out', async () => {
    const { context, page } = await signInAs(web, world.youngPerson.email);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in?signedOut=1');
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('accepts an invitation in the browser, explaining a password that is too short', async () => {
    const youngPerson = (await web.harness.services.accounts.byId(world.youngPerson.accountId))!;
    const invitation = await web.harness.services.invitations.create(
      actorOf(youngPerson),
      { role: 'delegate', email: 'jo.carer@example.org', name: 'Jo Carer', rights: ['view_passport'] },
      'test',
    );
    const context = await newContext(web, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/invitations/${invitation.token}`);
    expect(await heading(page)).toBe('Choose a password');
    await page.getByLabel('Choose a password').fill('short');
    await page.getByLabel('Type the password again').fill('short');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    await expect(page.getByRole('link', { name: /at least 12 characters/ }).count()).resolves.toBe(1);
    await page.getByLabel('Choose a password').fill('violet harbour teapot');
    await page.getByLabel('Type the password again').fill('violet harbour teapot');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await page.waitForURL((url) => url.pathname !== `/invitations/${invitation.token}`);
    expect(await page.getByText('Signed in as Jo Carer').count()).toBe(1);
    await page.goto(`/invitations/${invitation.token}`);
    expect(await heading(page)).toBe('This invitation link no longer works');
    await context.close();
  });

  it('shows a 404 page to a browser and keeps the JSON envelope for API clients', async () => {
    const { context, page } = await signInAs(web, world.coach.email);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    expect(await heading(page)).toBe('Page not found');
    await expectNoAxeViolations(page);
    const api = await context.request.get('/v1/no-such-thing');
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
    await context.close();
  });

  it('serves GOV.UK Frontend from the installed package with a long cache and no GDS Transport font', async () => {
    const context = await newContext(web);
    const page = await context.newPage();
    await page.goto('/sign-in');
    const href = await page.locator('link[rel=stylesheet]').first().getAttribute('href');
    const css = await context.request.get(href!);
    expect(css.headers()['cache-control']).toContain('immutable');
    const body = await css.text();
    expect(body).not.toContain('GDS Transport');
    expect(body).not.toContain('@font-face');
    const csp = (await context.request.get('/sign-in')).headers()['content-security-policy'];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    await context.close();
  });
});
