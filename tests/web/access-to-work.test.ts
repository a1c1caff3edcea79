import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call } from '../helpers/harness.js';
import { addYoungPerson, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  signInAs,
  startWebTest,
  type WebTest,
} from './browser.js';

const clock = new ManualClock(new Date('2026-03-08T09:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let employer: EmployerWorld;
let matchId: string;

/** Sam (planned start 7 September 2026) with an award, an internship under way and four weeks logged in October. */
beforeAll(async () => {
  web = await startWebTest({ clock });
  const { harness } = web;
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin, { name: 'The Beckside Hotel' });
  const path = { youngPersonId: world.youngPersonId };
  const applied = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/access-to-work/application', {
    path,
    token: world.coach.token,
    body: { appliedBy: 'education_provider', reference: 'ATW-118204', sentOn: '2026-03-08', signer: 'young_person' },
  });
  expect(applied.status, applied.text).toBe(200);
  await travelTo(harness, clock, '2026-05-20T09:00:00Z', [world.coach, world.youngPerson, employer.staff]);
  const awarded = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/access-to-work/award', {
    path,
    token: world.coach.token,
    body: {
      letterDate: '2026-05-18',
      lines: [
        {
          kind: 'job_coach',
          startsOn: '2026-09-07',
          endsOn: '2027-07-16',
          totalPence: 1_254_000,
          hoursPerWeek: 10,
          costPerHourPence: 2850,
        },
      ],
      refused: [{ item: 'Help with English and maths', reason: 'Access to Work does not pay for study.' }],
    },
  });
  expect(awarded.status, awarded.text).toBe(200);
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: '2026-09-07' });
  matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
  expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
  expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
  await travelTo(harness, clock, '2026-09-07T09:00:00Z', [world.coach]);
  expect((await step(harness, world.coach, matchId, 'start', { startedOn: '2026-09-07' })).status).toBe(200);
  await travelTo(harness, clock, '2026-11-03T09:00:00Z', [world.coach]);
  for (const [weekStarting, supportHours] of [
    ['2026-10-05', 10],
    ['2026-10-12', 8],
    ['2026-10-19', 6],
    ['2026-10-26', 4],
  ] as const) {
    const logged = await step(harness, world.coach, matchId, 'logs', {
      weekStarting,
      hoursWorked: 20,
      supportHours,
      studyHours: 3,
    });
    expect(logged.status, logged.text).toBe(201);
  }
});
afterAll(async () => web?.close());

describe('Access to Work pages', () => {
  it('the job coach sees the dates, drafts October’s claim from the logs and opens it to print', async () => {
    const { page, context } = await signInAs(web, world.coach.email);
    await page.goto(`/young-people/${world.youngPersonId}`);
    await page.getByRole('link', { name: 'Access to Work for Sam' }).click();
    expect(await heading(page)).toBe('Access to Work');
    await expectNoAxeViolations(page);
    await page.getByText('16 July 2027').first().waitFor();
    expect(await page.getByText('15 June 2026').count()).toBe(1);
    await page.getByLabel('Month to claim for').selectOption({ label: 'October 2026' });
    await page.getByRole('button', { name: 'Draft the claim' }).click();
    await page.waitForURL(/\/access-to-work\/claims\/[0-9a-f]{24}$/);
    expect(await heading(page)).toBe('Access to Work claim for October 2026');
    await expectNoAxeViolations(page);
    expect(await page.getByText('£798.00').count()).toBe(1);
    expect(await page.getByText('ATW-118204').count()).toBe(1);
    expect(await page.getByRole('cell', { name: '5 October 2026' }).count()).toBe(1);

    const fillDate = async (legend: string, day: string, month: string, year: string) => {
      const group = page.getByRole('group', { name: legend });
      await group.getByLabel('Day').fill(day);
      await group.getByLabel('Month').fill(month);
      await group.getByLabel('Year').fill(year);
    };
    await page.getByLabel('Who signed').fill('Sam Taylor');
    await fillDate('Day it was signed', '4', '11', '2026');
    await page.getByRole('button', { name: 'Record the signature' }).click();
    await page.getByRole('link', { name: 'The day it was signed is in the future' }).waitFor();
    expect(await page.getByLabel('Who signed').inputValue()).toBe('Sam Taylor');
    await fillDate('Day it was signed', '2', '11', '2026');
    await page.getByRole('button', { name: 'Record the signature' }).click();
    await page.getByText('The claim is updated').first().waitFor();
    expect(await page.getByText('Signed, not sent.').count()).toBe(1);
    await fillDate('Day it was sent', '3', '11', '2026');
    await page.getByRole('button', { name: 'Record that it was sent' }).click();
    await page.getByText('Sent, waiting for payment.').waitFor();
    expect(await page.getByRole('button', { name: 'Record the payment' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Record the question' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await fillDate('Day it was paid', '3', '11', '2026');
    await page.getByLabel('Amount paid, in pounds').fill('lots');
    await page.getByRole('button', { name: 'Record the payment' }).click();
    await page.getByRole('link', { name: 'The amount paid must be an amount in pounds, like 798.00' }).waitFor();
    expect(await page.getByRole('group', { name: 'Day it was paid' }).getByLabel('Day').inputValue()).toBe('3');
    await page.getByLabel('Amount paid, in pounds').fill('798.00');
    await page.getByRole('button', { name: 'Record the payment' }).click();
    await page.getByText('The claim is updated').first().waitFor();
    expect(await page.getByText('Paid. To print it').count()).toBe(1);
    await context.close();
  }, 90_000);

  it('the young person reads what Access to Work pays for in plain words, at 320 px', async () => {
    const { page, context } = await signInAs(web, world.youngPerson.email, { width: 320 });
    await page.goto('/');
    await page.getByRole('link', { name: 'Access to Work' }).click();
    await page.getByText('Access to Work pays for your job coach until 16 July 2027.').waitFor();
    expect(await page.getByText('a job coach to help you at work, 10 hours a week').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Draft the claim' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  }, 60_000);

  it('the job coach records an application and an award through the forms, with errors that keep what was typed, without JavaScript', async () => {
    const youngPersonId = await addYoungPerson(web.harness, world.coach, 'Priya');
    const { page, context } = await signInAs(web, world.coach.email, { javaScriptEnabled: false });
    await page.goto(`/young-people/${youngPersonId}/access-to-work`);
    await page.getByText('The placement starts in less than 6 months and the application has not been sent.').waitFor();
    await page.getByRole('link', { name: 'Record the application' }).click();
    expect(await heading(page)).toBe('Access to Work application');
    await page.getByLabel('Access to Work reference (optional)').fill('ATW-200511');
    await page.getByRole('button', { name: 'Save the application' }).click();
    await page.getByRole('link', { name: 'Choose who applies' }).waitFor();
    expect(await page.getByLabel('Access to Work reference (optional)').inputValue()).toBe('ATW-200511');
    await page.getByLabel('A supported-employment provider').check();
    await page.getByLabel('Their appointee').check();
    await page.getByLabel('Day').fill('2');
    await page.getByLabel('Month').fill('11');
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Save the application' }).click();
    await page.getByRole('link', { name: 'The appointee’s name is needed when the appointee signs' }).waitFor();
    await page.getByLabel('Appointee’s name (if the appointee signs)').fill('Jo Patel');
    await page.getByRole('button', { name: 'Save the application' }).click();
    await page.waitForURL(`**/young-people/${youngPersonId}/access-to-work`);
    await page.getByText('The application is saved').first().waitFor();
    expect(await page.getByText('2 November 2026').count()).toBe(1);
    expect(await page.getByText('Their appointee: Jo Patel').count()).toBe(1);

    await page.getByRole('link', { name: 'Record the award from the letter' }).click();
    expect(await heading(page)).toBe('Access to Work award');
    const fillDate = async (legend: string, day: string, month: string, year: string) => {
      const group = page.getByRole('group', { name: legend });
      await group.getByLabel('Day').fill(day);
      await group.getByLabel('Month').fill(month);
      await group.getByLabel('Year').fill(year);
    };
    await fillDate('Date on the letter', '3', '11', '2026');
    await fillDate('First day', '7', '9', '2026');
    await fillDate('Last day', '6', '9', '2026');
    await page.getByLabel('Hours a week').fill('10');
    await page.getByLabel('Cost an hour, in pounds').fill('£28.50');
    await page.getByLabel('Total for job coach support, in pounds').fill('12,540');
    await page.getByRole('button', { name: 'Save the award' }).click();
    await page
      .getByRole('link', { name: 'The last day of job coach support is before the line starts (2026-09-07)' })
      .waitFor();
    expect(await page.getByLabel('Cost an hour, in pounds').inputValue()).toBe('£28.50');
    await fillDate('Last day', '16', '7', '2027');
    await page.getByRole('button', { name: 'Save the award' }).click();
    await page.waitForURL(`**/young-people/${youngPersonId}/access-to-work`);
    await page.getByText('The award is saved').first().waitFor();
    expect(await page.getByText('Job coach, 10 hours a week at £28.50 an hour').count()).toBe(1);
    expect(await page.getByText('£12,540.00').count()).toBe(1);
    await context.close();

    const checked = await signInAs(web, world.coach.email);
    for (const path of [
      `/young-people/${youngPersonId}/access-to-work`,
      `/young-people/${youngPersonId}/access-to-work/application`,
      `/young-people/${youngPersonId}/access-to-work/award`,
    ]) {
      await checked.page.goto(path);
      await expectNoAxeViolations(checked.page);
    }
    await checked.context.close();
  }, 90_000);

  it('an employer cannot open the page', async () => {
    const { page, context } = await signInAs(web, employer.staff.email);
    const response = await page.goto(`/young-people/${world.youngPersonId}/access-to-work`);
    expect(response?.status()).toBe(403);
    await context.close();
  }, 60_000);

  it('the job coach sees what Access to Work needs on their home and the dates on the journey, at 320 px', async () => {
    await travelTo(web.harness, clock, '2026-12-11T10:00:00Z', [world.coach]);
    const { page, context } = await signInAs(web, world.coach.email, { width: 320 });
    await page.goto('/');
    const sam = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Sam: Access to Work' }) });
    await sam.getByText('Send last month’s Access to Work claim.').waitFor();
    expect(await sam.getByText('It was due by 10 December 2026').count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.goto(`/journeys/${matchId}`);
    await page.getByRole('heading', { name: 'Access to Work dates' }).waitFor();
    expect(await page.getByText('Claim for November 2026').count()).toBe(1);
    expect(await page.getByText('Due by 10 December 2026').count()).toBe(1);
    expect(await page.getByText('Late', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Ask for a reconsideration by').count()).toBe(1);
    expect(await page.getByText('Opens 23 April 2027; the award ends 16 July 2027').count()).toBe(1);
    expect(await page.getByText('Until 7 March 2027; up to 6 June 2027 if the adviser agrees').count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  }, 90_000);

  it('the support chart marks where the 26 weeks of intensive coaching end, and its table says so too', async () => {
    await travelTo(web.harness, clock, '2027-03-15T10:00:00Z', [world.coach]);
    const logged = await step(web.harness, world.coach, matchId, 'logs', {
      weekStarting: '2027-03-08',
      hoursWorked: 25,
      supportHours: 2,
    });
    expect(logged.status, logged.text).toBe(201);
    const { page, context } = await signInAs(web, world.coach.email, { width: 320 });
    await page.goto(`/journeys/${matchId}/progress`);
    await page.getByRole('img', { name: /A line after week 26: Intensive coaching ends\./ }).waitFor();
    expect(await page.getByRole('rowheader', { name: '26 Intensive coaching ends after this week' }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: '39 Extra weeks end after this week' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  }, 90_000);

  it('the reports page links to every Access to Work claim of the provider as CSV, not for the young person', async () => {
    const { page, context } = await signInAs(web, world.coach.email);
    await page.goto('/reports');
    const link = page.getByRole('link', {
      name: 'Download every Access to Work claim of your young people, one a row (CSV)',
    });
    const download = await context.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['cache-control']).toBe('no-store');
    expect(await download.text()).toContain(`${world.youngPersonId},Sam,ATW-118204,2026-10,`);
    await context.close();
    const young = await signInAs(web, world.youngPerson.email);
    expect((await young.context.request.get('/access-to-work/claims.csv')).status()).toBe(403);
    await young.context.close();
  }, 60_000);
});
