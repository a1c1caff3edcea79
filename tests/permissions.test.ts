import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, type Harness } from './helpers/harness.js';
import { makeEmployer, makeProvider, placementInput, profileInput, type EmployerWorld, type ProviderWorld } from './helpers/world.js';

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

type Who = 'adminA' | 'coachA' | 'youngPersonA' | 'delegateA' | 'employer' | 'otherEmployer' | 'adminB' | 'coachB' | 'youngPersonB' | 'anonymous';
const everyone: Who[] = ['adminA', 'coachA', 'youngPersonA', 'delegateA', 'employer', 'otherEmployer', 'adminB', 'coachB', 'youngPersonB', 'anonymous'];

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
  openPlacementId = (await call(harness.app, 'POST', `/v1/employers/${employer.employerId}/placements`, { token: employer.staff.token, body: placementInput() })).json.id;
  draftPlacementId = (await call(harness.app, 'POST', `/v1/employers/${employer.employerId}/placements`, { token: employer.staff.token, body: placementInput({ status: 'draft' }) })).json.id;
  await call(harness.app, 'PUT', `/v1/young-people/${a.youngPersonId}/passport`, {
    token: a.youngPerson.token,
    body: { sections: { aboutMe: { summary: 'Hello' }, myCondition: { description: 'Private' }, whatHelps: null, accessToWork: null, review: null } },
  });
});
afterAll(() => harness.close());

const cases: Case[] = [
  {
    name: 'read a young person’s profile',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}`,
    expected: { adminA: 200, coachA: 200, youngPersonA: 200, delegateA: 200, employer: 404, otherEmployer: 404, adminB: 404, coachB: 404, youngPersonB: 404, anonymous: 401 },
  },
  {
    name: 'change a young person’s interests',
    method: 'PATCH',
    path: () => `/v1/young-people/${a.youngPersonId}`,
    body: () => ({ interests: ['retail'] }),
    expected: { adminA: 200, coachA: 200, youngPersonA: 200, delegateA: 200, employer: 404, adminB: 404, coachB: 404, youngPersonB: 404, anonymous: 401 },
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
    expected: { adminA: 200, coachA: 403, youngPersonA: 403, delegateA: 403, employer: 404, adminB: 404, anonymous: 401 },
  },
  {
    name: 'list young people',
    method: 'GET',
    path: () => '/v1/young-people',
    expected: { adminA: 200, coachA: 200, youngPersonA: 200, delegateA: 200, employer: 200, adminB: 200, anonymous: 401 },
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
    expected: { adminA: 200, coachA: 403, youngPersonA: 200, delegateA: 200, employer: 404, adminB: 404, coachB: 404, anonymous: 401 },
  },
  {
    name: 'erase a young person (provider admin only)',
    method: 'DELETE',
    path: () => `/v1/young-people/${a.youngPersonId}`,
    expected: { coachA: 403, youngPersonA: 403, delegateA: 403, employer: 404, adminB: 404, coachB: 404, anonymous: 401 },
  },
  {
    name: 'read the passport',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/passport`,
    expected: { adminA: 403, coachA: 200, youngPersonA: 200, delegateA: 403, employer: 404, otherEmployer: 404, adminB: 404, coachB: 404, youngPersonB: 404, anonymous: 401 },
  },
  {
    name: 'save the passport (owner only here)',
    method: 'PUT',
    path: () => `/v1/young-people/${a.youngPersonId}/passport`,
    body: () => ({ sections: { aboutMe: { summary: 'Hello again' }, myCondition: { description: 'Private' }, whatHelps: null, accessToWork: null, review: null } }),
    expected: { adminA: 403, coachA: 403, youngPersonA: 200, delegateA: 403, employer: 404, coachB: 404, anonymous: 401 },
  },
  {
    name: 'read the passport access log',
    method: 'GET',
    path: () => `/v1/young-people/${a.youngPersonId}/passport/access-log`,
    expected: { adminA: 403, coachA: 403, youngPersonA: 200, delegateA: 403, employer: 404, coachB: 404, anonymous: 401 },
  },
  {
    name: 'share the passport',
    method: 'POST',
    path: () => `/v1/young-people/${a.youngPersonId}/passport/shares`,
    body: () => ({ employerId: employer.employerId, sections: ['aboutMe'], purpose: 'Matrix test' }),
    expected: { adminA: 403, coachA: 403, youngPersonA: 201, delegateA: 403, employer: 404, coachB: 404, anonymous: 401 },
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
    expected: { adminA: 200, coachA: 200, youngPersonA: 200, employer: 200, otherEmployer: 200, adminB: 200, anonymous: 401 },
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
    expected: { adminA: 200, coachA: 200, youngPersonA: 200, delegateA: 200, employer: 200, otherEmployer: 200, coachB: 200, anonymous: 401 },
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
    expected: { adminA: 200, coachA: 200, youngPersonA: 404, delegateA: 404, employer: 404, adminB: 404, anonymous: 401 },
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
];

describe('permission matrix', () => {
  for (const testCase of cases) {
    describe(testCase.name, () => {
      for (const who of everyone) {
        const expected = testCase.expected[who];
        if (expected === undefined) continue;
        it(`${who} gets ${expected}`, async () => {
          const response = await call(harness.app, testCase.method, testCase.path(), {
            token: tokenOf(who),
            ...(testCase.body ? { body: testCase.body() } : {}),
          });
          expect(response.status, response.text).toBe(expected);
          if (expected >= 400) expect(response.json.error.requestId).toBeTruthy();
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
    const byEmployer = await call(harness.app, 'GET', `/v1/employers/${employer.employerId}/placements`, { token: a.coach.token });
    expect(byEmployer.json.items.map((p: { id: string }) => p.id)).toEqual([openPlacementId]);
  });

  it('shows contacts only to the employer and the provider that verified it', async () => {
    const own = await call(harness.app, 'GET', `/v1/employers/${employer.employerId}`, { token: employer.staff.token });
    const verifier = await call(harness.app, 'GET', `/v1/employers/${employer.employerId}`, { token: a.coach.token });
    const stranger = await call(harness.app, 'GET', `/v1/employers/${employer.employerId}`, { token: b.coach.token });
    const youngPerson = await call(harness.app, 'GET', `/v1/employers/${employer.employerId}`, { token: a.youngPerson.token });
    expect(own.json.contacts).toHaveLength(1);
    expect(verifier.json.contacts).toHaveLength(1);
    expect(stranger.json.contacts).toBeUndefined();
    expect(youngPerson.json.contacts).toBeUndefined();
  });
});
