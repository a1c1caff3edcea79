import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { type CallResult, call, callUntyped, createHarness, type Harness, type Schema } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
} from '../helpers/world.js';
import { signInOverHttp } from '../web/http-session.js';

// Monday 3 August 2026.
const clock = new ManualClock(new Date('2026-08-03T09:00:00Z'));
let harness: Harness;
let world: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;
let ana: { id: string; account: Person };
let ben: { id: string; account: Person };
let parent: Person;
let viewingParent: Person;
let matchId: string;
const words = ['A quiet place to take my breaks', 'Tasks written down'];

const everyone = () => [
  world.coach,
  employer.staff,
  otherEmployer.staff,
  ana.account,
  ben.account,
  parent,
  viewingParent,
];

async function tasksOf(person: Person) {
  const response = await call(harness.app, 'GET', '/v1/me/inbox', { token: person.token });
  expect(response.status, response.text).toBe(200);
  for (const text of words) expect(response.text).not.toContain(text);
  return response.json.adjustments;
}

const act = (person: Person, id: string, name: string, body: Record<string, unknown>) =>
  callUntyped(harness.app, 'POST', `/v1/placement-matches/${matchId}/adjustments/${id}/${name}`, {
    token: person.token,
    body,
  }) as Promise<CallResult<Schema<'Adjustment'>>>;

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
  otherEmployer = await makeEmployer(harness, world.admin, { name: 'Corner Shops Ltd' });
  ana = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Ana');
  ben = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Ben');
  parent = await makeAccount(harness, {
    role: 'delegate',
    name: 'Alex Taylor',
    providerId: world.providerId,
    actsFor: [{ youngPersonId: ana.id, rights: ['view_profile', 'respond_to_proposals'] }],
  });
  viewingParent = await makeAccount(harness, {
    role: 'delegate',
    name: 'Jo Taylor',
    providerId: world.providerId,
    actsFor: [{ youngPersonId: ana.id, rights: ['view_profile'] }],
  });
  await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: ana.id },
    token: ana.account.token,
    body: {
      sections: {
        aboutMe: null,
        myCondition: null,
        whatHelps: { adjustments: words.map((details) => ({ category: 'environment', details, inPlace: false })) },
        accessToWork: null,
        review: null,
      },
    },
  });
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, {
    title: 'Kitchen assistant',
    startDate: '2026-09-07',
  });
  matchId = (await propose(harness, world.coach, ana.id, placementId)).json.id as string;
  expect((await step(harness, ana.account, matchId, 'accept', { sections: ['whatHelps'] })).status).toBe(200);
});
afterAll(() => harness.close());

describe('adjustment reminders in the inbox', () => {
  it('gives the employer’s staff, and nobody else, the requests unanswered after 5 working days, counted, without the words', async () => {
    await travelTo(harness, clock, '2026-08-07T10:00:00Z', everyone());
    expect(await tasksOf(employer.staff)).toEqual([]);
    await travelTo(harness, clock, '2026-08-10T10:00:00Z', everyone());
    expect(await tasksOf(employer.staff)).toEqual([
      {
        kind: 'adjustment_answer_due',
        title: '2 adjustment requests for Ana are waiting for your answer',
        count: 2,
        matchId,
        youngPerson: { id: ana.id, preferredName: 'Ana' },
        placement: { id: expect.any(String), title: 'Kitchen assistant', employerName: 'Northern Kitchens Ltd' },
        path: `/journeys/${matchId}/adjustments`,
      },
    ]);
    for (const person of [otherEmployer.staff, world.coach, ana.account, ben.account, parent, viewingParent])
      expect(await tasksOf(person), person.email).toEqual([]);

    const page = await (await (await signInOverHttp(harness, employer.staff.email)).get('/inbox')).text();
    expect(page).toContain('<h2 class="govuk-heading-m">Adjustments</h2>');
    expect(page).toContain(`href="/journeys/${matchId}/adjustments"`);
    expect(page).toContain('2 adjustment requests for Ana are waiting for your answer');
    for (const text of words) expect(page).not.toContain(text);
    const theirs = await (await (await signInOverHttp(harness, otherEmployer.staff.email)).get('/inbox')).text();
    expect(theirs).not.toContain(matchId);
  });

  it('moves on: an agreed one past its date for the employer, then the check for the young person and the parent who answers for them', async () => {
    await travelTo(harness, clock, '2026-08-11T10:00:00Z', everyone());
    expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
    const [quiet, written] = (
      (await callUntyped(harness.app, 'GET', `/v1/placement-matches/${matchId}/adjustments`, {
        token: employer.staff.token,
      })) as CallResult<Schema<'AdjustmentList'>>
    ).json.items;
    for (const item of [quiet!, written!])
      await act(employer.staff, item.id, 'answer', {
        answer: 'agreed',
        who: 'The supervisor',
        byDate: '2026-08-12',
        payer: 'employer',
      });
    expect((await act(employer.staff, quiet!.id, 'in-place', { inPlaceOn: '2026-08-11' })).status).toBe(200);

    await travelTo(harness, clock, '2026-08-13T10:00:00Z', everyone());
    expect((await tasksOf(employer.staff)).map((task) => [task.kind, task.title])).toEqual([
      ['adjustment_overdue', '1 agreed adjustment for Ana is past the date agreed'],
    ]);

    await travelTo(harness, clock, '2026-08-18T10:00:00Z', everyone());
    expect((await tasksOf(ana.account)).map((task) => [task.kind, task.title, task.path])).toEqual([
      [
        'adjustment_check_due',
        'Say whether 1 adjustment at Northern Kitchens Ltd helps you',
        `/journeys/${matchId}/adjustments`,
      ],
    ]);
    expect((await tasksOf(parent)).map((task) => task.title)).toEqual([
      'Say whether 1 adjustment at Northern Kitchens Ltd helps Ana',
    ]);
    for (const person of [viewingParent, ben.account, world.coach, otherEmployer.staff])
      expect(await tasksOf(person), person.email).toEqual([]);
    expect((await tasksOf(employer.staff)).map((task) => task.kind)).toEqual(['adjustment_overdue']);

    const page = await (await (await signInOverHttp(harness, ana.account.email)).get('/inbox')).text();
    expect(page).toContain(`href="/journeys/${matchId}/adjustments"`);
    expect(page).toContain('Say whether 1 adjustment at Northern Kitchens Ltd helps you');
  });
});
