import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import { newContext, signInAs, startWebTest, type WebTest } from './browser.js';

/**
 * Every form of the web app, sent with over-long text in each of its free-text fields in turn
 * (a textarea, a text or email input that is not a number or part of a date): the answer is the
 * form again with 400, its error summary naming that field in plain words, and the text kept in
 * the field. Never a 500 page, never a schema library's wording.
 */

const clock = new ManualClock(new Date('2027-06-01T09:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let employer: EmployerWorld;
let placementId: string;
let proposedMatchId: string;
let startedMatchId: string;
let acceptedMatchId: string;
let completedMatchId: string;

const overLong = `${'A long answer that goes on. '.repeat(430)}The end.`;
const schemaLibraryWording = /expected|Too big|Too small|Invalid input|Invalid option|Unrecognized|>=|<=/;

beforeAll(async () => {
  web = await startWebTest({ clock });
  world = await makeProvider(web.harness);
  employer = await makeEmployer(web.harness, world.admin, { name: 'The Beckside Hotel' });
  await makeEmployer(web.harness, undefined, { name: 'Corner Café' });
  placementId = await postPlacement(web.harness, employer.employerId, employer.staff, {
    title: 'Kitchen assistant',
    startDate: '2027-09-13',
  });
  const porterId = await postPlacement(web.harness, employer.employerId, employer.staff, {
    title: 'Hotel porter',
    startDate: '2027-09-13',
  });
  const deskId = await postPlacement(web.harness, employer.employerId, employer.staff, {
    title: 'Front desk assistant',
    startDate: '2027-09-13',
  });
  const gardenId = await postPlacement(web.harness, employer.employerId, employer.staff, {
    title: 'Gardener',
    startDate: '2027-09-13',
  });
  const proposed = await propose(web.harness, world.coach, world.youngPersonId, placementId);
  proposedMatchId = proposed.json.id;
  const started = await propose(web.harness, world.coach, world.youngPersonId, porterId);
  startedMatchId = started.json.id;
  expect((await step(web.harness, world.youngPerson, startedMatchId, 'accept', { sections: [] })).status).toBe(200);
  expect((await step(web.harness, employer.staff, startedMatchId, 'employer-accept')).status).toBe(200);
  // One the employer is still to answer (offer, say no, taster), one finished (the 12-month follow-up).
  acceptedMatchId = (await propose(web.harness, world.coach, world.youngPersonId, deskId)).json.id;
  const acceptedByThem = await step(web.harness, world.youngPerson, acceptedMatchId, 'accept', { sections: [] });
  expect(acceptedByThem.status, acceptedByThem.text).toBe(200);
  // A young person is on one placement at a time, so the finished one is Robin's.
  const robin = await addYoungPersonWithAccount(web.harness, world.coach, world.providerId, 'Robin');
  completedMatchId = (await propose(web.harness, world.coach, robin.id, gardenId)).json.id;
  const acceptedToo = await step(web.harness, robin.account, completedMatchId, 'accept', { sections: [] });
  expect(acceptedToo.status, acceptedToo.text).toBe(200);
  const offered = await step(web.harness, employer.staff, completedMatchId, 'employer-accept');
  expect(offered.status, offered.text).toBe(200);
  await travelTo(web.harness, clock, '2027-09-21T09:00:00Z', [world.coach, world.youngPerson, employer.staff]);
  expect((await step(web.harness, world.coach, startedMatchId, 'start', { startedOn: '2027-09-13' })).status).toBe(200);
  const startedToo = await step(web.harness, world.coach, completedMatchId, 'start', { startedOn: '2027-09-13' });
  expect(startedToo.status, startedToo.text).toBe(200);
  const completed = await step(web.harness, world.coach, completedMatchId, 'complete', {
    endedOn: '2027-09-20',
    outcome: { type: 'none' },
  });
  expect(completed.status, completed.text).toBe(200);
  const draft = await call(web.harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
    path: { youngPersonId: world.youngPersonId },
    token: world.coach.token,
    body: { sections: { aboutMe: { workWanted: 'Kitchen work' } } },
  });
  expect(draft.status, draft.text).toBe(201);
  await web.harness.services.searchSync.drain();
}, 120_000);
afterAll(async () => web?.close());

interface FreeTextField {
  form: number;
  name: string;
  id: string;
}

/** The free-text fields of every POST form on the page, found through the DOM as a browser sees them. */
async function freeTextFields(page: Page): Promise<FreeTextField[]> {
  return (await page.evaluate(`(() => {
    const forms = [...document.querySelectorAll('form')].filter((form) => form.method === 'post');
    return forms.flatMap((form, index) =>
      [...form.querySelectorAll('textarea, input')]
        .filter((field) => field.tagName === 'TEXTAREA' || ['text', 'email'].includes(field.type))
        .filter((field) => !['numeric', 'decimal'].includes(field.inputMode))
        .filter((field) => !/-(day|month|year)$/.test(field.name))
        .map((field) => ({ form: index, name: field.name, id: field.id })),
    );
  })()`)) as FreeTextField[];
}

async function sendOverLong(page: Page, path: string, field: FreeTextField) {
  await page.goto(path);
  const navigation = page.waitForNavigation();
  await page.evaluate(`(() => {
    const form = [...document.querySelectorAll('form')].filter((form) => form.method === 'post')[${field.form}];
    const input = form.querySelector(${JSON.stringify(`[name="${field.name}"]`)});
    input.value = ${JSON.stringify(overLong)};
    // A field revealed by a choice (“Another employer”) is sent with that choice made.
    const revealed = input.closest('.govuk-radios__conditional, .govuk-checkboxes__conditional');
    const opener = revealed && form.querySelector('[aria-controls="' + revealed.id + '"], [data-aria-controls="' + revealed.id + '"]');
    if (opener) opener.checked = true;
    form.requestSubmit();
  })()`);
  const response = await navigation;
  const summary = (await page.evaluate(`(() => {
    const box = document.querySelector('.govuk-error-summary');
    if (!box) return null;
    return [...box.querySelectorAll('a')].map((link) => ({ href: link.getAttribute('href'), text: link.textContent.trim() }));
  })()`)) as { href: string; text: string }[] | null;
  const kept = (await page.evaluate(`document.getElementById(${JSON.stringify(field.id)})?.value ?? null`)) as
    | string
    | null;
  return { status: response?.status(), summary, kept };
}

const forms: { who: () => string | undefined; paths: () => string[] }[] = [
  { who: () => undefined, paths: () => ['/sign-in', '/employers/sign-up'] },
  {
    who: () => world.youngPerson.email,
    paths: () => [
      ...['aboutMe', 'myCondition', 'whatHelps', 'accessToWork', 'review'].map(
        (section) => `/young-people/${world.youngPersonId}/passport/sections/${section}`,
      ),
      `/young-people/${world.youngPersonId}/passport/shares/new`,
      `/young-people/${world.youngPersonId}/delegates`,
      `/young-people/${world.youngPersonId}/proposals/${proposedMatchId}`,
      `/young-people/${world.youngPersonId}/passport/drafts`,
    ],
  },
  {
    who: () => world.coach.email,
    paths: () => [
      `/young-people/${world.youngPersonId}/matches/${placementId}/propose`,
      `/young-people/${world.youngPersonId}/passport/suggest/aboutMe`,
      `/young-people/${world.youngPersonId}/passport/suggest/whatHelps`,
      `/journeys/${proposedMatchId}`,
      `/journeys/${startedMatchId}`,
      `/journeys/${completedMatchId}`,
      `/journeys/${startedMatchId}/weekly-log`,
      `/journeys/${startedMatchId}/review`,
    ],
  },
  {
    who: () => employer.staff.email,
    paths: () => [
      '/organisation',
      '/placements/new',
      `/placements/${placementId}/edit`,
      `/journeys/${acceptedMatchId}`,
      `/journeys/${startedMatchId}`,
    ],
  },
  { who: () => world.admin.email, paths: () => ['/staff', '/employers/verification'] },
];

describe('over-long text in every form', () => {
  it('re-renders the form with 400, the error summary naming the field in plain words, and the text kept', async () => {
    const problems: string[] = [];
    const tried = new Set<string>();
    let fieldsTried = 0;
    for (const group of forms) {
      const email = group.who();
      let context: BrowserContext;
      let page: Page;
      if (email) ({ context, page } = await signInAs(web, email));
      else {
        context = await newContext(web);
        page = await context.newPage();
      }
      for (const path of group.paths()) {
        await page.goto(path);
        const fields = await freeTextFields(page);
        for (const field of fields) {
          fieldsTried += 1;
          tried.add(`${path.replace(/[0-9a-f]{24}/g, '{id}')} ${field.name}`);
          const label = `${email ?? 'anyone'} ${path} ${field.name}`;
          const { status, summary, kept } = await sendOverLong(page, path, field);
          const named = summary?.find((link) => link.href === `#${field.id}`);
          if (status !== 400) problems.push(`${label}: status ${status}`);
          else if (!named) problems.push(`${label}: the error summary does not name it (${JSON.stringify(summary)})`);
          else if (!/characters or fewer|lines or fewer|right format|like name@example|like \d/.test(named.text))
            problems.push(`${label}: "${named.text}"`);
          if (kept !== overLong) problems.push(`${label}: the text was not kept`);
          for (const link of summary ?? [])
            if (schemaLibraryWording.test(link.text) || /^[a-z]/.test(link.text))
              problems.push(`${label}: "${link.text}" is not in plain words`);
        }
      }
      await context.close();
    }
    expect(problems).toEqual([]);
    expect(fieldsTried).toBeGreaterThan(30);
    // The journey's steps with free text, each reached in the state that offers it.
    expect([...tried]).toEqual(
      expect.arrayContaining([
        '/journeys/{id} note',
        '/journeys/{id} reason',
        '/journeys/{id} place',
        '/journeys/{id} notes',
        '/journeys/{id} details',
        '/journeys/{id} department',
        '/journeys/{id}/weekly-log notes',
        '/journeys/{id}/review summary',
      ]),
    );
  }, 600_000);
});

/** Fills the page's first POST form by field name, sends it, and returns the status and the error summary's lines. */
async function submitForm(page: Page, path: string, values: Record<string, string>) {
  await page.goto(path);
  const navigation = page.waitForNavigation();
  await page.evaluate(`(() => {
    const form = [...document.querySelectorAll('main form')].filter(
      (form) => form.method === 'post' && !form.action.endsWith('/session/keep-alive'),
    )[0];
    for (const [name, value] of Object.entries(${JSON.stringify(values)})) form.querySelector('[name="' + name + '"]').value = value;
    form.requestSubmit();
  })()`);
  const response = await navigation;
  const summary = (await page.evaluate(
    `[...document.querySelectorAll('.govuk-error-summary a')].map((link) => link.textContent.trim())`,
  )) as string[];
  return { status: response?.status(), summary };
}

describe('error messages in the GOV.UK style', () => {
  it('on employer sign-up: what to enter, and the limit of a name too long, never the validator’s words', async () => {
    const context = await newContext(web);
    const page = await context.newPage();
    const { status, summary } = await submitForm(page, '/employers/sign-up', { name: 'N'.repeat(300) });
    expect(status).toBe(400);
    expect(summary).toEqual([
      'The name of your organisation must be 160 characters or fewer',
      'Choose the kind of work you do',
      'Enter the first line of the address',
      'Enter the town or city',
      'Enter a real postcode, like LS1 4AP',
      'Choose your Disability Confident level',
      'Enter your full name',
      'Enter your work email address',
      'Enter a password of at least 12 characters',
    ]);
    await context.close();
  });

  it('in the weekly log: empty boxes ask for an answer', async () => {
    const { context, page } = await signInAs(web, world.coach.email);
    const { status, summary } = await submitForm(page, `/journeys/${startedMatchId}/weekly-log`, {});
    expect(status).toBe(400);
    expect(summary).toEqual(['Enter a day in the week', 'Enter the hours worked', 'Enter the hours of support']);
    await context.close();
  });
});
