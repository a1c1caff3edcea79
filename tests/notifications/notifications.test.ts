import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { isOptionalKind } from '../../src/notifications/kinds.js';
import { webPathPatterns } from '../../src/notifications/links.js';
import { call, createHarness, type Harness, type RequestBody, type Schema } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { mainLink, type ReceivedMail, SmtpSink } from '../helpers/mail.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
  signIn,
} from '../helpers/world.js';

const publicUrl = 'https://internships.example.org';
const clock = new ManualClock(new Date('2026-09-01T09:00:00Z'));
const sink = new SmtpSink();
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;
let colleague: Person;
/** A parent who answers proposals and may edit the passport (unlike world.delegate, who may only see and edit the profile). */
let parent: Person;
let placementId: string;

const passportText: Schema<'WholePassportSections'> = {
  aboutMe: {
    summary: 'PASSPORT-MARKER-ABOUT I like routine and clear plans.',
    workWanted: 'PASSPORT-MARKER-WORK kitchens',
    travelLimits: 'PASSPORT-MARKER-TRAVEL one bus',
  },
  myCondition: { description: 'PASSPORT-MARKER-CONDITION autism', effectOnWork: 'PASSPORT-MARKER-EFFECT loud places' },
  whatHelps: { adjustments: [{ category: 'instructions', details: 'PASSPORT-MARKER-HELPS written checklists' }] },
  accessToWork: null,
  review: null,
};

const everyone = () => [
  world.coach,
  world.admin,
  world.youngPerson,
  world.delegate,
  parent,
  other.coach,
  other.youngPerson,
  employer.staff,
  colleague,
  otherEmployer.staff,
];

/** Sends what is due and returns what arrived since the last call. */
async function deliver(): Promise<ReceivedMail[]> {
  await harness.services.notificationDelivery!.drain();
  const arrived = [...sink.received];
  sink.clear();
  return arrived;
}

/** Each email went to one person, links into the web app, and carries no passport text. */
function expectWellFormed(mails: ReceivedMail[]) {
  for (const mail of mails) {
    expect(mail.to).toHaveLength(1);
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain('PASSPORT-MARKER');
    const link = mainLink(mail, publicUrl);
    expect(
      webPathPatterns.some((pattern) => pattern.test(link.pathname)),
      link.pathname,
    ).toBe(true);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.headers.has('list-unsubscribe'), mail.kind).toBe(isOptionalKind(mail.kind));
  }
}

function recipients(mails: ReceivedMail[], kind: string): string[] {
  return mails
    .filter((mail) => mail.kind === kind)
    .flatMap((mail) => mail.to)
    .sort();
}

const sorted = (...emails: string[]) => [...emails].sort();

beforeAll(async () => {
  const smtpUrl = await sink.start();
  harness = await createHarness({ clock, env: { SMTP_URL: smtpUrl, PUBLIC_URL: publicUrl, TRUST_PROXY: 'true' } });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
  otherEmployer = await makeEmployer(harness, world.admin, { name: 'Other Employer Ltd' });
  colleague = await makeAccount(harness, {
    role: 'employer',
    employerId: employer.employerId,
    name: 'Chris Colleague',
  });
  parent = await makeAccount(harness, {
    role: 'delegate',
    name: 'Alex Parent',
    actsFor: [
      { youngPersonId: world.youngPersonId, rights: ['view_profile', 'respond_to_proposals', 'edit_passport'] },
    ],
  });
  placementId = await postPlacement(harness, employer.employerId, employer.staff, { places: 3 });
  const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: world.youngPersonId },
    token: world.youngPerson.token,
    body: { sections: passportText },
  });
  expect(saved.status, saved.text).toBe(200);
  await deliver();
});
afterAll(async () => {
  await harness.close();
  await sink.stop();
});

describe('emails about a placement journey', () => {
  let matchId: string;

  it('a proposal reaches the young person and the delegate who answers proposals, and nobody else', async () => {
    const proposed = await propose(harness, world.coach, world.youngPersonId, placementId);
    expect(proposed.status).toBe(201);
    matchId = proposed.json.id;
    const mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'proposal_received')).toEqual(sorted(world.youngPerson.email, parent.email));
    expect(mails).toHaveLength(2);
    const own = mails.find((mail) => mail.to[0] === world.youngPerson.email)!;
    expect(own.subject).toBe('A job coach has suggested a placement for you');
    expect(mainLink(own, publicUrl).pathname).toBe(`/young-people/${world.youngPersonId}/proposals/${matchId}`);
  });

  it('agreeing tells every member of the employer’s staff, saying only that something was shared', async () => {
    expect(
      (await step(harness, world.youngPerson, matchId, 'accept', { sections: ['aboutMe', 'whatHelps'] })).status,
    ).toBe(200);
    const mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'proposal_agreed')).toEqual(sorted(employer.staff.email, colleague.email));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain('has shared some of their passport with you');
    expect(mails[0]!.text).not.toMatch(/about me|my condition|access to work|PASSPORT-MARKER/i);
    expect(mainLink(mails[0]!, publicUrl).pathname).toBe(`/journeys/${matchId}`);
  });

  it('a taster and the employer’s decision reach the job coach and the young person', async () => {
    const taster = await step(harness, employer.staff, matchId, 'taster', {
      kind: 'taster_day',
      date: '2026-09-08',
      place: 'Main kitchen',
      notes: 'Bring your bus pass',
    });
    expect(taster.status, taster.text).toBe(200);
    let mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'taster_arranged')).toEqual(sorted(world.coach.email, world.youngPerson.email));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain('Tuesday 8 September 2026');

    await travelTo(harness, clock, '2026-09-08T10:00:00Z', everyone());
    expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
    mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'employer_decision')).toEqual(sorted(world.coach.email, world.youngPerson.email));
    expect(mails).toHaveLength(2);
    expect(mails.find((mail) => mail.to[0] === world.coach.email)!.subject).toContain('said yes');
  });

  it('a decline reaches the job coach and the young person', async () => {
    const robin = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Robin');
    const proposed = await propose(harness, world.coach, robin.id, placementId);
    await step(harness, robin.account, proposed.json.id, 'accept', { sections: [] });
    await deliver();
    expect(
      (
        await step(harness, employer.staff, proposed.json.id, 'employer-decline', {
          reason: 'No places in the kitchen this term',
        })
      ).status,
    ).toBe(200);
    const mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'employer_decision')).toEqual(sorted(world.coach.email, robin.account.email));
    expect(mails.every((mail) => mail.subject.includes('said no'))).toBe(true);
    expect(mails.every((mail) => !mail.text.includes('No places in the kitchen'))).toBe(true);
  });

  it('an answer a parent gives for the young person reaches the young person, saying who, what and when', async () => {
    const sky = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Sky');
    const skyParent = await makeAccount(harness, {
      role: 'delegate',
      name: 'Alex Parent',
      actsFor: [{ youngPersonId: sky.id, rights: ['view_profile', 'respond_to_proposals', 'share_passport'] }],
    });
    const [storesId, porterId, kitchenId] = await Promise.all(
      ['Stores assistant', 'Porter', 'Kitchen assistant'].map((title) =>
        postPlacement(harness, employer.employerId, employer.staff, { title }),
      ),
    );
    const stores = await propose(harness, world.coach, sky.id, storesId!);
    const porter = await propose(harness, world.coach, sky.id, porterId!);
    await deliver();

    expect((await step(harness, skyParent, stores.json.id, 'decline', {})).status).toBe(200);
    expect((await step(harness, skyParent, porter.json.id, 'accept', { sections: [] })).status).toBe(200);
    let mails = await deliver();
    expectWellFormed(mails);
    const toSky = mails.filter((mail) => mail.kind === 'decided_for_you');
    expect(toSky.flatMap((mail) => mail.to)).toEqual([sky.account.email, sky.account.email]);
    const no = toSky.find((mail) => mail.subject.includes('Stores assistant'))!;
    expect(no.subject).toBe('Alex Parent said no to Stores assistant for you');
    expect(no.text).toContain(
      'Alex Parent said no to Stores assistant at Northern Kitchens Ltd for you on Tuesday 8 September 2026.',
    );
    expect(no.text).toContain('Tell your job coach if that is not right.');
    expect(mainLink(no, publicUrl).pathname).toBe(`/young-people/${sky.id}/proposals/${stores.json.id}`);
    expect(toSky.find((mail) => mail.subject.includes('Porter'))!.subject).toBe(
      'Alex Parent said yes to Porter for you',
    );

    // A share the parent makes names the employer, never the parts.
    const shared = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: sky.id },
      token: skyParent.token,
      body: { employerId: otherEmployer.employerId, sections: ['myCondition'], purpose: 'For the interview' },
    });
    expect(shared.status, shared.text).toBe(201);
    mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'decided_for_you')).toEqual([sky.account.email]);
    expect(mails[0]!.subject).toBe('Alex Parent shared your passport with Other Employer Ltd');
    expect(mails[0]!.text).not.toMatch(/my condition/i);
    expect(mainLink(mails[0]!, publicUrl).pathname).toBe(`/young-people/${sky.id}/passport/shares`);

    // The young person's own answer needs no such email.
    const own = await propose(harness, world.coach, sky.id, kitchenId!);
    await deliver();
    await step(harness, sky.account, own.json.id, 'decline', {});
    expect((await deliver()).filter((mail) => mail.kind === 'decided_for_you')).toEqual([]);
  });

  it('a coach’s passport draft reaches the young person and the delegate who may edit the passport', async () => {
    const draft = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
      body: {
        sections: {
          whatHelps: { adjustments: [{ category: 'equipment', details: 'PASSPORT-MARKER-DRAFT a headset' }] },
        },
      },
    });
    expect(draft.status, draft.text).toBe(201);
    const mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'passport_draft_waiting')).toEqual(sorted(world.youngPerson.email, parent.email));
    expect(mails).toHaveLength(2);
    expect(mainLink(mails[0]!, publicUrl).pathname).toBe(`/young-people/${world.youngPersonId}/passport/drafts`);
  });
});

describe('daily reminders', () => {
  let matchId: string;

  it('a missing weekly log and a review due reach the job coach once, however often the daily run runs', async () => {
    const found = await call(harness.app, 'GET', '/v1/placement-matches', {
      query: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
    });
    matchId = found.json.items[0]!.id;
    await travelTo(harness, clock, '2026-09-14T10:00:00Z', everyone());
    const started = await step(harness, world.coach, matchId, 'start', { startedOn: '2026-09-14' });
    expect(started.status, started.text).toBe(200);
    await deliver();

    await travelTo(harness, clock, '2026-09-29T10:00:00Z', everyone());
    expect(await harness.services.dailyNotifications.runIfDue()).toMatchObject({ reminders: 1 });
    expect(await harness.services.dailyNotifications.runIfDue()).toBeUndefined();
    expect(await harness.services.dailyNotifications.run()).toMatchObject({ reminders: 0 });
    let mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'weekly_log_missing')).toEqual([world.coach.email]);
    // No Access to Work application is recorded for anyone here, and the shared helps are not answered,
    // so those reminders go too (each tested on its own).
    const journeyMails = mails.filter(
      (mail) => !mail.kind.startsWith('access_to_work_') && !mail.kind.startsWith('adjustment_'),
    );
    expect(journeyMails).toHaveLength(1);
    expect(mainLink(journeyMails[0]!, publicUrl).pathname).toBe(`/journeys/${matchId}`);

    await travelTo(harness, clock, '2026-10-27T10:00:00Z', everyone());
    await harness.services.dailyNotifications.runIfDue();
    mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'review_due')).toEqual([world.coach.email]);
    expect(recipients(mails, 'weekly_log_missing')).toEqual([world.coach.email]);
  });

  it('waits for the morning: before the hour nothing runs', async () => {
    await travelTo(harness, clock, '2026-10-28T05:00:00Z', everyone());
    expect(await harness.services.dailyNotifications.runIfDue()).toBeUndefined();
  });

  it('runs once a day however many checks start together (one lease for all the instances)', async () => {
    await travelTo(harness, clock, '2026-10-29T10:00:00Z', everyone());
    const { dailyNotifications } = harness.services;
    const runs = await Promise.all([1, 2, 3].map(() => dailyNotifications.runIfDue()));
    expect(runs.filter((outcome) => outcome !== undefined)).toHaveLength(1);
    expect(await dailyNotifications.runIfDue()).toBeUndefined();
    await deliver();
  });

  it('the 12-month follow-up reaches the job coach when it is due', async () => {
    await travelTo(harness, clock, '2027-06-30T10:00:00Z', everyone());
    const completed = await step(harness, world.coach, matchId, 'complete', {
      endedOn: '2027-06-30',
      outcome: { type: 'other', details: 'Moved to another town' },
    });
    expect(completed.status, completed.text).toBe(200);
    await travelTo(harness, clock, '2028-05-30T10:00:00Z', everyone());
    await harness.services.dailyNotifications.runIfDue();
    const mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'follow_up_due')).toEqual([world.coach.email]);
  });

  it('the owner hears that a share ends in 14 days, and that it has ended; the employer hears nothing', async () => {
    await travelTo(harness, clock, '2028-06-01T10:00:00Z', everyone());
    const share = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: { employerId: otherEmployer.employerId, sections: ['aboutMe'], purpose: 'Induction', expiresInDays: 20 },
    });
    expect(share.status, share.text).toBe(201);
    await deliver();
    await travelTo(harness, clock, '2028-06-08T10:00:00Z', everyone());
    await harness.services.dailyNotifications.runIfDue();
    let mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'share_ending_soon')).toEqual([world.youngPerson.email]);
    expect(mails.filter((mail) => mail.kind === 'share_ending_soon')[0]!.text).toContain('Other Employer Ltd');
    expect(mails.flatMap((mail) => mail.to)).not.toContain(otherEmployer.staff.email);

    await travelTo(harness, clock, '2028-06-09T10:00:00Z', everyone());
    await harness.services.dailyNotifications.runIfDue();
    expect(recipients(await deliver(), 'share_ending_soon')).toEqual([]);

    await travelTo(harness, clock, '2028-06-22T10:00:00Z', everyone());
    await harness.services.dailyNotifications.runIfDue();
    mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'share_ended')).toEqual([world.youngPerson.email]);
    expect(mainLink(mails.find((mail) => mail.kind === 'share_ended')!, publicUrl).pathname).toBe(
      `/young-people/${world.youngPersonId}/passport/shares`,
    );
  });
});

describe('invitations and account security', () => {
  it('the invitee gets the link to accept and the inviter only learns it was sent', async () => {
    const email = `invited.${Date.now()}@example.org`;
    const invited = await call(harness.app, 'POST', '/v1/invitations', {
      token: world.admin.token,
      body: { role: 'job_coach', email, name: 'Ivy Invited' },
    });
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ emailed: true });
    expect(invited.text).not.toMatch(/token/i);
    const mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'invitation')).toEqual([email]);
    const link = mainLink(mails[0]!, publicUrl);
    expect(link.pathname).toMatch(/^\/invitations\/[A-Za-z0-9_-]{40,}$/);
    const token = decodeURIComponent(link.pathname.split('/')[2]!);
    const accepted = await call(harness.app, 'POST', '/v1/invitations/accept', {
      body: { token, password: 'purple elephant marmalade' },
    });
    expect(accepted.status).toBe(201);
    // The link is dropped from the outbox once sent.
    const stored = JSON.stringify(await harness.services.notifications.outbox.collection.find({}).toArray());
    expect(stored).not.toContain(token);
  });

  it('a reused refresh token warns the account holder once', async () => {
    const first = await call(harness.app, 'POST', '/v1/auth/token', {
      body: { email: other.youngPerson.email, password: 'correct horse battery staple' },
    });
    const refreshed = await call(harness.app, 'POST', '/v1/auth/refresh', {
      body: { refreshToken: first.json.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    await deliver();
    for (let i = 0; i < 2; i += 1) {
      expect(
        (await call(harness.app, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.json.refreshToken } }))
          .status,
      ).toBe(401);
    }
    const mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'security_refresh_reuse')).toEqual([other.youngPerson.email]);
    expect(mails).toHaveLength(1);
  });

  it('a sign-in from a new address warns the account holder; the same address again does not', async () => {
    const signInFrom = (address: string) =>
      call(harness.app, 'POST', '/v1/auth/token', {
        body: { email: other.coach.email, password: 'correct horse battery staple' },
        headers: { 'x-forwarded-for': address },
      });
    expect((await signInFrom('198.51.100.7')).status).toBe(200);
    expect((await signInFrom('198.51.100.7')).status).toBe(200);
    const mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'security_new_sign_in')).toEqual([other.coach.email]);
    expect(mails).toHaveLength(1);
  });
});

describe('a sign-in after a password change', () => {
  it('warns the account holder once, on the first sign-in after the change', async () => {
    other.admin.token = await signIn(harness, other.admin.email);
    await deliver();
    const changed = await call(harness.app, 'POST', '/v1/me/password', {
      token: other.admin.token,
      body: { currentPassword: 'correct horse battery staple', newPassword: 'marmalade lighthouse sparrow' },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(await deliver()).toEqual([]);
    await signIn(harness, other.admin.email, 'marmalade lighthouse sparrow');
    await signIn(harness, other.admin.email, 'marmalade lighthouse sparrow');
    const mails = await deliver();
    expectWellFormed(mails);
    expect(recipients(mails, 'security_new_sign_in')).toEqual([other.admin.email]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('after your password was changed');
    other.admin.token = await signIn(harness, other.admin.email, 'marmalade lighthouse sparrow');
  });
});

describe('preferences, one-click unsubscribe and the daily digest', () => {
  let person: { id: string; account: Person };

  beforeAll(async () => {
    await travelTo(harness, clock, '2028-07-03T10:00:00Z', everyone());
    person = await addYoungPersonWithAccount(harness, world.coach, world.providerId, 'Morgan');
    await deliver();
  });

  const preferences = (body?: RequestBody<'put', '/v1/me/notification-preferences'>) =>
    body === undefined
      ? call(harness.app, 'GET', '/v1/me/notification-preferences', { token: person.account.token })
      : call(harness.app, 'PUT', '/v1/me/notification-preferences', { token: person.account.token, body });

  it('starts with every email on, one by one, and security emails always on', async () => {
    const got = await preferences();
    expect(got.status).toBe(200);
    expect(got.json.dailyDigest).toBe(false);
    expect(Object.values(got.json.email).every((on) => on === true)).toBe(true);
    expect(got.json.email).not.toHaveProperty('security_refresh_reuse');
    expect(got.json.alwaysSent).toEqual(expect.arrayContaining(['security_new_sign_in', 'security_refresh_reuse']));
  });

  it('refuses to turn security emails off, naming the field', async () => {
    const refused = await call(harness.app, 'PUT', '/v1/me/notification-preferences', {
      token: person.account.token,
      untypedBody: { email: { security_refresh_reuse: false }, dailyDigest: false },
    });
    expect(refused.status).toBe(400);
    expect(refused.error?.details).toContainEqual(expect.objectContaining({ path: 'email.security_refresh_reuse' }));
  });

  it('a kind turned off is not sent', async () => {
    expect((await preferences({ email: { proposal_received: false }, dailyDigest: false })).status).toBe(200);
    await propose(harness, world.coach, person.id, placementId);
    expect(await deliver()).toEqual([]);
    const mine = await call(harness.app, 'GET', '/v1/notifications', { token: person.account.token });
    expect(mine.json.items).toEqual([expect.objectContaining({ kind: 'proposal_received', status: 'suppressed' })]);
    expect((await preferences({ email: {}, dailyDigest: false })).json.email.proposal_received).toBe(true);
  });

  it('one-click unsubscribe turns off only that kind, without signing in; opening the link changes nothing', async () => {
    await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: person.id },
      token: world.coach.token,
      body: { sections: { whatHelps: { adjustments: [{ category: 'equipment', details: 'A headset' }] } } },
    });
    const [mail] = await deliver();
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const url = new URL(mail!.headers.get('list-unsubscribe')!.replace(/^<|>$/g, ''));
    expect(url.origin).toBe(publicUrl);

    const page = await harness.app.request(url.pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Stop these emails?');
    expect((await preferences()).json.email.passport_draft_waiting).toBe(true);

    const done = await harness.app.request(url.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const after = (await preferences()).json;
    expect(after.email.passport_draft_waiting).toBe(false);
    expect(Object.entries(after.email).filter(([, on]) => on === false)).toHaveLength(1);

    const forged = url.pathname.replace('passport_draft_waiting', 'proposal_received');
    expect(
      (
        await harness.app.request(forged, {
          method: 'POST',
          body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(404);
    expect((await preferences()).json.email.proposal_received).toBe(true);
  });

  it('a daily digest collects the day’s emails into one', async () => {
    expect((await preferences({ email: {}, dailyDigest: true })).status).toBe(200);
    await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: person.id },
      token: world.coach.token,
      body: { sections: { whatHelps: { adjustments: [{ category: 'equipment', details: 'A quiet room' }] } } },
    });
    const second = await postPlacement(harness, employer.employerId, employer.staff, {
      title: 'Hotel porter',
      startDate: '2028-09-11',
    });
    await propose(harness, world.coach, person.id, second);
    expect(await deliver()).toEqual([]);

    await travelTo(harness, clock, '2028-07-04T10:00:00Z', everyone());
    person.account.token = await signIn(harness, person.account.email);
    await harness.services.dailyNotifications.runIfDue();
    const mails = await deliver();
    expectWellFormed(mails);
    const digest = mails.filter((mail) => mail.to.includes(person.account.email));
    expect(digest).toHaveLength(1);
    expect(digest[0]!.kind).toBe('digest');
    expect(digest[0]!.text).toContain('Your job coach suggests changes to your passport');
    expect(digest[0]!.text).toContain('A job coach has suggested a placement for you');
    expect(digest[0]!.text).toContain(`${publicUrl}/young-people/${person.id}/passport/drafts`);

    await harness.services.dailyNotifications.run();
    expect((await deliver()).filter((mail) => mail.to.includes(person.account.email))).toEqual([]);
  });
});
