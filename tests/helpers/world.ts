import { ObjectId } from 'mongodb';
import type { DelegateRight } from '../../src/domain/vocabulary.js';
import type { Harness, Schema } from './harness.js';
import { call } from './harness.js';

export const password = 'correct horse battery staple';

/** A valid young person profile; override what a test cares about. */
export function profileInput(overrides: Partial<Schema<'YoungPersonInput'>> = {}): Schema<'YoungPersonInput'> {
  return {
    preferredName: 'Sam',
    dateOfBirth: '2008-03-14',
    plannedStartDate: '2026-09-07',
    ehcPlan: 'ehc_plan',
    localAuthority: 'Leeds',
    homePostcode: 'LS6 2AB',
    travel: { independence: 'independent', modes: ['bus', 'walk'], maxJourneyMinutes: 45, maxDistanceKm: 12 },
    availability: {
      days: ['mon', 'tue', 'wed', 'thu'],
      earliestStart: '09:00',
      latestFinish: '15:30',
      maxHoursPerWeek: 24,
    },
    interests: ['hospitality_catering', 'retail'],
    strengths: ['friendly', 'punctual'],
    skills: ['food hygiene level 1'],
    tasksLiked: ['food preparation', 'stock rotation'],
    tasksDisliked: ['phone calls'],
    conditionsForSuccess: {
      maxEnvironment: { noise: 'medium', customerContact: 'low' },
      stepFreeAccess: false,
      requiredAdjustments: ['instructions'],
      preferredAdjustments: ['colleague_support'],
      notes: 'Likes a quiet place at break time.',
    },
    communication: ['written_instructions'],
    ...overrides,
  };
}

export function employerInput(
  overrides: Partial<Schema<'EmployerSignUp'>['organisation']> = {},
): Schema<'EmployerSignUp'>['organisation'] {
  return {
    name: 'Northern Kitchens Ltd',
    sector: 'hospitality_catering',
    address: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB' },
    disabilityConfident: 'employer',
    contacts: [{ name: 'Priya Shah', jobTitle: 'Head chef', email: 'priya@northernkitchens.example' }],
    ...overrides,
  };
}

export interface Person {
  accountId: string;
  token: string;
  email: string;
}

let counter = 0;
const uniqueEmail = (label: string) => `${label}.${Date.now().toString(36)}.${++counter}@example.org`;

/** Makes an active account straight in the store and signs it in through the API. */
export async function makeAccount(
  harness: Harness,
  fields: {
    role: string;
    name?: string;
    providerId?: string;
    employerId?: string;
    youngPersonId?: string;
    actsFor?: { youngPersonId: string; rights: DelegateRight[] }[];
  },
): Promise<Person> {
  const { services } = harness;
  const email = uniqueEmail(fields.role);
  const account = await services.accounts.insert({
    email,
    name: fields.name ?? `Test ${fields.role}`,
    role: fields.role as never,
    status: 'active',
    passwordHash: await services.hasher.hash(password),
    ...(fields.providerId ? { providerId: new ObjectId(fields.providerId) } : {}),
    ...(fields.employerId ? { employerId: new ObjectId(fields.employerId) } : {}),
    ...(fields.youngPersonId ? { youngPersonId: new ObjectId(fields.youngPersonId) } : {}),
    ...(fields.actsFor
      ? {
          actsFor: fields.actsFor.map((grant) => ({
            youngPersonId: new ObjectId(grant.youngPersonId),
            rights: grant.rights,
          })),
        }
      : {}),
  });
  return { accountId: account.id, token: await signIn(harness, email), email };
}

export async function signIn(harness: Harness, email: string, pass = password): Promise<string> {
  const response = await call(harness.app, 'POST', '/v1/auth/token', { body: { email, password: pass } });
  if (response.status !== 200) throw new Error(`sign-in failed for ${email}: ${response.status} ${response.text}`);
  return response.json.accessToken;
}

export interface ProviderWorld {
  providerId: string;
  admin: Person;
  coach: Person;
  youngPersonId: string;
  youngPerson: Person;
  delegate: Person;
}

/** A provider with an admin, a job coach, a young person with an account, and a delegate (view and edit profile). */
export async function makeProvider(harness: Harness, name = 'Leeds City College'): Promise<ProviderWorld> {
  const provider = await harness.services.providers.create({ name, kind: 'college', localAuthority: 'Leeds' });
  const admin = await makeAccount(harness, { role: 'provider_admin', providerId: provider.id });
  const coach = await makeAccount(harness, { role: 'job_coach', providerId: provider.id });
  const created = await call(harness.app, 'POST', '/v1/young-people', { token: coach.token, body: profileInput() });
  if (created.status !== 201) throw new Error(`young person: ${created.status} ${created.text}`);
  const youngPersonId = created.json.id as string;
  const youngPerson = await makeAccount(harness, { role: 'young_person', providerId: provider.id, youngPersonId });
  const delegate = await makeAccount(harness, {
    role: 'delegate',
    providerId: provider.id,
    actsFor: [{ youngPersonId, rights: ['view_profile', 'edit_profile'] }],
  });
  return { providerId: provider.id, admin, coach, youngPersonId, youngPerson, delegate };
}

export interface EmployerWorld {
  employerId: string;
  staff: Person;
}

/** An employer signed up through the API; verified by `verifier` (a provider admin token) when given. */
export async function makeEmployer(
  harness: Harness,
  verifier?: Person,
  overrides: Partial<Schema<'EmployerSignUp'>['organisation']> = {},
): Promise<EmployerWorld> {
  const email = uniqueEmail('employer');
  const response = await call(harness.app, 'POST', '/v1/employers/signup', {
    body: { organisation: employerInput(overrides), account: { name: 'Priya Shah', email, password } },
  });
  if (response.status !== 201) throw new Error(`employer sign-up: ${response.status} ${response.text}`);
  const employerId = response.json.employer.id as string;
  if (verifier) {
    const verified = await call(harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
      path: { employerId },
      token: verifier.token,
      body: { verified: true },
    });
    if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${verified.text}`);
  }
  return { employerId, staff: { accountId: response.json.account.id, token: response.json.tokens.accessToken, email } };
}

/** A valid placement; override what a test cares about. */
export function placementInput(overrides: Partial<Schema<'PlacementInput'>> = {}): Schema<'PlacementInput'> {
  return {
    title: 'Kitchen assistant',
    description: 'Help the kitchen team prepare fresh food for the staff restaurant.',
    tasks: ['food preparation', 'washing up', 'stock rotation'],
    sector: 'hospitality_catering',
    site: {
      address: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB' },
      busRoutes: ['1', '6'],
      stepFreeAccess: true,
    },
    schedule: { days: ['mon', 'tue', 'wed', 'thu'], startTime: '09:30', endTime: '14:30', hoursPerWeek: 20 },
    startDate: '2026-09-14',
    durationWeeks: 36,
    rotations: [{ department: 'Kitchen', tasks: ['food preparation'], weeks: 12 }],
    places: 2,
    environment: {
      noise: 'medium',
      lighting: 'low',
      crowds: 'low',
      customerContact: 'low',
      standing: 'high',
      walking: 'medium',
      lifting: 'low',
      outdoorWork: 'none',
      pace: 'medium',
    },
    adjustmentsOffered: ['instructions', 'colleague_support', 'hours_and_breaks', 'job_coach'],
    status: 'open',
    ...overrides,
  };
}
