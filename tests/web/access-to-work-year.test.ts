import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../seed/access-to-work.js';
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

/**
 * Issue 24's "Done when" for Access to Work as one year, in the order it happens, everything by
 * hand in Chromium: the job coach records the application and the award from the letter, uploads
 * the letter, sees the deadlines on their home, logs four weeks with study time, drafts the month's
 * claim and prints it; the young person reads what Access to Work pays for and who downloaded the
 * letter; the employer hosting Sam without a passport share gets no document.
 */
const clock = new ManualClock(new Date('2026-03-08T09:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let host: EmployerWorld;
let matchId: string;
const everyone = () => [world.coach, world.admin, world.youngPerson, host.staff];

beforeAll(async () => {
  web = await startWebTest({ clock });
  const { harness } = web;
  world = await makeProvider(harness);
  host = await makeEmployer(harness, world.admin, { name: 'The Beckside Hotel' });
  const placementId = await postPlacement(harness, host.employerId, host.staff, { startDate: '2026-09-07' });
  matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
  // Sam agrees and shares no passport section with the hotel.
  expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
  expect((await step(harness, host.staff, matchId, 'employer-accept')).status).toBe(200);
});
afterAll(async () => web?.close());

const atwPath = () => `/young-people/${world.youngPersonId}/access-to-work`;

describe('a year of Access to Work, by hand', () => {
  it('the job coach is told the application is due, records it and the award from the letter, and uploads the letter', async () => {
    const { page, context } = await signInAs(web, world.coach.email);
    await page.goto('/');
    const sam = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Sam: Access to Work' }) });
    await sam.getByText('Send the Access to Work application.').waitFor();
    await sam.getByRole('link', { name: 'Sam: Access to Work' }).click();
    await page.getByRole('link', { name: 'Record the application' }).click();
    await page.getByLabel('The college').check();
    await page.getByLabel('Access to Work reference (optional)').fill('ATW-300417');
    await page.getByLabel('Day').fill('8');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('group', { name: 'Who signs the forms' }).getByLabel('The young person').check();
    await page.getByRole('button', { name: 'Save the application' }).click();
    await page.getByText('The application is saved').first().waitFor();
    await context.close();

    await travelTo(web.harness, clock, '2026-05-20T09:00:00Z', everyone());
    const later = await signInAs(web, world.coach.email);
    await later.page.goto(atwPath());
    await later.page.getByRole('link', { name: 'Record the award from the letter' }).click();
    const fillDate = async (legend: string, day: string, month: string, year: string) => {
      const group = later.page.getByRole('group', { name: legend });
      await group.getByLabel('Day').fill(day);
      await group.getByLabel('Month').fill(month);
      await group.getByLabel('Year').fill(year);
    };
    await fillDate('Date on the letter', '18', '5', '2026');
    await fillDate('First day', '7', '9', '2026');
    await fillDate('Last day', '16', '7', '2027');
    await later.page.getByLabel('Hours a week').fill('10');
    await later.page.getByLabel('Cost an hour, in pounds').fill('28.50');
    await later.page.getByLabel('Total for job coach support, in pounds').fill('12540');
    await later.page.getByRole('button', { name: 'Save the award' }).click();
    await later.page.getByText('The award is saved').first().waitFor();

    await later.page.goto(`/young-people/${world.youngPersonId}/documents`);
    await later.page.getByLabel('Access to Work award letter').check();
    await later.page.getByLabel('Choose the file').setInputFiles({
      name: 'letter.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(demoPdf('Access to Work award letter')),
    });
    await later.page.getByRole('button', { name: 'Upload document' }).click();
    await later.page.getByText('The document is uploaded').first().waitFor();
    await later.page.getByRole('link', { name: 'Download Access to Work award letter' }).waitFor();
    await expectNoAxeViolations(later.page);

    await later.context.close();

    // A week before the reconsideration deadline (4 weeks after the letter), it is on the coach's home.
    await travelTo(web.harness, clock, '2026-06-10T09:00:00Z', everyone());
    const home = await signInAs(web, world.coach.email, { width: 320 });
    await home.page.goto('/');
    const deadline = home.page
      .getByRole('listitem')
      .filter({ has: home.page.getByRole('link', { name: 'Sam: Access to Work' }) });
    await deadline.getByText('If the Access to Work award is not right, ask for a reconsideration.').waitFor();
    expect(await deadline.getByText('Ask by 15 June 2026').count()).toBe(1);
    await expectNoAxeViolations(home.page);
    await expectNoHorizontalScroll(home.page);
    await home.context.close();
  }, 120_000);

  it('the job coach logs four weeks with study time, drafts October’s claim of coaching hours only, and prints it', async () => {
    await travelTo(web.harness, clock, '2026-09-07T09:00:00Z', everyone());
    expect((await step(web.harness, world.coach, matchId, 'start', { startedOn: '2026-09-07' })).status).toBe(200);
    await travelTo(web.harness, clock, '2026-11-03T09:00:00Z', everyone());
    const { page, context } = await signInAs(web, world.coach.email);
    for (const [week, day, support] of [
      ['5', '5 October 2026', '10'],
      ['6', '12 October 2026', '8'],
      ['7', '19 October 2026', '6'],
      ['8', '26 October 2026', '4'],
    ] as const) {
      await page.goto(`/journeys/${matchId}/weekly-log`);
      await page.getByLabel(`Week ${week}, starting ${day}`).check();
      await page.getByLabel('Hours worked').fill('20');
      await page.getByLabel('Hours of job coach support').fill(support);
      await page.getByLabel('Hours of study support (optional)').fill('3');
      await page.getByRole('button', { name: 'Save the weekly log' }).click();
      await page.getByText('The weekly log is saved').first().waitFor();
    }

    await page.goto(atwPath());
    await page.getByLabel('Month to claim for').selectOption({ label: 'October 2026' });
    await page.getByRole('button', { name: 'Draft the claim' }).click();
    expect(await heading(page)).toBe('Access to Work claim for October 2026');
    // 28 hours of coaching at £28.50; the 12 hours of study are not claimed.
    expect(await page.getByText('£798.00').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByText('To print it, use your browser’s Print.').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('link', { name: 'Sign out' }).isVisible()).toBe(false);
    expect(await page.getByText('ATW-300417').isVisible()).toBe(true);
    expect(await page.getByText('£798.00').isVisible()).toBe(true);
    await context.close();
  }, 120_000);

  it('the provider admin downloads the letter; the young person reads what Access to Work pays for and sees that download, at 320 px', async () => {
    const admin = await signInAs(web, world.admin.email);
    await admin.page.goto(`/young-people/${world.youngPersonId}/documents`);
    const downloading = admin.page.waitForEvent('download');
    await admin.page.getByRole('link', { name: 'Download Access to Work award letter' }).click();
    expect((await downloading).suggestedFilename()).toBe('award-letter-2026-05-20.pdf');
    await admin.context.close();

    const { page, context } = await signInAs(web, world.youngPerson.email, { width: 320 });
    await page.goto('/');
    await page.getByRole('link', { name: 'Access to Work' }).click();
    await page.getByText('Access to Work pays for your job coach until 16 July 2027.').waitFor();
    expect(await page.getByText('a job coach to help you at work, 10 hours a week').count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.goto(`/young-people/${world.youngPersonId}/passport/access-log`);
    await page.getByText(/downloaded Access to Work award letter/).waitFor();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  }, 90_000);

  it('the reports page has an Access to Work section, each figure with what it counts', async () => {
    const { page, context } = await signInAs(web, world.admin.email);
    await page.goto('/reports?academicYear=2026');
    const section = page.getByRole('region', { name: 'Access to Work' });
    await section.getByRole('heading', { name: 'Access to Work' }).waitFor();
    const row = (name: string) => section.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    expect(await row('Award dated before the first day (%)').getByRole('cell').first().textContent()).toBe('100');
    expect(await row('Job coach hours logged').getByRole('cell').first().textContent()).toBe('28');
    await row('Award dated before the first day (%)')
      .getByText(/as a percentage of those whose internship started/)
      .waitFor();
    await expectNoAxeViolations(page);
    await context.close();
  }, 60_000);

  it('the employer hosting Sam, with no passport share, gets no document and no Access to Work page', async () => {
    const { page, context } = await signInAs(web, host.staff.email);
    expect((await page.goto(`/young-people/${world.youngPersonId}/documents`))?.status()).toBe(404);
    expect(await page.getByText('award letter').count()).toBe(0);
    expect((await page.goto(atwPath()))?.status()).toBe(403);
    const download = await context.request.get(`/young-people/${world.youngPersonId}/documents`);
    expect(download.status()).toBe(404);
    await context.close();
  }, 60_000);
});
