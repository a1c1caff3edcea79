import { readFile } from 'node:fs/promises';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/auth/auth.service.js';
import { ManualClock } from '../../src/core/clock.js';
import { providerDashboardCsv } from '../../src/dashboards/dashboard-csv.js';
import { call } from '../helpers/harness.js';
import { postPlacement, travelTo } from '../helpers/journey-world.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  profileInput,
} from '../helpers/world.js';
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
let waitingEmployer: EmployerWorld;
const whatHelps = 'Show me each new task first, then watch me try it.';

beforeAll(async () => {
  web = await startWebTest({ clock });
  const { services } = web.harness;
  world = await makeProvider(web.harness);
  employer = await makeEmployer(web.harness, world.admin, { name: 'The Beckside Hotel' });
  waitingEmployer = await makeEmployer(web.harness, undefined, { name: 'Corner Café' });
  await postPlacement(web.harness, employer.employerId, employer.staff, {
    title: 'Housekeeping assistant',
    startDate: '2027-09-13',
  });
  const youngPerson = actorOf((await services.accounts.byId(world.youngPerson.accountId))!);
  await services.passports.save(
    youngPerson,
    world.youngPersonId,
    {
      sections: {
        aboutMe: { summary: 'I like routine.' },
        myCondition: { description: 'I am autistic.' },
        whatHelps: { adjustments: [{ category: 'instructions', details: whatHelps, inPlace: false }] },
        accessToWork: null,
        review: null,
      },
    },
    'test',
  );
  await services.searchSync.drain();
});
afterAll(async () => web?.close());

describe('the whole journey in a browser, one context per person', () => {
  it('coach proposes, young person accepts sharing one section, employer reads only it and offers, coach starts and logs a week, reports count the start, and a withdrawn share is gone', async () => {
    const coach = await signInAs(web, world.coach.email);
    await coach.page.goto(`/young-people/${world.youngPersonId}/matches`);
    await coach.page.getByRole('link', { name: 'Propose Housekeeping assistant to Sam' }).click();
    await coach.page
      .getByLabel('A note for Sam')
      .fill('You like tidy, quiet work, and this hotel is calm in the mornings.');
    await coach.page.getByRole('button', { name: 'Propose this placement' }).click();
    await coach.page.waitForURL(/\/journeys\//);
    const matchId = new URL(coach.page.url()).pathname.split('/').pop()!;

    const youngPerson = await signInAs(web, world.youngPerson.email);
    await youngPerson.page.goto(`/young-people/${world.youngPersonId}/proposals/${matchId}`);
    for (const section of ['About me', 'What helps me at work']) {
      const box = youngPerson.page.getByRole('checkbox', { name: section, exact: true });
      if ((await box.isChecked()) !== (section === 'What helps me at work')) await box.click();
    }
    await youngPerson.page.getByRole('button', { name: 'Yes, I want this placement' }).click();
    await youngPerson.page.waitForURL((url) => !url.pathname.includes('/proposals/'));

    const staff = await signInAs(web, employer.staff.email);
    // However many journeys the organisation has had since, the one waiting for them is listed first,
    // and the others come a page at a time (copies of this journey, ended, changed more recently).
    const matches = web.harness.services.db.collection('placement_matches');
    const original = (await matches.findOne({ _id: new ObjectId(matchId) }))!;
    const copies = Array.from({ length: 120 }, (_, i) => ({
      ...original,
      _id: new ObjectId(),
      youngPersonId: new ObjectId(),
      state: 'withdrawn',
      updatedAt: new Date(original.updatedAt.getTime() + (i + 1) * 1000),
    }));
    await matches.insertMany(copies);
    await staff.page.goto('/proposals');
    const waitingList = staff.page.locator('h2:has-text("Waiting for your decision") + ul');
    expect(await waitingList.getByRole('link').count()).toBe(1);
    expect(await staff.page.getByRole('navigation', { name: 'Pages' }).count()).toBe(1);
    await staff.page.goto('/proposals?page=3');
    expect(await waitingList.getByRole('link').count()).toBe(1);
    await expectNoAxeViolations(staff.page);
    await matches.deleteMany({ _id: { $in: copies.map((copy) => copy._id) } });

    for (const path of [
      '/',
      '/proposals',
      `/journeys/${matchId}`,
      '/shared-passports',
      '/reports',
      '/search/placements',
    ]) {
      const response = await staff.page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(staff.page);
    }
    await staff.page.goto('/shared-passports');
    await staff.page.getByRole('link', { name: 'Sam' }).click();
    const shareUrl = staff.page.url();
    expect(await heading(staff.page)).toBe('Sam’s workplace adjustments passport');
    await staff.page.getByText(whatHelps).first().waitFor();
    expect(await staff.page.getByText(whatHelps).count()).toBe(1);
    expect(await staff.page.getByText('I am autistic.').count()).toBe(0);
    expect(await staff.page.getByText('I like routine.').count()).toBe(0);
    await expectNoAxeViolations(staff.page);

    await staff.page.goto(`/journeys/${matchId}`);
    await staff.page.getByRole('radio', { name: 'A taster day' }).check();
    const taster = staff.page.locator('form', { has: staff.page.getByRole('button', { name: 'Arrange the taster' }) });
    await taster.getByLabel('Day', { exact: true }).fill('8');
    await taster.getByLabel('Month').fill('6');
    await taster.getByLabel('Year').fill('2027');
    await taster.getByLabel('Where, and who to ask for').fill('Front desk, ask for Priya');
    await taster.getByRole('button', { name: 'Arrange the taster' }).click();
    await staff.page.waitForURL(`**/journeys/${matchId}`);
    await staff.page.getByText('Taster arranged').first().waitFor();
    expect(await staff.page.getByText('Taster arranged').count()).toBeGreaterThan(0);

    await travelTo(web.harness, clock, '2027-09-21T09:00:00Z', [world.coach, employer.staff]);
    const staffAgain = await signInAs(web, employer.staff.email);
    await staffAgain.page.goto(`/journeys/${matchId}`);
    await staffAgain.page.getByRole('button', { name: 'Yes, offer the placement' }).click();
    await staffAgain.page.getByText('You offered the placement').first().waitFor();
    expect((await web.harness.services.journeysRepository.byId(matchId))?.state).toBe('agreed');

    const coachAgain = await signInAs(web, world.coach.email);
    await coachAgain.page.goto(`/journeys/${matchId}`);
    const start = coachAgain.page.locator('form', {
      has: coachAgain.page.getByRole('button', { name: 'Record the start' }),
    });
    await start.getByLabel('Day', { exact: true }).fill('13');
    await start.getByLabel('Month').fill('9');
    await start.getByLabel('Year').fill('2027');
    await start.getByRole('button', { name: 'Record the start' }).click();
    await coachAgain.page.getByText('The internship has started').first().waitFor();
    await coachAgain.page.goto(`/journeys/${matchId}/weekly-log`);
    await coachAgain.page.getByLabel('Day', { exact: true }).fill('13');
    await coachAgain.page.getByLabel('Month').fill('9');
    await coachAgain.page.getByLabel('Year').fill('2027');
    await coachAgain.page.getByLabel('Hours worked').fill('20');
    await coachAgain.page.getByLabel('Hours of job coach support').fill('10');
    await coachAgain.page.getByRole('button', { name: 'Save the weekly log' }).click();
    await coachAgain.page.waitForURL(`**/journeys/${matchId}/progress`);
    // On a phone, tables scroll inside their own region (which the keyboard can reach); the page never sideways.
    const phones = [
      {
        person: await signInAs(web, world.coach.email, { width: 320 }),
        paths: ['/caseload', `/journeys/${matchId}/progress`],
      },
      { person: await signInAs(web, world.admin.email, { width: 320 }), paths: ['/staff'] },
      {
        person: await signInAs(web, world.youngPerson.email, { width: 320 }),
        paths: [`/young-people/${world.youngPersonId}/placement`],
      },
    ];
    for (const { person, paths } of phones) {
      for (const path of paths) {
        await person.page.goto(path);
        await expectNoHorizontalScroll(person.page);
        await expectNoAxeViolations(person.page);
      }
      await person.context.close();
    }

    const employerDashboard = await web.harness.services.dashboards.employer(
      actorOf((await web.harness.services.accounts.byId(employer.staff.accountId))!),
    );
    expect(employerDashboard.totals.starts).toBe(1);
    const admin = await signInAs(web, world.admin.email);
    await admin.page.goto('/reports?academicYear=2027');
    await expectNoAxeViolations(admin.page);
    const adminActor = actorOf((await web.harness.services.accounts.byId(world.admin.accountId))!);
    const dashboard = await web.harness.services.dashboards.provider(adminActor, { academicYear: 2027 });
    expect(dashboard.overall.starts).toBe(1);
    const downloaded = async (link: string) => {
      const download = admin.page.waitForEvent('download');
      await admin.page.getByRole('link', { name: link }).click();
      const file = await download;
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    };
    // The table as the page shows it: a first row naming the filters, the page's headings, one row per group.
    const table = await downloaded('Download this report (CSV)');
    expect(table.name).toBe('provider-report-2027-28-all-local-authorities-all-sectors-2027-09-21.csv');
    const [groupsPart, accessToWorkPart] = table.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n\r\n');
    const [filtersRow, headings, ...groups] = groupsPart!.split('\r\n');
    // After the groups, a blank line and the Access to Work figures, each with its definition.
    expect(accessToWorkPart!.split('\r\n')[0]).toBe('Access to Work,Value,What it counts');
    expect(filtersRow).toBe(
      '"Everyone at your provider: 2027/28, all local authorities, all sectors. Made on 2027-09-21."',
    );
    expect(headings!.split(',').slice(0, 6)).toEqual([
      'Breakdown',
      'Group',
      'Proposals',
      'Internships started',
      'Completed',
      'Into paid work',
    ]);
    const cells = groups.map((row) => row.split(','));
    const expectedGroups = [
      ['All', 'All', dashboard.overall],
      ...dashboard.byCohortYear.map((row) => ['Academic year', row.label, row] as const),
      ...dashboard.byLocalAuthority.map((row) => ['Local authority', row.label, row] as const),
      ...dashboard.bySector.map((row) => ['Sector', row.label, row] as const),
      ...dashboard.byJobCoach.map((row) => ['Job coach', row.label, row] as const),
    ] as const;
    expect(cells.map((row) => row.slice(0, 2))).toEqual(expectedGroups.map(([breakdown, group]) => [breakdown, group]));
    for (const [index, [, , figures]] of expectedGroups.entries())
      expect(cells[index]!.slice(2, 6)).toEqual(
        ['proposals', 'starts', 'completed', 'paidEmployment'].map((figure) => String(figures[figure as 'starts'])),
      );
    // Every figure in long form, as before, for those who pivot it themselves.
    const data = await downloaded('Download every figure, one a row (CSV data)');
    // The API's figures first, then the study programme's, which the reports page adds.
    const apiFigures = providerDashboardCsv(dashboard);
    expect(data.text.startsWith(apiFigures)).toBe(true);
    expect(
      data.text
        .slice(apiFigures.length)
        .trimEnd()
        .split('\r\n')
        .every((row) => row.startsWith('study programme by academic year,')),
    ).toBe(true);
    expect(await admin.page.getByRole('combobox', { name: 'Local authority' }).count()).toBe(1);
    await admin.page.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(admin.page);
    const employerReport = await signInAs(web, employer.staff.email, { width: 320 });
    await employerReport.page.goto('/reports');
    await employerReport.page
      .getByRole('rowheader', { name: 'Housekeeping assistant, starting 13 September 2027' })
      .waitFor();
    await expectNoAxeViolations(employerReport.page);
    await expectNoHorizontalScroll(employerReport.page);
    await employerReport.context.close();

    await travelTo(web.harness, clock, '2027-09-21T10:00:00Z', [world.youngPerson]);
    const shares = await call(web.harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(shares.status, shares.text).toBe(200);
    const shareId = (shares.json.items ?? shares.json)[0]!.id as string;
    const withdrawn = await call(
      web.harness.app,
      'DELETE',
      '/v1/young-people/{youngPersonId}/passport/shares/{shareId}',
      { path: { youngPersonId: world.youngPersonId, shareId }, token: world.youngPerson.token },
    );
    expect(withdrawn.status, withdrawn.text).toBe(200);
    const staffLater = await signInAs(web, employer.staff.email);
    await staffLater.page.goto('/organisation');
    await staffLater.page.getByRole('link', { name: world.coach.email }).waitFor();
    await expectNoAxeViolations(staffLater.page);
    await staffLater.page.goto(`/journeys/${matchId}`);
    await staffLater.page.getByRole('link', { name: world.coach.email }).waitFor();
    const ended = await staffLater.page.goto(shareUrl);
    expect(ended?.status()).toBe(410);
    expect(await heading(staffLater.page)).toBe('This shared passport has ended');
    expect(await staffLater.page.getByText(whatHelps).count()).toBe(0);
    await expectNoAxeViolations(staffLater.page);
  }, 180_000);

  it('a provider admin verifies an employer and invites a job coach, on pages that pass axe', async () => {
    await travelTo(web.harness, clock, '2027-09-22T09:00:00Z', [world.admin]);
    const admin = await signInAs(web, world.admin.email);
    for (const path of [
      '/',
      '/staff',
      '/employers/verification',
      '/caseload',
      `/young-people/${world.youngPersonId}`,
      '/search/placements?q=housekeeping',
    ]) {
      const response = await admin.page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(admin.page);
    }
    // A list to pick from, by area, and a page for each employer: not one form for every employer on one page.
    await makeEmployer(web.harness, undefined, {
      name: 'Harbour Bakery',
      address: { line1: '2 Quay St', town: 'Bristol', postcode: 'BS1 4DJ' },
    });
    await admin.page.setViewportSize({ width: 320, height: 800 });
    await admin.page.goto('/employers/verification');
    await expectNoHorizontalScroll(admin.page);
    expect(await admin.page.getByRole('button', { name: /^Verify / }).count()).toBe(0);
    await admin.page.getByLabel('Area', { exact: true }).selectOption('Bristol');
    await admin.page.getByRole('button', { name: 'Show employers in this area' }).click();
    await admin.page.getByText('1 employer is waiting in Bristol.').waitFor();
    expect(await admin.page.getByRole('link', { name: 'Corner Café' }).count()).toBe(0);
    await admin.page.getByLabel('Area', { exact: true }).selectOption('Leeds');
    await admin.page.getByRole('button', { name: 'Show employers in this area' }).click();
    await admin.page.getByRole('link', { name: 'Corner Café' }).click();
    expect(await heading(admin.page)).toBe('Corner Café');
    await expectNoAxeViolations(admin.page);
    await expectNoHorizontalScroll(admin.page);
    await admin.page.setViewportSize({ width: 1024, height: 800 });
    await admin.page.getByRole('button', { name: 'Verify Corner Café', exact: true }).click();
    await admin.page.getByRole('link', { name: /Say what you checked/ }).waitFor();
    await expectNoAxeViolations(admin.page);
    await admin.page.getByLabel(/why not/).fill('We could not reach anyone at the café yet.');
    await admin.page.getByRole('button', { name: 'Do not verify Corner Café' }).click();
    await admin.page.getByText('You did not verify Corner Café').first().waitFor();
    await admin.page.getByRole('link', { name: 'Corner Café' }).click();
    await admin.page
      .getByLabel('What did you check?')
      .fill('Disability Confident Committed certificate, valid until March 2028');
    await admin.page.getByRole('button', { name: 'Verify Corner Café', exact: true }).click();
    await admin.page.getByText('Corner Café is verified').first().waitFor();
    // The employers this provider verified, which it alone can withdraw; not every verified employer.
    await admin.page.goto('/employers/verification');
    const verifiedHere = admin.page.locator('h2:has-text("Employers you verified") ~ ul').first();
    expect(await verifiedHere.getByRole('button', { name: /Withdraw verification/ }).count()).toBe(2);
    expect(await admin.page.getByText(/^\s*2 employers, by name\./).count()).toBe(1);
    const other = await makeProvider(web.harness, 'Bradford College');
    await makeEmployer(web.harness, other.admin, { name: 'Elsewhere Garden Centre' });
    await admin.page.reload();
    expect(await admin.page.getByText('Elsewhere Garden Centre').count()).toBe(0);
    expect(await verifiedHere.getByRole('button', { name: /Withdraw verification/ }).count()).toBe(2);
    const trail = await web.harness.services.db
      .collection('audit_events')
      .find({ 'target.id': waitingEmployer.employerId })
      .toArray();
    expect(trail.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['employer.verification_refused', 'employer.verify']),
    );
    expect(
      (
        await web.harness.services.employers.get(
          actorOf((await web.harness.services.accounts.byId(world.admin.accountId))!),
          waitingEmployer.employerId,
        )
      ).employer.verified,
    ).toBe(true);

    await admin.page.goto('/staff');
    await admin.page.getByRole('button', { name: 'Send the invitation' }).click();
    await admin.page.getByRole('link', { name: 'Enter the job coach’s name' }).first().waitFor();
    expect(await admin.page.getByRole('link', { name: 'Enter the job coach’s name' }).count()).toBe(1);
    await admin.page.getByLabel('Full name').fill('Jo Okafor');
    const longEmail = 'josephine.okafor-whitfield.supported.employment@aire-valley-college.example';
    await admin.page.getByLabel('Email address').fill(longEmail);
    await admin.page.setViewportSize({ width: 320, height: 800 });
    await admin.page.getByRole('button', { name: 'Send the invitation' }).click();
    await admin.page.getByText(`Invitation sent to ${longEmail}`).first().waitFor();
    await expectNoHorizontalScroll(admin.page);
    await expectNoAxeViolations(admin.page);
  }, 90_000);

  it('a provider admin sees each young person’s job coach, filters by coach, and is not offered the coach’s placement search', async () => {
    await travelTo(web.harness, clock, '2027-09-22T09:10:00Z', []);
    const unassigned = await call(web.harness.app, 'POST', '/v1/young-people', {
      token: world.admin.token,
      body: profileInput({ preferredName: 'Noor' }),
    });
    expect(unassigned.status, unassigned.text).toBe(201);
    const admin = await signInAs(web, world.admin.email, { width: 320 });
    await admin.page.goto('/caseload');
    await expectNoAxeViolations(admin.page);
    await expectNoHorizontalScroll(admin.page);
    const rowOf = (name: string) =>
      admin.page.getByRole('row').filter({ has: admin.page.getByRole('link', { name, exact: true }) });
    const coachName = (await web.harness.services.accounts.byId(world.coach.accountId))!.name;
    expect(await rowOf('Sam').getByRole('cell', { name: coachName }).count()).toBe(1);
    expect(await rowOf('Noor').getByRole('cell', { name: 'No job coach yet' }).count()).toBe(1);
    await admin.page.getByLabel('Job coach').selectOption({ label: 'No job coach yet' });
    await admin.page.getByRole('button', { name: 'Search' }).click();
    await rowOf('Noor').waitFor();
    expect(await rowOf('Sam').count()).toBe(0);
    await admin.page.getByLabel('Job coach').selectOption({ label: coachName });
    await admin.page.getByRole('button', { name: 'Search' }).click();
    await rowOf('Sam').waitFor();
    expect(await rowOf('Noor').count()).toBe(0);

    await admin.page.goto(`/young-people/${world.youngPersonId}`);
    expect(await admin.page.getByRole('link', { name: /Find placements/ }).count()).toBe(0);
    await admin.context.close();
  }, 60_000);

  it('a provider admin moves a young person to another job coach', async () => {
    await travelTo(web.harness, clock, '2027-09-22T09:30:00Z', []);
    const other = await makeAccount(web.harness, {
      role: 'job_coach',
      name: 'Jo Okafor',
      providerId: world.providerId,
    });
    const admin = await signInAs(web, world.admin.email);
    await admin.page.goto(`/young-people/${world.youngPersonId}`);
    await admin.page.getByLabel('Job coach').selectOption(other.accountId);
    await admin.page.getByRole('button', { name: 'Change job coach' }).click();
    await admin.page.getByText('Sam has a new job coach').first().waitFor();
    expect((await web.harness.services.youngPeopleRepository.byId(world.youngPersonId))?.jobCoachId).toBe(
      other.accountId,
    );
  }, 60_000);

  it('young people cannot open staff, employer or report pages', async () => {
    await travelTo(web.harness, clock, '2027-09-22T10:00:00Z', []);
    const youngPerson = await signInAs(web, world.youngPerson.email);
    for (const path of [
      '/staff',
      '/employers/verification',
      '/reports',
      '/reports.csv',
      '/shared-passports',
      '/proposals',
    ]) {
      const response = await youngPerson.page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    const search = await youngPerson.page.goto('/search/placements');
    expect(search?.status()).toBe(200);
    await expectNoAxeViolations(youngPerson.page);
    // On a phone the placements follow the search box: the four lists of filters wait behind one link.
    const filters = youngPerson.page.locator('details', { hasText: 'Filter by kind of work, hours and help' });
    expect(await filters.getAttribute('open')).toBeNull();
    expect(await youngPerson.page.getByRole('checkbox', { name: /^Retail/ }).isVisible()).toBe(false);
    await filters.locator('summary').click();
    await youngPerson.page.getByRole('checkbox', { name: /^Retail/ }).check();
    await youngPerson.page.getByRole('button', { name: 'Show placements' }).click();
    await youngPerson.page.waitForURL((url) => url.searchParams.get('sector') === 'retail');
    const chosen = youngPerson.page.locator('details', { hasText: 'Filters (1 chosen)' });
    expect(await chosen.getAttribute('open')).not.toBeNull();
    expect(await youngPerson.page.getByRole('checkbox', { name: /^Retail/ }).isChecked()).toBe(true);
    await expectNoAxeViolations(youngPerson.page);
    // Each placement found opens, in words for the young person, not the employer's.
    await youngPerson.page.goto('/search/placements?q=housekeeping');
    await youngPerson.page.getByRole('link', { name: 'Housekeeping assistant at The Beckside Hotel' }).click();
    expect(await heading(youngPerson.page)).toBe('Housekeeping assistant');
    for (const words of ['Help they offer', 'Would you like to do this placement? Tell your job coach.'])
      expect(await youngPerson.page.getByText(words).count(), words).toBeGreaterThan(0);
    expect(await youngPerson.page.getByText(/Help you can give|placed\)/).count()).toBe(0);
    await expectNoAxeViolations(youngPerson.page);
  });
});
