import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { callUntyped, createHarness, type Harness } from '../helpers/harness.js';
import { postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { mainLink, type ReceivedMail, SmtpSink } from '../helpers/mail.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';

const publicUrl = 'https://internships.example.org';
const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
/** profileInput's planned start, a Monday. */
const plannedStart = '2026-09-07';
const reference = 'ATW-118204';
const sink = new SmtpSink();
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;

const everyone = () => [world.coach, world.admin, world.youngPerson, other.coach, employer.staff];

/**
 * Runs the day's notifications (twice at once, as overlapping instances would, then once more) and
 * returns the Access to Work emails sent to `coach` (world's job coach unless told).
 */
async function runDay(when: string, coach = () => world.coach): Promise<ReceivedMail[]> {
  await travelTo(harness, clock, when, everyone());
  const { dailyNotifications } = harness.services;
  await Promise.all([dailyNotifications.runIfDue(), dailyNotifications.runIfDue()]);
  await dailyNotifications.run();
  await harness.services.notificationDelivery!.drain();
  const arrived = sink.received.filter(
    (mail) => mail.kind.startsWith('access_to_work_') && mail.to.includes(coach().email),
  );
  sink.clear();
  return arrived;
}

const kinds = (mails: ReceivedMail[]) => mails.map((mail) => mail.kind);

/** To the young person's job coach only, linking to the Access to Work page, with no figure, date or reference. */
function expectReminder(mails: ReceivedMail[]) {
  for (const mail of mails) {
    expect(mail.to).toEqual([world.coach.email]);
    expect(mainLink(mail, publicUrl).pathname).toBe(`/young-people/${world.youngPersonId}/access-to-work`);
    const words = `${mail.subject}\n${mail.text}`.replace(/https?:\/\/\S+/g, '');
    expect(words).not.toContain(reference);
    expect(words, mail.subject).not.toMatch(/\d/);
  }
}

beforeAll(async () => {
  const smtpUrl = await sink.start();
  harness = await createHarness({ clock, env: { SMTP_URL: smtpUrl, PUBLIC_URL: publicUrl } });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
});
afterAll(async () => {
  await harness.close();
  await sink.stop();
});

const put = (what: 'application' | 'award', body: Record<string, unknown>) =>
  callUntyped(harness.app, 'PUT', `/v1/young-people/${world.youngPersonId}/access-to-work/${what}`, {
    token: world.coach.token,
    body,
  });

describe('Access to Work reminders by email', () => {
  it('an application not sent 6 months before the start: from the day after, once however often the run runs', async () => {
    expect(await runDay('2026-03-07T10:00:00Z')).toEqual([]);
    const late = await runDay('2026-03-08T10:00:00Z');
    expect(kinds(late)).toEqual(['access_to_work_application']);
    expectReminder(late);
    expect(await runDay('2026-03-09T10:00:00Z')).toEqual([]);
    const sent = await put('application', {
      appliedBy: 'education_provider',
      reference,
      sentOn: '2026-03-09',
      signer: 'young_person',
    });
    expect(sent.status, sent.text).toBe(200);
  });

  it('the reconsideration deadline: in the 7 days up to 4 weeks after the letter, once', async () => {
    await travelTo(harness, clock, '2026-05-20T10:00:00Z', everyone());
    const award = await put('award', {
      letterDate: '2026-05-18',
      lines: [
        {
          kind: 'job_coach',
          startsOn: plannedStart,
          endsOn: '2027-07-16',
          totalPence: 1_254_000,
          hoursPerWeek: 10,
          costPerHourPence: 2850,
        },
      ],
    });
    expect(award.status, award.text).toBe(200);
    expect(await runDay('2026-06-07T10:00:00Z')).toEqual([]);
    const closing = await runDay('2026-06-08T10:00:00Z');
    expect(kinds(closing)).toEqual(['access_to_work_reconsideration']);
    expectReminder(closing);
    expect(await runDay('2026-06-15T10:00:00Z')).toEqual([]);
  });

  it('last month’s claim not sent by the 10th: from the 11th, once, and not to another provider’s coach', async () => {
    const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: plannedStart });
    const matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
    expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
    expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
    await travelTo(harness, clock, '2026-09-07T10:00:00Z', everyone());
    expect((await step(harness, world.coach, matchId, 'start', { startedOn: plannedStart })).status).toBe(200);
    expect(await runDay('2026-10-10T10:00:00Z')).toEqual([]);
    const claim = await runDay('2026-10-11T10:00:00Z');
    expect(kinds(claim)).toEqual(['access_to_work_claim']);
    expectReminder(claim);
    expect(await runDay('2026-10-12T10:00:00Z')).toEqual([]);
  });

  it('renewal opening 12 weeks before the award ends, once', async () => {
    const before = await runDay('2027-04-22T10:00:00Z');
    expect(kinds(before)).not.toContain('access_to_work_renewal');
    const open = await runDay('2027-04-23T10:00:00Z');
    expect(kinds(open)).toEqual(['access_to_work_renewal']);
    expectReminder(open);
    expect(kinds(await runDay('2027-05-01T10:00:00Z'))).not.toContain('access_to_work_renewal');
  });

  it('the job coach sees the same tasks on their home, with the dates', async () => {
    const tasks = await harness.services.accessToWork.coachTasks({
      accountId: world.coach.accountId,
      role: 'job_coach',
      providerId: world.providerId,
      actsFor: [],
    });
    expect(tasks.map((task) => [task.kind, task.dateLabel, task.dueOn, task.path])).toEqual([
      ['renewal_open', 'The award ends on', '2027-07-16', `/young-people/${world.youngPersonId}/access-to-work`],
    ]);
  });
});
