import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call } from '../helpers/harness.js';
import { postPlacement, propose, step } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  signInAs,
  startWebTest,
  type WebTest,
} from './browser.js';

const clock = new ManualClock(new Date('2026-08-03T09:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let employer: EmployerWorld;
let matchId: string;
const original = 'Quiet breaks and written tasks';

beforeAll(async () => {
  web = await startWebTest({ clock });
  const { harness } = web;
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin, { name: 'The Beckside Hotel' });
  const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: world.youngPersonId },
    token: world.youngPerson.token,
    body: {
      sections: {
        aboutMe: null,
        myCondition: null,
        whatHelps: { adjustments: [{ category: 'colleague_support', details: original, inPlace: false }] },
        accessToWork: null,
        review: null,
      },
    },
  });
  expect(saved.status, saved.text).toBe(200);
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: '2026-09-07' });
  matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
  expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: ['whatHelps'] })).status).toBe(200);
});
afterAll(async () => web?.close());

describe('the job coach suggests new words for a request', () => {
  it('splits it in two at 320 px; the young person sees both beside their words and agrees; the employer may not open the page', async () => {
    const coach = await signInAs(web, world.coach.email, { width: 320 });
    await coach.page.goto(`/journeys/${matchId}/adjustments`);
    await coach.page.getByRole('link', { name: `Suggest new words, or split it for “${original}”` }).click();
    expect(await heading(coach.page)).toBe('Suggest new words');
    expect(await coach.page.getByRole('group', { name: 'Part 1' }).getByLabel('What helps').inputValue()).toBe(
      original,
    );
    await expectNoAxeViolations(coach.page);
    await expectNoHorizontalScroll(coach.page);

    // Nothing in any part: the page says what is missing.
    await coach.page.getByRole('group', { name: 'Part 1' }).getByLabel('What helps').fill('');
    await coach.page.getByRole('button', { name: 'Suggest these words' }).click();
    await coach.page.getByRole('link', { name: 'Enter what helps, in part 1' }).waitFor();
    await expectNoAxeViolations(coach.page);

    const part1 = coach.page.getByRole('group', { name: 'Part 1' });
    await part1.getByLabel('What it is about').selectOption({ label: 'The place I work in' });
    await part1.getByLabel('What helps').fill('A quiet place to take my breaks');
    const part2 = coach.page.getByRole('group', { name: 'Part 2 (if you split it)' });
    await part2.getByLabel('What it is about').selectOption({ label: 'How I am shown what to do' });
    await part2.getByLabel('What helps').fill('Tasks written down');
    await coach.page.getByRole('button', { name: 'Suggest these words' }).click();
    await coach.page.getByText('Suggested. Sam is asked to choose').waitFor();
    await coach.context.close();

    const youngPerson = await signInAs(web, world.youngPerson.email, { width: 320 });
    await youngPerson.page.goto(`/journeys/${matchId}/adjustments`);
    await youngPerson.page.getByRole('heading', { name: original }).waitFor();
    const suggestion = youngPerson.page.getByRole('listitem').filter({ hasText: 'A quiet place to take my breaks' });
    expect(await suggestion.count()).toBe(1);
    expect(await youngPerson.page.getByRole('listitem').filter({ hasText: 'Tasks written down' }).count()).toBe(1);
    await expectNoAxeViolations(youngPerson.page);
    await expectNoHorizontalScroll(youngPerson.page);
    await youngPerson.page.getByRole('button', { name: 'Use the new words' }).click();
    await youngPerson.page.getByRole('heading', { name: 'Tasks written down' }).waitFor();
    await youngPerson.page.getByRole('heading', { name: 'A quiet place to take my breaks' }).waitFor();
    await youngPerson.context.close();

    const staff = await signInAs(web, employer.staff.email);
    const adjustments = await call(web.harness.app, 'GET', '/v1/placement-matches/{matchId}/adjustments', {
      path: { matchId },
      token: employer.staff.token,
    });
    const first = adjustments.json.items[0]!;
    const refused = await staff.page.goto(`/journeys/${matchId}/adjustments/${first.id}/new-words`);
    expect(refused?.status()).toBe(403);
    await staff.context.close();
  });
});
