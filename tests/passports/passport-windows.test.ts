import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/policy.js';
import { ManualClock } from '../../src/core/clock.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';

/**
 * The windows the young person's home shows (issue 23) are the passport service's: a share that
 * ends within 14 days (the notices' window too) and a review due within 30 days. The page asks;
 * it keeps no window of its own.
 */
const clock = new ManualClock(new Date('2026-09-01T09:00:00Z'));
let harness: Harness;
let world: ProviderWorld;
let employer: EmployerWorld;
let owner: Actor;

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
  owner = {
    accountId: world.youngPerson.accountId,
    role: 'young_person',
    youngPersonId: world.youngPersonId,
    actsFor: [],
  };
});
afterAll(() => harness.close());

async function share(expiresInDays: number): Promise<string> {
  const made = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
    path: { youngPersonId: world.youngPersonId },
    token: world.youngPerson.token,
    body: { employerId: employer.employerId, sections: ['whatHelps'], purpose: 'To plan my first day', expiresInDays },
  });
  expect(made.status, made.text).toBe(201);
  return made.json.id as string;
}

async function reviewDueOn(nextReviewDue: string) {
  const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: world.youngPersonId },
    token: world.youngPerson.token,
    body: {
      sections: {
        aboutMe: { summary: 'I like routine.', workWanted: 'Kitchen work', travelLimits: 'One bus' },
        myCondition: null,
        whatHelps: { adjustments: [{ category: 'instructions', details: 'Written checklists' }] },
        accessToWork: null,
        review: { agreedBy: 'My job coach', agreedOn: '2026-06-01', nextReviewDue },
      },
    },
  });
  expect(saved.status, saved.text).toBe(200);
}

describe("the young person's home windows", () => {
  it('lists only the active shares that end within 14 days', async () => {
    await reviewDueOn('2027-06-01');
    const soon = await share(14);
    await share(15);
    const ending = await harness.services.passports.sharesEndingSoon(owner, world.youngPersonId);
    expect(ending.map((found) => found.id)).toEqual([soon]);
  });

  it('says a review is due soon within 30 days of it, and not when it is further off or already overdue', async () => {
    await reviewDueOn('2026-10-01');
    expect(await harness.services.passports.toDo(owner, world.youngPersonId)).toMatchObject({
      reviewDueSoon: true,
      reviewOverdue: false,
    });
    await reviewDueOn('2026-10-02');
    expect((await harness.services.passports.toDo(owner, world.youngPersonId)).reviewDueSoon).toBe(false);
    await reviewDueOn('2026-08-31');
    expect(await harness.services.passports.toDo(owner, world.youngPersonId)).toMatchObject({
      reviewDueSoon: false,
      reviewOverdue: true,
    });
  });
});
