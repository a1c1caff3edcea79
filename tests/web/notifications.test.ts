import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailCatcher } from '../../src/notifications/mail-catcher.js';
import { call } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step } from '../helpers/journey-world.js';
import { makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  newContext,
  signInAs,
  startWebTest,
  type WebTest,
} from './browser.js';

const directory = mkdtempSync(path.join(tmpdir(), 'notify-mail-'));
const catcher = new MailCatcher(directory);
let web: WebTest;
let world: ProviderWorld;

beforeAll(async () => {
  const smtpUrl = await catcher.start();
  web = await startWebTest({ serviceOptions: { mailCatcher: { catcher, smtpUrl } } });
  world = await makeProvider(web.harness);
});
afterAll(async () => {
  await web?.close();
  await catcher.stop();
  rmSync(directory, { recursive: true, force: true });
});

/** Makes an email through the API and sends it to the development mail catcher. */
async function inviteCoach(name: string): Promise<string> {
  const email = `${name.toLowerCase()}.${Date.now()}@example.org`;
  const response = await call(web.harness.app, 'POST', '/v1/invitations', {
    token: world.admin.token,
    body: { role: 'job_coach', email, name },
  });
  expect(response.status).toBe(201);
  await web.harness.services.notificationDelivery!.drain();
  return email;
}

describe('emails in the browser', () => {
  it('/dev/mail shows the emails sent in development, and the invitation link opens the page to accept it', async () => {
    const email = await inviteCoach('Devon');
    const context = await newContext(web, { width: 320 });
    const page = await context.newPage();
    await page.goto('/dev/mail');
    expect(await heading(page)).toBe('Emails sent (development)');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'You are invited to Supported internships' }).first().click();
    expect(await heading(page)).toBe('You are invited to Supported internships');
    expect(await page.textContent('main')).toContain(email);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    const text = (await page.textContent('main'))!;
    const link = new URL(text.match(/Accept the invitation: (\S+)/)![1]!);
    await page.goto(link.pathname);
    expect(await heading(page)).not.toBe('Page not found');
    expect(await page.getByLabel(/password/i).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('one-click unsubscribe works from the browser, without signing in and without JavaScript', async () => {
    const drafted = await call(web.harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
      body: { sections: { whatHelps: { adjustments: [{ category: 'equipment', details: 'A headset' }] } } },
    });
    expect(drafted.status, drafted.text).toBe(201);
    await web.harness.services.notificationDelivery!.drain();
    const [message] = await catcher.list(1);
    const unsubscribe = new URL(message!.headers['list-unsubscribe']!.replace(/^<|>$/g, ''));

    const context = await newContext(web, { width: 320 });
    const page = await context.newPage();
    await page.goto(unsubscribe.pathname);
    expect(await heading(page)).toBe('Stop these emails?');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Stop these emails' }).click();
    expect(await heading(page)).toBe('You will not get these emails');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    expect(
      (await web.harness.services.notifications.preferencesRepository.of(world.youngPerson.accountId)).email
        .passport_draft_waiting,
    ).toBe(false);

    const withoutJavaScript = await (await newContext(web, { javaScriptEnabled: false })).newPage();
    await withoutJavaScript.goto(unsubscribe.pathname);
    await withoutJavaScript.getByRole('button', { name: 'Stop these emails' }).click();
    expect(await heading(withoutJavaScript)).toBe('You will not get these emails');

    await page.goto(`${unsubscribe.pathname.slice(0, -4)}abcd`);
    expect(await heading(page)).toBe('This link does not work');
    await context.close();
  });

  it('the links in emails open their pages in the web app, for the person the email went to', async () => {
    const employer = await makeEmployer(web.harness, world.admin);
    const placementId = await postPlacement(web.harness, employer.employerId, employer.staff);
    const person = await addYoungPersonWithAccount(web.harness, world.coach, world.providerId, 'Rowan');
    const proposed = await propose(web.harness, world.coach, person.id, placementId);
    expect(proposed.status, proposed.text).toBe(201);
    expect((await step(web.harness, person.account, proposed.json.id, 'accept', { sections: [] })).status).toBe(200);
    const taster = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await step(web.harness, employer.staff, proposed.json.id, 'taster', {
          kind: 'taster_day',
          date: taster,
          place: 'Front desk',
        })
      ).status,
    ).toBe(200);
    await call(web.harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: person.id },
      token: world.coach.token,
      body: { sections: { whatHelps: { adjustments: [{ category: 'equipment', details: 'A headset' }] } } },
    });
    await web.harness.services.notificationDelivery!.drain();

    const mails = await catcher.list(50);
    const linkIn = (to: string, kind: string) => {
      const mail = mails.find((message) => message.to.includes(to) && message.headers['x-notification-kind'] === kind);
      expect(mail, `${kind} to ${to}`).toBeDefined();
      const links = [...mail!.text.matchAll(/https?:\/\/\S+/g)].map((match) => new URL(match[0]).pathname);
      return links.find(
        (path) => path !== '/settings/notifications' && !path.startsWith('/notifications/unsubscribe/'),
      )!;
    };
    const followAs = async (email: string, paths: string[]) => {
      const { context, page } = await signInAs(web, email);
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        expect(await heading(page), path).not.toMatch(/not found|cannot open/i);
      }
      await context.close();
    };
    await followAs(person.account.email, [
      linkIn(person.account.email, 'proposal_received'),
      linkIn(person.account.email, 'taster_arranged'),
      linkIn(person.account.email, 'passport_draft_waiting'),
    ]);
    await followAs(world.coach.email, [linkIn(world.coach.email, 'taster_arranged')]);
    // Several sign-ins and pages in Chromium: a shared 2-core machine can take longer than the default 30 s.
  }, 120_000);

  it('a young person chooses which emails they get on the settings page every email links to', async () => {
    const { context, page } = await signInAs(web, world.youngPerson.email, { width: 320 });
    await page.goto('/settings/notifications');
    expect(await heading(page)).toBe('Emails we send you');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByLabel('A job coach suggests a placement').uncheck();
    await page.getByLabel('One email a day with everything').check();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    expect(await page.textContent('main')).toContain('Your email choices are saved');
    await expectNoAxeViolations(page);
    const saved = await web.harness.services.notifications.preferencesRepository.of(world.youngPerson.accountId);
    expect(saved.email.proposal_received).toBe(false);
    expect(saved.email.share_ended).toBe(true);
    expect(saved.dailyDigest).toBe(true);
    expect(await page.getByLabel('A job coach suggests a placement').isChecked()).toBe(false);
    await context.close();
  });

  it('/dev/mail does not exist in production', async () => {
    const { createHarness } = await import('../helpers/harness.js');
    const production = await createHarness({
      env: { NODE_ENV: 'production' },
      serviceOptions: { mailCatcher: { catcher, smtpUrl: 'smtp://127.0.0.1:9' } },
    });
    try {
      const response = await production.app.request('/dev/mail', { headers: { accept: 'text/html' } });
      expect(response.status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
