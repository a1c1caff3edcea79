import { expect } from 'vitest';
import { call, callUntyped, type Harness } from './harness.js';
import { postPlacement, propose, step } from './journey-world.js';
import type { EmployerWorld, Person } from './world.js';

/** Requests on one journey, each in the state a permission case needs. */
export interface AdjustmentsWorld {
  matchId: string;
  toAnswer: string;
  toSuggest: string;
  toPutInPlace: string;
  toCheck: string;
  toObserve: string;
  toReview: string;
  /** In place and found helpful by the young person. */
  toAddToPassport: string;
  /** Added by the job coach, waiting for the young person to agree. */
  toDecide: string;
}

const helps = [
  'Quiet breaks',
  'Written tasks',
  'A later start',
  'A named buddy',
  'Ear defenders',
  'A desk lamp',
  'A map of the site',
];

/**
 * Gives the young person a journey with the employer, agreed, on which they shared six helps, and moves
 * the requests on to the states the permission matrix acts on (it is `today`, the day the employer agreed).
 */
export async function adjustmentsWorld(
  harness: Harness,
  people: { coach: Person; youngPerson: Person; youngPersonId: string },
  employer: EmployerWorld,
  today: string,
): Promise<AdjustmentsWorld> {
  const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: people.youngPersonId },
    token: people.youngPerson.token,
    body: {
      sections: {
        aboutMe: null,
        myCondition: null,
        whatHelps: { adjustments: helps.map((details) => ({ category: 'environment', details, inPlace: false })) },
        accessToWork: null,
        review: null,
      },
    },
  });
  expect(saved.status, saved.text).toBe(200);
  const placementId = await postPlacement(harness, employer.employerId, employer.staff);
  const matchId = (await propose(harness, people.coach, people.youngPersonId, placementId)).json.id as string;
  for (const [person, name, body] of [
    [people.youngPerson, 'accept', { sections: ['whatHelps'] }],
    [employer.staff, 'employer-accept', {}],
  ] as const) {
    const done = await step(harness, person, matchId, name, body as never);
    expect(done.status, done.text).toBe(200);
  }
  const base = `/v1/placement-matches/${matchId}/adjustments`;
  const listed = await callUntyped(harness.app, 'GET', base, { token: people.coach.token });
  const ids = (listed.json as { items: { id: string }[] }).items.map((item) => item.id);
  const act = async (person: Person, id: string, name: string, body: unknown) => {
    const done = await callUntyped(harness.app, 'POST', `${base}/${id}/${name}`, { token: person.token, body });
    expect(done.status, done.text).toBe(200);
  };
  const agree = { answer: 'agreed', who: 'The supervisor', byDate: today, payer: 'employer' };
  const [toAnswer, toSuggest, toPutInPlace, toCheck, toObserve, toReview, toAddToPassport] = ids as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  for (const id of [toPutInPlace, toCheck, toObserve, toReview, toAddToPassport])
    await act(employer.staff, id, 'answer', agree);
  for (const id of [toCheck, toObserve, toReview, toAddToPassport])
    await act(employer.staff, id, 'in-place', { inPlaceOn: today });
  await act(people.youngPerson, toAddToPassport, 'check', { answer: 'yes' });
  const added = await callUntyped(harness.app, 'POST', base, {
    token: people.coach.token,
    body: { kind: 'other', text: 'A map of the building' },
  });
  expect(added.status, added.text).toBe(201);
  return {
    matchId,
    toAnswer,
    toSuggest,
    toPutInPlace,
    toCheck,
    toObserve,
    toReview,
    toAddToPassport,
    toDecide: (added.json as { id: string }).id,
  };
}
