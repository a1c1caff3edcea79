import { expect } from 'vitest';
import type { ManualClock } from '../../src/core/clock.js';
import { call, type Harness } from './harness.js';
import { makeAccount, type Person, placementInput, profileInput, signIn } from './world.js';

/** Another young person on a coach's caseload (no account of their own). */
export async function addYoungPerson(
  harness: Harness,
  coach: Person,
  name: string,
  profile: Record<string, unknown> = {},
): Promise<string> {
  const created = await call(harness.app, 'POST', '/v1/young-people', {
    token: coach.token,
    body: profileInput({ preferredName: name, ...profile }),
  });
  expect(created.status, created.text).toBe(201);
  return created.json.id as string;
}

/** Another young person on a coach's caseload, who signs in for themself. */
export async function addYoungPersonWithAccount(harness: Harness, coach: Person, providerId: string, name: string) {
  const id = await addYoungPerson(harness, coach, name);
  return { id, account: await makeAccount(harness, { role: 'young_person', providerId, youngPersonId: id, name }) };
}

export async function postPlacement(
  harness: Harness,
  employerId: string,
  staff: Person,
  overrides: Record<string, unknown> = {},
) {
  const body = placementInput(overrides);
  const response = await call(harness.app, 'POST', `/v1/employers/${employerId}/placements`, {
    token: staff.token,
    body,
  });
  expect(response.status, response.text).toBe(201);
  return response.json.id as string;
}

/** Moves the clock and signs everyone in again, since access tokens last minutes, not months. */
export async function travelTo(harness: Harness, clock: ManualClock, when: string, people: Person[]): Promise<void> {
  clock.set(new Date(when));
  for (const person of people) person.token = await signIn(harness, person.email);
}

/** A step on a match through the API: POST /v1/placement-matches/{id}/{step}. */
export function step(harness: Harness, person: Person, matchId: string, path: string, body: unknown = {}) {
  return call(harness.app, 'POST', `/v1/placement-matches/${matchId}/${path}`, { token: person.token, body });
}

export function propose(
  harness: Harness,
  coach: Person,
  youngPersonId: string,
  placementId: string,
  note = 'Loves stock rotation and a calm kitchen.',
) {
  return call(harness.app, 'POST', '/v1/placement-matches', {
    token: coach.token,
    body: { youngPersonId, placementId, note },
  });
}
