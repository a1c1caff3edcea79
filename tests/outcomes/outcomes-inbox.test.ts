import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call, callUntyped, createHarness, type Harness } from '../helpers/harness.js';
import { postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
} from '../helpers/world.js';
import { signInOverHttp } from '../web/http-session.js';

const clock = new ManualClock(new Date('2026-09-01T09:00:00Z'));
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
let colleague: Person;
let matchId: string;

const everyone = () => [world.coach, world.youngPerson, colleague, other.coach, employer.staff];
const inboxOf = (person: Person) => call(harness.app, 'GET', '/v1/me/inbox', { token: person.token });

/** The young person's internship ends on 2027-07-16, so the 6-month follow-up is due on 2028-01-16. */
beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
  colleague = await makeAccount(harness, { role: 'job_coach', providerId: world.providerId, name: 'Another Coach' });
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: '2026-09-14' });
  matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
  expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
  expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
  await travelTo(harness, clock, '2026-09-14T09:00:00Z', everyone());
  expect((await step(harness, world.coach, matchId, 'start', { startedOn: '2026-09-14' })).status).toBe(200);
  await travelTo(harness, clock, '2027-07-16T16:00:00Z', everyone());
  const completed = await step(harness, world.coach, matchId, 'complete', {
    endedOn: '2027-07-16',
    outcome: { type: 'none' },
  });
  expect(completed.status, completed.text).toBe(200);
  await travelTo(harness, clock, '2028-01-16T10:00:00Z', everyone());
  const plan = await callUntyped(harness.app, 'PUT', `/v1/young-people/${world.youngPersonId}/ehc-plan`, {
    token: world.coach.token,
    body: {
      outcomes: [{ text: 'Travel independently to a place of work' }],
      lastReviewOn: '2027-02-01',
      nextReviewOn: '2028-02-01',
    },
  });
  expect(plan.status, plan.text).toBe(200);
});
afterAll(() => harness.close());

describe('EHC plan reviews and follow-ups in the inbox', () => {
  it('gives the young person’s job coach the review within 4 weeks and the 6-month follow-up due, with their pages', async () => {
    const response = await inboxOf(world.coach);
    expect(response.status, response.text).toBe(200);
    expect(response.json.outcomes).toEqual([
      {
        kind: 'follow_up_due',
        title: 'The 6-month follow-up is due. What is the young person doing now?',
        dueOn: '2028-01-16',
        month: 6,
        youngPerson: { id: world.youngPersonId, preferredName: expect.any(String) },
        matchId,
        path: `/journeys/${matchId}/after`,
      },
      {
        kind: 'ehc_review_due',
        title: 'The EHC plan’s annual review is coming. Check progress towards its outcomes.',
        dueOn: '2028-02-01',
        youngPerson: { id: world.youngPersonId, preferredName: expect.any(String) },
        path: `/young-people/${world.youngPersonId}/outcomes`,
      },
    ]);
  });

  it('gives nobody else those tasks: a colleague without the young person, another provider’s coach, the employer, the young person', async () => {
    for (const person of [colleague, other.coach, employer.staff, world.youngPerson]) {
      const response = await inboxOf(person);
      expect(response.status, response.text).toBe(200);
      expect(response.json.outcomes, person.email).toEqual([]);
    }
  });

  it('shows them on the job coach’s web inbox in their own section, and not on a colleague’s', async () => {
    const mine = await (await (await signInOverHttp(harness, world.coach.email)).get('/inbox')).text();
    expect(mine).toContain('<h2 class="govuk-heading-m">EHC plan reviews and follow-ups</h2>');
    expect(mine).toContain(`href="/journeys/${matchId}/after"`);
    expect(mine).toContain(`href="/young-people/${world.youngPersonId}/outcomes"`);
    const theirs = await (await (await signInOverHttp(harness, colleague.email)).get('/inbox')).text();
    expect(theirs).not.toContain('EHC plan reviews and follow-ups');
    expect(theirs).not.toContain(world.youngPersonId);
  });

  it('drops the follow-up once it is recorded; the review stays until the plan is updated', async () => {
    const recorded = await callUntyped(harness.app, 'PUT', `/v1/placement-matches/${matchId}/follow-ups/6`, {
      token: world.coach.token,
      body: { activity: 'volunteering', checkedOn: '2028-01-16' },
    });
    expect(recorded.status, recorded.text).toBe(200);
    expect((await inboxOf(world.coach)).json.outcomes.map((task) => task.kind)).toEqual(['ehc_review_due']);
  });
});
