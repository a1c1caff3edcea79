import { crc32, deflateSync } from 'node:zlib';
import { ObjectId } from 'mongodb';
import type { AccessToWorkClaim, Award } from '../src/access-to-work/access-to-work.repository.js';
import { type ClaimState, draftClaimFigures, monthOf } from '../src/access-to-work/access-to-work.rules.js';
import { addDays, addMonths, todayInEngland } from '../src/core/dates.js';
import { retainUntil } from '../src/documents/documents.rules.js';
import type { DocumentKind } from '../src/domain/vocabulary.js';
import type { System } from '../src/services.js';
import { demoAccounts } from './demo-accounts.js';
import type { LoadPart } from './load-part.js';

/**
 * Access to Work for the demo provider's interns, so that the demo job coach finds on first
 * sign-in every state a case and a claim can be in: an application waiting for DWP, awards (one
 * in its reconsideration window, one whose renewal is open), and claims drafted (one to sign),
 * signed, sent, paid and queried; with an award letter, a risk assessment and a signed claim
 * among the intern's documents. Dates follow the day of the load; claims are drafted from the
 * seeded weekly logs by the same rule the service uses, so their totals match the logs.
 */

/** The states the demo cases show between them (one case may be in two: an award in its reconsideration window whose renewal is open). */
export const demoCaseStates = ['applied', 'awarded', 'reconsideration_open', 'renewal_due'] as const;
export const demoClaimStates: readonly ClaimState[] = ['draft', 'signed', 'sent', 'paid', 'queried'];

const costPerHourPence = 2_850;
const hoursPerWeek = 12;

interface Internship {
  matchId: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  jobCoachId?: ObjectId;
  startedOn: string;
  endedOn?: string;
}

/** The demo coach's internships first, then the rest of their provider's, each in a fixed order. */
async function internshipsOf(services: System) {
  const coach = await services.accounts.byEmail(demoAccounts.jobCoach.email);
  if (!coach?.providerId) return undefined;
  const docs = await services.journeysRepository.collection
    .find(
      { providerId: new ObjectId(coach.providerId), startedOn: { $exists: true } },
      { projection: { youngPersonId: 1, providerId: 1, jobCoachId: 1, startedOn: 1, endedOn: 1, state: 1 } },
    )
    .toArray();
  const isTheCoachs = (internship: Internship) => internship.jobCoachId?.toHexString() === coach.id;
  const order = (states: string[], newestFirst: boolean): Internship[] =>
    docs
      .filter((doc) => states.includes(doc.state))
      .map((doc) => ({
        matchId: doc._id,
        youngPersonId: doc.youngPersonId,
        providerId: doc.providerId,
        ...(doc.jobCoachId ? { jobCoachId: doc.jobCoachId } : {}),
        startedOn: doc.startedOn!,
        ...(doc.endedOn ? { endedOn: doc.endedOn } : {}),
      }))
      .sort(
        (a, b) =>
          Number(isTheCoachs(b)) - Number(isTheCoachs(a)) ||
          (newestFirst ? b.startedOn.localeCompare(a.startedOn) : a.startedOn.localeCompare(b.startedOn)) ||
          a.matchId.toHexString().localeCompare(b.matchId.toHexString()),
      );
  const running = order(['in_progress'], false);
  // A case is one a young person: someone who has one from a running internship gets none from a finished one.
  const runningPeople = new Set(running.map((internship) => internship.youngPersonId.toHexString()));
  return {
    coachId: coach.id,
    running,
    finished: order(['completed', 'followed_up'], true).filter(
      (internship) => !runningPeople.has(internship.youngPersonId.toHexString()),
    ),
  };
}

/** The claim months of an internship up to today: each month it ran in, the current one included. */
function monthsOf(internship: Internship, today: string): string[] {
  const months: string[] = [];
  const last = monthOf(internship.endedOn && internship.endedOn < today ? internship.endedOn : today);
  for (let month = monthOf(internship.startedOn); month <= last; month = monthOf(addMonths(`${month}-01`, 1)))
    months.push(month);
  return months;
}

const minDay = (a: string, b: string) => (a < b ? a : b);

/** A day after the month ends, at most today: when a claim for it could be signed or sent. */
const afterMonth = (month: string, days: number, today: string) =>
  minDay(addDays(addMonths(`${month}-01`, 1), days - 1), today);

function claimStateFields(state: ClaimState, month: string, today: string, totalPence: number) {
  const signedOn = afterMonth(month, 3, today);
  const sentOn = afterMonth(month, 5, today);
  const signed = { signed: { by: 'The intern', on: signedOn } };
  switch (state) {
    case 'draft':
      return {};
    case 'signed':
      return signed;
    case 'sent':
      return { ...signed, sent: { on: sentOn } };
    case 'paid':
      return { ...signed, sent: { on: sentOn }, paid: { on: afterMonth(month, 30, today), amountPence: totalPence } };
    case 'queried':
      return {
        ...signed,
        sent: { on: sentOn },
        queried: { on: afterMonth(month, 20, today), question: 'Please confirm the weeks the job coach was at work.' },
      };
  }
}

/** A one-page PDF saying what it stands for; the cross-reference table's offsets are counted, so readers open it. */
export function demoPdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj 0 -28 Td /F1 11 Tf (Demo data: not a real document.) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A small greyscale PNG (a photo of a signed form stands in as stripes). */
export function demoPng(width = 64, height = 32): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (y >> 2) % 2 === 0 ? 0xf0 : 0x40;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

export const accessToWorkDemo: LoadPart = {
  label: 'access to work',
  total: () => 5,
  async run(context, progress) {
    const { services } = context;
    const found = await internshipsOf(services);
    if (!found) return;
    const today = todayInEngland(context.now);
    const coachBy = { accountId: found.coachId, role: 'job_coach' as const };
    const logsOf = async (internship: Internship) =>
      (await services.progressRepository.logs.find({ matchId: internship.matchId }).toArray()).map((log) => ({
        weekStarting: log.weekStarting,
        coachingHours: log.supportHours,
      }));

    const saveCase = async (internship: Internship, sentOn: string, award?: Award) => {
      await services.accessToWorkRepository.cases.insertOne({
        _id: new ObjectId(),
        youngPersonId: internship.youngPersonId,
        providerId: internship.providerId,
        application: {
          appliedBy: 'education_provider',
          reference: `ATW-${internship.youngPersonId.toHexString().slice(-6).toUpperCase()}`,
          sentOn,
          signer: 'young_person',
        },
        ...(award ? { award } : {}),
        updatedBy: { accountId: new ObjectId(found.coachId), role: 'job_coach' },
        updatedAt: context.now,
      });
    };
    const awardOf = (letterDate: string, startsOn: string, endsOn: string, refused: Award['refused'] = []): Award => {
      const weeks = Math.max(1, Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / (7 * 86_400_000)));
      return {
        letterDate,
        lines: [
          {
            kind: 'job_coach',
            startsOn,
            endsOn,
            hoursPerWeek,
            costPerHourPence,
            totalPence: weeks * hoursPerWeek * costPerHourPence,
          },
          {
            kind: 'travel_to_work',
            description: 'Taxi to work while travel training',
            startsOn,
            endsOn: minDay(endsOn, addDays(startsOn, 12 * 7 - 1)),
            totalPence: 96_000,
          },
        ],
        employerContributionPence: 0,
        refused,
      };
    };
    /**
     * Drafts each month's claim from the logs and stores it in the state `stateOf` gives; months
     * with no coaching logged are left out when `skipEmpty` (nobody claims nothing for a past year).
     */
    const saveClaims = async (
      internship: Internship,
      award: Award,
      months: string[],
      stateOf: (month: string, claimed: string[]) => ClaimState,
      skipEmpty = false,
    ) => {
      const logs = await logsOf(internship);
      const lines = award.lines
        .filter((line) => line.kind === 'job_coach')
        .map((line) => ({
          startsOn: line.startsOn,
          endsOn: line.endsOn,
          hoursPerWeek: line.hoursPerWeek ?? 0,
          costPerHourPence: line.costPerHourPence ?? 0,
        }));
      const drafted = months
        .map((month) => ({
          month,
          figures: draftClaimFigures({
            month,
            today,
            startedOn: internship.startedOn,
            ...(internship.endedOn ? { endedOn: internship.endedOn } : {}),
            lines,
            logs,
          }),
        }))
        .filter(({ figures }) => !skipEmpty || figures.coachingHours > 0);
      const claimed = drafted.map(({ month }) => month);
      const claims = drafted.map(({ month, figures }) => {
        const state = stateOf(month, claimed);
        const claim: Omit<AccessToWorkClaim, 'id'> = {
          ...figures,
          youngPersonId: internship.youngPersonId.toHexString(),
          providerId: internship.providerId.toHexString(),
          month,
          state,
          ...claimStateFields(state, month, today, figures.totalPence),
          draftedBy: coachBy,
          draftedAt: context.now,
        };
        return claim;
      });
      await services.accessToWorkRepository.claims.insertMany(
        claims.map((claim) => ({
          ...claim,
          _id: new ObjectId(),
          youngPersonId: internship.youngPersonId,
          providerId: internship.providerId,
          draftedBy: { accountId: new ObjectId(found.coachId), role: 'job_coach' as const },
        })),
      );
    };
    const saveDocument = async (
      internship: Internship,
      kind: DocumentKind,
      title: string,
      uploadedOn: string,
      bytes: Uint8Array,
    ) => {
      await services.documentsRepository.save(
        {
          youngPersonId: internship.youngPersonId.toHexString(),
          providerId: internship.providerId.toHexString(),
          kind,
          title,
          contentType: bytes[0] === 0x25 ? 'application/pdf' : 'image/png',
          uploadedBy: coachBy,
          uploadedAt: new Date(`${uploadedOn}T10:00:00Z`),
          retainUntil: retainUntil(kind, uploadedOn, internship.endedOn),
        },
        bytes,
      );
    };
    /** The month a running internship's claim is for: last month, or this one if it started this month. */
    const claimMonth = (internship: Internship) => {
      const months = monthsOf(internship, today);
      return months.length > 1 ? months.at(-2)! : months[0]!;
    };
    const yearEnd = (internship: Internship) => addDays(addMonths(internship.startedOn, 10), 9);

    const [coachs, awarded, signing, applied] = found.running;
    if (coachs) {
      // The demo coach's intern: DWP took long, and its letter (24 days ago) funds the first weeks
      // only and refused the equipment asked for. So the coach's home shows a reconsideration
      // closing, a renewal open and last month's claim, drafted, waiting for the intern to sign.
      const letterDate = addDays(today, -24);
      const award = awardOf(letterDate, coachs.startedOn, addDays(today, 8 * 7), [
        { item: 'A tablet with a visual schedule app', reason: 'The employer should provide this.' },
      ]);
      await saveCase(coachs, minDay(addDays(coachs.startedOn, -100), addDays(letterDate, -66)), award);
      const toClaim = claimMonth(coachs);
      const months = monthsOf(coachs, today).filter((month) => month <= toClaim);
      await saveClaims(coachs, award, months, (month) => (month === toClaim ? 'draft' : 'paid'));
      await saveDocument(
        coachs,
        'award_letter',
        'Award letter from DWP',
        letterDate,
        demoPdf('Access to Work award letter'),
      );
      await saveDocument(coachs, 'risk_assessment', 'Risk assessment', coachs.startedOn, demoPdf('Risk assessment'));
    }
    progress.advance(1);
    if (awarded) {
      const letterDate = minDay(addDays(awarded.startedOn, -30), today);
      const award = awardOf(letterDate, awarded.startedOn, yearEnd(awarded));
      await saveCase(awarded, addDays(letterDate, -66), award);
      const toClaim = claimMonth(awarded);
      const months = monthsOf(awarded, today).filter((month) => month <= toClaim);
      await saveClaims(awarded, award, months, (month) => (month === toClaim ? 'sent' : 'paid'));
    }
    progress.advance(1);
    if (signing) {
      const letterDate = minDay(addDays(signing.startedOn, -10), today);
      const award = awardOf(letterDate, signing.startedOn, yearEnd(signing));
      await saveCase(signing, addDays(letterDate, -80), award);
      await saveClaims(signing, award, [claimMonth(signing)], () => 'signed');
    }
    progress.advance(1);
    if (applied) await saveCase(applied, minDay(addDays(applied.startedOn, -40), today));
    progress.advance(1);
    const [lastYear] = found.finished;
    if (lastYear) {
      const letterDate = addDays(lastYear.startedOn, -21);
      const award = awardOf(letterDate, lastYear.startedOn, lastYear.endedOn ?? yearEnd(lastYear));
      await saveCase(lastYear, addDays(letterDate, -58), award);
      const months = monthsOf(lastYear, today);
      // A year of claims, all paid but the last but one, which DWP asked about.
      await saveClaims(
        lastYear,
        award,
        months,
        (month, claimed) => (month === claimed.at(-2) ? 'queried' : 'paid'),
        true,
      );
      await saveDocument(lastYear, 'signed_claim', 'Signed claim, photographed', `${months[0]!}-28`, demoPng());
    }
    progress.advance(1);
  },
};
