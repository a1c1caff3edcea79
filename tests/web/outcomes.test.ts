import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  signInAs,
  startWebTest,
  type WebTest,
} from './browser.js';

const clock = new ManualClock(new Date('2026-09-01T09:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let employer: EmployerWorld;
let matchId: string;
const outcome = 'Travel independently to a place of work';

const people = () => [world.coach, world.admin, world.youngPerson, employer.staff];

async function fillDate(page: Page | Locator, legend: string, [day, month, year]: [string, string, string]) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

/** Sam's internship at the hotel, started on 7 September 2026. */
beforeAll(async () => {
  web = await startWebTest({ clock });
  const { harness } = web;
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin, { name: 'The Beckside Hotel' });
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: '2026-09-07' });
  matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
  expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
  expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
  await travelTo(harness, clock, '2026-09-07T09:00:00Z', people());
  expect((await step(harness, world.coach, matchId, 'start', { startedOn: '2026-09-07' })).status).toBe(200);
  await travelTo(harness, clock, '2026-10-20T09:00:00Z', people());
});
afterAll(async () => web?.close());

describe('EHC plan outcomes, completion and the year after', () => {
  it('the job coach sets the plan’s outcomes, a target for one at a review, completes with an employment plan and records the 6-month follow-up', async () => {
    let { page, context } = await signInAs(web, world.coach.email, { width: 320 });
    await page.goto(`/young-people/${world.youngPersonId}`);
    await page.getByRole('link', { name: 'EHC plan outcomes for Sam' }).click();
    expect(await heading(page)).toBe('EHC plan outcomes');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByLabel('New outcome (optional) 1').fill(outcome);
    await page.getByRole('button', { name: 'Save the outcomes' }).click();
    await page.getByRole('link', { name: 'Enter the date of the next annual review' }).waitFor();
    expect(await page.getByLabel('New outcome (optional) 1').inputValue()).toBe(outcome);
    await fillDate(page, 'Date of the next annual review', ['1', '3', '2027']);
    await page.getByRole('button', { name: 'Save the outcomes' }).click();
    await page.getByText('The EHC plan outcomes are saved').first().waitFor();
    expect(await page.getByLabel('Outcome 1').inputValue()).toBe(outcome);

    await page.goto(`/journeys/${matchId}/review`);
    await fillDate(page, 'When was the review?', ['19', '10', '2026']);
    await page.getByLabel('What the intern will do').fill('Travel to work on your own');
    await page.getByLabel('How everyone will know it is done').fill('Five days in a row without help');
    await fillDate(page, 'By when', ['30', '11', '2026']);
    await page.getByRole('button', { name: 'Save the review' }).click();
    await page.getByRole('link', { name: /EHC plan outcome/ }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(outcome).check();
    await page.getByRole('button', { name: 'Save the review' }).click();
    await page.getByText('The review is saved').first().waitFor();
    await context.close();

    await travelTo(web.harness, clock, '2027-07-16T15:00:00Z', people());
    expect(
      (await step(web.harness, world.coach, matchId, 'complete', { endedOn: '2027-07-16', outcome: { type: 'none' } }))
        .status,
    ).toBe(200);
    ({ page, context } = await signInAs(web, world.coach.email, { width: 320 }));
    await page.goto(`/journeys/${matchId}`);
    await page.getByRole('link', { name: 'Core aims, employment plan and follow-ups' }).click();
    expect(await heading(page)).toBe('After the internship');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole('group', { name: 'Were the core aims of the study programme met?' }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Save the core aims' }).click();
    await page.getByText('The core aims are saved').first().waitFor();
    await page.getByLabel('Jobs to aim for').fill('Room attendant\nKitchen porter');
    const firstAction = page.getByRole('group', { name: 'Action 1 (optional)' });
    await firstAction.getByLabel('What to do').fill('Apply to the hotel’s housekeeping team');
    await firstAction.getByLabel('Who does it').fill('Sam with the job coach');
    await fillDate(firstAction, 'By when', ['1', '8', '2027']);
    await page.getByRole('button', { name: 'Save the employment plan' }).click();
    await page.getByText('The employment plan is saved').first().waitFor();
    expect(await page.getByText('It can be recorded from 16 January 2028.').count()).toBe(1);
    await context.close();

    await travelTo(web.harness, clock, '2028-01-17T10:00:00Z', people());
    ({ page, context } = await signInAs(web, world.coach.email));
    await page.goto(`/journeys/${matchId}/after`);
    await fillDate(page, 'Day you checked', ['17', '1', '2028']);
    await page.getByLabel('A paid job').check();
    await page.getByRole('button', { name: 'Save the 6-month follow-up' }).click();
    await page.getByRole('link', { name: /hours a week/i }).waitFor();
    await page.getByLabel('Hours a week (for paid work)').fill('20');
    await page.getByLabel('At the National Minimum Wage for their age').check();
    await page
      .getByRole('group', { name: 'Is it the placement’s employer? (for paid work)' })
      .getByLabel('Yes')
      .check();
    await page.getByRole('button', { name: 'Save the 6-month follow-up' }).click();
    await page.getByText('The 6-month follow-up is saved').first().waitFor();
    expect(await page.getByText('A paid job').count()).toBe(1);
    await expectNoAxeViolations(page);
    await context.close();
  }, 180_000);

  it('the young person sees progress towards their goals in plain words, at 320 px', async () => {
    const { page, context } = await signInAs(web, world.youngPerson.email, { width: 320 });
    await page.goto('/');
    await page.getByRole('link', { name: 'My goals' }).click();
    expect(await heading(page)).toBe('My goals');
    await page.getByRole('heading', { name: outcome }).waitFor();
    expect(await page.getByText('Next you will work on this: travel to work on your own.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save the outcomes' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  }, 60_000);

  it('the provider admin sees the job-outcome figures and downloads the SEN2 return', async () => {
    const { page, context } = await signInAs(web, world.admin.email, { width: 320 });
    await page.goto('/reports');
    await page.getByRole('link', { name: 'Job outcomes at 6, 9 and 12 months, and the SEN2 return' }).click();
    expect(await heading(page)).toBe('Job outcomes after the internship');
    const overall = page.getByRole('table', { name: 'All interns' });
    expect(await overall.getByRole('cell').allInnerTexts()).toEqual([
      '1',
      '100%',
      'Not known yet',
      'Not known yet',
      'Not known yet',
      '100%',
    ]);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the SEN2 work-based learning return (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, row] = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(header).toBe(
      'young_person_id,preferred_name,date_of_birth,local_authority,activity,placement_start_date,placement_leaving_date,attendance_pattern,days_per_week,hours_per_week,last_ehc_plan_review_date',
    );
    expect(row!.split(',').slice(4)).toEqual([
      'supported_internship',
      '2026-09-07',
      '2027-07-16',
      'full_time',
      '4',
      '20',
      '',
    ]);
    await context.close();
  }, 60_000);
});
