import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/auth/auth.service.js';
import type { Actor } from '../../src/auth/policy.js';
import { addYoungPerson, postPlacement, propose } from '../helpers/journey-world.js';
import { makeAccount, makeEmployer, makeProvider, type Person, type ProviderWorld } from '../helpers/world.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  heading,
  signInAs,
  startWebTest,
  tabTo,
  type WebTest,
} from './browser.js';

let web: WebTest;
let world: ProviderWorld;
let parent: Person;
let employerName: string;
let employerStaffId: string;
const proposals: string[] = [];
let youngPerson: { context: BrowserContext; page: Page };
let youngPersonActor: Actor;

const passportSections = {
  aboutMe: {
    summary: 'I like routine and a calm place.',
    workWanted: 'A kitchen job in Leeds.',
    travelLimits: 'One bus, up to 45 minutes.',
  },
  myCondition: { description: 'I am autistic.', goodDay: 'I work fast and carefully.' },
  whatHelps: {
    adjustments: [{ category: 'instructions' as const, details: 'Show me each new task first.', inPlace: false }],
    whatColleaguesCanDo: 'Tell me about changes early.',
  },
  accessToWork: { status: 'applied' as const, funds: ['job_coach' as const] },
};

beforeAll(async () => {
  web = await startWebTest();
  const { services } = web.harness;
  world = await makeProvider(web.harness);
  const cousin = await addYoungPerson(web.harness, world.coach, 'Robin');
  parent = await makeAccount(web.harness, {
    role: 'delegate',
    name: 'Alex Parent',
    providerId: world.providerId,
    actsFor: [
      {
        youngPersonId: world.youngPersonId,
        rights: ['view_profile', 'view_passport', 'edit_passport', 'share_passport', 'respond_to_proposals'],
      },
      { youngPersonId: cousin, rights: ['view_profile'] },
    ],
  });
  const employer = await makeEmployer(web.harness, world.admin, { name: 'The Beckside Hotel' });
  employerName = 'The Beckside Hotel';
  employerStaffId = employer.staff.accountId;
  for (const title of ['Kitchen assistant', 'Housekeeping assistant', 'Porter', 'Laundry assistant', 'Gardener']) {
    const placementId = await postPlacement(web.harness, employer.employerId, employer.staff, { title });
    const proposed = await propose(web.harness, world.coach, world.youngPersonId, placementId);
    expect(proposed.status, proposed.text).toBe(201);
    proposals.push(proposed.json.id);
  }
  youngPersonActor = actorOf((await services.accounts.byId(world.youngPerson.accountId))!);
  await services.passports.save(
    youngPersonActor,
    world.youngPersonId,
    { sections: { ...passportSections, review: null } },
    'test',
  );
  const coach = actorOf((await services.accounts.byId(world.coach.accountId))!);
  await services.passports.proposeDraft(
    coach,
    world.youngPersonId,
    { sections: { review: { agreedBy: 'Jo, job coach', agreedOn: '2026-01-10' } }, note: 'We checked it together.' },
    'test',
  );
  youngPerson = await signInAs(web, world.youngPerson.email);
});
afterAll(async () => web?.close());

/** Visiting every page with axe takes a while on a shared 2-core machine. */
const pageLoopTimeout = 120_000;

const pagesOf = (id: string) => [
  '/',
  `/young-people/${id}`,
  `/young-people/${id}/passport`,
  `/young-people/${id}/passport/sections/aboutMe`,
  `/young-people/${id}/passport/sections/myCondition`,
  `/young-people/${id}/passport/sections/whatHelps`,
  `/young-people/${id}/passport/sections/whatHelps/more`,
  `/young-people/${id}/passport/sections/whatHelps/helps/new`,
  `/young-people/${id}/passport/sections/whatHelps/helps/1`,
  `/young-people/${id}/passport/sections/whatHelps/helps/1/remove`,
  `/young-people/${id}/passport/sections/accessToWork`,
  `/young-people/${id}/passport/sections/review`,
  `/young-people/${id}/passport/history`,
  `/young-people/${id}/passport/drafts`,
  `/young-people/${id}/passport/shares`,
  `/young-people/${id}/passport/shares/new`,
  `/young-people/${id}/passport/access-log`,
  `/young-people/${id}/passport/print`,
  `/young-people/${id}/proposals/${proposals[2]}`,
  `/young-people/${id}/placement`,
];

async function passportSectionsInStore() {
  return (await web.harness.services.passportsRepository.current(world.youngPersonId))!.sections;
}

describe('young person pages', () => {
  it(
    'every page passes axe (WCAG 2.2 AA) as the young person',
    async () => {
      const { page } = youngPerson;
      for (const path of [...pagesOf(world.youngPersonId), `/young-people/${world.youngPersonId}/delegates`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
      }
    },
    pageLoopTimeout,
  );

  it(
    'every page fits a 320 px wide screen without scrolling sideways',
    async () => {
      const { context, page } = await signInAs(web, world.youngPerson.email, { width: 320 });
      for (const path of pagesOf(world.youngPersonId)) {
        await page.goto(path);
        await expectNoHorizontalScroll(page);
      }
      await context.close();
    },
    pageLoopTimeout,
  );

  it('home says what to do next: the proposals and the coach’s suggested changes', async () => {
    const { page } = youngPerson;
    await page.goto('/');
    await expect(
      page.getByRole('link', { name: /Answer the placement proposal: Porter at The Beckside Hotel/ }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('link', { name: /changes your job coach suggests/ }).count()).resolves.toBe(1);
  });

  it('editing one section leaves every other section exactly as it was', async () => {
    const before = await passportSectionsInStore();
    const { page } = youngPerson;
    await page.goto(`/young-people/${world.youngPersonId}/passport/sections/aboutMe`);
    await page.getByLabel('How I travel and how far').fill('Two buses, up to an hour.');
    await page.getByRole('button', { name: 'Save About me' }).click();
    await page.waitForURL(`**/young-people/${world.youngPersonId}/passport`);
    await expect(page.getByText('About me is saved').count()).resolves.toBe(1);
    const after = await passportSectionsInStore();
    expect(after.aboutMe).toEqual({ ...before.aboutMe, travelLimits: 'Two buses, up to an hour.' });
    const { aboutMe: _before, ...othersBefore } = before;
    const { aboutMe: _after, ...othersAfter } = after;
    expect(othersAfter).toEqual(othersBefore);
  });

  it('shows form errors with the error summary and keeps what was typed', async () => {
    const { page } = youngPerson;
    await page.goto(`/young-people/${world.youngPersonId}/passport/sections/review`);
    await page.getByLabel('Day').first().fill('31');
    await page.getByLabel('Month').first().fill('2');
    await page.getByLabel('Year').first().fill('2026');
    await page.getByRole('button', { name: 'Save Review' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    await expect(
      page.getByRole('link', { name: 'When we checked it must be a real date, like 27 3 2027' }).count(),
    ).resolves.toBe(1);
    expect(await page.getByLabel('Day').first().inputValue()).toBe('31');
    await expectNoAxeViolations(page);
  });

  it('accepts the coach’s suggested change, then brings back the earlier version as a new one', async () => {
    const { page } = youngPerson;
    await page.goto(`/young-people/${world.youngPersonId}/passport/drafts`);
    await page.getByRole('button', { name: 'Accept these changes' }).click();
    await page.waitForURL(`**/young-people/${world.youngPersonId}/passport`);
    expect((await passportSectionsInStore()).review?.agreedBy).toBe('Jo, job coach');
    await page.goto(`/young-people/${world.youngPersonId}/passport/history`);
    await page.getByRole('button', { name: 'Bring back version 1' }).click();
    await expect(page.getByText('Version 1 is back').count()).resolves.toBe(1);
    const restored = await passportSectionsInStore();
    expect(restored.review).toBeUndefined();
    expect(restored.aboutMe?.travelLimits).toBe('One bus, up to 45 minutes.');
  });

  it('shares with the keyboard only: choose, check, confirm, then withdraw with one confirmation', async () => {
    const { page } = youngPerson;
    await page.goto(`/young-people/${world.youngPersonId}/passport/shares`);
    await tabTo(page, 'Share my passport');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/shares/new');
    await tabTo(page, employerName);
    await page.keyboard.press('Space');
    await tabTo(page, /^About me/);
    await page.keyboard.press('Space');
    await tabTo(page, 'Why are you sharing it?');
    await page.keyboard.type('So my supervisor knows what helps me');
    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Check before you share');
    await expect(
      page.getByText(`${employerName} will be able to read: About me, What helps me at work.`).count(),
    ).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await tabTo(page, 'Yes, share it');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/shared');
    expect(await heading(page)).toContain('Your passport is shared');
    await expectNoAxeViolations(page);
    const shares = await web.harness.services.passports.shares(youngPersonActor, world.youngPersonId);
    expect(shares.filter((share) => !share.withdrawnAt).map((share) => share.sections)).toContainEqual([
      'aboutMe',
      'whatHelps',
    ]);
    await tabTo(page, `Stop sharing About me, What helps me at work with ${employerName}`);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/withdraw');
    await expectNoAxeViolations(page);
    await tabTo(page, 'Yes, stop sharing');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/young-people/${world.youngPersonId}/passport/shares`);
    await expect(
      page.getByText(`You stopped sharing About me, What helps me at work with ${employerName}`).count(),
    ).resolves.toBe(1);
    await expect(page.getByText(`${employerName} cannot read the passport any more.`).count()).resolves.toBe(1);
    const after = await web.harness.services.passports.shares(youngPersonActor, world.youngPersonId);
    expect(after.every((share) => share.withdrawnAt)).toBe(true);
  });

  it('accepts a proposal with the keyboard only, choosing the sections to share', async () => {
    const { page } = youngPerson;
    await page.goto(`/young-people/${world.youngPersonId}/proposals/${proposals[0]}`);
    expect(await heading(page)).toBe(`Kitchen assistant at ${employerName}`);
    await tabTo(page, /^About me/);
    await page.keyboard.press('Space');
    await tabTo(page, 'Yes, I want this placement');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await expect(page.getByText('You said yes to Kitchen assistant').count()).resolves.toBe(1);
    const { match } = await web.harness.services.journey.get(youngPersonActor, proposals[0]!);
    expect(match.state).toBe('awaiting_employer');
    expect(match.youngPersonResponse?.sharedSections).toEqual(['whatHelps']);
  });

  it('refuses a withdrawal posted without the CSRF token and keeps the share', async () => {
    const share = await web.harness.services.passports.share(
      youngPersonActor,
      world.youngPersonId,
      {
        employerId: (await web.harness.services.journey.get(youngPersonActor, proposals[0]!)).match.employerId,
        sections: ['aboutMe'],
        purpose: 'Test',
        expiresInDays: 30,
      },
      'test',
    );
    const response = await youngPerson.context.request.post(
      `/young-people/${world.youngPersonId}/passport/shares/${share.id}/withdraw`,
      { form: {}, headers: { origin: web.baseUrl }, maxRedirects: 0 },
    );
    expect(response.status()).toBe(403);
    const after = await web.harness.services.passports.shares(youngPersonActor, world.youngPersonId);
    expect(after.find((candidate) => candidate.id === share.id)?.withdrawnAt).toBeUndefined();
  });
});

describe('sharing with an employer that is not one of their proposals', () => {
  it('finds it by name among every checked employer, asks which one when several are alike, and says when none is found', async () => {
    await makeEmployer(web.harness, world.admin, { name: 'Riverside Café' });
    await makeEmployer(web.harness, world.admin, { name: 'Riverside Café Bar' });
    const { context, page } = await signInAs(web, world.youngPerson.email);
    const start = async (name: string) => {
      await page.goto(`/young-people/${world.youngPersonId}/passport/shares/new`);
      await page.getByRole('radio', { name: 'Another employer' }).check();
      await page.getByLabel('If you chose another employer, what is it called?').fill(name);
      await page.getByLabel('Why are you sharing it?').fill('For my new job');
      await page.getByRole('button', { name: 'Continue' }).click();
    };

    await start('Nowhere Trading');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'We cannot find an employer called “Nowhere Trading” that a college has checked',
    );
    await expectNoAxeViolations(page);

    await start('riverside');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'More than one employer has a name like that',
    );
    await expectNoAxeViolations(page);
    await page.getByLabel('Riverside Café Bar').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check before you share');
    await expect(page.getByText('Riverside Café Bar will be able to read:').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Yes, share it' }).click();
    expect(await heading(page)).toContain('Your passport is shared');
    await expect(page.getByText('With Riverside Café Bar', { exact: true }).count()).resolves.toBe(1);

    // The exact name (in any case) is enough, however alike the others are.
    await start('riverside café');
    expect(await heading(page)).toBe('Check before you share');
    await expect(page.getByText('Riverside Café will be able to read:').count()).resolves.toBe(1);
    await context.close();
  });
});

describe('with JavaScript off', () => {
  it('shares and accepts a proposal, both working without JavaScript', async () => {
    const { context, page } = await signInAs(web, world.youngPerson.email, { javaScriptEnabled: false });
    await page.goto(`/young-people/${world.youngPersonId}/passport/shares/new`);
    await page.getByLabel(employerName).check();
    await page.getByLabel('My condition').uncheck();
    await page.getByLabel('Why are you sharing it?').fill('Induction');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check before you share');
    await page.getByRole('button', { name: 'Yes, share it' }).click();
    expect(await heading(page)).toContain('Your passport is shared');

    await page.goto(`/young-people/${world.youngPersonId}/proposals/${proposals[1]}`);
    await page.getByRole('button', { name: 'Yes, I want this placement' }).click();
    await expect(page.getByText('You said yes to Housekeeping assistant').count()).resolves.toBe(1);
    await context.close();
  });
});

describe('a delegate', () => {
  it(
    'chooses whom they act for, and every page says so and passes axe',
    async () => {
      const { context, page } = await signInAs(web, parent.email);
      expect(new URL(page.url()).pathname).toBe('/acting-for');
      await expectNoAxeViolations(page);
      await page.getByLabel('Sam').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      for (const path of pagesOf(world.youngPersonId)) {
        await page.goto(path);
        await expect(page.getByText('acting for Sam').count(), path).resolves.toBe(1);
        await expectNoAxeViolations(page);
        // The share pages and the proposal are worded elsewhere (issue 22); every other page's title is its heading.
        if (!/\/shares|\/proposals\//.test(path))
          expect((await page.title()).replace(/ – Supported internships$/, ''), path).toBe(await heading(page));
      }
      // A proposal speaks of Sam to the parent answering for them, not as if the parent were Sam.
      await page.goto(`/young-people/${world.youngPersonId}/proposals/${proposals[2]}?talked=yes`);
      expect(await page.getByRole('heading', { name: 'Does Sam want this placement?' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Yes, Sam wants this placement' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'No, Sam does not want this placement' }).count()).toBe(1);
      expect(await page.getByText(/I want this placement|Do you want/).count()).toBe(0);
      await context.close();
    },
    pageLoopTimeout,
  );

  it('who helps only one young person acts for them straight away, and sees only what their rights allow', async () => {
    const { context, page } = await signInAs(web, world.delegate.email);
    await expect(page.getByText('acting for Sam').count()).resolves.toBe(1);
    const response = await page.goto(`/young-people/${world.youngPersonId}/passport`);
    expect(response?.status()).toBe(403);
    await context.close();
  });
});

describe('a parent acting for Sam reads words written for them, not for Sam', () => {
  /** The words of the page's main part, without what a parent is asked to write as Sam (the passport's own questions). */
  const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

  it('on the home page, the passport, its sections and the placement, and "Who you help" in the menu', async () => {
    const { context, page } = await signInAs(web, parent.email);
    await page.getByLabel('Sam').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('link', { name: 'Who you help' }).count()).resolves.toBe(1);
    await expect(page.getByText('Whom I act for').count()).resolves.toBe(0);

    await page.goto('/');
    expect(await heading(page)).toBe('What to do next for Sam');
    expect(await page.title()).toBe('What to do next for Sam – Supported internships');
    expect(await mainText(page)).not.toMatch(/\b(your|my|I)\b/i);

    await page.goto(`/young-people/${world.youngPersonId}/passport`);
    const passport = await mainText(page);
    expect(passport).toContain('It tells people at work what helps Sam. Sam chooses who sees it.');
    expect(passport).toContain('Tell people at work a little about Sam and the work Sam wants.');
    for (const link of ['About Sam', 'Sam’s condition', 'What helps Sam at work', 'Who has seen Sam’s passport'])
      await expect(page.getByRole('link', { name: link }).count(), link).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Who Sam shares the passport with' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Print Sam’s passport' }).count()).resolves.toBe(1);
    expect(passport).not.toMatch(/\b(your|my|I)\b/i);

    await page.goto(`/young-people/${world.youngPersonId}/passport/sections/aboutMe`);
    expect(await heading(page)).toBe('About Sam');
    expect(await mainText(page)).toContain('The questions are in Sam’s words');
    await expect(page.getByText('Where you want to work').count()).resolves.toBe(0);
    await page.goto(`/young-people/${world.youngPersonId}/passport/sections/accessToWork`);
    await expect(page.getByText('Has Sam applied for Access to Work?').count()).resolves.toBe(1);

    await page.goto(`/young-people/${world.youngPersonId}/placement`);
    expect(await heading(page)).toBe('Sam’s placement');
    expect(await mainText(page)).not.toMatch(/\b(your|my|I)\b/i);
    await context.close();
  });
});

describe('who has seen the passport', () => {
  it('lists people at work first, then the family, one line per person per day with how many times', async () => {
    await web.harness.services.audit.success(
      'passport_share.read',
      { accountId: employerStaffId, role: 'employer' },
      {
        target: { type: 'passport_share', id: world.youngPersonId },
        subjectId: world.youngPersonId,
        details: { sections: ['whatHelps'] },
      },
    );
    const { context, page } = await signInAs(web, parent.email);
    await page.getByLabel('Sam').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // The parent's own reads, after the employer's: the family's reads come after the employer's all the same.
    for (let i = 0; i < 3; i++) await page.goto(`/young-people/${world.youngPersonId}/passport`);
    await page.goto(`/young-people/${world.youngPersonId}/passport/access-log`);
    expect(await heading(page)).toBe('Who has seen Sam’s passport');
    const headings = await page.locator('main').getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings).toEqual(['People at work', 'Sam and family']);
    const lines = await page
      .getByRole('listitem')
      .filter({ hasText: / on \d+ \w+ \d{4}/ })
      .allInnerTexts();
    expect(lines[0]).toMatch(new RegExp(`at ${employerName} read What helps Sam at work, once on`));
    const parentsLines = lines.filter((line) => line.startsWith('You read'));
    expect(parentsLines).toHaveLength(1);
    expect(parentsLines[0]).toMatch(/^You read About Sam, .*, \d+ times on .*, last at \d\d:\d\d\.$/);
    await expectNoAxeViolations(page);
    await context.close();
  });
});

describe('what helps at work, one help at a time', () => {
  it('adds, changes and removes helps with JavaScript off, each a new version of the passport', async () => {
    const { context, page } = await signInAs(web, parent.email, { javaScriptEnabled: false });
    await page.getByLabel('Sam').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const versionsBefore = (await web.harness.services.passports.versions(youngPersonActor, world.youngPersonId))
      .length;
    const before = await passportSectionsInStore();
    const helps = before.whatHelps?.adjustments ?? [];
    await page.goto(`/young-people/${world.youngPersonId}/passport/sections/whatHelps`);
    expect(await heading(page)).toBe('What helps Sam at work');
    await expect(page.getByText(`Help ${helps.length}`, { exact: true }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Add another help' }).click();
    const added = helps.length + 1;
    expect(await heading(page)).toBe(`Help ${added}`);
    await page.getByRole('button', { name: `Save help ${added}` }).click();
    expect(await page.title()).toMatch(/^Error: /);
    await expect(page.getByRole('link', { name: 'Choose what kind of help it is' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Say what helps' }).count()).resolves.toBe(1);
    await page.getByLabel('Travel to and at work').check();
    await page.getByLabel('What helps').fill('Meet me at the bus stop on my first day.');
    await page.getByLabel('Yes, it is agreed already').check();
    await page.getByRole('button', { name: `Save help ${added}` }).click();
    expect(await heading(page)).toBe('What helps Sam at work');
    await expect(page.getByText(`Help ${added} is saved`).count()).resolves.toBe(1);
    let stored = (await passportSectionsInStore()).whatHelps!;
    expect(stored.adjustments).toEqual([
      ...helps,
      { category: 'travel', details: 'Meet me at the bus stop on my first day.', inPlace: true },
    ]);
    expect(stored.whatColleaguesCanDo).toBe(before.whatHelps?.whatColleaguesCanDo);

    await page.getByRole('link', { name: `Change help ${added}` }).click();
    expect(await page.getByLabel('What helps').inputValue()).toBe('Meet me at the bus stop on my first day.');
    await page.getByLabel('What helps').fill('Meet me at the bus stop for the first week.');
    await page.getByRole('button', { name: `Save help ${added}` }).click();
    stored = (await passportSectionsInStore()).whatHelps!;
    expect(stored.adjustments[added - 1]?.details).toBe('Meet me at the bus stop for the first week.');

    await page.getByRole('link', { name: `Remove help ${added}` }).click();
    expect(await heading(page)).toBe(`Remove help ${added}?`);
    await page.getByRole('button', { name: `Yes, remove help ${added}` }).click();
    await expect(page.getByText(`Help ${added} is removed`).count()).resolves.toBe(1);
    expect((await passportSectionsInStore()).whatHelps?.adjustments).toEqual(helps);

    await page.getByRole('link', { name: 'Change What colleagues can do to help me' }).click();
    await page.getByLabel('What colleagues can do to help me').fill('Tell me about changes a day early.');
    await page.getByRole('button', { name: `Save ${'School, college and colleagues'}` }).click();
    expect(await heading(page)).toBe('What helps Sam at work');
    const after = await passportSectionsInStore();
    expect(after.whatHelps).toEqual({
      ...stored,
      adjustments: helps,
      whatColleaguesCanDo: 'Tell me about changes a day early.',
    });
    const { whatHelps: _before, ...othersBefore } = before;
    const { whatHelps: _after, ...othersAfter } = after;
    expect(othersAfter).toEqual(othersBefore);
    const versions = await web.harness.services.passports.versions(youngPersonActor, world.youngPersonId);
    expect(versions.length - versionsBefore).toBe(4);
    await context.close();
  });

  it('keeps what was typed and says so when someone else saved the passport in between', async () => {
    const first = youngPerson.page;
    const { context, page: second } = await signInAs(web, world.youngPerson.email);
    const path = `/young-people/${world.youngPersonId}/passport/sections/whatHelps/helps/1`;
    await first.goto(path);
    await second.goto(path);
    await first.getByLabel('What helps').fill('Show me, then watch me try.');
    await first.getByRole('button', { name: 'Save help 1' }).click();
    await second.getByLabel('What helps').fill('Write each step down for me.');
    await second.getByRole('button', { name: 'Save help 1' }).click();
    expect(await second.title()).toMatch(/^Error: /);
    await expect(second.getByText(/^Someone else saved the passport while you were editing/).count()).resolves.toBe(1);
    expect(await second.getByLabel('What helps').inputValue()).toBe('Write each step down for me.');
    expect((await passportSectionsInStore()).whatHelps?.adjustments[0]?.details).toBe('Show me, then watch me try.');
    await context.close();
  });

  it('is not open to a delegate who may not read the passport', async () => {
    const { context, page } = await signInAs(web, world.delegate.email);
    for (const path of ['', '/helps/new', '/helps/1', '/helps/1/remove', '/more']) {
      const response = await page.goto(`/young-people/${world.youngPersonId}/passport/sections/whatHelps${path}`);
      expect(response?.status(), path).toBe(403);
    }
    await context.close();
  });
});

/** The passport's shares with one employer, as the store has them. */
async function sharesInStore() {
  return web.harness.services.passports.shares(youngPersonActor, world.youngPersonId);
}

describe('stopping one of several shares with the same employer', () => {
  it(
    'says only what is true: names each share by its parts and end, says what stays shared, and offers to stop everything',
    async () => {
      const { services } = web.harness;
      const employerId = (await services.journey.get(youngPersonActor, proposals[0]!)).match.employerId;
      for (const share of await sharesInStore())
        if (!share.withdrawnAt && share.employerId === employerId)
          await services.passports.withdrawShare(youngPersonActor, world.youngPersonId, share.id, 'test');
      const aboutMe = await services.passports.share(
        youngPersonActor,
        world.youngPersonId,
        { employerId, sections: ['aboutMe'], purpose: 'For the interview', expiresInDays: 30 },
        'test',
      );
      await services.passports.share(
        youngPersonActor,
        world.youngPersonId,
        { employerId, sections: ['whatHelps'], purpose: 'For my supervisor', expiresInDays: 90 },
        'test',
      );
      const until = (days: number) =>
        new Date(services.clock.now().getTime() + days * 86_400_000).toLocaleDateString('en-GB', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'Europe/London',
        });
      const { context, page } = await signInAs(web, world.youngPerson.email, { width: 320 });
      await page.goto(`/young-people/${world.youngPersonId}/passport/shares`);
      expect(await heading(page)).toBe('Who can read my passport');
      expect(await page.title()).toContain('Who can read my passport');
      // Each link says which share it stops, not only the employer.
      await expect(
        page.getByRole('link', { name: `Stop sharing About me (until ${until(30)}) with ${employerName}` }).count(),
      ).resolves.toBe(1);
      await expect(
        page
          .getByRole('link', { name: `Stop sharing What helps me at work (until ${until(90)}) with ${employerName}` })
          .count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);

      await page.getByRole('link', { name: `Stop sharing About me (until ${until(30)}) with ${employerName}` }).click();
      expect(await heading(page)).toBe(`Stop sharing About me with ${employerName}?`);
      expect(await page.title()).toContain(`Stop sharing About me with ${employerName}?`);
      await expect(page.getByText(`${employerName} will not be able to read About me any more.`).count()).resolves.toBe(
        1,
      );
      await expect(page.getByText(`What helps me at work (until ${until(90)})`).count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await page.getByRole('button', { name: 'Yes, stop sharing' }).click();
      await page.waitForURL(`**/young-people/${world.youngPersonId}/passport/shares`);
      await expect(page.getByText(`You stopped sharing About me with ${employerName}`).count()).resolves.toBe(1);
      await expect(
        page.getByText(`${employerName} can still read: What helps me at work (until ${until(90)}).`).count(),
      ).resolves.toBe(1);
      await expect(page.getByText('cannot read the passport any more').count()).resolves.toBe(0);
      expect((await sharesInStore()).find((share) => share.id === aboutMe.id)?.withdrawnAt).toBeDefined();

      await services.passports.share(
        youngPersonActor,
        world.youngPersonId,
        { employerId, sections: ['accessToWork'], purpose: 'For Access to Work', expiresInDays: 180 },
        'test',
      );
      await page.goto(`/young-people/${world.youngPersonId}/passport/shares`);
      await page.getByRole('link', { name: `Stop sharing everything with ${employerName}` }).click();
      expect(await heading(page)).toBe(`Stop sharing everything with ${employerName}?`);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await page.getByRole('button', { name: 'Yes, stop sharing everything' }).click();
      await page.waitForURL(`**/young-people/${world.youngPersonId}/passport/shares`);
      await expect(page.getByText(`You stopped sharing everything with ${employerName}`).count()).resolves.toBe(1);
      expect((await sharesInStore()).filter((share) => share.employerId === employerId && !share.withdrawnAt)).toEqual(
        [],
      );
      await context.close();
    },
    pageLoopTimeout,
  );
});

describe('stopping everything shared with an employer', () => {
  it('is refused to a helper who may not share the passport, and the shares stay', async () => {
    const { services } = web.harness;
    const employerId = (await services.journey.get(youngPersonActor, proposals[0]!)).match.employerId;
    const share = await services.passports.share(
      youngPersonActor,
      world.youngPersonId,
      { employerId, sections: ['aboutMe'], purpose: 'For the interview', expiresInDays: 30 },
      'test',
    );
    const path = `/young-people/${world.youngPersonId}/passport/shares/employers/${employerId}/withdraw`;
    const { context, page } = await signInAs(web, world.delegate.email);
    expect((await page.goto(path))?.status()).toBe(403);
    await page.goto('/');
    const token = await page.locator('input[name=_csrf]').first().inputValue();
    const posted = await context.request.post(path, {
      form: { _csrf: token },
      headers: { origin: web.baseUrl },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    expect((await sharesInStore()).find((candidate) => candidate.id === share.id)?.withdrawnAt).toBeUndefined();
    await services.passports.withdrawShare(youngPersonActor, world.youngPersonId, share.id, 'test');
    await context.close();
  });
});

describe('saying yes to a proposal', () => {
  it('shows until when the employer can read the chosen parts, lets the young person choose a shorter time, and confirms it', async () => {
    const { context, page } = await signInAs(web, world.youngPerson.email, { width: 320 });
    await page.goto(`/young-people/${world.youngPersonId}/proposals/${proposals[3]}`);
    const ends = page.getByRole('group', { name: 'Until when can they read them?' });
    await expect(ends.getByRole('radio').count()).resolves.toBeGreaterThan(1);
    // The longest is chosen unless the young person chooses a shorter time, and it says why it is the longest.
    await expect(page.getByText(/This is the longest you can choose/).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    // A day that is not on the calendar (a form changed by hand) gets the form again, not an error page.
    const token = await page.locator('input[name=_csrf]').first().inputValue();
    const tampered = await context.request.post(
      `/young-people/${world.youngPersonId}/proposals/${proposals[3]}/accept`,
      {
        form: { _csrf: token, sections: 'aboutMe', shareUntil: '2027-02-30' },
        headers: { origin: web.baseUrl },
        maxRedirects: 0,
      },
    );
    expect(tampered.status()).toBe(400);
    expect(await tampered.text()).toContain('Choose one of the days shown');
    const threeMonths = ends.getByRole('radio', { name: /^\d+ \w+ \d{4}$/ }).nth(1);
    const chosen = (await threeMonths.getAttribute('value'))!;
    await threeMonths.check();
    await page.getByRole('button', { name: 'Yes, I want this placement' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const untilWords = new Date(`${chosen}T12:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    await expect(
      page
        .getByText(
          `${employerName} will look at it next. They can read these parts of your passport until ${untilWords}: About me, What helps me at work.`,
        )
        .count(),
    ).resolves.toBe(1);
    const { match } = await web.harness.services.journey.get(youngPersonActor, proposals[3]!);
    const share = (await sharesInStore()).find((candidate) => candidate.id === match.youngPersonResponse?.shareId)!;
    expect(share.expiresAt.toISOString().slice(0, 10)).toBe(chosen);
    await context.close();
  });
});

describe('a parent answering a proposal for the young person', () => {
  it(
    'is asked first whether they talked to Sam, and Sam then sees on their home what the parent decided',
    async () => {
      const { context, page } = await signInAs(web, parent.email, { width: 320 });
      await page.getByLabel('Sam').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.goto(`/young-people/${world.youngPersonId}/proposals/${proposals[4]}`);
      await expect(page.getByRole('button', { name: 'No, Sam does not want this placement' }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(
        page.getByRole('link', { name: 'Say whether you have talked to Sam about this' }).count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await page.getByRole('radio', { name: 'No, not yet' }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByText('Talk to Sam first.').count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: 'No, Sam does not want this placement' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page);
      await page.getByRole('radio', { name: 'Yes' }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await page.getByRole('button', { name: 'No, Sam does not want this placement' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await expect(page.getByText('You said no to Gardener for Sam').count()).resolves.toBe(1);
      await expect(page.getByText('Sam can see that you said no.').count()).resolves.toBe(1);
      await expect(page.getByText(/said no to Gardener[^.]* for you on/).count()).resolves.toBe(0);
      await context.close();

      const sam = await signInAs(web, world.youngPerson.email, { width: 320 });
      const today = web.harness.services.clock.now().toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/London',
      });
      await expect(sam.page.getByRole('heading', { name: 'Decided for you' }).count()).resolves.toBe(1);
      await expect(
        sam.page.getByText(`Alex Parent said no to Gardener at ${employerName} for you on ${today}.`).count(),
      ).resolves.toBe(1);
      await expect(sam.page.getByText('Tell your job coach if that is not right.').count()).resolves.toBe(1);
      await expectNoAxeViolations(sam.page);
      await expectNoHorizontalScroll(sam.page);
      // The link (as in the email) opens the proposal, which says the same.
      await sam.page.getByRole('link', { name: `Gardener at ${employerName}` }).click();
      await expect(
        sam.page.getByText(`Alex Parent said no to this placement for you on ${today}.`).count(),
      ).resolves.toBe(1);
      await expect(sam.page.getByText('Tell your job coach if that is not right.').count()).resolves.toBe(1);
      await expectNoAxeViolations(sam.page);
      await sam.context.close();
    },
    pageLoopTimeout,
  );
});

describe('a parent sharing the passport for the young person', () => {
  it(
    'is asked first whether they talked to Sam, and Sam then sees on their home with whom it was shared',
    async () => {
      const { context, page } = await signInAs(web, parent.email, { width: 320 });
      await page.getByLabel('Sam').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.goto(`/young-people/${world.youngPersonId}/passport/shares/new`);
      expect(await heading(page)).toBe('Share Sam’s passport');
      expect(await page.title()).toContain('Share Sam’s passport');
      await page.getByLabel(employerName).check();
      await page.getByLabel('Why are you sharing it?').fill('For the interview');
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await heading(page)).toBe('Check before you share');
      const before = (await sharesInStore()).length;
      await page.getByRole('button', { name: 'Yes, share it' }).click();
      await expect(
        page.getByRole('link', { name: 'Say whether you have talked to Sam about this' }).count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await page.getByRole('radio', { name: 'No, not yet' }).check();
      await page.getByRole('button', { name: 'Yes, share it' }).click();
      await expect(page.getByRole('link', { name: /^Talk to Sam first/ }).count()).resolves.toBe(1);
      expect((await sharesInStore()).length).toBe(before);
      await page.getByRole('radio', { name: 'Yes' }).check();
      await page.getByRole('button', { name: 'Yes, share it' }).click();
      expect(await heading(page)).toBe('Sam’s passport is shared');
      expect((await sharesInStore()).length).toBe(before + 1);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await context.close();

      const sam = await signInAs(web, world.youngPerson.email);
      await expect(
        sam.page.getByText(new RegExp(`^Alex Parent shared your passport with ${employerName} for you on `)).count(),
      ).resolves.toBe(1);
      await sam.context.close();
    },
    pageLoopTimeout,
  );
});
