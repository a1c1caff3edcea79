import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { addYoungPersonWithAccount, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  signInAs,
  startWebTest,
  type WebTest,
} from './browser.js';

const clock = new ManualClock(new Date('2027-06-01T09:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let employer: EmployerWorld;
let kitchenId: string;

beforeAll(async () => {
  web = await startWebTest({ clock });
  world = await makeProvider(web.harness);
  employer = await makeEmployer(web.harness, world.admin, { name: 'The Beckside Hotel' });
  kitchenId = await postPlacement(web.harness, employer.employerId, employer.staff, {
    title: 'Kitchen assistant',
    startDate: '2027-09-13',
  });
  await postPlacement(web.harness, employer.employerId, employer.staff, {
    title: 'Hotel porter',
    tasks: ['carry bags', 'stock rotation'],
    startDate: '2027-09-13',
  });
  await web.harness.services.searchSync.drain();
});
afterAll(async () => web?.close());

async function proposeThroughPages(page: Page, placementTitle: string) {
  await page.goto(`/young-people/${world.youngPersonId}/matches`);
  await page.getByRole('link', { name: `Propose ${placementTitle} to Sam` }).click();
  await page.getByLabel('A note for Sam').fill('You liked the kitchen at college, and this one is calm.');
  await page.getByRole('button', { name: 'Propose this placement' }).click();
  await page.waitForURL(/\/journeys\//);
  return new URL(page.url()).pathname.split('/').pop()!;
}

describe('job coach pages', () => {
  it('the caseload, a young person’s page, matches and proposing all pass axe, and the proposal carries the match evidence', async () => {
    const { page, context } = await signInAs(web, world.coach.email);
    for (const path of [
      '/',
      '/caseload',
      '/inbox',
      `/young-people/${world.youngPersonId}`,
      `/young-people/${world.youngPersonId}/matches`,
      `/placements/${kitchenId}/candidates`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    await page.goto('/caseload?q=Sa');
    expect(await page.getByRole('link', { name: 'Sam', exact: true }).count()).toBe(1);
    await page.goto(`/young-people/${world.youngPersonId}/matches`);
    await page
      .getByRole('heading', { level: 2, name: /Kitchen assistant at The Beckside Hotel/ })
      .first()
      .waitFor();
    expect(await page.getByRole('heading', { level: 2, name: /Kitchen assistant at The Beckside Hotel/ }).count()).toBe(
      1,
    );
    await page
      .getByText(/fit \(\d+ out of 100\)|Very good fit|Good fit|Some fit|Weak fit/)
      .first()
      .waitFor();
    expect(
      await page.getByText(/fit \(\d+ out of 100\)|Very good fit|Good fit|Some fit|Weak fit/).count(),
    ).toBeGreaterThan(0);

    await page.goto(`/young-people/${world.youngPersonId}/matches/${kitchenId}/propose`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Propose this placement' }).click();
    await page.getByRole('link', { name: 'Write a note saying why this placement could suit them' }).first().waitFor();
    expect(
      await page.getByRole('link', { name: 'Write a note saying why this placement could suit them' }).count(),
    ).toBe(1);
    await expectNoAxeViolations(page);

    const matchId = await proposeThroughPages(page, 'Kitchen assistant');
    expect(await heading(page)).toBe('Sam: Kitchen assistant');
    await expectNoAxeViolations(page);
    const stored = await web.harness.services.journeysRepository.byId(matchId);
    expect(stored?.state).toBe('proposed');
    expect(stored?.match?.score).toBeGreaterThan(0);
    expect(stored?.match?.reasons).toHaveProperty('interests');
    await context.close();
  }, 90_000);

  it('the journey page offers only the steps the state machine allows, and records a start, a weekly log and a review', async () => {
    const { page, context } = await signInAs(web, world.coach.email, { javaScriptEnabled: false });
    const matchId = await proposeThroughPages(page, 'Hotel porter');
    await page.getByRole('button', { name: 'Withdraw' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Withdraw' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Record the start' }).count()).toBe(0);
    await context.close();

    expect((await step(web.harness, world.youngPerson, matchId, 'accept', { sections: ['whatHelps'] })).status).toBe(
      200,
    );
    expect((await step(web.harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
    await travelTo(web.harness, clock, '2027-09-21T09:00:00Z', [world.coach]);

    const coach = await signInAs(web, world.coach.email);
    await coach.page.goto(`/journeys/${matchId}`);
    await expectNoAxeViolations(coach.page);
    await coach.page.getByLabel('Day', { exact: true }).fill('13');
    await coach.page.getByLabel('Month').fill('9');
    await coach.page.getByLabel('Year').fill('2027');
    await coach.page.getByRole('button', { name: 'Record the start' }).click();
    await coach.page.getByText('The internship has started').first().waitFor();
    expect(await coach.page.getByText('The internship has started').count()).toBeGreaterThan(0);
    expect((await web.harness.services.journeysRepository.byId(matchId))?.state).toBe('in_progress');

    await coach.page.goto(`/journeys/${matchId}/weekly-log`);
    await expectNoAxeViolations(coach.page);
    await coach.page.getByLabel('Day', { exact: true }).fill('13');
    await coach.page.getByLabel('Month').fill('9');
    await coach.page.getByLabel('Year').fill('2027');
    await coach.page.getByLabel('Hours worked').fill('20');
    await coach.page.getByLabel('Hours of job coach support').fill('12');
    await coach.page.getByLabel('Hours of study support (optional)').fill('3');
    await coach.page.getByRole('button', { name: 'Save the weekly log' }).click();
    await coach.page.waitForURL(`**/journeys/${matchId}/progress`);
    expect(await web.harness.services.progressRepository.logsOf(matchId)).toEqual([
      expect.objectContaining({ supportHours: 12, studyHours: 3 }),
    ]);
    await expectNoAxeViolations(coach.page);
    await coach.page
      .getByRole('img', { name: /Hours worked and job coach support/ })
      .first()
      .waitFor();
    expect(await coach.page.getByRole('img', { name: /Hours worked and job coach support/ }).count()).toBe(1);
    await coach.page.getByRole('cell', { name: '12' }).first().waitFor();
    expect(await coach.page.getByRole('cell', { name: '12' }).count()).toBe(1);

    await coach.page.goto(`/journeys/${matchId}/review`);
    await expectNoAxeViolations(coach.page);
    await coach.page.getByRole('button', { name: 'Save the review' }).click();
    await coach.page.getByRole('link', { name: 'Enter what the intern will do' }).first().waitFor();
    expect(await coach.page.getByRole('link', { name: 'Enter what the intern will do' }).count()).toBe(1);
    await coach.context.close();
  }, 90_000);

  it('a placement the young person said no to is tagged with their reason, comes last, and needs a tick to propose again', async () => {
    const kim = await addYoungPersonWithAccount(web.harness, world.coach, world.providerId, 'Kim');
    const first = await propose(web.harness, world.coach, kim.id, kitchenId);
    expect(first.status, first.text).toBe(201);
    expect(
      (await step(web.harness, kim.account, first.json.id, 'decline', { reason: 'Too hot in there' })).status,
    ).toBe(200);
    const { page, context } = await signInAs(web, world.coach.email);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`/young-people/${kim.id}/matches`);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    const titles = await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();
    expect(titles.at(-1)).toBe('Kitchen assistant at The Beckside Hotel');
    const kitchen = page.getByRole('region', { name: 'Kitchen assistant at The Beckside Hotel' });
    await kitchen.getByText('Kim said no on').waitFor();
    expect(await kitchen.innerText()).toMatch(/Kim said no on \d{1,2} \w+ 2027: “Too hot in there”/);
    await kitchen.getByRole('link', { name: 'Propose Kitchen assistant to Kim again' }).click();
    await page.getByLabel('A note for Kim').fill('The kitchen has a new cool room now.');
    await page.getByRole('button', { name: 'Propose this placement' }).click();
    await page.getByRole('link', { name: /Tick the box to say you know what happened before/ }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.getByLabel('A note for Kim').inputValue()).toBe('The kitchen has a new cool room now.');
    await page.getByLabel('I know what happened before and want to propose it to Kim again').check();
    await page.getByRole('button', { name: 'Propose this placement' }).click();
    await page.waitForURL(/\/journeys\//);
    await page.goto(`/young-people/${kim.id}/matches`);
    await kitchen.getByRole('link', { name: 'See Kim’s journey with Kitchen assistant' }).waitFor();
    expect(await kitchen.getByRole('link', { name: /Propose/ }).count()).toBe(0);
    await context.close();
  }, 90_000);

  it('weekly logs: the weeks with no log are offered, a logged week links to its log, a correction keeps the earlier version, and one form takes a whole caseload’s hours', async () => {
    await travelTo(web.harness, clock, '2027-09-06T09:00:00Z', [world.coach, employer.staff]);
    const laundryId = await postPlacement(web.harness, employer.employerId, employer.staff, {
      title: 'Laundry assistant',
      startDate: '2027-09-13',
    });
    const ash = await addYoungPersonWithAccount(web.harness, world.coach, world.providerId, 'Ash');
    const proposed = await propose(web.harness, world.coach, ash.id, laundryId);
    expect(proposed.status, proposed.text).toBe(201);
    const matchId = proposed.json.id as string;
    expect((await step(web.harness, ash.account, matchId, 'accept', { sections: [] })).status).toBe(200);
    expect((await step(web.harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
    await travelTo(web.harness, clock, '2027-09-29T09:00:00Z', [world.coach, employer.staff]);
    const started = await step(web.harness, world.coach, matchId, 'start', { startedOn: '2027-09-13' });
    expect(started.status, started.text).toBe(200);

    const { page, context } = await signInAs(web, world.coach.email);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`/journeys/${matchId}/weekly-log`);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    const weeks = page.getByRole('group', { name: 'Which week?' });
    for (const week of [
      'Week 1, starting 13 September 2027',
      'Week 2, starting 20 September 2027',
      'Week 3, starting 27 September 2027',
    ])
      expect(await weeks.getByLabel(week).count(), week).toBe(1);
    await weeks.getByLabel('Week 2, starting 20 September 2027').check();
    await page.getByLabel('Hours worked', { exact: true }).fill('20');
    await page.getByLabel('Hours of job coach support').fill('10');
    await page.getByRole('button', { name: 'Save the weekly log' }).click();
    await page.waitForURL(`**/journeys/${matchId}/progress`);

    await page.goto(`/journeys/${matchId}/weekly-log`);
    expect(await weeks.getByLabel('Week 2, starting 20 September 2027').count()).toBe(0);
    await weeks.getByLabel('Another week').check();
    await page.getByLabel('Day', { exact: true }).fill('22');
    await page.getByLabel('Month').fill('9');
    await page.getByLabel('Year').fill('2027');
    await page.getByLabel('Hours worked', { exact: true }).fill('20');
    await page.getByLabel('Hours of job coach support').fill('9');
    await page.getByRole('button', { name: 'Save the weekly log' }).click();
    await page.getByRole('link', { name: 'Change the log for the week starting 20 September 2027' }).click();
    await expectNoAxeViolations(page);
    expect(await page.getByLabel('Hours of job coach support').inputValue()).toBe('10');
    await page.getByLabel('Hours of job coach support').fill('8');
    await page.getByRole('button', { name: 'Save the change' }).click();
    await page.waitForURL(`**/journeys/${matchId}/progress`);
    await page.getByRole('link', { name: 'Change the log of week 2' }).waitFor();
    const stored = (await web.harness.services.progressRepository.logsOf(matchId))[0]!;
    expect(stored).toMatchObject({ weekStarting: '2027-09-20', supportHours: 8, version: 2 });
    expect(stored.earlierVersions).toEqual([expect.objectContaining({ version: 1, supportHours: 10 })]);

    await page.goto('/caseload');
    await page.getByRole('link', { name: 'Record this week’s hours for everyone on a placement' }).click();
    await heading(page);
    expect(await heading(page)).toBe('Hours for the week starting 27 September 2027');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByLabel('Ash: hours worked').fill('16');
    await page.getByRole('button', { name: 'Save the hours' }).click();
    await page.getByRole('link', { name: 'Enter Ash’s hours of support' }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.getByLabel('Ash: hours worked').inputValue()).toBe('16');
    await page.getByLabel('Ash: hours of job coach support').fill('6');
    await page.getByRole('button', { name: 'Save the hours' }).click();
    await page.getByText('One log is saved').first().waitFor();
    const logs = await web.harness.services.progressRepository.logsOf(matchId);
    expect(logs.map((log) => [log.weekStarting, log.hoursWorked, log.supportHours])).toEqual([
      ['2027-09-20', 20, 8],
      ['2027-09-27', 16, 6],
    ]);
    await context.close();
  }, 120_000);

  it('a job coach suggests a passport change that the young person then sees as a draft', async () => {
    const { page, context } = await signInAs(web, world.coach.email);
    await page.goto(`/young-people/${world.youngPersonId}/passport/suggest/aboutMe`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Send the suggestion' }).click();
    await page.getByText('Your suggestion is sent').first().waitFor();
    expect(await page.getByText('Your suggestion is sent').count()).toBeGreaterThan(0);
    expect(await web.harness.services.passportsRepository.countPendingDrafts(world.youngPersonId)).toBeGreaterThan(0);
    await context.close();
  });

  it('young people and employers cannot open a job coach’s pages', async () => {
    const youngPerson = await signInAs(web, world.youngPerson.email);
    for (const path of [
      '/caseload',
      `/young-people/${world.youngPersonId}/matches`,
      `/placements/${kitchenId}/candidates`,
      `/young-people/${world.youngPersonId}/passport/suggest/aboutMe`,
    ]) {
      const response = await youngPerson.page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    await youngPerson.context.close();
    const staff = await signInAs(web, employer.staff.email);
    const response = await staff.page.goto(`/young-people/${world.youngPersonId}/matches`);
    expect(response?.status()).toBe(403);
    await staff.context.close();
  });
});
