/**
 * Web pages at demo scale. Loads the demo data set (240 young people, 360 placements) into
 * throwaway stores, or uses the stores named by MONGODB_URI / MEILI_URL, then times each page over
 * HTTP with a signed-in browser session (p50 and p95 over N runs) against GET /health/live in the
 * same run, and counts the bytes a first visit downloads (HTML, CSS and JavaScript; there are no
 * fonts), both as sent to a browser (gzip) and uncompressed.
 * Run: npm run bench:pages [-- --runs 100]
 */
import { parseArgs } from 'node:util';
import { demoAccounts } from '../seed/demo-accounts.js';
import { generate } from '../seed/generate.js';
import { hasAccounts, loadDataset } from '../seed/load.js';
import { benchEnvironment, ms, percentile, timeEach } from './support.js';

const { values: args } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = Number(args.runs ?? 100);
const firstVisitBudget = 200 * 1024;

const env = await benchEnvironment({ NODE_ENV: 'test', SEED_DEMO_DATA: 'never' });
try {
  const { services, baseUrl } = env;
  if (!(await hasAccounts(services))) {
    const summary = await loadDataset(services, generate({}));
    console.log(`loaded the demo data set in ${(summary.loadMs / 1000).toFixed(1)}s`);
  }
  const sessionFor = async (email: string) => {
    const account = await services.accounts.byEmail(email);
    if (!account) throw new Error(`no demo account ${email}`);
    const { token } = await services.webSessions.start(account.id);
    return `__Host-session=${token}`;
  };
  const sam = (await services.accounts.byEmail(demoAccounts.youngPerson.email))!;
  const samId = sam.youngPersonId!;
  const samCookie = await sessionFor(demoAccounts.youngPerson.email);
  const coachCookie = await sessionFor(demoAccounts.jobCoach.email);
  const employerCookie = await sessionFor(demoAccounts.employer.email);
  const adminCookie = await sessionFor(demoAccounts.providerAdmin.email);

  const get = async (path: string, cookie?: string) => {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { ...(cookie ? { cookie } : {}), accept: 'text/html' },
      redirect: 'manual',
    });
    const body = await response.arrayBuffer();
    return { status: response.status, bytes: body.byteLength };
  };
  const pages: { name: string; path: string; cookie?: string }[] = [
    { name: 'sign-in (signed out)', path: '/sign-in' },
    { name: 'young person home', path: '/', cookie: samCookie },
    { name: 'passport', path: `/young-people/${samId}/passport`, cookie: samCookie },
    { name: 'passport section edit', path: `/young-people/${samId}/passport/sections/whatHelps`, cookie: samCookie },
    { name: 'share form', path: `/young-people/${samId}/passport/shares/new`, cookie: samCookie },
    { name: 'who has seen it', path: `/young-people/${samId}/passport/access-log`, cookie: samCookie },
    { name: 'caseload (coach)', path: '/caseload', cookie: coachCookie },
    { name: 'matches (coach)', path: `/young-people/${samId}/matches`, cookie: coachCookie },
    { name: 'placement search (coach)', path: '/search/placements?q=kitchen', cookie: coachCookie },
    { name: 'proposals (employer)', path: '/proposals', cookie: employerCookie },
    { name: 'shared passports (employer)', path: '/shared-passports', cookie: employerCookie },
    { name: 'report (provider admin)', path: '/reports', cookie: adminCookie },
    { name: 'report CSV (provider admin)', path: '/reports.csv', cookie: adminCookie },
  ];

  await timeEach(20, () => get('/health/live'));
  const baseline = await timeEach(runs, () => get('/health/live'));
  const baselineP50 = percentile(baseline, 50);
  console.log(`GET /health/live (baseline)       p50 ${ms(baselineP50)}  p95 ${ms(percentile(baseline, 95))}`);
  const figures: Record<string, { p50Ms: number; p95Ms: number; htmlBytes: number; vsHealthP50: number }> = {};
  for (const page of pages) {
    const probe = await get(page.path, page.cookie);
    if (probe.status !== 200) {
      console.log(`${page.name.padEnd(32)} skipped: answers ${probe.status} (not built yet)`);
      continue;
    }
    await timeEach(5, () => get(page.path, page.cookie));
    const samples = await timeEach(runs, () => get(page.path, page.cookie));
    const p50 = percentile(samples, 50);
    figures[page.name] = {
      p50Ms: round(p50),
      p95Ms: round(percentile(samples, 95)),
      htmlBytes: probe.bytes,
      vsHealthP50: round(p50 / baselineP50),
    };
    console.log(
      `${page.name.padEnd(32)} p50 ${ms(p50)}  p95 ${ms(percentile(samples, 95))}  ${(p50 / baselineP50).toFixed(1)}x /health/live  ${probe.bytes} B of HTML`,
    );
  }

  // A first visit: the sign-in page and every stylesheet and script it links to.
  const html = await (await fetch(`${baseUrl}/sign-in`, { headers: { accept: 'text/html' } })).text();
  const linked = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map(
    (match) => match[1]!,
  );
  linked.push(linked.find((href) => href.endsWith('init.js'))!.replace('init.js', 'govuk-frontend.min.js'));
  let gzipped = Buffer.byteLength(html);
  let raw = Buffer.byteLength(html);
  for (const href of new Set(linked)) {
    const compressed = await fetch(`${baseUrl}${href}`, { headers: { 'accept-encoding': 'gzip' } });
    const wire = Number(
      compressed.headers.get('content-length') ?? (await compressed.clone().arrayBuffer()).byteLength,
    );
    gzipped +=
      compressed.headers.get('content-encoding') === 'gzip' ? wire : (await compressed.arrayBuffer()).byteLength;
    raw += (await (await fetch(`${baseUrl}${href}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
      .byteLength;
  }
  console.log(
    `first visit (sign-in: HTML, CSS, JS; no fonts): ${(gzipped / 1024).toFixed(1)} KB as sent (gzip), ${(raw / 1024).toFixed(1)} KB uncompressed; budget 200 KB`,
  );
  console.log(
    JSON.stringify({
      bench: 'pages',
      runs,
      healthLive: { p50Ms: round(baselineP50), p95Ms: round(percentile(baseline, 95)) },
      pages: figures,
      firstVisit: {
        sentBytes: gzipped,
        uncompressedBytes: raw,
        budgetBytes: firstVisitBudget,
        withinBudget: gzipped <= firstVisitBudget && raw <= firstVisitBudget,
      },
    }),
  );
} finally {
  await env.close();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
