import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { type AdjustmentsWorld, adjustmentsWorld } from '../helpers/adjustments-world.js';
import { call, callUntyped, createHarness, type Harness, type RequestBody, type Schema } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
  password,
  placementInput,
  profileInput,
} from '../helpers/world.js';

/**
 * The permission matrix, one entry per operation of the API (its OpenAPI operationId): what every role
 * gets, including from another organisation. Each operation with `security` has at least one role that
 * is refused and one that is allowed; a test fails when an operation has no entry. 404 means "not yours:
 * we do not say it exists"; 403 means "you can see it, not do this"; 401 means "sign in first".
 */
let harness: Harness;
let a: ProviderWorld;
let b: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;
let unverified: EmployerWorld;
let toVerify: EmployerWorld;
let openPlacementId: string;
let draftPlacementId: string;
let spareCoachA: Person;
let spareStaffA: Person;
let spareDelegateA: Person;
let draftToAccept: string;
let draftToReject: string;
let shareToRenew: string;
let shareToWithdraw: string;
let shareToRead: string;
let placementToPropose: string;
let toErase: string;
let adjustments: AdjustmentsWorld;
/** Placement matches, each in the state its entry needs. */
const matches: Record<
  | 'toDecline'
  | 'toAccept'
  | 'toWithdraw'
  | 'toEmployerAccept'
  | 'toEmployerDecline'
  | 'toArrangeTaster'
  | 'toStart'
  | 'inProgress'
  | 'toComplete'
  | 'toFollowUp',
  string
> = {} as never;

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
  | 'spareCoachA'
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
  'spareCoachA',
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
    spareCoachA: spareCoachA.token,
    anonymous: undefined,
  };
  return tokens[who];
}

interface Case {
  /** What this case checks, when an operation has more than one. */
  name?: string;
  /** The path's parameters; the method and path come from the operation in /openapi.json. */
  params?: () => Record<string, string>;
  query?: string;
  body?: () => unknown | Promise<unknown>;
  expected: Partial<Record<Who, number>>;
}

/** Where each operation lives, read from the service's own OpenAPI document. */
interface Operation {
  method: string;
  path: string;
  secured: boolean;
}
let operations: Map<string, Operation>;

async function loadOperations(): Promise<Map<string, Operation>> {
  const document = (await callUntyped(harness.app, 'GET', '/openapi.json')).json as {
    security?: unknown[];
    paths: Record<string, Record<string, { operationId?: string; security?: Record<string, unknown>[] }>>;
  };
  const found = new Map<string, Operation>();
  for (const [path, item] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(item)) {
      if (!operation?.operationId) continue;
      const security = operation.security ?? document.security ?? [];
      const secured = security.some((requirement) => Object.keys(requirement as object).length > 0);
      found.set(operation.operationId, { method: method.toUpperCase(), path, secured });
    }
  return found;
}

/** The young person's passport version now, for an edit that must start from it. */
async function passportVersion(): Promise<number> {
  const passport = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: a.youngPersonId },
    token: a.youngPerson.token,
  });
  return passport.json.version as number;
}

async function placementFor(overrides: Partial<Schema<'PlacementInput'>> = {}): Promise<string> {
  return postPlacement(harness, employer.employerId, employer.staff, overrides);
}

type MatchState = 'proposed' | 'awaiting_employer' | 'agreed' | 'in_progress' | 'completed';

/** Proposes a match by coach A and moves it on to `state` (up to agreed), by the people whose step each is. */
async function matchAt(
  state: Exclude<MatchState, 'in_progress' | 'completed'>,
  youngPerson: { id: string; account: Person },
  placementId: string,
): Promise<string> {
  const proposed = await propose(harness, a.coach, youngPerson.id, placementId);
  expect(proposed.status, proposed.text).toBe(201);
  const matchId = proposed.json.id as string;
  const steps: [Person, 'accept' | 'employer-accept', object][] = [
    [youngPerson.account, 'accept', { sections: [] }],
    [employer.staff, 'employer-accept', {}],
  ];
  for (const [person, name, body] of steps.slice(0, ['proposed', 'awaiting_employer', 'agreed'].indexOf(state))) {
    const done = await step(harness, person, matchId, name, body as never);
    expect(done.status, `${name}: ${done.text}`).toBe(200);
  }
  return matchId;
}

async function stepOk(person: Person, matchId: string, name: 'start' | 'complete', body: object): Promise<void> {
  const done = await step(harness, person, matchId, name, body as never);
  expect(done.status, `${name}: ${done.text}`).toBe(200);
}

/** Everyone who signs in, signed in again after the clock moved (access tokens last minutes). */
const signedIn = (): Person[] => [
  a.admin,
  a.coach,
  a.youngPerson,
  a.delegate,
  b.admin,
  b.coach,
  b.youngPerson,
  b.delegate,
  employer.staff,
  otherEmployer.staff,
  spareCoachA,
  ...extraYoungPeople.map((person) => person.account),
];
const extraYoungPeople: { id: string; account: Person }[] = [];
/** A young person on a placement with the employer: an Access to Work award and claims to act on. */
let hostedId: string;
const claims: Record<'toSign' | 'toQuery', string> = { toSign: '', toQuery: '' };
/** Documents on young person A's record. */
const documents: Record<'toRead' | 'toDelete', string> = { toRead: '', toDelete: '' };
/** A multipart upload of a small PNG (checked by its first bytes). */
function pngUpload(kind: string): FormData {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'scan.png'));
  return form;
}

// A journey's steps are dated: the matches are made over a year and a quarter, then the matrix runs on 1 December 2026.
const clock = new ManualClock(new Date('2025-09-01T09:00:00Z'));

beforeAll(async () => {
  harness = await createHarness({ clock });
  a = await makeProvider(harness, 'Provider A');
  b = await makeProvider(harness, 'Provider B');
  employer = await makeEmployer(harness, a.admin);
  otherEmployer = await makeEmployer(harness, b.admin, { name: 'Other Employer' });
  unverified = await makeEmployer(harness, undefined, { name: 'Unverified Ltd' });
  toVerify = await makeEmployer(harness, undefined, { name: 'Waiting Ltd' });
  operations = await loadOperations();
  spareCoachA = await makeAccount(harness, { role: 'job_coach', providerId: a.providerId });
  spareStaffA = await makeAccount(harness, { role: 'job_coach', providerId: a.providerId });
  spareDelegateA = await makeAccount(harness, {
    role: 'delegate',
    providerId: a.providerId,
    actsFor: [{ youngPersonId: a.youngPersonId, rights: ['view_profile'] }],
  });
  const another = async (name: string) => {
    const person = await addYoungPersonWithAccount(harness, a.coach, a.providerId, name);
    extraYoungPeople.push(person);
    return person;
  };

  // Ended more than a year before the matrix runs, so that its 12-month follow-up is due.
  matches.toFollowUp = await matchAt('agreed', await another('Oak'), await placementFor({ startDate: '2025-09-08' }));
  await travelTo(harness, clock, '2025-09-08T10:00:00Z', signedIn());
  await stepOk(a.coach, matches.toFollowUp, 'start', { startedOn: '2025-09-08' });
  await travelTo(harness, clock, '2025-10-30T16:00:00Z', signedIn());
  await stepOk(a.coach, matches.toFollowUp, 'complete', { endedOn: '2025-10-30', outcome: { type: 'none' } });

  await travelTo(harness, clock, '2026-09-01T09:00:00Z', signedIn());
  openPlacementId = await placementFor();
  draftPlacementId = await placementFor({ status: 'draft' });
  const youngPersonA = { id: a.youngPersonId, account: a.youngPerson };
  placementToPropose = await placementFor();
  toErase = (await another('Ivy')).id;
  // Provider B's young person, so that the employer hosting them changes nothing of provider A's rows.
  adjustments = await adjustmentsWorld(harness, b, employer, '2026-09-01');
  matches.toDecline = await matchAt('proposed', youngPersonA, await placementFor());
  matches.toAccept = await matchAt('proposed', youngPersonA, await placementFor());
  matches.toWithdraw = await matchAt('proposed', await another('Wren'), await placementFor());
  matches.toEmployerAccept = await matchAt('awaiting_employer', await another('Ash'), await placementFor());
  matches.toEmployerDecline = await matchAt('awaiting_employer', await another('Rowan'), await placementFor());
  matches.toArrangeTaster = await matchAt('awaiting_employer', await another('Hazel'), await placementFor());
  matches.toStart = await matchAt('agreed', await another('Elm'), await placementFor());
  const birch = await another('Birch');
  hostedId = birch.id;
  matches.inProgress = await matchAt('agreed', birch, await placementFor());
  matches.toComplete = await matchAt('agreed', await another('Alder'), await placementFor());
  await travelTo(harness, clock, '2026-09-14T10:00:00Z', signedIn());
  for (const matchId of [matches.inProgress, matches.toComplete])
    await stepOk(a.coach, matchId, 'start', { startedOn: '2026-09-14' });

  await travelTo(harness, clock, '2026-12-01T10:00:00Z', signedIn());
  const accessToWork = `/v1/young-people/${hostedId}/access-to-work`;
  const asCoach = (method: string, path: string, body: unknown) =>
    callUntyped(harness.app, method, `${accessToWork}${path}`, { token: a.coach.token, body });
  await asCoach('PUT', '/application', {
    appliedBy: 'education_provider',
    sentOn: '2026-06-02',
    signer: 'young_person',
  });
  await asCoach('PUT', '/award', {
    letterDate: '2026-08-20',
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
  });
  claims.toSign = ((await asCoach('POST', '/claims', { month: '2026-10' })).json as { id: string }).id;
  claims.toQuery = ((await asCoach('POST', '/claims', { month: '2026-09' })).json as { id: string }).id;
  await asCoach('POST', `/claims/${claims.toQuery}/sign`, { signedBy: 'Birch', signedOn: '2026-11-01' });
  await asCoach('POST', `/claims/${claims.toQuery}/send`, { sentOn: '2026-11-02' });
  await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: a.youngPersonId },
    token: a.youngPerson.token,
    body: passportText('Hello'),
  });
  const draft = () =>
    call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: a.youngPersonId },
      token: a.coach.token,
      body: { note: 'From our meeting', sections: { aboutMe: { summary: 'From our meeting' } } },
    });
  draftToAccept = (await draft()).json.id;
  draftToReject = (await draft()).json.id;
  const share = async () =>
    (
      await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
        path: { youngPersonId: a.youngPersonId },
        token: a.youngPerson.token,
        body: { employerId: employer.employerId, sections: ['aboutMe'], purpose: 'Matrix setup' },
      })
    ).json.id as string;
  shareToRenew = await share();
  shareToWithdraw = await share();
  shareToRead = await share();
  for (const name of ['toRead', 'toDelete'] as const) {
    const uploaded = await callUntyped(harness.app, 'POST', `/v1/young-people/${a.youngPersonId}/documents`, {
      token: a.coach.token,
      body: pngUpload('risk_assessment'),
    });
    documents[name] = (uploaded.json as { id: string }).id;
  }
});
afterAll(() => harness.close());

const youngPerson = () => ({ youngPersonId: a.youngPersonId });
const match = (name: keyof typeof matches) => () => ({ matchId: matches[name] });
const passportText = (summary: string) => ({
  sections: {
    aboutMe: { summary },
    myCondition: { description: 'Private' },
    whatHelps: null,
    accessToWork: null,
    review: null,
  },
});

const matrix: Record<string, Case[]> = {
  getMe: [{ expected: { coachA: 200, employer: 200, youngPersonA: 200, anonymous: 401 } }],
  changePassword: [
    {
      body: () => ({ currentPassword: password, newPassword: 'a brand new passphrase for the matrix' }),
      expected: { anonymous: 401, spareCoachA: 200 },
    },
  ],
  createInvitation: [
    {
      body: () => ({ role: 'job_coach', email: 'new.coach@provider-a.example', name: 'New Coach' }),
      expected: { adminA: 201, coachA: 403, youngPersonA: 403, employer: 403, anonymous: 401 },
    },
  ],
  listAccounts: [{ expected: { adminA: 200, employer: 200, youngPersonA: 200, anonymous: 401 } }],
  getAccount: [
    {
      params: () => ({ accountId: a.coach.accountId }),
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
  ],
  disableAccount: [
    {
      name: 'another provider’s coach',
      params: () => ({ accountId: b.coach.accountId }),
      expected: { adminA: 404, coachB: 403, youngPersonB: 404, employer: 404, anonymous: 401 },
    },
    {
      name: 'their own provider’s coach',
      params: () => ({ accountId: spareStaffA.accountId }),
      expected: { coachA: 403, adminB: 404, adminA: 200 },
    },
  ],
  enableAccount: [
    {
      params: () => ({ accountId: spareStaffA.accountId }),
      expected: { coachA: 403, adminB: 404, employer: 404, anonymous: 401, adminA: 200 },
    },
  ],
  listEmployers: [{ expected: { coachA: 200, employer: 200, youngPersonA: 200, anonymous: 401 } }],
  getEmployer: [
    {
      name: 'a verified employer, with its contacts',
      params: () => ({ employerId: employer.employerId }),
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
      name: 'an unverified employer',
      params: () => ({ employerId: unverified.employerId }),
      expected: { adminA: 200, adminB: 200, coachA: 404, youngPersonA: 404, employer: 404, anonymous: 401 },
    },
  ],
  updateEmployer: [
    {
      params: () => ({ employerId: employer.employerId }),
      body: () => ({ description: 'We host interns every year.' }),
      expected: { adminA: 403, coachA: 403, youngPersonA: 403, employer: 200, otherEmployer: 403, anonymous: 401 },
    },
  ],
  setEmployerVerification: [
    {
      params: () => ({ employerId: toVerify.employerId }),
      body: () => ({ verified: true }),
      expected: { coachA: 404, youngPersonA: 404, employer: 404, anonymous: 401, adminA: 200 },
    },
  ],
  createYoungPerson: [
    {
      body: () => profileInput({ preferredName: 'Added' }),
      expected: { adminA: 201, coachA: 201, youngPersonA: 403, delegateA: 403, employer: 403, anonymous: 401 },
    },
  ],
  listYoungPeople: [
    {
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
  ],
  getYoungPerson: [
    {
      params: youngPerson,
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
  ],
  updateYoungPerson: [
    {
      name: 'their interests',
      params: youngPerson,
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
      name: 'their status (staff only)',
      params: youngPerson,
      body: () => ({ status: 'active' }),
      expected: { adminA: 200, coachA: 200, youngPersonA: 403, delegateA: 403, coachB: 404 },
    },
  ],
  setEligibilityException: [
    {
      params: youngPerson,
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
  ],
  listDelegates: [
    { params: youngPerson, expected: { youngPersonA: 200, coachA: 200, employer: 404, coachB: 404, anonymous: 401 } },
  ],
  removeDelegate: [
    {
      params: () => ({ youngPersonId: a.youngPersonId, accountId: spareDelegateA.accountId }),
      expected: { employer: 404, coachB: 404, delegateA: 403, anonymous: 401, youngPersonA: 204 },
    },
  ],
  eraseYoungPerson: [
    {
      name: 'one with matches and a passport',
      params: youngPerson,
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
      name: 'their provider’s admin erases one',
      params: () => ({ youngPersonId: toErase }),
      expected: { coachA: 403, adminB: 404, anonymous: 401, adminA: 200 },
    },
  ],
  exportYoungPerson: [
    {
      params: youngPerson,
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
  ],
  createPlacement: [
    {
      params: () => ({ employerId: employer.employerId }),
      body: () => placementInput({ status: 'draft' }),
      expected: { adminA: 403, coachA: 403, youngPersonA: 403, employer: 201, otherEmployer: 403, anonymous: 401 },
    },
  ],
  listEmployerPlacements: [
    {
      params: () => ({ employerId: unverified.employerId }),
      expected: { coachA: 404, youngPersonA: 404, anonymous: 401, adminA: 200 },
    },
  ],
  getPlacement: [
    {
      name: 'an open placement',
      params: () => ({ placementId: openPlacementId }),
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
      name: 'a draft placement',
      params: () => ({ placementId: draftPlacementId }),
      expected: { adminA: 404, coachA: 404, youngPersonA: 404, employer: 200, otherEmployer: 404, anonymous: 401 },
    },
  ],
  updatePlacement: [
    {
      params: () => ({ placementId: openPlacementId }),
      body: () => ({ places: 3 }),
      expected: { adminA: 403, coachA: 403, youngPersonA: 403, employer: 200, otherEmployer: 403, anonymous: 401 },
    },
  ],
  listMatches: [
    { params: youngPerson, expected: { coachA: 200, employer: 404, coachB: 404, youngPersonB: 404, anonymous: 401 } },
  ],
  listCandidates: [
    {
      params: () => ({ placementId: openPlacementId }),
      expected: { coachA: 200, youngPersonA: 403, employer: 403, anonymous: 401 },
    },
  ],
  browsePlacements: [{ expected: { coachA: 200, youngPersonA: 200, employer: 200, anonymous: 401 } }],
  getPassport: [
    {
      params: youngPerson,
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
  ],
  savePassport: [
    {
      params: youngPerson,
      body: () => passportText('Hello again'),
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
  ],
  savePassportSection: [
    {
      params: () => ({ youngPersonId: a.youngPersonId, section: 'aboutMe' }),
      body: async () => ({ baseVersion: await passportVersion(), content: { summary: 'One section' } }),
      expected: { adminA: 403, coachA: 403, employer: 404, anonymous: 401, youngPersonA: 200 },
    },
  ],
  restorePassportVersion: [
    {
      params: () => ({ youngPersonId: a.youngPersonId, version: '1' }),
      body: async () => ({ baseVersion: await passportVersion() }),
      expected: { adminA: 403, coachA: 403, employer: 404, anonymous: 401, youngPersonA: 200 },
    },
  ],
  printPassport: [
    { params: youngPerson, expected: { adminA: 403, employer: 404, coachB: 404, anonymous: 401, youngPersonA: 200 } },
  ],
  listPassportVersions: [
    { params: youngPerson, expected: { employer: 404, coachB: 404, anonymous: 401, youngPersonA: 200 } },
  ],
  getPassportVersion: [
    {
      params: () => ({ youngPersonId: a.youngPersonId, version: '1' }),
      expected: { employer: 404, coachB: 404, anonymous: 401, youngPersonA: 200 },
    },
  ],
  listPassportDrafts: [
    { params: youngPerson, expected: { employer: 404, coachB: 404, anonymous: 401, youngPersonA: 200 } },
  ],
  proposePassportDraft: [
    {
      params: youngPerson,
      body: () => ({ note: 'After the review', sections: { aboutMe: { summary: 'After the review' } } }),
      expected: { employer: 404, coachB: 404, anonymous: 401, coachA: 201 },
    },
  ],
  acceptPassportDraft: [
    {
      params: () => ({ youngPersonId: a.youngPersonId, draftId: draftToAccept }),
      body: () => ({}),
      expected: { coachA: 403, employer: 404, anonymous: 401, youngPersonA: 200 },
    },
  ],
  rejectPassportDraft: [
    {
      params: () => ({ youngPersonId: a.youngPersonId, draftId: draftToReject }),
      body: () => ({}),
      expected: { coachA: 403, employer: 404, anonymous: 401, youngPersonA: 200 },
    },
  ],
  listPassportShares: [
    { params: youngPerson, expected: { employer: 404, coachB: 404, anonymous: 401, youngPersonA: 200 } },
  ],
  sharePassport: [
    {
      params: youngPerson,
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
  ],
  withdrawPassportShare: [
    {
      params: () => ({ youngPersonId: a.youngPersonId, shareId: shareToWithdraw }),
      expected: { coachA: 403, employer: 404, anonymous: 401, youngPersonA: 200 },
    },
  ],
  renewPassportShare: [
    {
      params: () => ({ youngPersonId: a.youngPersonId, shareId: shareToRenew }),
      body: () => ({ expiresInDays: 30 }),
      expected: { coachA: 403, employer: 404, anonymous: 401, youngPersonA: 200 },
    },
  ],
  getPassportAccessLog: [
    {
      params: youngPerson,
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
  ],
  listSharedPassports: [{ expected: { employer: 200, otherEmployer: 200, coachA: 200, anonymous: 401 } }],
  readSharedPassport: [
    {
      params: () => ({ shareId: shareToRead }),
      expected: { otherEmployer: 404, coachA: 404, anonymous: 401, employer: 200 },
    },
  ],
  printSharedPassport: [
    {
      params: () => ({ shareId: shareToRead }),
      expected: { otherEmployer: 404, coachA: 404, anonymous: 401, employer: 200 },
    },
  ],
  proposePlacementMatch: [
    {
      body: () => ({ youngPersonId: a.youngPersonId, placementId: placementToPropose, note: 'Likes kitchens' }),
      expected: { youngPersonA: 403, employer: 404, coachB: 404, anonymous: 401, coachA: 201 },
    },
  ],
  listPlacementMatches: [{ expected: { coachA: 200, employer: 200, youngPersonA: 200, anonymous: 401 } }],
  getPlacementMatch: [
    {
      params: match('toAccept'),
      expected: { coachB: 404, otherEmployer: 404, youngPersonB: 404, anonymous: 401, coachA: 200, youngPersonA: 200 },
    },
  ],
  acceptPlacementMatch: [
    {
      params: match('toAccept'),
      body: () => ({ sections: [] }),
      expected: { coachA: 403, coachB: 404, anonymous: 401, youngPersonA: 200 },
    },
  ],
  declinePlacementMatch: [
    {
      params: match('toDecline'),
      body: () => ({ reason: 'Too far from home' }),
      expected: { coachA: 403, coachB: 404, anonymous: 401, youngPersonA: 200 },
    },
  ],
  employerAcceptPlacementMatch: [
    {
      params: match('toEmployerAccept'),
      body: () => ({}),
      expected: { coachA: 403, otherEmployer: 404, anonymous: 401, employer: 200 },
    },
  ],
  employerDeclinePlacementMatch: [
    {
      params: match('toEmployerDecline'),
      body: () => ({ reason: 'No places left this year' }),
      expected: { coachA: 403, otherEmployer: 404, anonymous: 401, employer: 200 },
    },
  ],
  tasterPlacementMatch: [
    {
      params: match('toArrangeTaster'),
      body: () => ({ kind: 'taster_day', date: '2027-09-08', place: 'Staff restaurant, 1 Park Row' }),
      expected: { coachA: 403, otherEmployer: 404, anonymous: 401, employer: 200 },
    },
  ],
  startPlacementMatch: [
    {
      params: match('toStart'),
      body: () => ({ startedOn: '2026-09-14' }),
      expected: { youngPersonA: 404, otherEmployer: 404, coachB: 404, anonymous: 401, coachA: 200 },
    },
  ],
  addRotation: [
    {
      params: match('inProgress'),
      body: () => ({ department: 'Kitchen', tasks: ['food preparation'], startDate: '2026-09-14' }),
      expected: { coachB: 404, otherEmployer: 404, anonymous: 401, employer: 201 },
    },
  ],
  addWeeklyLog: [
    {
      params: match('inProgress'),
      body: () => ({ weekStarting: '2026-09-14', hoursWorked: 20, supportHours: 10 }),
      expected: { coachB: 404, otherEmployer: 404, anonymous: 401, coachA: 201 },
    },
  ],
  correctWeeklyLog: [
    {
      name: 'the week logged above, corrected',
      params: () => ({ matchId: matches.inProgress, week: '2026-09-16' }),
      body: () => ({ hoursWorked: 18, supportHours: 9 }),
      expected: { coachB: 404, otherEmployer: 404, anonymous: 401, youngPersonA: 404, coachA: 200 },
    },
  ],
  addReview: [
    {
      params: match('inProgress'),
      body: () => ({
        heldOn: '2026-10-26',
        targets: [
          { text: 'Prepare the salad bar alone', measure: 'Three shifts without prompts', dueDate: '2026-12-07' },
        ],
      }),
      expected: { coachB: 404, otherEmployer: 404, anonymous: 401, coachA: 201 },
    },
  ],
  getPlacementProgress: [
    { params: match('inProgress'), expected: { coachB: 404, otherEmployer: 404, anonymous: 401, coachA: 200 } },
  ],
  completePlacementMatch: [
    {
      params: match('toComplete'),
      body: () => ({ endedOn: '2026-11-30', outcome: { type: 'none' } }),
      expected: { coachB: 404, otherEmployer: 404, anonymous: 401, coachA: 200 },
    },
  ],
  followUpPlacementMatch: [
    {
      params: match('toFollowUp'),
      body: () => ({ checkedOn: '2026-12-01', stillEmployed: false }),
      expected: { coachB: 404, otherEmployer: 404, anonymous: 401, coachA: 200 },
    },
  ],
  withdrawPlacementMatch: [
    {
      params: match('toWithdraw'),
      body: () => ({ reason: 'Moved away' }),
      expected: { adminA: 403, coachB: 404, anonymous: 401, coachA: 200 },
    },
  ],
  getInbox: [{ expected: { coachA: 200, employer: 200, youngPersonA: 200, anonymous: 401 } }],
  getProviderDashboard: [{ expected: { youngPersonA: 403, employer: 403, anonymous: 401, adminA: 200 } }],
  getEmployerDashboard: [{ expected: { coachA: 403, youngPersonA: 403, anonymous: 401, employer: 200 } }],
  getNotificationPreferences: [{ expected: { coachA: 200, youngPersonA: 200, anonymous: 401 } }],
  setNotificationPreferences: [
    { body: () => ({ email: {}, dailyDigest: true }), expected: { anonymous: 401, coachA: 200 } },
  ],
  listNotifications: [{ expected: { coachA: 200, youngPersonA: 200, anonymous: 401, adminA: 200 } }],
  getStudyProgramme: [
    {
      params: youngPerson,
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
  ],
  putStudyProgramme: [
    {
      params: youngPerson,
      body: () => ({ plannedHours: 600, english: { level: 'entry_3', achieved: false } }),
      expected: {
        youngPersonA: 403,
        delegateA: 403,
        employer: 404,
        adminB: 404,
        coachB: 404,
        anonymous: 401,
        adminA: 200,
        coachA: 200,
      },
    },
  ],
  listAttendance: [
    {
      name: 'an employer hosting the intern sees nothing of the study programme',
      params: match('inProgress'),
      expected: { employer: 404, coachB: 404, youngPersonA: 404, anonymous: 401, adminA: 200, coachA: 200 },
    },
  ],
  recordAttendance: [
    {
      params: () => ({ matchId: matches.inProgress, week: '2026-11-16' }),
      body: () => ({ daysExpected: 4, daysAttended: 3, absences: [{ reason: 'ill' }] }),
      expected: {
        employer: 404,
        coachB: 404,
        adminB: 404,
        youngPersonA: 404,
        anonymous: 401,
        adminA: 200,
        coachA: 200,
      },
    },
  ],
  exportIlrWorkPlacementsCsv: [
    {
      expected: {
        adminA: 200,
        adminB: 200,
        coachA: 403,
        youngPersonA: 403,
        delegateA: 403,
        employer: 403,
        anonymous: 401,
      },
    },
  ],
  getAccessToWorkCase: [
    {
      params: youngPerson,
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
  ],
  getAccessToWorkFunding: [
    {
      name: 'an employer only while hosting the intern',
      params: () => ({ youngPersonId: hostedId }),
      expected: {
        adminA: 200,
        coachA: 200,
        employer: 200,
        otherEmployer: 404,
        coachB: 404,
        youngPersonA: 404,
        anonymous: 401,
      },
    },
  ],
  putAccessToWorkApplication: [
    {
      params: youngPerson,
      body: () => ({ appliedBy: 'education_provider', sentOn: '2026-11-02', signer: 'young_person' }),
      expected: {
        youngPersonA: 403,
        delegateA: 403,
        employer: 404,
        adminB: 404,
        coachB: 404,
        anonymous: 401,
        adminA: 200,
        coachA: 200,
      },
    },
  ],
  putAccessToWorkAward: [
    {
      params: youngPerson,
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
      expected: { youngPersonA: 403, delegateA: 403, coachB: 404, anonymous: 401, adminA: 200, coachA: 200 },
    },
  ],
  listAccessToWorkClaims: [
    {
      params: youngPerson,
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
  ],
  exportAccessToWorkClaimsCsv: [
    {
      params: youngPerson,
      expected: { adminA: 200, youngPersonA: 200, delegateA: 200, employer: 404, adminB: 404, anonymous: 401 },
    },
  ],
  exportProviderAccessToWorkClaimsCsv: [
    {
      expected: {
        adminA: 200,
        coachA: 200,
        adminB: 200,
        youngPersonA: 403,
        delegateA: 403,
        employer: 403,
        anonymous: 401,
      },
    },
  ],
  draftAccessToWorkClaim: [
    {
      name: 'provider staff draft a month of a placement under way',
      params: () => ({ youngPersonId: hostedId }),
      body: () => ({ month: '2026-11' }),
      expected: { youngPersonA: 404, employer: 403, coachB: 404, anonymous: 401, coachA: 201 },
    },
    {
      name: 'before the internship starts, staff are told there is nothing to claim (409)',
      params: youngPerson,
      body: () => ({ month: '2026-10' }),
      expected: { youngPersonA: 403, delegateA: 403, adminA: 409 },
    },
  ],
  getAccessToWorkClaim: [
    {
      params: () => ({ youngPersonId: hostedId, claimId: claims.toSign }),
      expected: { youngPersonA: 404, employer: 403, coachB: 404, anonymous: 401, adminA: 200, coachA: 200 },
    },
  ],
  signAccessToWorkClaim: [
    {
      params: () => ({ youngPersonId: hostedId, claimId: claims.toSign }),
      body: () => ({ signedBy: 'Birch', signedOn: '2026-11-03' }),
      expected: { youngPersonA: 404, employer: 403, coachB: 404, anonymous: 401, coachA: 200 },
    },
  ],
  sendAccessToWorkClaim: [
    {
      params: () => ({ youngPersonId: hostedId, claimId: claims.toSign }),
      body: () => ({ sentOn: '2026-11-04' }),
      expected: { youngPersonA: 404, employer: 403, coachB: 404, anonymous: 401, adminA: 200 },
    },
  ],
  recordAccessToWorkClaimPaid: [
    {
      params: () => ({ youngPersonId: hostedId, claimId: claims.toSign }),
      body: () => ({ paidOn: '2026-11-20', amountPence: 100 }),
      expected: { youngPersonA: 404, employer: 403, coachB: 404, anonymous: 401, coachA: 200 },
    },
  ],
  getEhcPlan: [
    {
      params: youngPerson,
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
  ],
  putEhcPlan: [
    {
      params: youngPerson,
      body: () => ({ outcomes: [{ text: 'Travel independently to work' }], nextReviewOn: '2027-03-01' }),
      expected: {
        youngPersonA: 403,
        delegateA: 403,
        employer: 404,
        coachB: 404,
        anonymous: 401,
        adminA: 200,
        coachA: 200,
      },
    },
  ],
  getOutcomeProgress: [
    {
      params: youngPerson,
      expected: { adminA: 200, youngPersonA: 200, delegateA: 200, employer: 404, coachB: 404, anonymous: 401 },
    },
  ],
  getInternshipAfter: [
    {
      params: match('toFollowUp'),
      expected: { adminA: 200, coachA: 200, youngPersonA: 404, employer: 404, coachB: 404, anonymous: 401 },
    },
  ],
  putCoreAims: [
    {
      params: match('toFollowUp'),
      body: () => ({ met: true }),
      expected: { youngPersonA: 404, employer: 404, coachB: 404, anonymous: 401, coachA: 200, adminA: 200 },
    },
  ],
  putEmploymentPlan: [
    {
      params: match('inProgress'),
      body: () => ({
        targetJobs: ['Kitchen porter'],
        actions: [{ what: 'Write a CV', who: 'Birch with the job coach', dueOn: '2026-12-10' }],
      }),
      expected: { youngPersonA: 404, employer: 404, coachB: 404, anonymous: 401, coachA: 200 },
    },
  ],
  putInternshipFollowUp: [
    {
      params: () => ({ matchId: matches.toFollowUp, month: '6' }),
      body: () => ({ checkedOn: '2026-12-01', activity: 'volunteering' }),
      expected: { youngPersonA: 404, employer: 404, coachB: 404, anonymous: 401, coachA: 200, adminA: 200 },
    },
  ],
  getJobOutcomes: [
    { expected: { adminA: 200, coachA: 200, adminB: 200, youngPersonA: 403, employer: 403, anonymous: 401 } },
  ],
  exportSen2Csv: [
    {
      expected: {
        adminA: 200,
        adminB: 200,
        coachA: 403,
        youngPersonA: 403,
        delegateA: 403,
        employer: 403,
        anonymous: 401,
      },
    },
  ],
  listAdjustments: [
    {
      params: () => ({ matchId: adjustments.matchId }),
      expected: {
        adminB: 200,
        coachB: 200,
        youngPersonB: 200,
        employer: 200,
        otherEmployer: 404,
        coachA: 404,
        youngPersonA: 404,
        delegateA: 404,
        anonymous: 401,
      },
    },
  ],
  getAdjustment: [
    {
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toAnswer }),
      expected: { coachB: 200, youngPersonB: 200, employer: 200, otherEmployer: 404, coachA: 404, anonymous: 401 },
    },
    {
      name: 'a request waiting for the young person',
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toDecide }),
      expected: { coachB: 200, youngPersonB: 200, employer: 404 },
    },
  ],
  addAdjustment: [
    {
      params: () => ({ matchId: adjustments.matchId }),
      body: () => ({ kind: 'travel', text: 'A bus pass' }),
      expected: {
        adminB: 403,
        youngPersonB: 403,
        employer: 403,
        otherEmployer: 404,
        coachA: 404,
        anonymous: 401,
        coachB: 201,
      },
    },
  ],
  suggestAdjustmentWording: [
    {
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toSuggest }),
      body: () => ({ parts: [{ kind: 'environment', text: 'Quiet breaks in the staff room' }] }),
      expected: { adminB: 403, youngPersonB: 403, employer: 403, otherEmployer: 404, coachA: 404, coachB: 200 },
    },
  ],
  decideAdjustmentSuggestion: [
    {
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toDecide }),
      body: () => ({ decision: 'agree' }),
      expected: { coachB: 403, employer: 404, youngPersonA: 404, youngPersonB: 200 },
    },
  ],
  answerAdjustment: [
    {
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toAnswer }),
      body: () => ({ answer: 'not_possible', reason: 'No space for it' }),
      expected: { coachB: 403, youngPersonB: 403, otherEmployer: 404, coachA: 404, anonymous: 401, employer: 200 },
    },
  ],
  putAdjustmentInPlace: [
    {
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toPutInPlace }),
      body: () => ({ inPlaceOn: '2026-09-01' }),
      expected: { adminB: 403, youngPersonB: 403, otherEmployer: 404, coachA: 404, employer: 200 },
    },
  ],
  checkAdjustment: [
    {
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toCheck }),
      body: () => ({ answer: 'yes' }),
      expected: { coachB: 403, employer: 403, otherEmployer: 404, youngPersonA: 404, youngPersonB: 200 },
    },
  ],
  observeAdjustment: [
    {
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toObserve }),
      body: () => ({ note: 'Used it at lunch' }),
      expected: { adminB: 403, youngPersonB: 403, employer: 403, coachA: 404, coachB: 200 },
    },
  ],
  addAdjustmentToPassport: [
    {
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toAddToPassport }),
      expected: { coachB: 403, employer: 403, otherEmployer: 404, youngPersonA: 404, youngPersonB: 200 },
    },
  ],
  reviewAdjustment: [
    {
      params: () => ({ matchId: adjustments.matchId, adjustmentId: adjustments.toReview }),
      body: () => ({ decision: 'keep', heldOn: '2026-09-01' }),
      expected: { adminB: 403, youngPersonB: 403, employer: 403, coachA: 404, coachB: 200 },
    },
  ],
  listDocuments: [
    {
      params: youngPerson,
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
  ],
  uploadDocument: [
    {
      params: youngPerson,
      body: () => pngUpload('certificate'),
      expected: {
        youngPersonA: 403,
        delegateA: 403,
        employer: 404,
        coachB: 404,
        youngPersonB: 404,
        anonymous: 401,
        adminA: 201,
        coachA: 201,
      },
    },
  ],
  downloadDocument: [
    {
      name: 'an employer without the owner’s share gets nothing',
      params: () => ({ youngPersonId: a.youngPersonId, documentId: documents.toRead }),
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
  ],
  deleteDocument: [
    {
      params: () => ({ youngPersonId: a.youngPersonId, documentId: documents.toDelete }),
      expected: {
        youngPersonA: 403,
        delegateA: 403,
        employer: 404,
        adminB: 404,
        coachB: 404,
        anonymous: 401,
        coachA: 204,
      },
    },
  ],
  recordAccessToWorkClaimQuery: [
    {
      params: () => ({ youngPersonId: hostedId, claimId: claims.toQuery }),
      body: () => ({ queriedOn: '2026-11-20', question: 'Which weeks?' }),
      expected: { youngPersonA: 404, employer: 403, coachB: 404, anonymous: 401, adminA: 200 },
    },
  ],
};

/** A case's people, those refused first, so that an allowed step cannot change what a refusal meets. */
function whoInOrder(expected: Case['expected']): [Who, number][] {
  const listed = everyone.flatMap((who) =>
    expected[who] === undefined ? [] : [[who, expected[who]!] as [Who, number]],
  );
  return [...listed.filter(([, status]) => status >= 400), ...listed.filter(([, status]) => status < 400)];
}

describe('permission matrix', () => {
  it('has an entry for every operation that needs a signed-in caller, each refusing someone and allowing someone', () => {
    const secured = [...operations].filter(([, operation]) => operation.secured).map(([id]) => id);
    expect(secured.filter((id) => !(id in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((id) => !operations.has(id))).toEqual([]);
    for (const id of secured) {
      const statuses = matrix[id]!.flatMap((testCase) => Object.values(testCase.expected));
      expect(
        statuses.some((status) => status >= 400),
        `${id} refuses someone`,
      ).toBe(true);
      expect(
        statuses.some((status) => status < 300),
        `${id} allows someone`,
      ).toBe(true);
    }
  });

  for (const [operationId, cases] of Object.entries(matrix)) {
    for (const testCase of cases) {
      describe(testCase.name ? `${operationId}: ${testCase.name}` : operationId, () => {
        for (const [who, expected] of whoInOrder(testCase.expected)) {
          it(`${who} gets ${expected}`, async () => {
            const operation = operations.get(operationId)!;
            const params = testCase.params?.() ?? {};
            const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
            const response = await callUntyped(harness.app, operation.method, path + (testCase.query ?? ''), {
              token: tokenOf(who),
              ...(testCase.body ? { body: await testCase.body() } : {}),
            });
            expect(response.status, response.text).toBe(expected);
            if (expected >= 400) expect(response.error?.requestId).toBeTruthy();
          });
        }
      });
    }
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
    const listed = byEmployer.json.items.map((p: { id: string }) => p.id);
    expect(listed).toContain(openPlacementId);
    expect(listed).not.toContain(draftPlacementId);
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
    const { addYoungPersonWithAccount, propose } = await import('../helpers/journey-world.js');
    const { makeAccount } = await import('../helpers/world.js');
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
