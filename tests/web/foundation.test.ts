import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/auth/auth.service.js';
import { passwordResetToken } from '../helpers/mail.js';
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

  it('lets someone who forgot their password choose a new one by an emailed link, without JavaScript', async () => {
    const signedIn = await signInAs(web, world.delegate.email);
    const context = await newContext(web, { javaScriptEnabled: false, width: 320 });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    expect(await heading(page)).toBe('Forgotten your password?');
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    await expect(
      page.getByRole('link', { name: 'Enter an email address like name@example.com' }).count(),
    ).resolves.toBe(1);
    await page.getByLabel('Email address').fill(world.delegate.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    expect(await heading(page)).toBe('Check your email');

    const token = await passwordResetToken(web.harness, world.delegate.email);
    await page.goto(`/password-reset/${token}`);
    expect(await heading(page)).toBe('Choose a new password');
    await page.getByLabel('New password', { exact: true }).fill('violet harbour kettle');
    await page.getByLabel('Type the new password again').fill('violet harbour teapot');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByRole('link', { name: /not the same/ }).count()).resolves.toBe(1);
    await page.getByLabel('New password', { exact: true }).fill('violet harbour kettle');
    await page.getByLabel('Type the new password again').fill('violet harbour kettle');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    expect(await heading(page)).toBe('Your password is changed');

    // The browser that was signed in with the old password is signed out.
    await signedIn.page.goto('/');
    expect(new URL(signedIn.page.url()).pathname).toBe('/sign-in');
    await page.goto(`/password-reset/${token}`);
    expect(await heading(page)).toBe('This link to choose a new password does not work');
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(world.delegate.email);
    await page.getByLabel('Password', { exact: true }).fill('violet harbour kettle');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await signedIn.context.close();
    await context.close();
  });

  it('shows the forgotten-password pages without axe violations or sideways scrolling at 320 px', async () => {
    const context = await newContext(web, { width: 320 });
    const page = await context.newPage();
    await page.goto('/password-reset');
    await page.getByLabel('Email address').fill(world.coach.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.waitForURL('**/password-reset/email-sent');
    const token = await passwordResetToken(web.harness, world.coach.email);
    for (const path of [
      '/password-reset',
      '/password-reset/email-sent',
      `/password-reset/${token}`,
      '/password-reset/done',
    ]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
    await context.close();
  });

  it('shows a new employer the way to sign up, and anyone the way to reach the provider', async () => {
    const context = await newContext(web, { width: 320 });
    const page = await context.newPage();
    await page.goto('/sign-in');
    expect(await page.getByRole('link', { name: 'sign up as an employer' }).getAttribute('href')).toBe(
      '/employers/sign-up',
    );
    await page.goto('/help');
    expect(await page.getByRole('link', { name: 'sign up your organisation' }).getAttribute('href')).toBe(
      '/employers/sign-up',
    );
    expect(await page.getByRole('link', { name: 'ask for a link to choose a new one' }).getAttribute('href')).toBe(
      '/password-reset',
    );
    expect(await page.getByRole('heading', { name: 'What has changed' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Contact us' }).click();
    expect(await heading(page)).toBe('Contact us');
    const admin = (await web.harness.services.accounts.byId(world.admin.accountId))!;
    expect(await page.getByRole('heading', { name: 'Leeds City College' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: admin.email }).getAttribute('href')).toBe(`mailto:${admin.email}`);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
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
