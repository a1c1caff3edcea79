import { type AnyBulkWriteOperation, ObjectId } from 'mongodb';
import { addDays, isoDate, weekStartOf } from '../src/core/dates.js';
import type { EmployerDoc } from '../src/employers/employers.repository.js';
import { startedStates } from '../src/journey/journey.machine.js';
import type { JourneyDoc } from '../src/journey/journey.repository.js';
import type { AttendanceDoc } from '../src/study/study.repository.js';
import { type AbsenceReason, type StudyLevel, studyLevels } from '../src/study/study.schemas.js';
import type { LoadPart } from './load-part.js';
import { Random } from './random.js';
import { Batch, WriteQueue } from './write-queue.js';

const employabilityAims = [
  'Travel to work on my own',
  'Use a work rota to know my shifts',
  'Ask for help when I am stuck',
  'Write a CV with my job coach',
  'Practise an interview for a paid job',
  'Keep to my break times',
  'Use the phone to say I will be late',
];
const otherAims = ['Use a bank card in a shop', 'Cook a simple meal', 'Plan a bus journey with an app'];
const otherAbsenceReasons = ['Bus strike', 'Family funeral', 'Snow, buses cancelled', 'Moving house', 'Court date'];
/** Most days missed are for illness, then appointments (health, benefits), then holidays. */
const absenceWeights: (readonly [AbsenceReason, number])[] = [
  ['ill', 50],
  ['appointment', 28],
  ['holiday', 14],
  ['other', 8],
];
const systemActor = { accountId: new ObjectId('000000000000000000000000'), role: 'provider_admin' as const };

/** How often an intern comes: most between 85% and 97% of days, a few much less. */
function attendanceRate(random: Random): number {
  return random.chance(0.12) ? 0.6 + random.next() * 0.2 : 0.85 + random.next() * 0.12;
}

/** A week of attendance for every week of an internship that is over (to its end, or to last week). */
export function attendanceWeeks(match: JourneyDoc, today: string, recordedAt: Date): AttendanceDoc[] {
  const random = new Random('study-attendance', match._id.toHexString());
  const rate = attendanceRate(random);
  const daysExpected = random.weighted([
    [4, 6],
    [5, 3],
    [3, 1],
  ] as const);
  const last = match.endedOn && match.endedOn < today ? weekStartOf(match.endedOn) : addDays(weekStartOf(today), -7);
  const docs: AttendanceDoc[] = [];
  for (let week = weekStartOf(match.startedOn!); week <= last; week = addDays(week, 7)) {
    // Colleges close for the Christmas and Easter holidays: no days are expected then.
    if (week.slice(5, 10) >= '12-22' || week.slice(5, 10) <= '01-03') continue;
    let daysAttended = 0;
    for (let day = 0; day < daysExpected; day += 1) if (random.next() < rate) daysAttended += 1;
    const absences = Array.from({ length: daysExpected - daysAttended }, () => {
      const reason = random.weighted(absenceWeights);
      return reason === 'other' ? { reason, details: random.pick(otherAbsenceReasons) } : { reason };
    });
    docs.push({
      _id: new ObjectId(),
      matchId: match._id,
      youngPersonId: match.youngPersonId,
      providerId: match.providerId,
      cohortYear: match.cohortYear,
      weekStarting: week,
      daysExpected,
      daysAttended,
      absences,
      recordedBy: match.jobCoachId ? { accountId: match.jobCoachId, role: 'job_coach' } : systemActor,
      recordedAt,
    });
  }
  return docs;
}

/** An English or maths aim a level or so from where interns usually are; achieved more often the longer they studied. */
function subjectAim(random: Random, finished: boolean, achievedBy: string) {
  const level: StudyLevel = random.weighted(studyLevels.map((one, index) => [one, [2, 4, 5, 3, 1][index]!] as const));
  const achieved = random.chance(finished ? 0.62 : 0.2);
  return {
    level,
    ...(random.chance(0.7) ? { qualification: 'Functional Skills' } : {}),
    achieved,
    ...(achieved ? { achievedOn: addDays(achievedBy, -random.int(0, 40)) } : {}),
  };
}

/** A young person's study programme, from their latest internship that started. */
export function studyProgramme(match: JourneyDoc, today: string, updatedAt: Date) {
  const random = new Random('study-programme', match.youngPersonId.toHexString());
  const finished = !!match.endedOn && match.endedOn <= today;
  const achievedBy = finished ? match.endedOn! : today;
  const aims: { kind: 'employability' | 'other'; title: string; achieved: boolean; achievedOn?: string }[] = random
    .sample(employabilityAims, random.int(1, 2))
    .map((title) => {
      const achieved = random.chance(finished ? 0.75 : 0.35);
      return {
        kind: 'employability' as const,
        title,
        achieved,
        ...(achieved ? { achievedOn: addDays(achievedBy, -random.int(0, 60)) } : {}),
      };
    });
  if (random.chance(0.3)) aims.push({ kind: 'other', title: random.pick(otherAims), achieved: false });
  return {
    _id: new ObjectId(),
    youngPersonId: match.youngPersonId,
    providerId: match.providerId,
    learnerReference: `L${String(random.int(10_000_000, 99_999_999))}`,
    // The guidance's 540 hours is usual; a few programmes fall short and show the warning.
    plannedHours: random.chance(0.1) ? random.int(45, 53) * 10 : random.int(54, 72) * 10,
    english: random.chance(0.85) ? subjectAim(random, finished, achievedBy) : null,
    maths: random.chance(0.85) ? subjectAim(random, finished, achievedBy) : null,
    otherAims: aims,
    updatedBy: match.jobCoachId ? { accountId: match.jobCoachId, role: 'job_coach' as const } : systemActor,
    updatedAt,
  };
}

/** A 9-digit employer reference number for most employers; a few have none recorded yet. */
function employerReference(employer: Pick<EmployerDoc, '_id'>): string | undefined {
  const random = new Random('employer-reference', employer._id.toHexString());
  return random.chance(0.8) ? String(random.int(100_000_000, 999_999_999)) : undefined;
}

/**
 * The load part (see seed/load.ts, `loadParts`): after the journey history, a year of study for
 * every internship that started, past cohorts and the current one: attendance week by week, a study
 * programme per intern (from their latest internship), and employer reference numbers, so the
 * reports show attendance and English and maths achievement at once and the ILR export is full.
 */
export const studyHistory: LoadPart = {
  label: 'study and attendance',
  total: (dataset) => dataset.settings.youngPeople,
  async run(context, progress) {
    const { services, now, batchSize } = context;
    const today = isoDate(now);
    const queue = new WriteQueue();
    const unordered = { ordered: false };
    const attendance = new Batch<AttendanceDoc>(batchSize, queue, (docs) =>
      services.studyRepository.attendance.insertMany(docs, unordered),
    );
    const programmes = new Batch<ReturnType<typeof studyProgramme>>(batchSize, queue, (docs) =>
      services.studyRepository.programmes.insertMany(docs, unordered),
    );
    const latest = new Map<string, JourneyDoc>();
    const started = services.journeysRepository.collection.find({
      state: { $in: [...startedStates] },
      startedOn: { $exists: true },
    });
    for await (const match of started) {
      await attendance.add(attendanceWeeks(match, today, now));
      const person = match.youngPersonId.toHexString();
      if ((latest.get(person)?.startedOn ?? '') < match.startedOn!) latest.set(person, match);
    }
    for (const match of latest.values()) {
      await programmes.add([studyProgramme(match, today, now)]);
      progress.advance(1);
    }
    const references: AnyBulkWriteOperation<EmployerDoc>[] = [];
    for await (const employer of services.employersRepository.collection.find({}, { projection: { _id: 1 } })) {
      const reference = employerReference(employer);
      if (reference)
        references.push({
          updateOne: { filter: { _id: employer._id }, update: { $set: { employerReferenceNumber: reference } } },
        });
    }
    if (references.length > 0) await services.employersRepository.collection.bulkWrite(references, unordered);
    await attendance.flush();
    await programmes.flush();
    await queue.drain();
  },
};
