import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call } from '../helpers/harness.js';
import { postPlacement, propose, step } from '../helpers/journey-world.js';
import { type EmployerWorld, makeAccount, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  signInAs,
  startWebTest,
  type WebTest,
} from './browser.js';

const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'));
let web: WebTest;
let world: ProviderWorld;
let host: EmployerWorld;
let hostWithoutShare: EmployerWorld;
let priyaEmail: string;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 4]);
const documentsPath = () => `/young-people/${world.youngPersonId}/documents`;

beforeAll(async () => {
  web = await startWebTest({ clock });
  const { harness } = web;
  world = await makeProvider(harness);
  host = await makeEmployer(harness, world.admin, { name: 'The Beckside Hotel' });
  hostWithoutShare = await makeEmployer(harness, world.admin, { name: 'The Corn Exchange' });
  const priya = await makeAccount(harness, { role: 'employer', employerId: host.employerId, name: 'Priya' });
  priyaEmail = priya.email;
  for (const employer of [host, hostWithoutShare]) {
    const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: '2027-01-04' });
    const matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
    expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
    expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
  }
  const share = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
    path: { youngPersonId: world.youngPersonId },
    token: world.youngPerson.token,
    body: { employerId: host.employerId, sections: ['aboutMe'], purpose: 'Induction' },
  });
  expect(share.status, share.text).toBe(201);
});
afterAll(async () => web?.close());

describe('document pages', () => {
  it('the job coach uploads with JavaScript off, is told plainly what is wrong, and deletes after confirming', async () => {
    const { page, context } = await signInAs(web, world.coach.email, { javaScriptEnabled: false });
    await page.goto(`/young-people/${world.youngPersonId}`);
    await page.getByRole('link', { name: 'Documents for Sam' }).click();
    expect(await heading(page)).toBe('Documents');
    await page.getByLabel('Name on the record (optional)').fill('Kitchen risk assessment');
    await page.getByRole('button', { name: 'Upload document' }).click();
    await page.getByRole('link', { name: 'Choose what the document is' }).waitFor();
    await page.getByRole('link', { name: 'Choose a file to upload' }).waitFor();
    expect(await page.getByLabel('Name on the record (optional)').inputValue()).toBe('Kitchen risk assessment');

    await page.getByLabel('Risk assessment').check();
    await page.getByLabel('Choose the file').setInputFiles({
      name: 'assessment.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('This is a text file called .pdf'),
    });
    await page.getByRole('button', { name: 'Upload document' }).click();
    await page.getByRole('link', { name: 'The file must be a PDF, PNG or JPEG file' }).waitFor();
    expect(await page.getByLabel('Risk assessment').isChecked()).toBe(true);

    await page.getByLabel('Choose the file').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Upload document' }).click();
    await page.getByText('The document is uploaded').first().waitFor();
    await page.getByRole('heading', { name: 'Kitchen risk assessment' }).waitFor();

    await page.getByLabel('Certificate').check();
    await page.getByLabel('Choose the file').setInputFiles({ name: 'c.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Upload document' }).click();
    await page.getByText('The document is uploaded').first().waitFor();
    await page.getByRole('link', { name: 'Delete Certificate' }).click();
    expect(await heading(page)).toBe('Delete Certificate?');
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('The document is deleted').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Certificate' }).count()).toBe(0);
    await context.close();

    const checked = await signInAs(web, world.coach.email);
    await checked.page.goto(documentsPath());
    await expectNoAxeViolations(checked.page);
    await checked.page.getByRole('button', { name: 'Upload document' }).click();
    await checked.page.getByRole('link', { name: 'Choose a file to upload' }).waitFor();
    await expectNoAxeViolations(checked.page);
    await checked.page.goto(documentsPath());
    await checked.page.getByRole('link', { name: 'Delete Kitchen risk assessment' }).click();
    await expectNoAxeViolations(checked.page);
    await checked.context.close();
  }, 120_000);

  it('an employer hosting Sam without a share gets no document; with a share, Priya downloads the risk assessment', async () => {
    const stranger = await signInAs(web, hostWithoutShare.staff.email);
    expect((await stranger.page.goto(documentsPath()))?.status()).toBe(404);
    expect(await stranger.page.getByText('Kitchen risk assessment').count()).toBe(0);
    await stranger.context.close();

    const { page, context } = await signInAs(web, priyaEmail);
    await page.goto(documentsPath());
    expect(await heading(page)).toBe('Papers for Sam');
    await expectNoAxeViolations(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download Kitchen risk assessment' }).click();
    expect((await downloading).suggestedFilename()).toBe('risk-assessment-2026-11-20.png');
    await context.close();
  }, 90_000);

  it('the young person finds their papers in plain words at 320 px, and sees who downloaded one', async () => {
    const { page, context } = await signInAs(web, world.youngPerson.email, { width: 320 });
    await page.goto('/');
    await page.getByRole('link', { name: 'My papers' }).click();
    expect(await heading(page)).toBe('Your papers');
    await page.getByRole('link', { name: 'Download Kitchen risk assessment' }).waitFor();
    expect(await page.getByRole('button', { name: 'Upload document' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Delete/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.goto(`/young-people/${world.youngPersonId}/passport/access-log`);
    await page.getByText(/Priya at The Beckside Hotel\s+downloaded Risk assessment/).waitFor();
    await expectNoAxeViolations(page);
    await context.close();
  }, 90_000);
});
