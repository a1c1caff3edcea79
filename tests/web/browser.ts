import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Clock, ManualClock } from '../../src/core/clock.js';
import type { ServiceOptions } from '../../src/services.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { password } from '../helpers/world.js';
import { findChromium } from './chromium.js';

/**
 * Browser tests: the real app on a real port, driven by Chromium (see `findChromium`) through playwright-core.
 * One browser per test file (`startWebTest` in `beforeAll`), one context per user; see docs/testing.md
 * "Browser tests" for the pattern.
 */

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface WebTest {
  harness: Harness;
  browser: Browser;
  /** http://127.0.0.1:<port>; Chromium treats it as a secure context, so `__Host-` cookies work over plain HTTP. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the app (real stores) on a free port and launches Chromium. Call once per file. */
export async function startWebTest(
  options: { env?: Record<string, string>; clock?: Clock | ManualClock; serviceOptions?: ServiceOptions } = {},
): Promise<WebTest> {
  const harness = await createHarness(options);
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: harness.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const found = await findChromium();
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    env: { ...process.env, ...found.env },
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  return {
    harness,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await harness.close();
    },
  };
}

export interface ContextOptions {
  javaScriptEnabled?: boolean;
  /** CSS pixels; 320 checks WCAG 1.4.10 reflow. */
  width?: number;
}

export async function newContext(web: WebTest, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await web.browser.newContext({
    baseURL: web.baseUrl,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1024, height: 800 },
  });
  // Fail on a missing element well within the test's own timeout, so the error says which.
  context.setDefaultTimeout(15_000);
  return context;
}

/** Signs in through the sign-in page (as a person would) and returns the context and its page. */
export async function signInAs(
  web: WebTest,
  email: string,
  options: ContextOptions & { password?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(web, options);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(options.password ?? password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  return { context, page };
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core in the page. Needs JavaScript on: in a JavaScript-off context, check the same
 * page in a JavaScript-on one (Playwright's evaluate cannot run there). It runs through the
 * DevTools protocol, so the page's CSP stays on. Fails listing each violation's rule, impact and
 * first targets.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  // Page code is passed as text: the project compiles without the DOM library.
  const violations = (await page.evaluate(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(wcagTags)} }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  })()`)) as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  const summary = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** WCAG 1.4.10: at the context's width (320 px), nothing makes the page scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** The page's one <h1>, for asserting where a flow landed. */
export async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

/** Presses Tab until the element with the given accessible name has focus, then returns; fails after `limit` presses. */
export async function tabTo(page: Page, name: string | RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label');
      if (labelled) return labelled;
      if (el.labels && el.labels.length > 0) return el.labels[0].innerText;
      return el.innerText || '';
    })()`)) as string;
    const text = focused.replace(/\s+/g, ' ').trim();
    if (typeof name === 'string' ? text === name : name.test(text)) return;
  }
  throw new Error(`Tab never reached ${String(name)} on ${page.url()}`);
}
