import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { DocumentRetention } from '../../src/documents/documents.retention.js';
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

const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'));
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let host: EmployerWorld;
let stranger: EmployerWorld;
let profileOnlyDelegate: Person;
let passportOnlyDelegate: Person;

const pdf = (size = 2000) => {
  const bytes = randomBytes(size);
  bytes.set(Buffer.from('%PDF-1.7\n'), 0);
  return bytes;
};
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);

function upload(person: Person, kind: string, bytes: Uint8Array, fileName = 'letter.pdf', type = 'application/pdf') {
  const form = new FormData();
  form.set('kind', kind);
  form.set('title', 'Letter <script>alert(1)</script> ../../etc');
  form.set('file', new File([bytes], fileName, { type }));
  return callUntyped(harness.app, 'POST', `/v1/young-people/${world.youngPersonId}/documents`, {
    token: person.token,
    body: form,
  });
}
const list = (person: Person) =>
  call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/documents', {
    path: { youngPersonId: world.youngPersonId },
    token: person.token,
  });
async function download(person: Person, documentId: string) {
  const response = await harness.app.request(`/v1/young-people/${world.youngPersonId}/documents/${documentId}`, {
    headers: { authorization: `Bearer ${person.token}` },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
const remove = (person: Person, documentId: string) =>
  callUntyped(harness.app, 'DELETE', `/v1/young-people/${world.youngPersonId}/documents/${documentId}`, {
    token: person.token,
  });
const gridFsCounts = async () => {
  const db = harness.services.db;
  return {
    files: await db.collection('documents.files').countDocuments(),
    chunks: await db.collection('documents.chunks').countDocuments(),
  };
};

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  host = await makeEmployer(harness, world.admin, { name: 'The Beckside Hotel' });
  stranger = await makeEmployer(harness, world.admin, { name: 'Other Employer Ltd' });
  profileOnlyDelegate = world.delegate;
  passportOnlyDelegate = await makeAccount(harness, {
    role: 'delegate',
    providerId: world.providerId,
    actsFor: [{ youngPersonId: world.youngPersonId, rights: ['view_passport'] }],
  });
});
afterAll(() => harness.close());

describe('documents: upload and download', () => {
  it('gives back exactly the bytes uploaded, as an attachment with a made-up name, no-store and nosniff', async () => {
    const bytes = pdf(3 * 1024 * 1024 + 17);
    const uploaded = await upload(world.coach, 'award_letter', bytes);
    expect(uploaded.status, uploaded.text).toBe(201);
    const saved = uploaded.json as { id: string; title: string; sizeBytes: number; contentType: string };
    expect(saved).toMatchObject({ sizeBytes: bytes.length, contentType: 'application/pdf', retainUntil: '2032-11-20' });
    expect(saved.title).toBe('Letter script alert(1) script .. .. etc');
    const got = await download(world.youngPerson, saved.id);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="award-letter-2026-11-20.pdf"');
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-type')).toBe('application/pdf');
  });

  it('refuses with 415 a program or a text file named .pdf, and stores nothing', async () => {
    const before = await gridFsCounts();
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(400)]);
    const renamedExe = await upload(world.coach, 'certificate', exe, 'certificate.pdf', 'application/pdf');
    expect(renamedExe.status).toBe(415);
    expect(renamedExe.error).toMatchObject({ code: 'unsupported_media_type' });
    expect(renamedExe.error?.requestId).toBeTruthy();
    const text = await upload(world.coach, 'certificate', Buffer.from('not really a pdf'), 'notes.pdf');
    expect(text.status).toBe(415);
    expect(await gridFsCounts()).toEqual(before);
  });

  it('refuses with 413 a file of 10 MB and 1 byte, and accepts one of exactly 10 MB', async () => {
    const before = await gridFsCounts();
    const tooBig = await upload(world.coach, 'signed_claim', pdf(10 * 1024 * 1024 + 1));
    expect(tooBig.status).toBe(413);
    expect(tooBig.error).toMatchObject({ code: 'payload_too_large' });
    expect(await gridFsCounts()).toEqual(before);
    const justFits = await upload(world.coach, 'signed_claim', pdf(10 * 1024 * 1024));
    expect(justFits.status, justFits.text).toBe(201);
    expect((await remove(world.admin, (justFits.json as { id: string }).id)).status).toBe(204);
  });

  it('names the field when the kind is unknown, and refuses a JSON body with 415', async () => {
    const unknownKind = await upload(world.coach, 'passport', png(), 'x.png', 'image/png');
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.error?.details).toEqual([expect.objectContaining({ path: 'kind' })]);
    const json = await callUntyped(harness.app, 'POST', `/v1/young-people/${world.youngPersonId}/documents`, {
      token: world.coach.token,
      body: { kind: 'certificate' },
    });
    expect(json.status).toBe(415);
  });
});

describe('documents: who may do what', () => {
  let riskAssessmentId: string;
  let awardLetterId: string;

  beforeAll(async () => {
    riskAssessmentId = (
      (await upload(world.admin, 'risk_assessment', png(), 'r.png', 'image/png')).json as { id: string }
    ).id;
    awardLetterId = (await list(world.coach)).json.items.find((item) => item.kind === 'award_letter')!.id;
  });

  it('lets the young person, a delegate with view_profile and the provider staff read; not others', async () => {
    for (const reader of [world.youngPerson, profileOnlyDelegate, world.coach, world.admin]) {
      expect((await download(reader, riskAssessmentId)).status).toBe(200);
      expect((await list(reader)).json.items.length).toBeGreaterThanOrEqual(2);
    }
    expect((await download(passportOnlyDelegate, riskAssessmentId)).status).toBe(403);
    for (const outsider of [other.coach, other.admin, other.youngPerson, host.staff, stranger.staff]) {
      expect((await download(outsider, riskAssessmentId)).status).toBe(404);
      expect((await list(outsider)).status).toBe(404);
    }
  });

  it('lets only provider staff upload and delete', async () => {
    for (const person of [world.youngPerson, profileOnlyDelegate]) {
      expect((await upload(person, 'certificate', png(), 'c.png', 'image/png')).status).toBe(403);
      expect((await remove(person, riskAssessmentId)).status).toBe(403);
    }
    expect((await upload(other.coach, 'certificate', png(), 'c.png', 'image/png')).status).toBe(404);
    expect((await remove(host.staff, riskAssessmentId)).status).toBe(404);
  });

  it('lets a hosting employer with an active share download the workplace papers only, while the share lasts', async () => {
    const placementId = await postPlacement(harness, host.employerId, host.staff, { startDate: '2027-01-04' });
    const matchId = (await propose(harness, world.coach, world.youngPersonId, placementId)).json.id as string;
    expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
    expect((await step(harness, host.staff, matchId, 'employer-accept')).status).toBe(200);
    // Hosting alone is not consent.
    expect((await download(host.staff, riskAssessmentId)).status).toBe(404);
    const share = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: { employerId: host.employerId, sections: ['aboutMe'], purpose: 'Induction' },
    });
    expect(share.status, share.text).toBe(201);
    const got = await download(host.staff, riskAssessmentId);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="risk-assessment-2026-11-20.png"');
    expect((await download(host.staff, awardLetterId)).status).toBe(404);
    expect((await list(host.staff)).json.items.map((item) => item.kind)).toEqual(['risk_assessment']);
    expect((await download(stranger.staff, riskAssessmentId)).status).toBe(404);

    const log = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/access-log', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(log.json.items[0]).toMatchObject({
      action: 'document.download',
      description: 'Downloaded a document: Risk assessment',
      by: { organisation: 'The Beckside Hotel' },
    });
    const ownDownloads = log.json.items.filter(
      (entry) => entry.action === 'document.download' && entry.by.role === 'young_person',
    );
    expect(ownDownloads).toEqual([]);

    const withdrawn = await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}/passport/shares/{shareId}', {
      path: { youngPersonId: world.youngPersonId, shareId: share.json.id },
      token: world.youngPerson.token,
    });
    expect(withdrawn.status).toBe(200);
    expect((await download(host.staff, riskAssessmentId)).status).toBe(404);
  });

  it('deletes a document, file and chunks, for the staff', async () => {
    const before = await gridFsCounts();
    expect((await remove(world.coach, riskAssessmentId)).status).toBe(204);
    expect((await download(world.coach, riskAssessmentId)).status).toBe(404);
    const after = await gridFsCounts();
    expect(after.files).toBe(before.files - 1);
    expect(after.chunks).toBeLessThan(before.chunks);
    expect((await remove(world.coach, riskAssessmentId)).status).toBe(404);
  });
});

describe('documents: retention and data rights', () => {
  it('deletes expired documents once with three runners, and says so in the audit trail', async () => {
    const kept = await upload(world.coach, 'certificate', png(), 'c.png', 'image/png');
    expect(kept.status).toBe(201);
    const expiring = (await list(world.coach)).json.items.filter((item) => item.retainUntil < '2030-01-01');
    expect(expiring.length).toBeGreaterThan(0);
    await travelTo(harness, clock, '2030-01-02T08:00:00Z', [world.coach]);
    const { db, documentsRepository, audit } = harness.services;
    const logLines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(line) });
    const runners = [1, 2, 3].map(
      () => new DocumentRetention({ db, records: documentsRepository, audit, clock, logger }),
    );
    const outcomes = await Promise.all(runners.map((runner) => runner.runOnce()));
    expect(outcomes.filter((outcome) => outcome !== undefined)).toHaveLength(1);
    expect(outcomes.reduce((sum: number, n) => sum + (n ?? 0), 0)).toBe(expiring.length);
    await Promise.all(runners.map((runner) => runner.runOnce()));
    const left = (await list(world.coach)).json.items;
    expect(left.every((item) => item.retainUntil >= '2030-01-02')).toBe(true);
    const entries = await audit.find({ action: 'document.expire' });
    expect(entries.map((entry) => entry.target?.id).sort()).toEqual(expiring.map((item) => item.id).sort());
    expect(entries[0]).toMatchObject({ actor: { role: 'system' }, subjectId: world.youngPersonId });
    // The log says how many, never which: no title or kind.
    expect(logLines).toHaveLength(1);
    expect(JSON.parse(logLines[0]!)).toMatchObject({ deleted: expiring.length, msg: 'expired documents deleted' });
    expect(logLines[0]).not.toMatch(/Letter|award|risk|certificate/i);
  });

  it('puts each readable document in the export as base64 and erases files and chunks with the person', async () => {
    await travelTo(harness, clock, '2030-01-02T09:00:00Z', [world.admin, world.coach]);
    const bytes = png();
    expect((await upload(world.coach, 'induction_checklist', bytes, 'i.png', 'image/png')).status).toBe(201);
    const exported = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/export', {
      path: { youngPersonId: world.youngPersonId },
      token: world.admin.token,
    });
    const documents = (exported.json as unknown as { documents: { kind: string; contentBase64: string }[] }).documents;
    const checklist = documents.find((document) => document.kind === 'induction_checklist')!;
    expect(Buffer.from(checklist.contentBase64, 'base64').equals(bytes)).toBe(true);

    const erased = await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: world.youngPersonId },
      token: world.admin.token,
    });
    expect(erased.status, erased.text).toBe(200);
    expect(await gridFsCounts()).toEqual({ files: 0, chunks: 0 });
  });
});
