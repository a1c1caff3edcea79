import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call } from '../helpers/harness.js';
import { postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  signInAs,
  startWebTest,
  tabTo,
  type WebTest,
} from './browser.js';

const clock = new ManualClock(new Date('2026-08-03T09:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let employer: EmployerWorld;
let matchId: string;
let nextEmployer: EmployerWorld;

const helps = ['A quiet place to take my breaks', 'Tasks written down, one at a time', 'Start at 10 every day'];

beforeAll(async () => {
  web = await startWebTest({ clock });
  const { harness } = web;
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin, { name: 'The Beckside Hotel' });
  nextEmployer = await makeEmployer(harness, world.admin, { name: 'Aire Valley Café' });
  const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: world.youngPersonId },
    token: world.youngPerson.token,
    body: {
      sections: {
        aboutMe: null,
        myCondition: null,
        whatHelps: {
          adjustments: [
            { category: 'environment', details: helps[0]!, inPlace: false },
            { category: 'instructions', details: helps[1]!, inPlace: false },
            { category: 'hours_and_breaks', details: helps[2]!, inPlace: false },
          ],
        },
        accessToWork: null,
        review: null,
      },
    },
  });
  expect(saved.status, saved.text).toBe(200);
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: '2026-09-07' });
  matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
});
afterAll(async () => web?.close());

describe('adjustments at work, across three roles', () => {
  it('the young person shares what helps, the employer answers and puts two in place, the young person checks one with the keyboard at 320 px, the coach reviews it, the young person adds it to the passport and the next employer sees it worked', async () => {
    const youngPerson = await signInAs(web, world.youngPerson.email);
    await youngPerson.page.goto(`/young-people/${world.youngPersonId}/proposals/${matchId}`);
    for (const section of ['About me', 'What helps me at work']) {
      const box = youngPerson.page.getByRole('checkbox', { name: section, exact: true });
      if ((await box.isChecked()) !== (section === 'What helps me at work')) await box.click();
    }
    await youngPerson.page.getByRole('button', { name: 'Yes, I want this placement' }).click();
    await youngPerson.page.waitForURL((url) => !url.pathname.includes('/proposals/'));
    await youngPerson.context.close();

    // The employer: their home lists the requests waiting; they offer the place and answer each.
    const staff = await signInAs(web, employer.staff.email);
    await staff.page.goto('/');
    await staff.page.getByRole('link', { name: 'Sam, Kitchen assistant' }).waitFor();
    expect(await staff.page.getByText('3 waiting for your answer').count()).toBe(1);
    expect((await step(web.harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
    await staff.page.getByRole('link', { name: 'Sam, Kitchen assistant' }).click();
    expect(await heading(staff.page)).toBe('Adjustments at work');
    await expectNoAxeViolations(staff.page);
    for (const help of helps.slice(0, 2)) {
      await staff.page.getByRole('link', { name: `Agree, or say it is not possible for “${help}”` }).click();
      await staff.page.getByLabel('Yes, we will do it').check();
      await staff.page.getByRole('button', { name: 'Save the answer' }).click();
      // Nothing typed yet: the page names what is missing and keeps the choice.
      await staff.page
        .getByRole('link', { name: /Who will do it/ })
        .first()
        .waitFor();
      await expectNoAxeViolations(staff.page);
      await staff.page.getByLabel('Who will do it').fill('Priya, the housekeeping supervisor');
      const byWhen = staff.page.getByRole('group', { name: 'By when' });
      await byWhen.getByLabel('Day').fill('7');
      await byWhen.getByLabel('Month').fill('9');
      await byWhen.getByLabel('Year').fill('2026');
      await staff.page.getByLabel('The employer').check();
      await staff.page.getByRole('button', { name: 'Save the answer' }).click();
      await staff.page.getByText('Your answer is saved').first().waitFor();
    }
    await staff.page.getByRole('link', { name: `Agree, or say it is not possible for “${helps[2]}”` }).click();
    await staff.page.getByLabel('No, it is not possible').check();
    await staff.page.getByLabel('Why not').fill('The laundry needs everyone from 8.');
    await staff.page.getByLabel('What you could do instead (optional)').fill('Start at 8:30 with a buddy.');
    await staff.page.getByRole('button', { name: 'Save the answer' }).click();
    await staff.page.getByText('Your answer is saved').first().waitFor();
    for (const help of helps.slice(0, 2)) {
      await staff.page.getByRole('link', { name: `Say it is in place for “${help}”` }).click();
      await staff.page.getByRole('button', { name: 'Save' }).click();
      await staff.page.getByText('Saved as in place').first().waitFor();
    }
    expect(await staff.page.getByText('In place since').count()).toBe(2);
    await expectNoAxeViolations(staff.page);
    await staff.context.close();

    // A week later, the young person answers the check: one question per page, keyboard only, on a phone.
    await travelTo(web.harness, clock, '2026-08-10T09:00:00Z', [world.youngPerson, world.coach, nextEmployer.staff]);
    const phone = await signInAs(web, world.youngPerson.email, { width: 320 });
    await phone.page.goto(`/young-people/${world.youngPersonId}/proposals/${matchId}`);
    await phone.page.getByRole('link', { name: 'Changes at work that help you' }).click();
    expect(await heading(phone.page)).toBe('Adjustments at work');
    expect(await phone.page.getByText('Start at 8:30 with a buddy.').count()).toBe(1);
    await expectNoAxeViolations(phone.page);
    await expectNoHorizontalScroll(phone.page);
    await tabTo(phone.page, `Tell us if this helps you for “${helps[0]}”`);
    await phone.page.keyboard.press('Enter');
    await phone.page.waitForURL(/\/check$/);
    expect(await heading(phone.page)).toBe('Does this help you at work?');
    await expectNoAxeViolations(phone.page);
    await expectNoHorizontalScroll(phone.page);
    await tabTo(phone.page, 'Yes');
    await phone.page.keyboard.press('Space');
    await tabTo(phone.page, 'Continue');
    await phone.page.keyboard.press('Enter');
    await phone.page.waitForURL(/\/check\/why/);
    expect(await heading(phone.page)).toBe('Why? You do not have to say.');
    await expectNoAxeViolations(phone.page);
    await expectNoHorizontalScroll(phone.page);
    await tabTo(phone.page, /^Why\?/);
    await phone.page.keyboard.type('I can calm down after lunch.');
    await tabTo(phone.page, 'Send the answer');
    await phone.page.keyboard.press('Enter');
    await phone.page.getByText('Thank you. Your answer is saved').first().waitFor();
    expect(await phone.page.getByText('I can calm down after lunch.').count()).toBe(1);
    await phone.context.close();

    // The coach sees the answer at the review, and keeps the adjustment.
    const coach = await signInAs(web, world.coach.email);
    await coach.page.goto(`/journeys/${matchId}`);
    await coach.page.getByRole('link', { name: 'Adjustments at work' }).click();
    await coach.page.getByRole('link', { name: `Review: keep, change or stop for “${helps[0]}”` }).click();
    expect(await heading(coach.page)).toBe('Review the adjustment');
    expect(await coach.page.getByText('I can calm down after lunch.').count()).toBe(1);
    await expectNoAxeViolations(coach.page);
    await coach.page.getByLabel('Keep it').check();
    await coach.page.getByRole('button', { name: 'Save the review' }).click();
    await coach.page.getByText('The review is saved').first().waitFor();
    expect(await coach.page.getByText('10 August 2026: Keep it').count()).toBe(1);
    await coach.context.close();

    // The young person adds it to their passport; the next employer they share with sees it worked.
    const again = await signInAs(web, world.youngPerson.email, { width: 320 });
    await again.page.goto(`/journeys/${matchId}/adjustments`);
    await again.page.getByRole('button', { name: `Add to my passport “${helps[0]}”` }).click();
    await again.page.getByText('Added to the passport as known to work').first().waitFor();
    await expectNoAxeViolations(again.page);
    await expectNoHorizontalScroll(again.page);
    await again.context.close();
    const nextPlacement = await postPlacement(web.harness, nextEmployer.employerId, nextEmployer.staff, {
      startDate: '2026-10-05',
    });
    const nextMatch = (await propose(web.harness, world.coach, world.youngPersonId, nextPlacement)).json.id as string;
    expect((await step(web.harness, world.youngPerson, nextMatch, 'accept', { sections: ['whatHelps'] })).status).toBe(
      200,
    );
    const next = await signInAs(web, nextEmployer.staff.email);
    await next.page.goto(`/journeys/${nextMatch}/adjustments`);
    await next.page.getByText('At The Beckside Hotel, August 2026.').waitFor();
    await expectNoAxeViolations(next.page);
    await next.context.close();
  }, 180_000);
});
