import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAction } from '../../src/audit/audit.js';
import { actorOf } from '../../src/auth/auth.service.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Role } from '../../src/domain/vocabulary.js';
import {
  call,
  callUntyped,
  createHarness,
  errorDetails,
  fieldProblems,
  type Harness,
  type RequestBody,
} from '../helpers/harness.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
  placementInput,
  signIn,
} from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-07-01T10:00:00Z'));
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;
let passportDelegate: Person;

const passportBody: RequestBody<'put', '/v1/young-people/{youngPersonId}/passport'> = {
  sections: {
    aboutMe: {
      summary: 'I like routine and clear plans.',
      workWanted: 'Kitchen or warehouse work',
      travelLimits: 'One bus, up to 40 minutes',
    },
    myCondition: {
      description: 'Autism and anxiety',
      effectOnWork: 'Loud places make it hard to think',
      goodDay: 'I work fast',
      harderDay: 'I need a quiet break',
    },
    whatHelps: {
      adjustments: [
        { category: 'instructions', details: 'Written, step by step checklists' },
        { category: 'environment', details: 'A quiet space for breaks' },
      ],
      whatColleaguesCanDo: 'Tell me about changes in advance',
    },
    accessToWork: { status: 'approved', funds: ['job_coach', 'travel'] },
    review: { agreedBy: 'My job coach', agreedOn: '2026-06-01', nextReviewDue: '2026-12-01' },
  },
};

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
  otherEmployer = await makeEmployer(harness, world.admin, { name: 'Other Employer Ltd' });
  passportDelegate = await makeAccount(harness, {
    role: 'delegate',
    providerId: world.providerId,
    actsFor: [{ youngPersonId: world.youngPersonId, rights: ['view_passport', 'edit_passport', 'share_passport'] }],
  });
  const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: world.youngPersonId },
    token: world.youngPerson.token,
    body: passportBody,
  });
  expect(saved.status).toBe(200);
});
afterAll(() => harness.close());

describe('the owner’s passport', () => {
  it('starts empty and shows what is incomplete', async () => {
    const fresh = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: other.youngPersonId },
      token: other.youngPerson.token,
    });
    expect(fresh.status).toBe(200);
    expect(fresh.json).toMatchObject({ version: 0, sections: {}, reviewOverdue: false, nextReviewDue: null });
    expect(fresh.json.completeness).toEqual({
      aboutMe: 'empty',
      myCondition: 'empty',
      whatHelps: 'empty',
      accessToWork: 'empty',
      review: 'empty',
    });
  });

  it('is saved as a new version each time, and old versions can be read', async () => {
    const current = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(current.json.version).toBe(1);
    expect(current.json.completeness).toMatchObject({ aboutMe: 'complete', whatHelps: 'complete', review: 'complete' });
    expect(current.json.nextReviewDue).toBe('2026-12-01');

    const changed: RequestBody<'put', '/v1/young-people/{youngPersonId}/passport'> = {
      sections: { ...passportBody.sections, aboutMe: { ...passportBody.sections.aboutMe, summary: 'Updated summary' } },
      baseVersion: 1,
    };
    const second = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: changed,
    });
    expect(second.status).toBe(200);
    expect(second.json.version).toBe(2);

    const list = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/versions', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(list.json.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const first = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/versions/{version}', {
      path: { youngPersonId: world.youngPersonId, version: 1 },
      token: world.youngPerson.token,
    });
    expect(first.json.sections.aboutMe!.summary).toBe('I like routine and clear plans.');
  });

  it('refuses a save that started from an old version (no lost updates)', async () => {
    const stale = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: { ...passportBody, baseVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(errorDetails(stale).currentVersion).toBeGreaterThan(1);
  });

  it('flags an overdue review with the injectable clock', async () => {
    clock.set(new Date('2027-01-05T10:00:00Z'));
    try {
      const token = await signIn(harness, world.youngPerson.email);
      const later = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
        path: { youngPersonId: world.youngPersonId },
        token,
      });
      expect(later.json.reviewOverdue).toBe(true);
    } finally {
      clock.set(new Date('2026-07-01T10:00:00Z'));
    }
  });

  it('rejects unknown fields and over-long text with field paths, and never echoes passport text', async () => {
    const secret = 'VERY-PRIVATE-DIAGNOSIS-TEXT';
    const response = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      untypedBody: {
        sections: { ...passportBody.sections, myCondition: { description: secret + 'x'.repeat(2100), mood: 'x' } },
      },
    });
    expect(response.status).toBe(400);
    const paths = fieldProblems(response)
      .map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['sections.myCondition.description', 'sections.myCondition.mood']);
    expect(response.text).not.toContain(secret);
  });
});

describe('saving one section, and restoring an earlier version', () => {
  const currentOf = async (id: string, token: string) =>
    (
      await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
        path: { youngPersonId: id },
        token,
      })
    ).json;

  it('refuses a whole-passport save that leaves sections out, naming each one, and changes nothing', async () => {
    const before = await currentOf(world.youngPersonId, world.youngPerson.token);
    const response = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      untypedBody: { baseVersion: before.version, sections: { aboutMe: { summary: 'Only this' } } },
    });
    expect(response.status).toBe(400);
    const paths = fieldProblems(response)
      .map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['sections.accessToWork', 'sections.myCondition', 'sections.review', 'sections.whatHelps']);
    const after = await currentOf(world.youngPersonId, world.youngPerson.token);
    expect(after.version).toBe(before.version);
    expect(after.sections).toEqual(before.sections);
  });

  it('empties a section only when the whole-passport save says null', async () => {
    const before = await currentOf(other.youngPersonId, other.youngPerson.token);
    const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: other.youngPersonId },
      token: other.youngPerson.token,
      body: { baseVersion: before.version, sections: { ...passportBody.sections, review: null } },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.sections.review).toBeUndefined();
    expect(saved.json.sections.aboutMe).toEqual(passportBody.sections.aboutMe);
  });

  it('saves one section as a new version and leaves every other section as it was', async () => {
    const before = await currentOf(world.youngPersonId, world.youngPerson.token);
    const response = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport/sections/{section}', {
      path: { youngPersonId: world.youngPersonId, section: 'aboutMe' },
      token: world.youngPerson.token,
      body: {
        baseVersion: before.version,
        content: { summary: 'Only about me changed', workWanted: 'Warehouse work' },
      },
    });
    expect(response.status).toBe(200);
    expect(response.json.version).toBe(before.version + 1);
    expect(response.json.sections.aboutMe).toEqual({ summary: 'Only about me changed', workWanted: 'Warehouse work' });
    for (const section of ['myCondition', 'whatHelps', 'accessToWork', 'review'] as const) {
      expect(response.json.sections[section]).toEqual(before.sections[section]);
    }
    const audit = await harness.services.db
      .collection('audit_events')
      .findOne({ action: 'passport.save', 'details.version': before.version + 1 });
    expect(audit?.details.sections).toEqual(['aboutMe']);
  });

  it('lets a delegate with edit_passport save a section, and refuses a coach (403), another provider (404) and a stale base (409)', async () => {
    const before = await currentOf(world.youngPersonId, world.youngPerson.token);
    const body = { baseVersion: before.version, content: { status: 'applied', funds: ['travel'] } };
    expect(
      (
        await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport/sections/{section}', {
          path: { youngPersonId: world.youngPersonId, section: 'accessToWork' },
          token: world.coach.token,
          body,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport/sections/{section}', {
          path: { youngPersonId: world.youngPersonId, section: 'accessToWork' },
          token: other.coach.token,
          body,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport/sections/{section}', {
          path: { youngPersonId: world.youngPersonId, section: 'accessToWork' },
          token: world.delegate.token,
          body,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport/sections/{section}', {
          path: { youngPersonId: world.youngPersonId, section: 'accessToWork' },
          token: passportDelegate.token,
          body,
        })
      ).status,
    ).toBe(200);
    const stale = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport/sections/{section}', {
      path: { youngPersonId: world.youngPersonId, section: 'accessToWork' },
      token: world.youngPerson.token,
      body,
    });
    expect(stale.status).toBe(409);
    expect(errorDetails(stale).currentVersion).toBe(before.version + 1);
  });

  it('validates the content against that section’s own fields, naming each one, and refuses an unknown section', async () => {
    const before = await currentOf(world.youngPersonId, world.youngPerson.token);
    const invalid = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport/sections/{section}', {
      path: { youngPersonId: world.youngPersonId, section: 'accessToWork' },
      token: world.youngPerson.token,
      body: { baseVersion: before.version, content: { status: 'maybe', colour: 'blue' } },
    });
    // 422: the schema cannot tie the content's shape to the section named in the path.
    expect(invalid.status).toBe(422);
    expect(
      fieldProblems(invalid)
        .map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['content.colour', 'content.status']);
    const unknown = await callUntyped(
      harness.app,
      'PUT',
      `/v1/young-people/${world.youngPersonId}/passport/sections/hobbies`,
      {
        token: world.youngPerson.token,
        body: { baseVersion: before.version, content: {} },
      },
    );
    expect(unknown.status).toBe(400);
    expect(fieldProblems(unknown)[0]).toMatchObject({ path: 'section', in: 'path' });
    expect((await currentOf(world.youngPersonId, world.youngPerson.token)).version).toBe(before.version);
  });

  it('restores an earlier version as a new version, audited, without losing the versions in between', async () => {
    const before = await currentOf(world.youngPersonId, world.youngPerson.token);
    const restored = await call(
      harness.app,
      'POST',
      '/v1/young-people/{youngPersonId}/passport/versions/{version}/restore',
      {
        path: { youngPersonId: world.youngPersonId, version: 1 },
        token: world.youngPerson.token,
        body: { baseVersion: before.version },
      },
    );
    expect(restored.status).toBe(200);
    expect(restored.json.version).toBe(before.version + 1);
    const first = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/versions/{version}', {
      path: { youngPersonId: world.youngPersonId, version: 1 },
      token: world.youngPerson.token,
    });
    expect(restored.json.sections).toEqual(first.json.sections);

    const list = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/versions', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(list.json.items[0]).toMatchObject({ version: before.version + 1, source: 'restore', restoredFrom: 1 });
    expect(list.json.items).toHaveLength(before.version + 1);
    const audit = await harness.services.db
      .collection('audit_events')
      .findOne({ action: 'passport.restore', subjectId: world.youngPersonId });
    expect(audit?.details).toMatchObject({ version: before.version + 1, restoredFrom: 1 });
  });

  it('refuses a restore by a coach (403), of a version that does not exist (404), or from a stale base (409)', async () => {
    const before = await currentOf(world.youngPersonId, world.youngPerson.token);
    const restore = async (version: number, token: string, baseVersion: number) =>
      (
        await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/versions/{version}/restore', {
          path: { youngPersonId: world.youngPersonId, version },
          token,
          body: { baseVersion },
        })
      ).status;
    expect(await restore(1, world.coach.token, before.version)).toBe(403);
    expect(await restore(1, other.coach.token, before.version)).toBe(404);
    expect(await restore(99, world.youngPerson.token, before.version)).toBe(404);
    expect(await restore(1, world.youngPerson.token, before.version - 1)).toBe(409);
    expect((await currentOf(world.youngPersonId, world.youngPerson.token)).version).toBe(before.version);
  });
});

describe('who may read and change a passport', () => {
  it('shows the job coach everything but "my condition" by default, and audits the read', async () => {
    const response = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
    });
    expect(response.status).toBe(200);
    expect(response.json.visibleSections).toEqual(['aboutMe', 'whatHelps', 'accessToWork', 'review']);
    expect(response.json.sections.myCondition).toBeUndefined();
  });

  it('lets a job coach propose but never save', async () => {
    const save = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
      body: passportBody,
    });
    expect(save.status).toBe(403);
  });

  it('refuses a coach proposal that touches a section the coach cannot read', async () => {
    const response = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
      body: { sections: { myCondition: { description: 'x' } } },
    });
    expect(response.status).toBe(403);
  });

  it('hides the passport from another provider’s coach (404) and from the provider admin (403)', async () => {
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
          path: { youngPersonId: world.youngPersonId },
          token: other.coach.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
          path: { youngPersonId: world.youngPersonId },
          token: world.admin.token,
        })
      ).status,
    ).toBe(403);
  });

  it('gives an employer no access without a share (404)', async () => {
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
          path: { youngPersonId: world.youngPersonId },
          token: employer.staff.token,
        })
      ).status,
    ).toBe(404);
  });

  it('follows the delegate’s rights: a profile-only delegate cannot read it', async () => {
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
          path: { youngPersonId: world.youngPersonId },
          token: world.delegate.token,
        })
      ).status,
    ).toBe(403);
    const allowed = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: passportDelegate.token,
    });
    expect(allowed.status).toBe(200);
    expect(allowed.json.visibleSections).toContain('myCondition');
  });

  it('is not read (nor logged as read) when a delegate opens the young person’s home page', async () => {
    const before = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/access-log', {
      path: { youngPersonId: world.youngPersonId },
      query: { limit: 100 },
      token: world.youngPerson.token,
    });
    const session = await harness.services.webSessions.start(passportDelegate.accountId);
    await harness.services.webSessions.actFor(session.session.id, world.youngPersonId, 'Sam');
    const home = await harness.app.request(`/young-people/${world.youngPersonId}`, {
      headers: { cookie: `__Host-session=${session.token}` },
    });
    expect(home.status).toBe(200);
    expect(await home.text()).not.toContain('Written checklists');
    const after = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/access-log', {
      path: { youngPersonId: world.youngPersonId },
      query: { limit: 100 },
      token: world.youngPerson.token,
    });
    expect(after.json.total).toBe(before.json.total);
  });

  it('lets the owner close the coach’s access', async () => {
    const current = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: other.youngPersonId },
      token: other.youngPerson.token,
    });
    await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: other.youngPersonId },
      token: other.youngPerson.token,
      body: { sections: passportBody.sections, coachAccess: 'none', baseVersion: current.json.version },
    });
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
          path: { youngPersonId: other.youngPersonId },
          token: other.coach.token,
        })
      ).status,
    ).toBe(403);
  });
});

describe('coach drafts', () => {
  it('appear in the inbox of the young person and of a delegate with edit_passport, and leave it once decided', async () => {
    const draft = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
      body: { sections: { review: { agreedBy: 'My job coach', nextReviewDue: '2027-03-01' } } },
    });
    expect(draft.status).toBe(201);
    const inboxOf = async (token: string) =>
      (await call(harness.app, 'GET', '/v1/me/inbox', { token })).json.passportDrafts as {
        draftId: string;
        kind: string;
        youngPerson: { id: string };
        sections: string[];
      }[];
    for (const token of [world.youngPerson.token, passportDelegate.token]) {
      expect(await inboxOf(token)).toContainEqual(
        expect.objectContaining({
          kind: 'passport_draft_to_review',
          draftId: draft.json.id,
          youngPerson: expect.objectContaining({ id: world.youngPersonId }),
          sections: ['review'],
        }),
      );
    }
    expect(await inboxOf(world.delegate.token)).toEqual([]);
    expect(await inboxOf(world.coach.token)).toEqual([]);
    expect(await inboxOf(other.youngPerson.token)).toEqual([]);

    expect(
      (
        await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts/{draftId}/reject', {
          path: { youngPersonId: world.youngPersonId, draftId: draft.json.id },
          token: world.youngPerson.token,
          body: {},
        })
      ).status,
    ).toBe(200);
    expect((await inboxOf(world.youngPerson.token)).map((item) => item.draftId)).not.toContain(draft.json.id);
  });

  it('changes nothing until the owner accepts, and then makes a new version', async () => {
    const before = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    const draft = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
      body: {
        sections: {
          whatHelps: { adjustments: [{ category: 'colleague_support', details: 'A named buddy on each shift' }] },
        },
        note: 'From our review',
      },
    });
    expect(draft.status).toBe(201);
    const unchanged = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(unchanged.json.version).toBe(before.json.version);
    expect(unchanged.json.pendingDrafts).toBe(1);

    const accepted = await call(
      harness.app,
      'POST',
      '/v1/young-people/{youngPersonId}/passport/drafts/{draftId}/accept',
      {
        path: { youngPersonId: world.youngPersonId, draftId: draft.json.id },
        token: world.youngPerson.token,
        body: {},
      },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ status: 'accepted', resultingVersion: before.json.version + 1 });
    const after = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(after.json.sections.whatHelps!.adjustments).toEqual([
      { category: 'colleague_support', details: 'A named buddy on each shift', inPlace: false },
    ]);
    expect(after.json.sections.aboutMe).toEqual(before.json.sections.aboutMe);

    const again = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts/{draftId}/reject', {
      path: { youngPersonId: world.youngPersonId, draftId: draft.json.id },
      token: world.youngPerson.token,
      body: {},
    });
    expect(again.status).toBe(409);
  });

  it('can be rejected, and the coach cannot decide on their own draft', async () => {
    const draft = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
      body: { sections: { aboutMe: { summary: 'Coach wording' } } },
    });
    expect(
      (
        await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/drafts/{draftId}/accept', {
          path: { youngPersonId: world.youngPersonId, draftId: draft.json.id },
          token: world.coach.token,
          body: {},
        })
      ).status,
    ).toBe(403);
    const rejected = await call(
      harness.app,
      'POST',
      '/v1/young-people/{youngPersonId}/passport/drafts/{draftId}/reject',
      {
        path: { youngPersonId: world.youngPersonId, draftId: draft.json.id },
        token: world.youngPerson.token,
        body: { reason: 'I prefer my own words' },
      },
    );
    expect(rejected.json).toMatchObject({ status: 'rejected', decisionReason: 'I prefer my own words' });
  });
});

describe('sharing with an employer', () => {
  it('runs the whole lifecycle: share, employer reads only chosen sections, access log shows it, withdraw, employer gets 404', async () => {
    const placement = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput(),
    });
    const share = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: {
        employerId: employer.employerId,
        placementId: placement.json.id,
        sections: ['whatHelps', 'aboutMe'],
        purpose: 'So my supervisor knows what helps me',
      },
    });
    expect(share.status).toBe(201);
    expect(share.json).toMatchObject({
      sections: ['aboutMe', 'whatHelps'],
      status: 'active',
      employerName: 'Northern Kitchens Ltd',
    });
    expect(share.json.consent.statement).toContain('About me, What helps me at work');
    expect(share.json.consent.givenBy.accountId).toBe(world.youngPerson.accountId);
    expect(new Date(share.json.expiresAt).getTime() - clock.now().getTime()).toBe(90 * 86_400_000);

    const list = await call(harness.app, 'GET', '/v1/shared-passports', { token: employer.staff.token });
    expect(list.json.items).toHaveLength(1);
    const read = await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
      path: { shareId: share.json.id },
      token: employer.staff.token,
    });
    expect(read.status).toBe(200);
    expect(Object.keys(read.json.sections).sort()).toEqual(['aboutMe', 'whatHelps']);
    expect(read.text).not.toContain('Autism');
    const printed = await call(harness.app, 'GET', '/v1/shared-passports/{shareId}/print', {
      path: { shareId: share.json.id },
      token: employer.staff.token,
    });
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(printed.text).toContain(
      'shared these parts with your organisation so that my supervisor knows what helps me.',
    );
    expect(printed.text).toContain('What helps me at work');
    expect(printed.text).not.toContain('Autism');
    expect(
      (
        await call(harness.app, 'GET', '/v1/shared-passports/{shareId}/print', {
          path: { shareId: share.json.id },
          token: otherEmployer.staff.token,
        })
      ).status,
    ).toBe(404);

    expect(
      (
        await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
          path: { shareId: share.json.id },
          token: otherEmployer.staff.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(harness.app, 'GET', '/v1/shared-passports', { token: otherEmployer.staff.token })).json.items,
    ).toHaveLength(0);

    const log = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/access-log', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    const employerRead = log.json.items.find((entry: { action: string }) => entry.action === 'passport_share.read');
    expect(employerRead).toMatchObject({
      by: { accountId: employer.staff.accountId, role: 'employer', organisation: 'Northern Kitchens Ltd' },
      sections: ['aboutMe', 'whatHelps'],
    });
    const employerPrint = log.json.items.find((entry: { action: string }) => entry.action === 'passport_share.print');
    expect(employerPrint).toMatchObject({
      description: 'Printed the sections you shared with them',
      by: { accountId: employer.staff.accountId, role: 'employer' },
      sections: ['aboutMe', 'whatHelps'],
    });
    expect(log.json.items.some((entry) => entry.by.role === 'job_coach')).toBe(true);

    const withdrawn = await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}/passport/shares/{shareId}', {
      path: { youngPersonId: world.youngPersonId, shareId: share.json.id },
      token: world.youngPerson.token,
    });
    expect(withdrawn.json.status).toBe('withdrawn');
    expect(
      (
        await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
          path: { shareId: share.json.id },
          token: employer.staff.token,
        })
      ).status,
    ).toBe(404);
  });

  it('never shares "my condition" unless it is chosen, and shares it when it is', async () => {
    const share = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: passportDelegate.token,
      body: {
        employerId: employer.employerId,
        sections: ['myCondition'],
        purpose: 'Health and safety plan',
        expiresInDays: 7,
      },
    });
    expect(share.status).toBe(201);
    const read = await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
      path: { shareId: share.json.id },
      token: employer.staff.token,
    });
    expect(Object.keys(read.json.sections)).toEqual(['myCondition']);
  });

  it('ends by itself at expiry (injectable clock)', async () => {
    const share = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: { employerId: employer.employerId, sections: ['whatHelps'], purpose: 'Induction', expiresInDays: 3 },
    });
    expect(
      (
        await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
          path: { shareId: share.json.id },
          token: employer.staff.token,
        })
      ).status,
    ).toBe(200);
    clock.advance(3 * 86_400_000 + 1000);
    try {
      const employerToken = await signIn(harness, employer.staff.email);
      expect(
        (
          await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
            path: { shareId: share.json.id },
            token: employerToken,
          })
        ).status,
      ).toBe(404);
      const ownerToken = await signIn(harness, world.youngPerson.email);
      const shares = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/shares', {
        path: { youngPersonId: world.youngPersonId },
        token: ownerToken,
      });
      expect(shares.json.items.find((s) => s.id === share.json.id)!.status).toBe('expired');
    } finally {
      clock.set(new Date('2026-07-01T10:00:00Z'));
    }
  });

  it('cannot be made by a job coach or a profile-only delegate, nor with an unverified employer', async () => {
    const body: RequestBody<'post', '/v1/young-people/{youngPersonId}/passport/shares'> = {
      employerId: employer.employerId,
      sections: ['whatHelps'],
      purpose: 'x',
    };
    expect(
      (
        await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
          path: { youngPersonId: world.youngPersonId },
          token: world.coach.token,
          body,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
          path: { youngPersonId: world.youngPersonId },
          token: world.delegate.token,
          body,
        })
      ).status,
    ).toBe(403);
    const unverified = await makeEmployer(harness);
    const response = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: { ...body, employerId: unverified.employerId },
    });
    expect(response.status).toBe(422);
    expect(fieldProblems(response)[0]!.path).toBe('employerId');
  });

  it('records the share and the consent in one transaction with its audit entry', async () => {
    const before = await harness.services.db.collection('audit_events').countDocuments({ action: 'passport.share' });
    const shares = await harness.services.db.collection('passport_shares').countDocuments({});
    const response = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: { employerId: employer.employerId, sections: ['review'], purpose: 'Review dates' },
    });
    expect(response.status).toBe(201);
    expect(await harness.services.db.collection('audit_events').countDocuments({ action: 'passport.share' })).toBe(
      before + 1,
    );
    expect(await harness.services.db.collection('passport_shares').countDocuments({})).toBe(shares + 1);
  });
});

describe('renewing a share', () => {
  it('tells the owner before a share ends, and lets them renew it with a new date, audited', async () => {
    const made = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: {
        employerId: employer.employerId,
        sections: ['whatHelps'],
        purpose: 'So my supervisor can plan',
        expiresInDays: 10,
      },
    });
    expect(made.status, made.text).toBe(201);
    const endingSoon = async (token: string) =>
      (await call(harness.app, 'GET', '/v1/me/inbox', { token })).json.sharesEndingSoon as {
        shareId: string;
        kind: string;
      }[];
    expect(await endingSoon(world.youngPerson.token)).toContainEqual(
      expect.objectContaining({ kind: 'share_ending_soon', shareId: made.json.id }),
    );
    expect(await endingSoon(passportDelegate.token)).toContainEqual(expect.objectContaining({ shareId: made.json.id }));
    expect(await endingSoon(world.delegate.token)).toEqual([]);

    const renew = { youngPersonId: world.youngPersonId, shareId: made.json.id };
    expect(
      (
        await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares/{shareId}/renew', {
          path: renew,
          token: world.coach.token,
          body: { expiresInDays: 120 },
        })
      ).status,
    ).toBe(403);
    const renewed = await call(
      harness.app,
      'POST',
      '/v1/young-people/{youngPersonId}/passport/shares/{shareId}/renew',
      { path: renew, token: world.youngPerson.token, body: { expiresInDays: 120 } },
    );
    expect(renewed.status, renewed.text).toBe(200);
    const newEnd = new Date(clock.now().getTime() + 120 * 86_400_000).toISOString().slice(0, 10);
    expect(renewed.json.expiresAt.slice(0, 10)).toBe(newEnd);
    expect(renewed.json.consent.statement).toContain(`This lasts until ${newEnd}`);
    expect((await endingSoon(world.youngPerson.token)).map((item) => item.shareId)).not.toContain(made.json.id);
    const audit = await harness.services.db
      .collection('audit_events')
      .findOne({ action: 'passport.share_renew', 'target.id': made.json.id });
    expect(audit?.details).toMatchObject({ employerId: employer.employerId });

    await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}/passport/shares/{shareId}', {
      path: { youngPersonId: world.youngPersonId, shareId: made.json.id },
      token: world.youngPerson.token,
    });
    expect(
      (
        await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares/{shareId}/renew', {
          path: renew,
          token: world.youngPerson.token,
          body: { expiresInDays: 30 },
        })
      ).status,
    ).toBe(409);
  });
});

describe('the printable passport', () => {
  it('is an accessible HTML page with the sections the reader may see, and escapes text', async () => {
    const current = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: {
        sections: { ...passportBody.sections, aboutMe: { summary: '<script>alert(1)</script> I like maps' } },
        baseVersion: current.json.version,
      },
    });
    const page = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/print', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<html lang="en-GB">');
    expect(page.text).toContain('<h1>Sam’s workplace adjustments passport</h1>');
    expect(page.text).toContain('&lt;script&gt;');
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('id="myCondition"');

    const coachPage = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/print', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
    });
    expect(coachPage.text).not.toContain('id="myCondition"');
    expect(coachPage.text).not.toContain('Autism');
  });
});

describe('the access log the owner reads', () => {
  it('is one row per person per day with a count, people at work first, then the family', async () => {
    const family = await makeProvider(harness, 'Log College');
    const hotel = await makeEmployer(harness, family.admin, { name: 'Log Hotel' });
    const { audit, passports, accounts } = harness.services;
    const read = async (at: string, who: Person, role: Role, action: AuditAction, sections?: string[]) => {
      clock.set(new Date(at));
      await audit.success(
        action,
        { accountId: who.accountId, role },
        {
          target: { type: 'passport', id: family.youngPersonId },
          subjectId: family.youngPersonId,
          ...(sections ? { details: { sections } } : {}),
        },
      );
    };
    try {
      for (let i = 0; i < 6; i++) await read(`2026-07-01T0${i}:10:00Z`, family.delegate, 'delegate', 'passport.read');
      for (let i = 0; i < 3; i++) await read(`2026-07-02T09:0${i}:00Z`, family.delegate, 'delegate', 'passport.read');
      await read('2026-07-01T09:00:00Z', hotel.staff, 'employer', 'passport_share.read', ['whatHelps']);
      await read('2026-07-01T11:00:00Z', hotel.staff, 'employer', 'passport_share.print', ['aboutMe', 'whatHelps']);
      // 23:30 in UTC is 00:30 the next day in England (summer time): the day is England's.
      await read('2026-07-01T23:30:00Z', family.coach, 'job_coach', 'passport.read', ['aboutMe']);
      await read('2026-07-03T08:00:00Z', family.youngPerson, 'young_person', 'passport.save');
    } finally {
      clock.set(new Date('2026-07-01T10:00:00Z'));
    }
    const owner = actorOf((await accounts.byId(family.youngPerson.accountId))!);
    const log = await passports.readsByDay(owner, family.youngPersonId, { limit: 10, offset: 0 });
    expect(log.total).toBe(4);
    expect(
      log.items.map(({ group, by, day, times, sections }) => ({ group, who: by.accountId, day, times, sections })),
    ).toEqual([
      { group: 'work', who: family.coach.accountId, day: '2026-07-02', times: 1, sections: ['aboutMe'] },
      { group: 'work', who: hotel.staff.accountId, day: '2026-07-01', times: 2, sections: ['aboutMe', 'whatHelps'] },
      { group: 'family', who: family.delegate.accountId, day: '2026-07-02', times: 3, sections: [] },
      { group: 'family', who: family.delegate.accountId, day: '2026-07-01', times: 6, sections: [] },
    ]);
    expect(log.items[1]).toMatchObject({
      by: { organisation: 'Log Hotel', role: 'employer' },
      lastAt: '2026-07-01T11:00:00.000Z',
      actions: expect.arrayContaining(['passport_share.read', 'passport_share.print']),
    });
    const second = await passports.readsByDay(owner, family.youngPersonId, { limit: 2, offset: 2 });
    expect(second.items.map((row) => row.group)).toEqual(['family', 'family']);
    await expect(
      passports.readsByDay(actorOf((await accounts.byId(family.coach.accountId))!), family.youngPersonId, {
        limit: 10,
        offset: 0,
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
