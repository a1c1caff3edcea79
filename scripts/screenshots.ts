/**
 * Makes the README's screenshots: the real service on throwaway stores with the demo data, driven
 * by the tests' Chromium (CHROMIUM_BIN, Debian's, or the one in @sparticuz/chromium), signed in as the demo accounts.
 * Writes PNG files to docs/screenshots/ and ends with one line naming them.
 * Run: npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { benchEnvironment } from '../bench/support.js';
import { demoAccounts, demoPassword } from '../seed/demo-accounts.js';
import { generate } from '../seed/generate.js';
import { hasAccounts, loadDataset } from '../seed/load.js';
import { projectRoot } from '../src/core/project-root.js';
import { findChromium } from '../tests/web/chromium.js';

const outputDir = path.join(projectRoot, 'docs', 'screenshots');
mkdirSync(outputDir, { recursive: true });

const env = await benchEnvironment({ NODE_ENV: 'test', SEED_DEMO_DATA: 'never' });
const found = await findChromium();
const browser = await chromium.launch({
  executablePath: found.executablePath,
  env: { ...process.env, ...found.env },
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const written: string[] = [];
try {
  const { services, baseUrl } = env;
  if (!(await hasAccounts(services))) await loadDataset(services, generate({}), { buildSearch: true });
  const sam = (await services.accounts.byEmail(demoAccounts.youngPerson.email))!;
  const samId = sam.youngPersonId!;

  const signedIn = async (email: string, width: number) => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    return page;
  };
  const shoot = async (page: Page, name: string, fullPage = true) => {
    const file = path.join(outputDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    written.push(path.relative(projectRoot, file));
    process.stderr.write(`  ${name}.png\n`);
  };

  const visitor = await (
    await browser.newContext({ baseURL: baseUrl, viewport: { width: 1024, height: 700 } })
  ).newPage();
  await visitor.goto('/sign-in');
  await shoot(visitor, 'sign-in', false);

  const young = await signedIn(demoAccounts.youngPerson.email, 1024);
  await young.goto('/');
  await shoot(young, 'young-person-home');
  await young.goto(`/young-people/${samId}/passport`);
  await shoot(young, 'passport');
  await young.goto(`/young-people/${samId}/passport/shares/new`);
  await young.locator('input[name=employerId]').first().check();
  await young.getByLabel('Why are you sharing it?').fill('So my supervisor knows what helps me at work');
  await young.getByRole('button', { name: 'Continue' }).click();
  await shoot(young, 'share-check-answers');

  const phone = await signedIn(demoAccounts.youngPerson.email, 360);
  await phone.goto(`/young-people/${samId}/passport`);
  await shoot(phone, 'passport-phone');

  const parent = await signedIn(demoAccounts.delegate.email, 1024);
  await parent.goto(`/young-people/${samId}/passport/access-log`);
  await shoot(parent, 'delegate-access-log');
  console.log(`wrote ${written.length} screenshots: ${written.join(', ')}`);
} finally {
  await browser.close();
  await env.close();
}
