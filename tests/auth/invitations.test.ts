import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call, createHarness, fieldProblems, type Harness, type RequestBody } from '../helpers/harness.js';
import { invitationToken } from '../helpers/mail.js';
import {
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  placementInput,
  profileInput,
  signIn,
} from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-04-01T09:00:00Z'));
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
const goodPassword = 'purple elephant marmalade';

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
});
afterAll(() => harness.close());

/** Invites, and picks up the token from the invitation email the invitee is sent (the inviter never sees it). */
async function invite(token: string, body: RequestBody<'post', '/v1/invitations'>) {
  const response = await call(harness.app, 'POST', '/v1/invitations', { token, body });
  return {
    ...response,
    emailedToken: response.status === 201 ? await invitationToken(harness, String(body.email)) : '',
  };
}
const accept = (body: RequestBody<'post', '/v1/invitations/accept'>) =>
  call(harness.app, 'POST', '/v1/invitations/accept', { body });

describe('invitations', () => {
  it('a provider admin invites a job coach, who sets a password and is signed in', async () => {
    const invitation = await invite(world.admin.token, {
      role: 'job_coach',
      email: 'New.Coach@Example.org',
      name: 'Nia Coach',
    });
    expect(invitation.status).toBe(201);
    expect(invitation.json).toMatchObject({ role: 'job_coach', email: 'new.coach@example.org', emailed: true });
    expect(invitation.json).not.toHaveProperty('token');
    expect(new Date(invitation.json.expiresAt).getTime() - clock.now().getTime()).toBe(7 * 86_400_000);

    const accepted = await accept({ token: invitation.emailedToken, password: goodPassword });
    expect(accepted.status).toBe(201);
    expect(accepted.json.account).toMatchObject({ role: 'job_coach', providerId: world.providerId, name: 'Nia Coach' });
    const me = await call(harness.app, 'GET', '/v1/me', { token: accepted.json.tokens.accessToken });
    expect(me.json.organisation!.id).toBe(world.providerId);
    expect(await signIn(harness, 'new.coach@example.org', goodPassword)).toBeTruthy();

    const stored = JSON.stringify(await harness.services.db.collection('invitations').find({}).toArray());
    expect(stored).not.toContain(invitation.emailedToken);
  });

  it('works once only', async () => {
    const invitation = await invite(world.admin.token, {
      role: 'provider_admin',
      email: 'second.admin@example.org',
      name: 'Second Admin',
    });
    expect((await accept({ token: invitation.emailedToken, password: goodPassword })).status).toBe(201);
    const again = await accept({ token: invitation.emailedToken, password: goodPassword });
    expect(again.status).toBe(410);
  });

  it('expires after 7 days', async () => {
    const invitation = await invite(world.admin.token, {
      role: 'job_coach',
      email: 'late.coach@example.org',
      name: 'Late Coach',
    });
    clock.advance(7 * 86_400_000 + 1);
    try {
      expect((await accept({ token: invitation.emailedToken, password: goodPassword })).status).toBe(410);
    } finally {
      clock.advance(-(7 * 86_400_000 + 1));
    }
  });

  it('refuses a short or common password with the field named', async () => {
    const invitation = await invite(world.admin.token, {
      role: 'job_coach',
      email: 'weak.coach@example.org',
      name: 'Weak Coach',
    });
    const short = await accept({ token: invitation.emailedToken, password: 'short' });
    expect(short.status).toBe(400);
    expect(fieldProblems(short)[0]).toMatchObject({
      path: 'password',
      message: expect.stringContaining('at least 12'),
    });
    const common = await accept({ token: invitation.emailedToken, password: 'iloveyou1234' });
    expect(fieldProblems(common)[0]!.message).toContain('too common');
    const withEmail = await accept({ token: invitation.emailedToken, password: 'weak.coach is my password' });
    expect(fieldProblems(withEmail)[0]!.message).toContain('email');
  });

  it('a job coach invites a young person on their caseload, not one elsewhere', async () => {
    const created = await call(harness.app, 'POST', '/v1/young-people', {
      token: world.coach.token,
      body: profileInput({ preferredName: 'Jo' }),
    });
    const invitation = await invite(world.coach.token, {
      role: 'young_person',
      email: 'jo@example.org',
      name: 'Jo',
      youngPersonId: created.json.id,
    });
    expect(invitation.status).toBe(201);
    const accepted = await accept({ token: invitation.emailedToken, password: goodPassword });
    expect(accepted.json.account).toMatchObject({ role: 'young_person', youngPersonId: created.json.id });
    const me = await call(harness.app, 'GET', '/v1/me', { token: accepted.json.tokens.accessToken });
    expect(me.json.youngPerson).toEqual({ id: created.json.id, preferredName: 'Jo' });

    const elsewhere = await invite(other.coach.token, {
      role: 'young_person',
      email: 'x@example.org',
      name: 'X',
      youngPersonId: created.json.id,
    });
    expect(elsewhere.status).toBe(404);
    const twice = await invite(world.coach.token, {
      role: 'young_person',
      email: 'jo2@example.org',
      name: 'Jo',
      youngPersonId: created.json.id,
    });
    expect(twice.status).toBe(409);
  });

  it('a young person invites a delegate with chosen rights, which the delegate then has', async () => {
    const invitation = await invite(world.youngPerson.token, {
      role: 'delegate',
      email: 'mum@example.org',
      name: 'Mum',
      rights: ['view_profile', 'view_passport'],
      relationship: 'parent',
    });
    expect(invitation.status).toBe(201);
    const accepted = await accept({ token: invitation.emailedToken, password: goodPassword });
    const token = accepted.json.tokens.accessToken;
    const me = await call(harness.app, 'GET', '/v1/me', { token });
    expect(me.json.actsFor).toEqual([
      {
        youngPersonId: world.youngPersonId,
        preferredName: 'Sam',
        rights: ['view_profile', 'view_passport'],
        relationship: 'parent',
      },
    ]);
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}', {
          path: { youngPersonId: world.youngPersonId },
          token,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
          path: { youngPersonId: world.youngPersonId },
          token,
          body: { strengths: ['x'] },
        })
      ).status,
    ).toBe(403);

    const delegates = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/delegates', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(delegates.json.items.map((d: { name: string }) => d.name)).toContain('Mum');

    const removed = await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}/delegates/{accountId}', {
      path: { youngPersonId: world.youngPersonId, accountId: accepted.json.account.id },
      token: world.youngPerson.token,
    });
    expect(removed.status).toBe(204);
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}', {
          path: { youngPersonId: world.youngPersonId },
          token,
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a delegate invitation that names another young person, instead of making it for the inviter', async () => {
    const elsewhere = await invite(world.youngPerson.token, {
      role: 'delegate',
      email: 'not-mine@example.org',
      name: 'Not Mine',
      rights: ['view_profile', 'view_passport'],
      youngPersonId: other.youngPersonId,
    });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.error?.code).toBe('not_found');
    const sameProvider = await call(harness.app, 'POST', '/v1/young-people', {
      token: world.coach.token,
      body: profileInput({ preferredName: 'Neighbour' }),
    });
    const neighbour = await invite(world.youngPerson.token, {
      role: 'delegate',
      email: 'neighbour@example.org',
      name: 'Neighbour',
      rights: ['view_profile'],
      youngPersonId: sameProvider.json.id,
    });
    expect(neighbour.status).toBe(404);
    expect(
      await harness.services.db
        .collection('invitations')
        .countDocuments({ email: { $in: ['not-mine@example.org', 'neighbour@example.org'] } }),
    ).toBe(0);

    const ownId = await invite(world.youngPerson.token, {
      role: 'delegate',
      email: 'named-self@example.org',
      name: 'Named Self',
      rights: ['view_profile'],
      youngPersonId: world.youngPersonId,
    });
    expect(ownId.status).toBe(201);
  });

  it('refuses a young person id on an invitation that has no use for one', async () => {
    const response = await invite(world.admin.token, {
      role: 'job_coach',
      email: 'coach-with-id@example.org',
      name: 'Coach',
      youngPersonId: world.youngPersonId,
    });
    expect(response.status).toBe(422);
    expect(fieldProblems(response)[0]).toMatchObject({ path: 'youngPersonId', in: 'body' });
  });

  it('an existing delegate adds a second young person by proving their password', async () => {
    const invitation = await invite(other.youngPerson.token, {
      role: 'delegate',
      email: world.delegate.email,
      name: 'Carer',
      rights: ['view_profile'],
    });
    expect(invitation.status).toBe(201);
    expect((await accept({ token: invitation.emailedToken, password: 'not their password at all' })).status).toBe(409);
    const second = await invite(other.youngPerson.token, {
      role: 'delegate',
      email: world.delegate.email,
      name: 'Carer',
      rights: ['view_profile'],
    });
    const accepted = await accept({ token: second.emailedToken, password: 'correct horse battery staple' });
    expect(accepted.status).toBe(201);
    const me = await call(harness.app, 'GET', '/v1/me', { token: accepted.json.tokens.accessToken });
    expect(me.json.actsFor.map((grant: { youngPersonId: string }) => grant.youngPersonId).sort()).toEqual(
      [world.youngPersonId, other.youngPersonId].sort(),
    );
  });

  it('an employer invites a colleague into its own organisation', async () => {
    const employer = await makeEmployer(harness, world.admin);
    const invitation = await invite(employer.staff.token, {
      role: 'employer',
      email: 'colleague@kitchens.example',
      name: 'Colleague',
    });
    const accepted = await accept({ token: invitation.emailedToken, password: goodPassword });
    expect(accepted.json.account).toMatchObject({ role: 'employer', employerId: employer.employerId });
  });

  it('refuses invitations for roles the inviter may not create', async () => {
    const cases: [string, RequestBody<'post', '/v1/invitations'>][] = [
      [world.coach.token, { role: 'job_coach', email: 'a@example.org', name: 'A' }],
      [world.coach.token, { role: 'provider_admin', email: 'b@example.org', name: 'B' }],
      [world.youngPerson.token, { role: 'job_coach', email: 'c@example.org', name: 'C' }],
      [world.delegate.token, { role: 'delegate', email: 'd@example.org', name: 'D', rights: ['view_profile'] }],
      [world.admin.token, { role: 'employer', email: 'e@example.org', name: 'E' }],
    ];
    for (const [token, body] of cases) {
      const response = await invite(token, body);
      expect(response.status, JSON.stringify(body)).toBe(403);
    }
  });

  it('refuses an email that already has an account', async () => {
    const response = await invite(world.admin.token, { role: 'job_coach', email: world.coach.email, name: 'Dup' });
    expect(response.status).toBe(409);
    expect(fieldProblems(response)[0]!.path).toBe('email');
  });

  it('audits invitations and acceptances', async () => {
    const created = await harness.services.audit.find({ action: 'invitation.create' });
    const accepted = await harness.services.audit.find({ action: 'invitation.accept' });
    expect(created.length).toBeGreaterThan(5);
    expect(accepted.length).toBeGreaterThan(3);
    expect(JSON.stringify([...created, ...accepted])).not.toContain(goodPassword);
  });
});

describe('employer sign-up and verification', () => {
  it('starts unverified; only a verified employer can open a placement', async () => {
    const employer = await makeEmployer(harness);
    const me = await call(harness.app, 'GET', '/v1/me', { token: employer.staff.token });
    expect(me.json.organisation).toMatchObject({ type: 'employer', verified: false });
    const coachView = await call(harness.app, 'GET', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: world.coach.token,
    });
    expect(coachView.status).toBe(404);
    const adminView = await call(harness.app, 'GET', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: world.admin.token,
    });
    expect(adminView.status).toBe(200);
    const queue = await call(harness.app, 'GET', '/v1/employers', {
      query: { verified: 'false' },
      token: world.admin.token,
    });
    expect(queue.json.items.map((e: { id: string }) => e.id)).toContain(employer.employerId);

    // A coach cannot even see an unverified employer.
    expect(
      (
        await call(harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
          path: { employerId: employer.employerId },
          token: world.coach.token,
          body: { verified: true },
        })
      ).status,
    ).toBe(404);
    const open = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput({ status: 'open' }),
    });
    expect(open.status).toBe(422);
    expect(fieldProblems(open)[0]!.path).toBe('status');
    const draft = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput({ status: 'draft' }),
    });
    expect(draft.status).toBe(201);
    const verified = await call(harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
      path: { employerId: employer.employerId },
      token: world.admin.token,
      body: { verified: true },
    });
    expect(verified.json.verified).toBe(true);
    const audit = await harness.services.audit.find({ action: 'employer.verify', targetId: employer.employerId });
    expect(audit).toHaveLength(1);
    expect(
      (
        await call(harness.app, 'GET', '/v1/employers/{employerId}', {
          path: { employerId: employer.employerId },
          token: world.coach.token,
        })
      ).status,
    ).toBe(200);
    const opened = await call(harness.app, 'PATCH', '/v1/placements/{placementId}', {
      path: { placementId: draft.json.id },
      token: employer.staff.token,
      body: { status: 'open' },
    });
    expect(opened.json.status).toBe('open');

    const withdraw = await call(harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
      path: { employerId: employer.employerId },
      token: other.admin.token,
      body: { verified: false },
    });
    expect(withdraw.status).toBe(403);
  });

  it('refuses a sign-up with an email already in use, and writes nothing', async () => {
    const before = await harness.services.db.collection('employers').countDocuments({});
    const response = await call(harness.app, 'POST', '/v1/employers/signup', {
      body: {
        organisation: {
          name: 'Dup Ltd',
          sector: 'retail',
          address: { line1: '1 High St', town: 'Leeds', postcode: 'LS1 4AP' },
        },
        account: { name: 'Dup', email: world.coach.email, password: goodPassword },
      },
    });
    expect(response.status).toBe(409);
    expect(await harness.services.db.collection('employers').countDocuments({})).toBe(before);
  });

  it('refuses an unknown postcode with 422 naming the field', async () => {
    const response = await call(harness.app, 'POST', '/v1/employers/signup', {
      body: {
        organisation: {
          name: 'Nowhere Ltd',
          sector: 'retail',
          address: { line1: '1 High St', town: 'Nowhere', postcode: 'ZE9 9ZZ' },
        },
        account: { name: 'N', email: 'nowhere@example.org', password: goodPassword },
      },
    });
    expect(response.status).toBe(422);
    expect(fieldProblems(response)[0]!.path).toBe('organisation.address.postcode');
  });
});
