import { expect } from 'vitest';
import type { ManualClock } from '../../src/core/clock.js';
import {
  type CallResult,
  type ContractPath,
  call,
  callUntyped,
  type Harness,
  type RequestBody,
  type Schema,
  type SuccessBody,
} from './harness.js';
import { makeAccount, type Person, placementInput, profileInput, signIn } from './world.js';

/** Another young person on a coach's caseload (no account of their own). */
export async function addYoungPerson(
  harness: Harness,
  coach: Person,
  name: string,
  profile: Partial<Schema<'YoungPersonInput'>> = {},
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
  overrides: Partial<Schema<'PlacementInput'>> = {},
) {
  const body = placementInput(overrides);
  const response = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
    path: { employerId },
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

type StepPath = Extract<ContractPath<'post'>, `/v1/placement-matches/{matchId}/${string}`>;
type StepName = StepPath extends `/v1/placement-matches/{matchId}/${infer Name}` ? Name : never;
type StepPathOf<S extends StepName> = Extract<StepPath, `/v1/placement-matches/{matchId}/${S}`>;

/** A step on a match through the API: POST /v1/placement-matches/{id}/{step}, typed by the step's operation. */
export function step<S extends StepName>(
  harness: Harness,
  person: Person,
  matchId: string,
  name: S,
  body: RequestBody<'post', StepPathOf<S>> | Record<string, never> = {},
): Promise<CallResult<SuccessBody<'post', StepPathOf<S>>>> {
  // One generic function over thirteen operations: the types come from the step's own operation.
  return callUntyped(harness.app, 'POST', `/v1/placement-matches/${matchId}/${name}`, {
    token: person.token,
    body,
  }) as Promise<CallResult<SuccessBody<'post', StepPathOf<S>>>>;
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
