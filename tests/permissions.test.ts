import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callUntyped, createHarness, type Harness, type RequestBody } from './helpers/harness.js';
import {
  type EmployerWorld,
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  placementInput,
  profileInput,
} from './helpers/world.js';

/**
 * The permission matrix: for each route group, what every role gets, including from another
 * organisation. 404 means "not yours: we do not say it exists"; 403 means "you can see it, not do this".
 */
let harness: Harness;
let a: ProviderWorld;
let b: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;
let unverified: EmployerWorld;
let openPlacementId: string;
let draftPlacementId: string;

type Who =
  | 'adminA'
  | 'coachA'
  | 'youngPersonA'
  | 'delegateA'
  | 'employer'
  | 'otherEmployer'
  | 'adminB'
  | 'coachB'
  | 'youngPersonB'
  | 'anonymous';
const everyone: Who[] = [
  'adminA',
  'coachA',
  'youngPersonA',
  'delegateA',
  'employer',
  'otherEmployer',
  'adminB',
  'coachB',
  'youngPersonB',
  'anonymous',
];

function tokenOf(who: Who): string | undefined {
  const tokens: Record<Who, string | undefined> = {
    adminA: a.admin.token,
    coachA: a.coach.token,
    youngPersonA: a.youngPerson.token,
    delegateA: a.delegate.token,
    employer: employer.staff.token,
    otherEmployer: otherEmployer.staff.token,
    adminB: b.admin.token,
    coachB: b.coach.token,
    youngPersonB: b.youngPerson.token,
    anonymous: undefined,
  };
  return tokens[who];
}

interface Case {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  expected: Partial<Record<Who, number>>;
}

beforeAll(async () => {
  harness = await createHarness();
  a = await makeProvider(harness, 'Provider A');
  b = await makeProvider(harness, 'Provider B');
  employer = await makeEmployer(harness, a.admin);
  otherEmployer = await makeEmployer(harness, b.admin, { name: 'Other Employer' });
  unverified = await makeEmployer(harness, undefined, { name: 'Unverified Ltd' });
  openPlacementId = (
    await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput(),
    })
  ).json.id;
  draftPlacementId = (
    await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput({ status: 'draft' }),
    })
  ).json.id;
  await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: a.youngPersonId },
    token: a.youngPerson.token,
    body: {
      sections: {
        aboutMe: { summary: 'Hello' },
        myCondition: { description: 'Private' },
        whatHelps: null,
        accessToWork: null,
        review: null,
      },
    },
  });
});
afterAll(() => harness.close());

const cases: Case[] = [
  {
    name: 'read a young person’s profile',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}`,
    expected: {
      adminA: 200,
      coachA: 200,
      youngPersonA: 200,
      delegateA: 200,
      employer: 404,
      otherEmployer: 404,
      adminB: 404,
      coachB: 404,
      youngPersonB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'change a young person’s interests',
    method: 'PATCH',
    path: () => `/v1/young-people/${a.youngPersonId}`,
    body: () => ({ interests: ['retail'] }),
    expected: {
      adminA: 200,
      coachA: 200,
      youngPersonA: 200,
      delegateA: 200,
      employer: 404,
      adminB: 404,
      coachB: 404,
      youngPersonB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'change a young person’s job coach (staff only)',
    method: 'PATCH',
    path: () => `/v1/young-people/${a.youngPersonId}`,
    body: () => ({ status: 'active' }),
    expected: { adminA: 200, coachA: 200, youngPersonA: 403, delegateA: 403, coachB: 404 },
  },
  {
    name: 'record an eligibility exception (provider admin only)',
    method: 'PUT',
    path: () => `/v1/young-people/${a.youngPersonId}/eligibility-exception`,
    body: () => ({ reason: 'Moved from an EHC plan review; panel agreed a late start.' }),
    expected: {
      adminA: 200,
      coachA: 403,
      youngPersonA: 403,
      delegateA: 403,
      employer: 404,
      adminB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'list young people',
    method: 'GET',
    path: () => '/v1/young-people',
    expected: {
      adminA: 200,
      coachA: 200,
      youngPersonA: 200,
      delegateA: 200,
      employer: 200,
      adminB: 200,
      anonymous: 401,
    },
  },
  {
    name: 'add a young person (provider staff only)',
    method: 'POST',
    path: () => '/v1/young-people',
    body: () => profileInput({ preferredName: 'Added' }),
    expected: { adminA: 201, coachA: 201, youngPersonA: 403, delegateA: 403, employer: 403, anonymous: 401 },
  },
  {
    name: 'export everything about a young person',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/export`,
    expected: {
      adminA: 200,
      coachA: 403,
      youngPersonA: 200,
      delegateA: 200,
      employer: 404,
      adminB: 404,
      coachB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'erase a young person (provider admin only)',
    method: 'DELETE',
    path: () => `/v1/young-people/${a.youngPersonId}`,
    expected: {
      coachA: 403,
      youngPersonA: 403,
      delegateA: 403,
      employer: 404,
      adminB: 404,
      coachB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'read the passport',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/passport`,
    expected: {
      adminA: 403,
      coachA: 200,
      youngPersonA: 200,
      delegateA: 403,
      employer: 404,
      otherEmployer: 404,
      adminB: 404,
      coachB: 404,
      youngPersonB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'save the passport (owner only here)',
    method: 'PUT',
    path: () => `/v1/young-people/${a.youngPersonId}/passport`,
    body: () => ({
      sections: {
        aboutMe: { summary: 'Hello again' },
        myCondition: { description: 'Private' },
        whatHelps: null,
        accessToWork: null,
        review: null,
      },
    }),
    expected: {
      adminA: 403,
      coachA: 403,
      youngPersonA: 200,
      delegateA: 403,
      employer: 404,
      coachB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'read the passport access log',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/passport/access-log`,
    expected: {
      adminA: 403,
      coachA: 403,
      youngPersonA: 200,
      delegateA: 403,
      employer: 404,
      coachB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'share the passport',
    method: 'POST',
    path: () => `/v1/young-people/${a.youngPersonId}/passport/shares`,
    body: () => ({ employerId: employer.employerId, sections: ['aboutMe'], purpose: 'Matrix test' }),
    expected: {
      adminA: 403,
      coachA: 403,
      youngPersonA: 201,
      delegateA: 403,
      employer: 404,
      coachB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'list passports shared with my organisation',
    method: 'GET',
    path: () => '/v1/shared-passports',
    expected: { employer: 200, otherEmployer: 200, coachA: 200, anonymous: 401 },
  },
  {
    name: 'read an employer with its contacts',
    method: 'GET',
    path: () => `/v1/employers/${employer.employerId}`,
    expected: {
      adminA: 200,
      coachA: 200,
      youngPersonA: 200,
      employer: 200,
      otherEmployer: 200,
      adminB: 200,
      anonymous: 401,
    },
  },
  {
    name: 'read an unverified employer',
    method: 'GET',
    path: () => `/v1/employers/${unverified.employerId}`,
    expected: { adminA: 200, adminB: 200, coachA: 404, youngPersonA: 404, employer: 404, anonymous: 401 },
  },
  {
    name: 'change an employer',
    method: 'PATCH',
    path: () => `/v1/employers/${employer.employerId}`,
    body: () => ({ description: 'We host interns every year.' }),
    expected: { adminA: 403, coachA: 403, youngPersonA: 403, employer: 200, otherEmployer: 403, anonymous: 401 },
  },
  {
    name: 'read an open placement',
    method: 'GET',
    path: () => `/v1/placements/${openPlacementId}`,
    expected: {
      adminA: 200,
      coachA: 200,
      youngPersonA: 200,
      delegateA: 200,
      employer: 200,
      otherEmployer: 200,
      coachB: 200,
      anonymous: 401,
    },
  },
  {
    name: 'read a draft placement',
    method: 'GET',
    path: () => `/v1/placements/${draftPlacementId}`,
    expected: { adminA: 404, coachA: 404, youngPersonA: 404, employer: 200, otherEmployer: 404, anonymous: 401 },
  },
  {
    name: 'change a placement',
    method: 'PATCH',
    path: () => `/v1/placements/${openPlacementId}`,
    body: () => ({ places: 3 }),
    expected: { adminA: 403, coachA: 403, youngPersonA: 403, employer: 200, otherEmployer: 403, anonymous: 401 },
  },
  {
    name: 'post a placement for an employer',
    method: 'POST',
    path: () => `/v1/employers/${employer.employerId}/placements`,
    body: () => placementInput({ status: 'draft' }),
    expected: { adminA: 403, coachA: 403, youngPersonA: 403, employer: 201, otherEmployer: 403, anonymous: 401 },
  },
  {
    name: 'read another account',
    method: 'GET',
    path: () => `/v1/accounts/${a.coach.accountId}`,
    expected: {
      adminA: 200,
      coachA: 200,
      youngPersonA: 404,
      delegateA: 404,
      employer: 404,
      adminB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'disable a job coach’s account (their provider admin only)',
    method: 'POST',
    path: () => `/v1/accounts/${b.coach.accountId}/disable`,
    expected: { adminA: 404, coachB: 403, youngPersonB: 404, employer: 404, anonymous: 401 },
  },
  {
    name: 'list my organisation’s accounts',
    method: 'GET',
    path: () => '/v1/accounts',
    expected: { adminA: 200, employer: 200, youngPersonA: 200, anonymous: 401 },
  },
  {
    name: 'read the Access to Work case (provider staff, the young person, a delegate with view_profile)',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/access-to-work`,
    expected: {
      adminA: 200,
      coachA: 200,
      youngPersonA: 200,
      delegateA: 200,
      employer: 404,
      otherEmployer: 404,
      adminB: 404,
      coachB: 404,
      youngPersonB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'read until when Access to Work funds support (an employer only while hosting the intern)',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/access-to-work/funding`,
    expected: { adminA: 200, youngPersonA: 200, delegateA: 200, employer: 404, coachB: 404, anonymous: 401 },
  },
  {
    name: 'record the Access to Work application (provider staff only)',
    method: 'PUT',
    path: () => `/v1/young-people/${a.youngPersonId}/access-to-work/application`,
    body: () => ({ appliedBy: 'education_provider', sentOn: '2026-11-02', signer: 'young_person' }),
    expected: {
      adminA: 200,
      coachA: 200,
      youngPersonA: 403,
      delegateA: 403,
      employer: 404,
      adminB: 404,
      coachB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'record the Access to Work award (provider staff only)',
    method: 'PUT',
    path: () => `/v1/young-people/${a.youngPersonId}/access-to-work/award`,
    body: () => ({
      letterDate: '2026-11-20',
      lines: [
        {
          kind: 'job_coach',
          startsOn: '2026-09-07',
          endsOn: '2027-07-16',
          totalPence: 1_000_000,
          hoursPerWeek: 10,
          costPerHourPence: 2850,
        },
      ],
    }),
    expected: { adminA: 200, coachA: 200, youngPersonA: 403, delegateA: 403, coachB: 404, anonymous: 401 },
  },
  {
    name: 'list Access to Work claims',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/access-to-work/claims`,
    expected: {
      adminA: 200,
      coachA: 200,
      youngPersonA: 200,
      delegateA: 200,
      employer: 404,
      coachB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'download Access to Work claims as CSV',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/access-to-work/claims.csv`,
    expected: { adminA: 200, youngPersonA: 200, delegateA: 200, employer: 404, adminB: 404, anonymous: 401 },
  },
  {
    name: 'draft an Access to Work claim (provider staff; 409 before the internship starts)',
    method: 'POST',
    path: () => `/v1/young-people/${a.youngPersonId}/access-to-work/claims`,
    body: () => ({ month: '2026-10' }),
    expected: {
      adminA: 409,
      coachA: 409,
      youngPersonA: 403,
      delegateA: 403,
      employer: 404,
      coachB: 404,
      anonymous: 401,
    },
  },
  {
    name: 'read an Access to Work claim (404 for one that is not there)',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/access-to-work/claims/${'0'.repeat(24)}`,
    expected: { adminA: 404, youngPersonA: 404, employer: 404, coachB: 404, anonymous: 401 },
  },
  ...(
    [
      ['sign', { signedBy: 'Sam', signedOn: '2026-11-01' }],
      ['send', { sentOn: '2026-11-02' }],
      ['paid', { paidOn: '2026-11-20', amountPence: 100 }],
      ['query', { queriedOn: '2026-11-20', question: 'Which weeks?' }],
    ] as const
  ).map(([step, body]) => ({
    name: `move an Access to Work claim: ${step} (provider staff only)`,
    method: 'POST',
    path: () => `/v1/young-people/${a.youngPersonId}/access-to-work/claims/${'0'.repeat(24)}/${step}`,
    body: () => body,
    expected: {
      adminA: 404,
      coachA: 404,
      youngPersonA: 403,
      delegateA: 403,
      employer: 404,
      coachB: 404,
      anonymous: 401,
    },
  })),
];

describe('permission matrix', () => {
  for (const testCase of cases) {
    describe(testCase.name, () => {
      for (const who of everyone) {
        const expected = testCase.expected[who];
        if (expected === undefined) continue;
        it(`${who} gets ${expected}`, async () => {
          const response = await callUntyped(harness.app, testCase.method, testCase.path(), {
            token: tokenOf(who),
            ...(testCase.body ? { body: testCase.body() } : {}),
          });
          expect(response.status, response.text).toBe(expected);
          if (expected >= 400) expect(response.error?.requestId).toBeTruthy();
        });
      }
    });
  }

  it('never lets a list show more than the one-by-one rules', async () => {
    const coachB = await call(harness.app, 'GET', '/v1/young-people', { token: b.coach.token });
    expect(coachB.json.items.map((p: { id: string }) => p.id)).not.toContain(a.youngPersonId);
    const employerList = await call(harness.app, 'GET', '/v1/young-people', { token: employer.staff.token });
    expect(employerList.json.items).toEqual([]);
    const delegateList = await call(harness.app, 'GET', '/v1/young-people', { token: a.delegate.token });
    expect(delegateList.json.items.map((p: { id: string }) => p.id)).toEqual([a.youngPersonId]);
    const employers = await call(harness.app, 'GET', '/v1/employers', { token: a.coach.token });
    expect(employers.json.items.map((e: { id: string }) => e.id)).not.toContain(unverified.employerId);
    const byEmployer = await call(harness.app, 'GET', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: a.coach.token,
    });
    expect(byEmployer.json.items.map((p: { id: string }) => p.id)).toEqual([openPlacementId]);
  });

  it('shows contacts only to the employer and the provider that verified it', async () => {
    const own = await call(harness.app, 'GET', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
    });
    const verifier = await call(harness.app, 'GET', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: a.coach.token,
    });
    const stranger = await call(harness.app, 'GET', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: b.coach.token,
    });
    const youngPerson = await call(harness.app, 'GET', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: a.youngPerson.token,
    });
    expect(own.json.contacts).toHaveLength(1);
    expect(verifier.json.contacts).toHaveLength(1);
    expect(stranger.json.contacts).toBeUndefined();
    expect(youngPerson.json.contacts).toBeUndefined();
  });
});

/**
 * Privacy: passport text reaches each reader only as far as that reader may read the passport,
 * whichever view they use. Each section holds a marker; every export, print and list view is
 * read by everyone, and the markers found must be exactly (or at most) what the reader may see.
 */
describe('privacy: passport text in every export, print and list view', () => {
  const marker = { aboutMe: 'MARK-ABOUT-ME', myCondition: 'MARK-MY-CONDITION', whatHelps: 'MARK-WHAT-HELPS' } as const;
  type Section = keyof typeof marker;
  const allSections: Section[] = ['aboutMe', 'myCondition', 'whatHelps'];
  let withoutCondition: string;
  let coachBarred: string;
  let owners: Record<string, { token: string; accountId: string }>;
  let delegateWithPassport: { token: string; accountId: string };
  let delegateProfileOnly: { token: string; accountId: string };
  const shareIds: Record<string, string> = {};

  const passportBody = (
    tag: string,
    coachAccess: RequestBody<'put', '/v1/young-people/{youngPersonId}/passport'>['coachAccess'],
  ): RequestBody<'put', '/v1/young-people/{youngPersonId}/passport'> => ({
    coachAccess,
    sections: {
      aboutMe: { summary: `${marker.aboutMe}-${tag}` },
      myCondition: { description: `${marker.myCondition}-${tag}` },
      whatHelps: { adjustments: [{ category: 'equipment', details: `${marker.whatHelps}-${tag}` }] },
      accessToWork: null,
      review: null,
    },
  });

  const seen = (text: string, tag: string): Section[] =>
    allSections.filter((section) => text.includes(`${marker[section]}-${tag}`));

  beforeAll(async () => {
    const { addYoungPersonWithAccount, propose } = await import('./helpers/journey-world.js');
    const { makeAccount } = await import('./helpers/world.js');
    const first = await addYoungPersonWithAccount(harness, a.coach, a.providerId, 'Robin');
    const second = await addYoungPersonWithAccount(harness, a.coach, a.providerId, 'Jordan');
    withoutCondition = first.id;
    coachBarred = second.id;
    owners = { [first.id]: first.account, [second.id]: second.account };
    const grants = (rights: ('view_profile' | 'view_passport')[]) =>
      [first.id, second.id].map((youngPersonId) => ({ youngPersonId, rights }));
    delegateWithPassport = await makeAccount(harness, {
      role: 'delegate',
      providerId: a.providerId,
      actsFor: grants(['view_profile', 'view_passport']),
    });
    delegateProfileOnly = await makeAccount(harness, {
      role: 'delegate',
      providerId: a.providerId,
      actsFor: grants(['view_profile']),
    });
    for (const [id, access] of [
      [first.id, 'without_condition'],
      [second.id, 'none'],
    ] as const) {
      const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
        path: { youngPersonId: id },
        token: owners[id]!.token,
        body: passportBody(id, access),
      });
      expect(saved.status, saved.text).toBe(200);
      const shared = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
        path: { youngPersonId: id },
        token: owners[id]!.token,
        body: { employerId: employer.employerId, sections: ['whatHelps'], purpose: 'Privacy matrix' },
      });
      expect(shared.status, shared.text).toBe(201);
      shareIds[id] = shared.json.id;
      expect((await propose(harness, a.coach, id, openPlacementId)).status).toBe(201);
    }
  });

  type Reader =
    | 'owner'
    | 'delegateWithPassport'
    | 'delegateProfileOnly'
    | 'coachA'
    | 'adminA'
    | 'employer'
    | 'coachB'
    | 'otherEmployer';
  const readers: Reader[] = [
    'owner',
    'delegateWithPassport',
    'delegateProfileOnly',
    'coachA',
    'adminA',
    'employer',
    'coachB',
    'otherEmployer',
  ];
  const tokenFor = (reader: Reader, youngPersonId: string) =>
    ({
      owner: owners[youngPersonId]!.token,
      delegateWithPassport: delegateWithPassport.token,
      delegateProfileOnly: delegateProfileOnly.token,
      coachA: a.coach.token,
      adminA: a.admin.token,
      employer: employer.staff.token,
      coachB: b.coach.token,
      otherEmployer: otherEmployer.staff.token,
    })[reader];

  const accountFor = (reader: Reader, youngPersonId: string) =>
    ({
      owner: owners[youngPersonId]!.accountId,
      delegateWithPassport: delegateWithPassport.accountId,
      delegateProfileOnly: delegateProfileOnly.accountId,
      coachA: a.coach.accountId,
      adminA: a.admin.accountId,
      employer: employer.staff.accountId,
      coachB: b.coach.accountId,
      otherEmployer: otherEmployer.staff.accountId,
    })[reader];

  /** A signed-in browser session of the reader, as the session cookie the web pages read. */
  const browserCookie = async (reader: Reader, youngPersonId: string) =>
    `__Host-session=${(await harness.services.webSessions.start(accountFor(reader, youngPersonId))).token}`;

  /** What each reader may read of a passport, by the owner's `coachAccess`. */
  const readable = (reader: Reader, coachAccess: 'without_condition' | 'none'): Section[] => {
    if (reader === 'owner' || reader === 'delegateWithPassport') return allSections;
    if (reader === 'coachA') return coachAccess === 'none' ? [] : ['aboutMe', 'whatHelps'];
    return [];
  };

  const views = [
    { name: 'export', path: (id: string) => `/v1/young-people/${id}/export` },
    { name: 'print', path: (id: string) => `/v1/young-people/${id}/passport/print` },
    { name: 'passport', path: (id: string) => `/v1/young-people/${id}/passport` },
    { name: 'versions', path: (id: string) => `/v1/young-people/${id}/passport/versions` },
    { name: 'version 1', path: (id: string) => `/v1/young-people/${id}/passport/versions/1` },
    { name: 'drafts', path: (id: string) => `/v1/young-people/${id}/passport/drafts` },
    { name: 'shares', path: (id: string) => `/v1/young-people/${id}/passport/shares` },
    { name: 'access log', path: (id: string) => `/v1/young-people/${id}/passport/access-log` },
    { name: 'profile', path: (id: string) => `/v1/young-people/${id}` },
    { name: 'delegates', path: (id: string) => `/v1/young-people/${id}/delegates` },
    { name: 'matches', path: (id: string) => `/v1/young-people/${id}/matches` },
    { name: 'list of young people', path: () => '/v1/young-people?limit=100' },
    { name: 'list of placement matches', path: () => '/v1/placement-matches?limit=100' },
    { name: 'list of shared passports', path: () => '/v1/shared-passports' },
    { name: 'inbox', path: () => '/v1/me/inbox' },
  ];

  /** The same data as web pages (server-rendered for a signed-in browser). */
  const pages = [
    { name: 'overview page', path: (id: string) => `/young-people/${id}` },
    { name: 'passport page', path: (id: string) => `/young-people/${id}/passport` },
    { name: 'my condition page', path: (id: string) => `/young-people/${id}/passport/sections/myCondition` },
    { name: 'history page', path: (id: string) => `/young-people/${id}/passport/history` },
    { name: 'drafts page', path: (id: string) => `/young-people/${id}/passport/drafts` },
    { name: 'shares page', path: (id: string) => `/young-people/${id}/passport/shares` },
    { name: 'access log page', path: (id: string) => `/young-people/${id}/passport/access-log` },
    { name: 'print page', path: (id: string) => `/young-people/${id}/passport/print` },
    { name: 'matches page', path: (id: string) => `/young-people/${id}/matches` },
    { name: 'home page', path: () => '/' },
    { name: 'caseload page', path: () => '/caseload' },
    { name: 'inbox page', path: () => '/inbox' },
    { name: 'shared passports page', path: () => '/shared-passports' },
    { name: 'shared passport page', path: (id: string) => `/shared-passports/${shareIds[id]}` },
    { name: 'shared passport print page', path: (id: string) => `/shared-passports/${shareIds[id]}/print` },
  ];

  for (const [label, coachAccess] of [
    ['coach access without "my condition"', 'without_condition'],
    ['coach access none', 'none'],
  ] as const) {
    describe(label, () => {
      for (const reader of readers) {
        it(`${reader} sees at most what they may read, in every view`, async () => {
          const id = coachAccess === 'none' ? coachBarred : withoutCondition;
          const allowed = readable(reader, coachAccess);
          for (const view of views) {
            const response = await callUntyped(harness.app, 'GET', view.path(id), { token: tokenFor(reader, id) });
            expect(response.status, `${view.name}: ${response.text}`).toBeLessThan(500);
            const leaked = seen(response.text, id).filter((section) => !allowed.includes(section));
            expect(leaked, `${reader} read ${leaked.join(', ')} through ${view.name}`).toEqual([]);
          }
          const cookie = await browserCookie(reader, id);
          // An employer reads shared sections on their own pages; that is the share, not a leak.
          const mayReadShared = reader === 'employer' ? ['whatHelps'] : [];
          for (const page of pages) {
            const response = await callUntyped(harness.app, 'GET', page.path(id), { headers: { cookie } });
            expect(response.status, `${page.name}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
            const leaked = seen(response.text, id).filter(
              (section) => !allowed.includes(section) && !mayReadShared.includes(section),
            );
            expect(leaked, `${reader} read ${leaked.join(', ')} through the ${page.name}`).toEqual([]);
          }
        });
      }

      it('the export and the print page give exactly the readable sections to those who may read them', async () => {
        const id = coachAccess === 'none' ? coachBarred : withoutCondition;
        for (const reader of ['owner', 'delegateWithPassport', 'delegateProfileOnly', 'adminA'] as const) {
          const exported = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/export', {
            path: { youngPersonId: id },
            token: tokenFor(reader, id),
          });
          expect(exported.status).toBe(200);
          expect(seen(exported.text, id), `${reader} export`).toEqual(readable(reader, coachAccess));
        }
        for (const reader of ['owner', 'delegateWithPassport', 'coachA'] as const) {
          const printed = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/print', {
            path: { youngPersonId: id },
            token: tokenFor(reader, id),
          });
          if (readable(reader, coachAccess).length === 0) expect(printed.status).toBe(403);
          else expect(seen(printed.text, id), `${reader} print`).toEqual(readable(reader, coachAccess));
        }
      });

      it('the employer reads only the shared section of the shared passport', async () => {
        const id = coachAccess === 'none' ? coachBarred : withoutCondition;
        const shareId = shareIds[id]!;
        const list = await call(harness.app, 'GET', '/v1/shared-passports', { token: employer.staff.token });
        expect(list.json.items.map((item: { shareId: string }) => item.shareId)).toContain(shareId);
        const read = await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
          path: { shareId },
          token: employer.staff.token,
        });
        expect(read.status).toBe(200);
        expect(seen(read.text, id)).toEqual(['whatHelps']);
        const stranger = await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
          path: { shareId },
          token: otherEmployer.staff.token,
        });
        expect(stranger.status).toBe(404);
        expect(seen(stranger.text, id)).toEqual([]);
        const printed = await call(harness.app, 'GET', '/v1/shared-passports/{shareId}/print', {
          path: { shareId },
          token: employer.staff.token,
        });
        expect(printed.status).toBe(200);
        expect(printed.headers.get('content-type')).toContain('text/html');
        expect(seen(printed.text, id)).toEqual(['whatHelps']);
        for (const reader of readers.filter((r) => r !== 'employer')) {
          const other = await call(harness.app, 'GET', '/v1/shared-passports/{shareId}/print', {
            path: { shareId },
            token: tokenFor(reader, id),
          });
          expect(other.status, `${reader} printing the employer's share`).toBeGreaterThanOrEqual(400);
          expect(seen(other.text, id), `${reader} print of the share`).toEqual([]);
        }
      });
    });
  }
});
