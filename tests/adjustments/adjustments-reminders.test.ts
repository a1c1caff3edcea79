import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { type CallResult, call, callUntyped, createHarness, type Harness, type Schema } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { mainLink, type ReceivedMail, SmtpSink } from '../helpers/mail.js';
import { type EmployerWorld, makeEmployer, makeProvider, type Person, type ProviderWorld } from '../helpers/world.js';

const publicUrl = 'https://internships.example.org';
// Monday 3 August 2026.
const clock = new ManualClock(new Date('2026-08-03T09:00:00Z'));
const sink = new SmtpSink();
let harness: Harness;
let world: ProviderWorld;
let employer: EmployerWorld;
let youngPerson: { id: string; account: Person };
let matchId: string;
const words = ['A quiet place to take my breaks', 'Tasks written down'];

const everyone = () => [world.coach, world.admin, employer.staff, youngPerson.account];

/** Runs the day's notifications (twice at once, then once more) and returns the adjustment emails. */
async function runDay(when: string): Promise<ReceivedMail[]> {
  await travelTo(harness, clock, when, everyone());
  const { dailyNotifications } = harness.services;
  await Promise.all([dailyNotifications.runIfDue(), dailyNotifications.runIfDue()]);
  await dailyNotifications.run();
  await harness.services.notificationDelivery!.drain();
  const arrived = sink.received.filter((mail) => mail.kind.startsWith('adjustment_'));
  sink.clear();
  for (const mail of arrived) {
    expect(mainLink(mail, publicUrl).pathname).toBe(`/journeys/${matchId}/adjustments`);
    for (const text of words) expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(text);
  }
  return arrived;
}

const act = (person: Person, id: string, name: string, body: Record<string, unknown>) =>
  callUntyped(harness.app, 'POST', `/v1/placement-matches/${matchId}/adjustments/${id}/${name}`, {
    token: person.token,
    body,
  }) as Promise<CallResult<Schema<'Adjustment'>>>;

beforeAll(async () => {
  const smtpUrl = await sink.start();
  harness = await createHarness({ clock, env: { SMTP_URL: smtpUrl, PUBLIC_URL: publicUrl } });
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
  youngPerson = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Ana');
  await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: youngPerson.id },
    token: youngPerson.account.token,
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
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: '2026-09-07' });
  matchId = (await propose(harness, world.coach, youngPerson.id, placementId)).json.id as string;
  expect((await step(harness, youngPerson.account, matchId, 'accept', { sections: ['whatHelps'] })).status).toBe(200);
});
afterAll(async () => {
  await harness.close();
  await sink.stop();
});

describe('adjustment reminders by email', () => {
  it('reminds the employer after 5 working days, of an agreed one past its date, and the young person of the check, once each', async () => {
    // Requested on Monday 3 August: 5 working days later is Monday 10 August, not the Friday before.
    expect(await runDay('2026-08-07T10:00:00Z')).toEqual([]);
    const unanswered = await runDay('2026-08-10T10:00:00Z');
    expect(unanswered.map((mail) => [mail.kind, mail.to])).toEqual([['adjustment_answer_due', [employer.staff.email]]]);
    expect(await runDay('2026-08-11T10:00:00Z')).toEqual([]);

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
    await act(employer.staff, quiet!.id, 'in-place', { inPlaceOn: '2026-08-11' });

    expect(await runDay('2026-08-12T10:00:00Z')).toEqual([]);
    const late = await runDay('2026-08-13T10:00:00Z');
    expect(late.map((mail) => [mail.kind, mail.to])).toEqual([['adjustment_overdue', [employer.staff.email]]]);
    expect(await runDay('2026-08-14T10:00:00Z')).toEqual([]);

    const check = await runDay('2026-08-18T10:00:00Z');
    expect(check.map((mail) => [mail.kind, mail.to])).toEqual([['adjustment_check_due', [youngPerson.account.email]]]);
    expect(await runDay('2026-08-19T10:00:00Z')).toEqual([]);
  }, 120_000);
});
