import { ObjectId } from 'mongodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { environmentFactors } from '../../src/domain/vocabulary.js';
import { call } from '../helpers/harness.js';
import { postPlacement, propose, step } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld, password } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  newContext,
  signInAs,
  startWebTest,
  type WebTest,
} from './browser.js';

const clock = new ManualClock(new Date('2027-06-01T09:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let verified: EmployerWorld;

beforeAll(async () => {
  web = await startWebTest({ clock });
  world = await makeProvider(web.harness);
  verified = await makeEmployer(web.harness, world.admin, { name: 'The Beckside Hotel' });
});
afterAll(async () => web?.close());

/** From the hotel template: only the address and the start date are left to fill in. */
async function writeHotelPlacement(page: Page, changes: (page: Page) => Promise<void> = async () => undefined) {
  await page.goto('/placements/new');
  await page.getByRole('radio', { name: 'Hotel, three rotations' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Address line 1').fill('1 Park Row');
  await page.getByLabel('Town or city').fill('Leeds');
  await page.getByLabel('Postcode').fill('LS1 5AB');
  await page.getByLabel('Day', { exact: true }).fill('6');
  await page.getByLabel('Month', { exact: true }).fill('9');
  await page.getByLabel('Year', { exact: true }).fill('2027');
  await changes(page);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Withdraws the verification again, so that the pages of an employer waiting for one are checked below. */
async function unverify(employerId: string) {
  const response = await call(web.harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
    path: { employerId },
    token: world.admin.token,
    body: { verified: false },
  });
  expect(response.status).toBe(200);
}

describe('employer pages', () => {
  it('a new employer signs up without JavaScript, writes a placement from a template, and asks to publish it when a provider checks them', async () => {
    const context = await newContext(web, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/employers/sign-up');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByRole('link', { name: 'Enter the name of your organisation' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Enter the name of your organisation' }).count()).toBe(1);
    await page.getByLabel('Organisation name').fill('Corner Café');
    await page.getByLabel('Kind of work').selectOption('hospitality_catering');
    await page.getByLabel('Address line 1').fill('2 Briggate');
    await page.getByLabel('Town or city').fill('Leeds');
    await page.getByLabel('Postcode').fill('LS1 6HD');
    await page.getByRole('radio', { name: 'Disability Confident Committed' }).check();
    await page.getByLabel('Full name').fill('Ravi Patel');
    await page.getByLabel('Work email address').fill('ravi@cornercafe.example');
    await page.getByLabel('Choose a password').fill(password);
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.waitForURL('**/employers/sign-up/done');
    expect(await heading(page)).toBe('Your account is ready');

    await writeHotelPlacement(page);
    await page.waitForURL(/\/placements\/[0-9a-f]{24}$/);
    expect(await heading(page)).toBe('Check your answers');
    const placementId = new URL(page.url()).pathname.split('/').pop()!;
    // What the button will do is said before it: nothing fails, nothing goes live yet.
    await expect(
      page.getByText('we will publish this placement as soon as a provider has checked your organisation').count(),
    ).resolves.toBe(1);
    expect(await page.getByRole('button', { name: 'Publish the placement' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Publish when my organisation is checked' }).click();
    await page.getByText('The placement will be published when your organisation is checked').first().waitFor();
    expect(await page.getByText('Published when your organisation is checked', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /Publish/ }).count()).toBe(0);
    const repository = web.harness.services.placementsRepository;
    expect((await repository.byId(placementId))?.status).toBe('draft');
    await page.goto('/placements');
    await expect(page.getByText(/\(published when your organisation is checked\)/).count()).resolves.toBe(1);
    await context.close();

    const employerId = (await repository.byId(placementId))!.employerId;
    const verification = await call(web.harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
      path: { employerId },
      token: world.admin.token,
      body: { verified: true },
    });
    expect(verification.status).toBe(200);
    const published = await repository.byId(placementId);
    expect(published?.status).toBe('open');
    expect(published?.publishWhenVerified).toBeUndefined();
    await unverify(employerId);

    const unverified = await signInAs(web, 'ravi@cornercafe.example');
    for (const path of [
      '/',
      '/placements',
      '/organisation',
      '/placements/new',
      '/placements/new?template=blank',
      '/proposals',
      '/shared-passports',
      '/reports',
    ]) {
      const response = await unverified.page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(unverified.page);
    }
    // The report ends with the employer's own adjustment figures, each with what it counts.
    await unverified.page.getByRole('heading', { name: 'Workplace adjustments' }).waitFor();
    await unverified.page
      .getByRole('rowheader', { name: 'In place within 14 days of the start', exact: true })
      .waitFor();
    await unverified.context.close();
  });

  it('a placement whose rotations are longer than the placement is refused with the error next to the field', async () => {
    const { page, context } = await signInAs(web, verified.staff.email);
    await writeHotelPlacement(page, async (form) => {
      await form.getByLabel('How many weeks?').fill('30');
    });
    await page
      .getByRole('link', { name: /rotations add up to 36 weeks, more than the 30 weeks/ })
      .first()
      .waitFor();
    expect(await page.getByRole('link', { name: /rotations add up to 36 weeks, more than the 30 weeks/ }).count()).toBe(
      1,
    );
    expect(await page.locator('#rotation-0-weeks-error').count()).toBe(1);
    await expectNoAxeViolations(page);

    await writeHotelPlacement(page, async (form) => {
      await form.getByLabel('Hours a week').fill('40');
    });
    await page.locator('#hoursPerWeek-error').waitFor();
    expect(await page.getByLabel('Hours a week').inputValue()).toBe('40');
    await context.close();
  });

  it('a verified employer publishes, and every employer page passes axe', async () => {
    const { page, context } = await signInAs(web, verified.staff.email);
    await writeHotelPlacement(page);
    await page.waitForURL(/\/placements\/[0-9a-f]{24}$/);
    const placementPath = new URL(page.url()).pathname;
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Publish the placement' }).click();
    await page.getByText('The placement is published').first().waitFor();
    expect(await page.getByText('The placement is published').count()).toBeGreaterThan(0);
    const id = placementPath.split('/').pop()!;
    expect((await web.harness.services.placementsRepository.byId(id))?.status).toBe('open');
    for (const path of [
      '/placements',
      '/placements/new',
      '/placements/new?template=hospital',
      `${placementPath}/edit`,
      '/organisation',
      '/employers/sign-up/done',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    // Years of past placements (copies of this one, closed, starting earlier) do not push the open one off the page.
    const placements = web.harness.services.db.collection('placements');
    const original = (await placements.findOne({ _id: new ObjectId(id) }))!;
    const past = Array.from({ length: 120 }, (_, i) => ({
      ...original,
      _id: new ObjectId(),
      status: 'closed',
      startDate: `20${String(10 + Math.floor(i / 12)).padStart(2, '0')}-09-0${1 + (i % 9)}`,
    }));
    await placements.insertMany(past);
    await page.goto('/placements');
    expect(await page.getByRole('heading', { name: 'Open (1)' }).count()).toBe(1);
    expect(await page.locator(`a[href="/placements/${id}"]`).count()).toBe(1);
    await page.getByRole('link', { name: /See all 120/ }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'closed');
    expect(await page.getByRole('navigation', { name: 'Pages' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await placements.deleteMany({ _id: { $in: past.map((doc) => doc._id) } });
    await context.close();
    const visitor = await newContext(web);
    const signUp = await visitor.newPage();
    await signUp.goto('/employers/sign-up');
    await expectNoAxeViolations(signUp);
    await visitor.close();
  });

  it('the check page says what each change link changes; a young person reads access, the workplace and each help on its own line', async () => {
    const { page, context } = await signInAs(web, verified.staff.email);
    await writeHotelPlacement(page, async (form) => {
      await form.getByRole('checkbox', { name: 'Step-free access to the workplace' }).check();
      await form
        .getByLabel('Anything else about the help you can give (optional)')
        .fill('A quiet room behind reception for breaks.');
    });
    await page.waitForURL(/\/placements\/[0-9a-f]{24}$/);
    const placementPath = new URL(page.url()).pathname;
    for (const name of ['Change address', 'Change the workplace', 'Change getting there', 'Change help you can give'])
      expect(await page.getByRole('link', { name }).count(), name).toBe(1);
    expect(await page.getByRole('link', { name: /Change (site|environment)-/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Publish the placement' }).click();
    await page.getByText('The placement is published').first().waitFor();
    await context.close();

    const youngPerson = await signInAs(web, world.youngPerson.email, { width: 320 });
    await youngPerson.page.goto(placementPath);
    // A row of the summary list by its term.
    const rowOf = (term: string) =>
      youngPerson.page
        .getByRole('term')
        .filter({ hasText: new RegExp(`^${term}$`) })
        .locator('..');
    const workplace = rowOf('The workplace');
    expect(await workplace.getByRole('listitem').count()).toBe(environmentFactors.length);
    await expect(workplace.getByText('How noisy is it?').count()).resolves.toBe(1);
    const access = rowOf('Getting there');
    await expect(access.getByText('Step-free access to the workplace').count()).resolves.toBe(1);
    const help = rowOf('Help they offer');
    expect(await help.getByRole('listitem').count()).toBeGreaterThan(1);
    expect(await help.textContent()).not.toContain(';');
    await expect(youngPerson.page.getByText('A quiet room behind reception for breaks.').count()).resolves.toBe(1);
    await expectNoAxeViolations(youngPerson.page);
    await youngPerson.context.close();
  });

  it("an employer deciding about a proposal sees the days and times, what the coach wrote, and a link to what was shared, with the home page's verbs", async () => {
    const placementId = await postPlacement(web.harness, verified.employerId, verified.staff, {
      title: 'Breakfast porter',
      startDate: '2027-09-06',
    });
    const proposed = await propose(
      web.harness,
      world.coach,
      world.youngPersonId,
      placementId,
      'Sam likes early starts.',
    );
    expect(proposed.status, proposed.text).toBe(201);
    const matchId = proposed.json.id as string;
    const accepted = await step(web.harness, world.youngPerson, matchId, 'accept', {
      sections: ['aboutMe', 'whatHelps'],
    });
    expect(accepted.status, accepted.text).toBe(200);

    const { page, context } = await signInAs(web, verified.staff.email, { width: 320 });
    const item = page.getByRole('listitem').filter({ hasText: 'Breakfast porter' });
    await expect(item.getByText('Offer it, say no, or arrange a taster first.').count()).resolves.toBe(1);
    await item.getByRole('link').click();
    await page.waitForURL(`**/journeys/${matchId}`);
    const rowOf = (term: string) =>
      page
        .getByRole('term')
        .filter({ hasText: new RegExp(`^${term}$`) })
        .locator('..');
    await expect(
      rowOf('Days and times')
        .getByText('Monday, Tuesday, Wednesday and Thursday, 09:30 to 14:30, 20 hours a week')
        .count(),
    ).resolves.toBe(1);
    await expect(rowOf('Starts').getByText('6 September 2027, for 36 weeks').count()).resolves.toBe(1);
    await expect(page.getByText('Sam likes early starts.').count()).resolves.toBe(1);
    expect(await page.getByText(/part\(s\)/).count()).toBe(0);
    for (const verb of ['Yes, offer the placement', 'No, do not offer the placement', 'Arrange the taster'])
      expect(await page.getByRole('button', { name: verb }).count(), verb).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    const shared = rowOf('Passport shared');
    await expect(shared.getByRole('listitem').count()).resolves.toBe(2);
    await shared.getByRole('link', { name: /^Read what .+ shared$/ }).click();
    await page.waitForURL(/\/shared-passports\/[0-9a-f]{24}$/);
    expect(await heading(page)).toMatch(/’s workplace adjustments passport$/);
    await context.close();
  });
});
