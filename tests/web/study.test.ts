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

const clock = new ManualClock(new Date('2026-08-20T09:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let employer: EmployerWorld;
let matchId: string;

/** Sam's internship at the Beckside Hotel started on 7 September 2026; it is now early October. */
beforeAll(async () => {
  web = await startWebTest({ clock });
  const { harness } = web;
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin, { name: 'The Beckside Hotel' });
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: '2026-09-07' });
  matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
  expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
  expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
  await travelTo(harness, clock, '2026-09-07T09:00:00Z', [world.coach]);
  expect((await step(harness, world.coach, matchId, 'start', { startedOn: '2026-09-07' })).status).toBe(200);
  clock.set(new Date('2026-10-05T09:00:00Z'));
});
afterAll(async () => web?.close());

const fillDate = async (page: import('playwright-core').Page, legend: string, date: [string, string, string]) => {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(date[0]);
  await group.getByLabel('Month').fill(date[1]);
  await group.getByLabel('Year').fill(date[2]);
};

describe('study programme pages', () => {
  it('the job coach sets up a study programme and logs four weeks of attendance; the journey shows the per cent', async () => {
    const { page, context } = await signInAs(web, world.coach.email);
    await page.goto(`/young-people/${world.youngPersonId}`);
    await page.getByRole('link', { name: 'Study programme and attendance for Sam' }).click();
    expect(await heading(page)).toBe('Study programme and attendance');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Set up the study programme' }).click();
    expect(await heading(page)).toBe('Study programme');
    await expectNoAxeViolations(page);

    await page.getByLabel('Learner reference (optional)').fill('AVC0042187');
    await page.getByLabel('Planned hours of study this year').fill('480');
    await page.getByLabel('English level').selectOption({ label: 'Entry 3' });
    await page.getByLabel('English qualification (optional)').fill('Functional Skills');
    await page.getByRole('group', { name: 'Has english been achieved?' }).getByLabel('No').check();
    await page.getByLabel('Maths level').selectOption({ label: 'Level 1' });
    await page.getByRole('group', { name: 'Has maths been achieved?' }).getByLabel('Yes').check();
    await fillDate(page, 'Day maths was achieved (optional)', ['6', '10', '2026']);
    await page.getByLabel('Kind of aim 1').selectOption({ label: 'Employability' });
    await page.getByLabel('Aim 1', { exact: true }).fill('Travel to work on my own');
    await page.getByRole('group', { name: 'Has aim 1 been achieved?' }).getByLabel('No').check();
    await page.getByRole('button', { name: 'Save the study programme' }).click();
    await page.getByRole('link', { name: 'The day maths was achieved is in the future' }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.getByLabel('Learner reference (optional)').inputValue()).toBe('AVC0042187');
    expect(await page.getByLabel('Aim 1', { exact: true }).inputValue()).toBe('Travel to work on my own');
    await fillDate(page, 'Day maths was achieved (optional)', ['2', '10', '2026']);
    await page.getByRole('button', { name: 'Save the study programme' }).click();
    await page.getByText('The study programme is saved').first().waitFor();
    expect(await page.getByText('The planned hours (480) are fewer than the 540').count()).toBe(1);

    await page.getByRole('link', { name: 'Record attendance at The Beckside Hotel' }).click();
    expect(await heading(page)).toBe('Record attendance');
    await expectNoAxeViolations(page);
    const weeks: [string, string, string, Record<string, string>][] = [
      ['7', '4', '4', {}],
      ['14', '4', '3', { 'Days away ill': '1' }],
      ['21', '4', '4', {}],
      ['28', '4', '2', { 'Days away at an appointment': '1', 'Days away for another reason': '1' }],
    ];
    for (const [day, expected, attended, away] of weeks) {
      await fillDate(page, 'Which week?', [day, '9', '2026']);
      await page.getByLabel('Days expected').fill(expected);
      await page.getByLabel('Days they came').fill(attended);
      for (const [label, days] of Object.entries(away)) await page.getByLabel(label).fill(days);
      if (away['Days away for another reason']) await page.getByLabel('What the other reason was').fill('Bus strike');
      await page.getByRole('button', { name: 'Save the week' }).click();
      await page.getByText('The week’s attendance is saved').first().waitFor();
    }
    await fillDate(page, 'Which week?', ['5', '10', '2026']);
    await page.getByLabel('Days expected').fill('3');
    await page.getByLabel('Days they came').fill('4');
    await page.getByRole('button', { name: 'Save the week' }).click();
    await page.getByRole('link', { name: 'Days they came is more than the days expected (3)' }).waitFor();
    expect(await page.getByLabel('Days they came').inputValue()).toBe('4');
    await expectNoAxeViolations(page);
    expect(await page.getByText('Attendance so far: 81.3% (13 of 16 days)').count()).toBe(1);

    await page.goto(`/journeys/${matchId}`);
    await page.getByText('81.3% (13 of 16 days expected).').waitFor();
    await context.close();
  }, 120_000);

  it('the young person reads what they are learning and how often they came in plain words, at 320 px', async () => {
    const { page, context } = await signInAs(web, world.youngPerson.email, { width: 320 });
    await page.goto(`/young-people/${world.youngPersonId}`);
    await page.getByRole('link', { name: 'My learning' }).click();
    expect(await heading(page)).toBe('My learning');
    await page.getByText('Maths at Level 1: you did it on 2 October 2026.').waitFor();
    expect(await page.getByText('You came on 13 of the 16 days you were expected. That is 81.3%.').count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  }, 60_000);

  it('the coach’s pages fit 320 px and pass axe there', async () => {
    const { page, context } = await signInAs(web, world.coach.email, { width: 320 });
    for (const path of ['', '/programme', `/attendance/${matchId}`]) {
      await page.goto(`/young-people/${world.youngPersonId}/study${path}`);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    }
    await context.close();
  }, 60_000);

  it('the provider admin downloads the ILR export from the reports page and sees the study figures', async () => {
    const { page, context } = await signInAs(web, world.admin.email);
    await page.goto('/reports');
    await page.getByRole('heading', { name: 'Study programme: attendance, English and maths' }).waitFor();
    await expectNoAxeViolations(page);
    const link = page.getByRole('link', { name: 'Download the ILR work placements, one row per internship (CSV)' });
    const download = await context.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['cache-control']).toBe('no-store');
    const rows = (await download.text()).trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toBe(
      `AVC0042187,Z0002347,2026-09-07,,720,2,,${world.youngPersonId},Sam,The Beckside Hotel,${matchId}`,
    );
    const table = await (await context.request.get('/reports.csv')).text();
    expect(table).toContain('\r\n\r\nStudy programme by academic year,Group,Attendance (%),');
    expect(table).toContain(',All,81.3,16,13,1,0,0,1,1,100\r\n');
    const data = await (await context.request.get('/reports.csv?form=data')).text();
    expect(data).toContain(
      'study programme by academic year,2026,2026/27,attendancePercent,81.3,"Days attended as a percentage',
    );
    await context.close();

    const coach = await signInAs(web, world.coach.email);
    await coach.page.goto('/reports');
    await coach.page.getByRole('heading', { name: 'Study programme: attendance, English and maths' }).waitFor();
    expect(await coach.page.getByRole('link', { name: /ILR/ }).count()).toBe(0);
    const refused = await coach.context.request.get('/reports/ilr-work-placements.csv');
    expect(refused.status()).toBe(403);
    await coach.context.close();
  }, 90_000);
});
