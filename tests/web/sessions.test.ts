import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { makeProvider, type ProviderWorld, password } from '../helpers/world.js';
import { expectNoAxeViolations, newContext, signInAs, startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let world: ProviderWorld;
const clock = new ManualClock();

beforeAll(async () => {
  web = await startWebTest({ clock });
  world = await makeProvider(web.harness);
});
afterAll(async () => web?.close());

async function sessionCount(accountId: string) {
  const { ObjectId } = await import('mongodb');
  return web.harness.services.db.collection('web_sessions').countDocuments({ accountId: new ObjectId(accountId) });
}

describe('browser sessions', () => {
  it('keeps only a hash of the session id, in a __Host- cookie that scripts cannot read', async () => {
    const { context } = await signInAs(web, world.youngPerson.email);
    const cookie = (await context.cookies()).find((c) => c.name === '__Host-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    const stored = await web.harness.services.db
      .collection('web_sessions')
      .findOne({ accountId: { $exists: true }, tokenHash: { $exists: true } });
    expect(JSON.stringify(stored)).not.toContain(cookie.value);
    await context.close();
  });

  it('gives a new session id at every sign-in', async () => {
    const { context, page } = await signInAs(web, world.youngPerson.email);
    const first = (await context.cookies()).find((c) => c.name === '__Host-session')!.value;
    await page.goto('/sign-in');
    await context.clearCookies({ name: '__Host-session' });
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(world.youngPerson.email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const second = (await context.cookies()).find((c) => c.name === '__Host-session')!.value;
    expect(second).not.toBe(first);
    await context.close();
  });

  it('refuses a form without the CSRF token, and one from another origin, changing nothing', async () => {
    const { context, page } = await signInAs(web, world.youngPerson.email);
    const before = await sessionCount(world.youngPerson.accountId);
    const token = await page.locator('input[name=_csrf]').first().inputValue();
    const noToken = await context.request.post('/sign-out', {
      form: {},
      headers: { origin: web.baseUrl },
      maxRedirects: 0,
    });
    expect(noToken.status()).toBe(403);
    expect(await noToken.text()).toContain('This form could not be sent');
    const otherOrigin = await context.request.post('/sign-out', {
      form: { _csrf: token },
      headers: { origin: 'https://evil.example' },
      maxRedirects: 0,
    });
    expect(otherOrigin.status()).toBe(403);
    expect(await sessionCount(world.youngPerson.accountId)).toBe(before);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('signs out after 30 minutes without activity and says why', async () => {
    const { context, page } = await signInAs(web, world.youngPerson.email);
    clock.advance(31 * 60_000);
    await page.goto('/');
    expect(page.url()).toContain('/sign-in?timedOut=1');
    expect(await page.getByText('You did nothing for 30 minutes').count()).toBe(1);
    await context.close();
  });

  it('warns 5 minutes before the idle timeout and "Stay signed in" keeps the session (and the form) alive', async () => {
    const context = await newContext(web);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(world.youngPerson.email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.getByText('We will sign you out in 5 minutes').isVisible()).toBe(false);
    clock.advance(26 * 60_000);
    await page.waitForLoadState('load');
    await page.clock.fastForward('24:00');
    // Minute by minute, so the warning appears however late the page's script set its timer.
    const warned = async () => {
      await page.clock.fastForward('01:00');
      return page.getByText('We will sign you out in 5 minutes').isVisible();
    };
    await expect.poll(warned, { timeout: 15_000 }).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await expect
      .poll(() => page.getByText('We will sign you out in 5 minutes').isVisible(), { timeout: 15_000 })
      .toBe(false);
    clock.advance(20 * 60_000);
    const response = await context.request.get('/', { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    await context.close();
  });

  it('refuses a form posted after the session expired', async () => {
    const { context, page } = await signInAs(web, world.youngPerson.email);
    const token = await page.locator('input[name=_csrf]').first().inputValue();
    clock.advance(31 * 60_000);
    const response = await context.request.post('/sign-out', {
      form: { _csrf: token },
      headers: { origin: web.baseUrl },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toContain('/sign-in');
    await context.close();
  });

  it('ends every session after 12 hours even when in use', async () => {
    const { context, page } = await signInAs(web, world.youngPerson.email);
    for (let minutes = 0; minutes < 12 * 60 - 25; minutes += 25) {
      clock.advance(25 * 60_000);
      const response = await context.request.get('/', { maxRedirects: 0 });
      expect(response.status(), `after ${minutes + 25} minutes`).toBe(200);
    }
    clock.advance(30 * 60_000 - 1);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('signs a disabled account out at once', async () => {
    const { context, page } = await signInAs(web, world.delegate.email);
    await web.harness.services.accounts.setStatus(world.delegate.accountId, 'disabled');
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await sessionCount(world.delegate.accountId)).toBe(0);
    await web.harness.services.accounts.setStatus(world.delegate.accountId, 'active');
    await context.close();
  });

  it('shows a readable page when sign-in is throttled', async () => {
    const context = await newContext(web);
    const page = await context.newPage();
    for (let attempt = 0; attempt < 6; attempt++) {
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill(world.coach.email);
      await page.getByLabel('Password', { exact: true }).fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState();
    }
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Too many tries');
    await context.close();
  });
});
