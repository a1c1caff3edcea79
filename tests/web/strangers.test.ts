import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/auth/auth.service.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose } from '../helpers/journey-world.js';
import { invitationToken } from '../helpers/mail.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
} from '../helpers/world.js';
import { signInOverHttp, type WebClient } from './http-session.js';

/**
 * Every page about one person's record (their home, passport, shares, proposals, placement,
 * journeys; an employer's placement and the passports shared with it), opened by someone of the
 * same role to whom it is not theirs: a 404, as the API answers, never an empty page.
 */
let harness: Harness;
let world: ProviderWorld;
let otherProvider: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;
let stranger: Record<'young_person' | 'delegate' | 'job_coach' | 'provider_admin' | 'employer', WebClient>;
const ids = { youngPerson: '', match: '', share: '', placement: '', draftPlacement: '' };

beforeAll(async () => {
  harness = await createHarness();
  world = await makeProvider(harness);
  otherProvider = await makeProvider(harness, 'Bradford College');
  employer = await makeEmployer(harness, world.admin, { name: 'The Beckside Hotel' });
  otherEmployer = await makeEmployer(harness, world.admin, { name: 'Calder Bakery' });
  ids.youngPerson = world.youngPersonId;
  ids.placement = await postPlacement(harness, employer.employerId, employer.staff, { title: 'Kitchen assistant' });
  ids.draftPlacement = await postPlacement(harness, employer.employerId, employer.staff, {
    title: 'Porter',
    status: 'draft',
  });
  const proposed = await propose(harness, world.coach, world.youngPersonId, ids.placement);
  expect(proposed.status, proposed.text).toBe(201);
  ids.match = proposed.json.id;
  const owner = actorOf((await harness.services.accounts.byId(world.youngPerson.accountId))!);
  await harness.services.passports.save(
    owner,
    world.youngPersonId,
    {
      sections: {
        aboutMe: { summary: 'I like a calm place.' },
        myCondition: null,
        whatHelps: null,
        accessToWork: null,
        review: null,
      },
    },
    'test',
  );
  const share = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
    path: { youngPersonId: world.youngPersonId },
    token: world.youngPerson.token,
    body: { employerId: employer.employerId, sections: ['aboutMe'], purpose: 'So my supervisor knows' },
  });
  expect(share.status, share.text).toBe(201);
  ids.share = share.json.id;

  // Strangers: the same roles, in the same provider where that is possible.
  const sameProviderYoungPerson = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Robin');
  const otherParent: Person = await makeAccount(harness, {
    role: 'delegate',
    providerId: world.providerId,
    actsFor: [{ youngPersonId: sameProviderYoungPerson.id, rights: ['view_profile', 'view_passport'] }],
  });
  stranger = {
    young_person: await signInOverHttp(harness, sameProviderYoungPerson.account.email),
    delegate: await signInOverHttp(harness, otherParent.email),
    job_coach: await signInOverHttp(harness, otherProvider.coach.email),
    provider_admin: await signInOverHttp(harness, otherProvider.admin.email),
    employer: await signInOverHttp(harness, otherEmployer.staff.email),
  };
  await stranger.delegate.post('/acting-for', { youngPersonId: sameProviderYoungPerson.id });
});
afterAll(async () => harness?.close());

const personPaths = () => {
  const base = `/young-people/${ids.youngPerson}`;
  return [
    base,
    `${base}/placement`,
    `${base}/delegates`,
    `${base}/matches`,
    `${base}/matches/${ids.placement}/propose`,
    `${base}/proposals/${ids.match}`,
    `${base}/passport`,
    `${base}/passport/sections/aboutMe`,
    `${base}/passport/history`,
    `${base}/passport/drafts`,
    `${base}/passport/access-log`,
    `${base}/passport/print`,
    `${base}/passport/shares`,
    `${base}/passport/shares/new`,
    `${base}/passport/shares/${ids.share}/shared`,
    `${base}/passport/shares/${ids.share}/withdraw`,
    `${base}/passport/suggest/aboutMe`,
  ];
};
const journeyPaths = () => [
  `/journeys/${ids.match}`,
  `/journeys/${ids.match}/weekly-log`,
  `/journeys/${ids.match}/review`,
  `/journeys/${ids.match}/progress`,
];
const sharedPaths = () => [`/shared-passports/${ids.share}`, `/shared-passports/${ids.share}/print`];

type Role = keyof typeof stranger;
const roles: Role[] = ['young_person', 'delegate', 'job_coach', 'provider_admin', 'employer'];
/** Pages only a job coach has at all: to anyone else they are a 403 "this page is not for you", whoever they are about. */
const coachOnly = /\/(matches|suggest)(\/|$)/;

function recordPages(role: Role): string[] {
  const pages = [...personPaths(), ...journeyPaths(), `/placements/${ids.draftPlacement}`];
  if (role === 'employer') pages.push(...sharedPaths());
  return pages.filter((path) => role === 'job_coach' || !coachOnly.test(path));
}

describe('a page about someone else’s record answers 404 to a stranger of the same role', () => {
  it.each(roles)('as a %s', async (role) => {
    const answers: string[] = [];
    for (const path of recordPages(role)) {
      const response = await stranger[role].get(path);
      if (response.status !== 404) answers.push(`${path} ${response.status}`);
    }
    expect(answers).toEqual([]);
  });

  it('the owner, their parent and their job coach still open those pages', async () => {
    const base = `/young-people/${ids.youngPerson}`;
    const owner = await signInOverHttp(harness, world.youngPerson.email);
    for (const path of [base, `${base}/placement`, `${base}/delegates`, `${base}/passport/shares/new`])
      expect((await owner.get(path)).status, path).toBe(200);
    const parent = await signInOverHttp(harness, world.delegate.email);
    expect((await parent.get(`${base}/placement`)).status).toBe(303);
    await parent.post('/acting-for', { youngPersonId: ids.youngPerson });
    expect((await parent.get(`${base}/placement`)).status).toBe(200);
    const coach = await signInOverHttp(harness, world.coach.email);
    for (const path of [base, `${base}/placement`, `${base}/matches`, `/journeys/${ids.match}`])
      expect((await coach.get(path)).status, path).toBe(200);
  });
});

describe('a young person inviting someone to help them', () => {
  const parentForm = (email: string) => ({
    name: 'Jo Parent',
    email,
    relationship: 'mum',
    rights: 'view_profile',
  });

  it('sends the link to the invitee by email only; the page says it was sent and to whom', async () => {
    const owner = await signInOverHttp(harness, world.youngPerson.email);
    const delegatesPage = `/young-people/${ids.youngPerson}/delegates`;
    const invited = await owner.post(delegatesPage, parentForm('jo.parent@example.org'));
    expect(invited.status).toBe(303);
    const token = await invitationToken(harness, 'jo.parent@example.org');
    const next = await (await owner.get(invited.headers.get('location')!)).text();
    expect(next).toContain('We sent an invitation to Jo Parent');
    expect(next).toContain('jo.parent@example.org');
    expect(next).not.toContain(token);
    expect(next).not.toContain('/invitations/');
  });

  it('answers 404 for another young person’s page, and invites nobody', async () => {
    const invitations = harness.services.db.collection('invitations');
    const before = await invitations.countDocuments();
    const response = await stranger.young_person.post(
      `/young-people/${ids.youngPerson}/delegates`,
      parentForm('not.for.me@example.org'),
    );
    expect(response.status).toBe(404);
    expect(await invitations.countDocuments()).toBe(before);
  });
});
