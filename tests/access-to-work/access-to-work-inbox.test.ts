import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call, callUntyped, createHarness, type Harness } from '../helpers/harness.js';
import { postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { makeAccount, makeEmployer, makeProvider, type Person, type ProviderWorld } from '../helpers/world.js';
import { signInOverHttp } from '../web/http-session.js';

/** profileInput's planned start is 2026-09-07: from 2026-03-08 the application is late while nothing is sent. */
const clock = new ManualClock(new Date('2026-03-08T10:00:00Z'));
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let colleague: Person;
let parent: Person;

const everyone = () => [world.coach, world.admin, world.youngPerson, parent, colleague, other.coach];
const inboxOf = (person: Person) => call(harness.app, 'GET', '/v1/me/inbox', { token: person.token });

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  colleague = await makeAccount(harness, { role: 'job_coach', providerId: world.providerId, name: 'Another Coach' });
  parent = await makeAccount(harness, {
    role: 'delegate',
    name: 'Alex Taylor',
    providerId: world.providerId,
    actsFor: [{ youngPersonId: world.youngPersonId, rights: ['view_profile', 'respond_to_proposals'] }],
  });
});
afterAll(() => harness.close());

describe('Access to Work tasks in the inbox', () => {
  it('gives the young person’s job coach the late application, with the page where it is done', async () => {
    const response = await inboxOf(world.coach);
    expect(response.status, response.text).toBe(200);
    expect(response.json.accessToWork).toEqual([
      {
        kind: 'application_late',
        title: 'Send the Access to Work application. Nothing is recorded as sent.',
        dateLabel: 'Could be sent from',
        dueOn: '2026-03-07',
        youngPerson: { id: world.youngPersonId, preferredName: expect.any(String) },
        path: `/young-people/${world.youngPersonId}/access-to-work`,
      },
    ]);
  });

  it('gives nobody else that task: another coach of the provider or of another provider, the admin, the young person, the parent', async () => {
    for (const person of [colleague, other.coach, world.admin, world.youngPerson, parent]) {
      const response = await inboxOf(person);
      expect(response.status, response.text).toBe(200);
      expect(
        response.json.accessToWork.filter((task) => task.youngPerson.id === world.youngPersonId),
        person.email,
      ).toEqual([]);
    }
    // The other provider's coach has their own young person's task, and only that.
    expect((await inboxOf(other.coach)).json.accessToWork.map((task) => task.youngPerson.id)).toEqual([
      other.youngPersonId,
    ]);
  });

  it('shows the task on the job coach’s web inbox, linked to the Access to Work page, and not on another coach’s', async () => {
    const mine = await (await (await signInOverHttp(harness, world.coach.email)).get('/inbox')).text();
    expect(mine).toContain('<h2 class="govuk-heading-m">Access to Work</h2>');
    expect(mine).toContain(`href="/young-people/${world.youngPersonId}/access-to-work"`);
    expect(mine).toContain('Send the Access to Work application.');
    const theirs = await (await (await signInOverHttp(harness, other.coach.email)).get('/inbox')).text();
    expect(theirs).toContain(`href="/young-people/${other.youngPersonId}/access-to-work"`);
    expect(theirs).not.toContain(world.youngPersonId);
  });

  it('moves on with the case: gone once the application is sent, the reconsideration deadline once the award is recorded', async () => {
    const put = (what: string, body: Record<string, unknown>) =>
      callUntyped(harness.app, 'PUT', `/v1/young-people/${world.youngPersonId}/access-to-work/${what}`, {
        token: world.coach.token,
        body,
      });
    const sent = await put('application', {
      appliedBy: 'education_provider',
      sentOn: '2026-03-08',
      signer: 'young_person',
    });
    expect(sent.status, sent.text).toBe(200);
    expect((await inboxOf(world.coach)).json.accessToWork).toEqual([]);
    await travelTo(harness, clock, '2026-05-20T10:00:00Z', everyone());
    const award = await put('award', {
      letterDate: '2026-05-18',
      lines: [
        {
          kind: 'job_coach',
          startsOn: '2026-09-07',
          endsOn: '2027-07-16',
          totalPence: 1_254_000,
          hoursPerWeek: 10,
          costPerHourPence: 2850,
        },
      ],
    });
    expect(award.status, award.text).toBe(200);
    await travelTo(harness, clock, '2026-06-10T10:00:00Z', everyone());
    expect((await inboxOf(world.coach)).json.accessToWork.map((task) => [task.kind, task.dueOn])).toEqual([
      ['reconsideration_closing', '2026-06-15'],
    ]);
  });
});

describe('what a parent or carer decided, in the young person’s API inbox', () => {
  it('tells the young person, and only them, that their parent said yes to a placement for them', async () => {
    const employer = await makeEmployer(harness, world.admin, { name: 'Corner Shops Ltd' });
    const placementId = await postPlacement(harness, employer.employerId, employer.staff, {
      title: 'Shop floor assistant',
      startDate: '2026-09-07',
    });
    expect((await inboxOf(world.youngPerson)).json.decidedForYou).toEqual([]);
    const matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
    const answered = await step(harness, parent, matchId, 'accept', { sections: [] });
    expect(answered.status, answered.text).toBe(200);
    const response = await inboxOf(world.youngPerson);
    expect(response.json.decidedForYou).toEqual([
      {
        kind: 'said_yes',
        by: 'Alex Taylor',
        at: expect.any(String),
        matchId,
        placementTitle: 'Shop floor assistant',
        employerName: 'Corner Shops Ltd',
      },
    ]);
    for (const person of [parent, world.coach, employer.staff])
      expect((await inboxOf(person)).json.decidedForYou, person.email).toEqual([]);
  });
});
