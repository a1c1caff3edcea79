import type { ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { Role } from '../domain/vocabulary.js';
import { absenceReasons, otherAimKinds, type StudyProgrammeInput, studyLevels } from './study.schemas.js';

export interface ActedBy {
  accountId: string;
  role: Role;
}

/** One young person's study programme: the learning beside the work placement, as the college records it. */
export interface StudyProgramme extends StudyProgrammeInput {
  id: string;
  youngPersonId: string;
  providerId: string;
  updatedBy: ActedBy;
  updatedAt: Date;
}

/** One week of attendance of one internship (placement match), beside that week's weekly log. */
export interface AttendanceWeek {
  id: string;
  matchId: string;
  youngPersonId: string;
  providerId: string;
  /** The internship's academic year, copied so the reports group without a join. */
  cohortYear: number;
  weekStarting: string;
  daysExpected: number;
  daysAttended: number;
  absences: { reason: (typeof absenceReasons)[number]; details?: string }[];
  recordedBy: ActedBy;
  recordedAt: Date;
}

type StoredActedBy = { accountId: ObjectId; role: Role };

interface ProgrammeDoc extends Omit<StudyProgramme, 'id' | 'youngPersonId' | 'providerId' | 'updatedBy'> {
  _id: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  updatedBy: StoredActedBy;
}

export interface AttendanceDoc
  extends Omit<AttendanceWeek, 'id' | 'matchId' | 'youngPersonId' | 'providerId' | 'recordedBy'> {
  _id: ObjectId;
  matchId: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  recordedBy: StoredActedBy;
}

const isoDate = { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const actedBy = {
  bsonType: 'object',
  required: ['accountId', 'role'],
  properties: { accountId: { bsonType: 'objectId' }, role: { bsonType: 'string' } },
};
const englishOrMaths = {
  bsonType: ['object', 'null'],
  required: ['level', 'achieved'],
  properties: {
    level: { enum: [...studyLevels] },
    qualification: { bsonType: 'string', maxLength: 120 },
    achieved: { bsonType: 'bool' },
    achievedOn: isoDate,
  },
};

export const studyProgrammesCollection: CollectionSpec = {
  name: 'study_programmes',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'youngPersonId', 'providerId', 'plannedHours', 'otherAims', 'updatedBy', 'updatedAt'],
    properties: {
      youngPersonId: { bsonType: 'objectId' },
      providerId: { bsonType: 'objectId' },
      learnerReference: { bsonType: 'string', pattern: '^[A-Za-z0-9]{1,12}$' },
      plannedHours: { bsonType: ['int', 'long', 'double'], minimum: 0, maximum: 2000 },
      english: englishOrMaths,
      maths: englishOrMaths,
      otherAims: {
        bsonType: 'array',
        maxItems: 20,
        items: {
          bsonType: 'object',
          required: ['kind', 'title', 'achieved'],
          properties: {
            kind: { enum: [...otherAimKinds] },
            title: { bsonType: 'string', maxLength: 160 },
            achieved: { bsonType: 'bool' },
            achievedOn: isoDate,
          },
        },
      },
      updatedBy: actedBy,
      updatedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    // One programme per young person: the PUT replaces it.
    { key: { youngPersonId: 1 }, name: 'young_person_unique', unique: true },
    { key: { providerId: 1 }, name: 'provider' },
  ],
};

export const attendanceWeeksCollection: CollectionSpec = {
  name: 'attendance_weeks',
  jsonSchema: {
    bsonType: 'object',
    required: [
      '_id',
      'matchId',
      'youngPersonId',
      'providerId',
      'cohortYear',
      'weekStarting',
      'daysExpected',
      'daysAttended',
      'absences',
      'recordedBy',
      'recordedAt',
    ],
    properties: {
      matchId: { bsonType: 'objectId' },
      youngPersonId: { bsonType: 'objectId' },
      providerId: { bsonType: 'objectId' },
      cohortYear: { bsonType: ['int', 'long', 'double'] },
      weekStarting: isoDate,
      daysExpected: { bsonType: ['int', 'long', 'double'], minimum: 0, maximum: 7 },
      daysAttended: { bsonType: ['int', 'long', 'double'], minimum: 0, maximum: 7 },
      absences: {
        bsonType: 'array',
        maxItems: 7,
        items: {
          bsonType: 'object',
          required: ['reason'],
          properties: { reason: { enum: [...absenceReasons] }, details: { bsonType: 'string', maxLength: 200 } },
        },
      },
      recordedBy: actedBy,
      recordedAt: { bsonType: 'date' },
    },
  },
  indexes: [
    // One record per internship and week: recording a week again replaces it.
    { key: { matchId: 1, weekStarting: 1 }, name: 'match_week_unique', unique: true },
    { key: { providerId: 1, cohortYear: 1 }, name: 'provider_cohort' },
    { key: { youngPersonId: 1 }, name: 'young_person' },
  ],
};

const storedBy = (by: ActedBy): StoredActedBy => ({ accountId: new ObjectId(by.accountId), role: by.role });
const actedByOf = (by: StoredActedBy): ActedBy => ({ accountId: by.accountId.toHexString(), role: by.role });

function toProgramme({ _id, youngPersonId, providerId, updatedBy, ...rest }: ProgrammeDoc): StudyProgramme {
  return {
    id: _id.toHexString(),
    youngPersonId: youngPersonId.toHexString(),
    providerId: providerId.toHexString(),
    updatedBy: actedByOf(updatedBy),
    ...rest,
  };
}

export function toAttendanceWeek({
  _id,
  matchId,
  youngPersonId,
  providerId,
  recordedBy,
  ...rest
}: AttendanceDoc): AttendanceWeek {
  return {
    id: _id.toHexString(),
    matchId: matchId.toHexString(),
    youngPersonId: youngPersonId.toHexString(),
    providerId: providerId.toHexString(),
    recordedBy: actedByOf(recordedBy),
    ...rest,
  };
}

export type AttendanceRecord = Omit<AttendanceWeek, 'id'>;

/** The study programmes and the weeks of attendance, mapping `_id` to `id` at the boundary. */
export class StudyRepository {
  readonly programmes: Collection<ProgrammeDoc>;
  readonly attendance: Collection<AttendanceDoc>;

  constructor(db: Db) {
    this.programmes = db.collection<ProgrammeDoc>(studyProgrammesCollection.name);
    this.attendance = db.collection<AttendanceDoc>(attendanceWeeksCollection.name);
  }

  async programmeOf(youngPersonId: string, session?: ClientSession): Promise<StudyProgramme | undefined> {
    const doc = await this.programmes.findOne({ youngPersonId: new ObjectId(youngPersonId) }, { session });
    return doc ? toProgramme(doc) : undefined;
  }

  async programmesOf(youngPersonIds: string[]): Promise<StudyProgramme[]> {
    const docs = await this.programmes
      .find({ youngPersonId: { $in: youngPersonIds.map((id) => new ObjectId(id)) } })
      .toArray();
    return docs.map(toProgramme);
  }

  async saveProgramme(
    owner: { youngPersonId: string; providerId: string },
    input: StudyProgrammeInput,
    by: ActedBy,
    now: Date,
    session: ClientSession,
  ): Promise<StudyProgramme> {
    const { learnerReference, ...rest } = input;
    // The PUT replaces the programme: a reference left out is a reference removed.
    const saved = await this.programmes.findOneAndUpdate(
      { youngPersonId: new ObjectId(owner.youngPersonId) },
      {
        $set: {
          ...rest,
          ...(learnerReference ? { learnerReference } : {}),
          providerId: new ObjectId(owner.providerId),
          updatedBy: storedBy(by),
          updatedAt: now,
        },
        ...(learnerReference ? {} : { $unset: { learnerReference: '' } }),
      },
      { upsert: true, returnDocument: 'after', session },
    );
    return toProgramme(saved!);
  }

  async attendanceOf(matchId: string): Promise<AttendanceWeek[]> {
    const docs = await this.attendance
      .find({ matchId: new ObjectId(matchId) })
      .sort({ weekStarting: 1 })
      .toArray();
    return docs.map(toAttendanceWeek);
  }

  async attendanceOfPerson(youngPersonId: string): Promise<AttendanceWeek[]> {
    const docs = await this.attendance
      .find({ youngPersonId: new ObjectId(youngPersonId) })
      .sort({ weekStarting: 1 })
      .toArray();
    return docs.map(toAttendanceWeek);
  }

  async recordWeek(record: AttendanceRecord, session: ClientSession): Promise<AttendanceWeek> {
    const { matchId, youngPersonId, providerId, recordedBy, weekStarting, ...rest } = record;
    const saved = await this.attendance.findOneAndUpdate(
      { matchId: new ObjectId(matchId), weekStarting },
      {
        $set: {
          ...rest,
          youngPersonId: new ObjectId(youngPersonId),
          providerId: new ObjectId(providerId),
          recordedBy: storedBy(recordedBy),
        },
      },
      { upsert: true, returnDocument: 'after', session },
    );
    return toAttendanceWeek(saved!);
  }

  /** Each internship's days expected and attended, summed over its recorded weeks. */
  async attendanceTotalsByMatch(
    providerId: string,
    matchIds: string[],
  ): Promise<Map<string, { daysExpected: number; daysAttended: number }>> {
    const rows = await this.attendance
      .aggregate<{ _id: ObjectId; daysExpected: number; daysAttended: number }>([
        {
          $match: {
            providerId: new ObjectId(providerId),
            matchId: { $in: matchIds.map((id) => new ObjectId(id)) },
          },
        },
        {
          $group: { _id: '$matchId', daysExpected: { $sum: '$daysExpected' }, daysAttended: { $sum: '$daysAttended' } },
        },
      ])
      .toArray();
    return new Map(
      rows.map((row) => [row._id.toHexString(), { daysExpected: row.daysExpected, daysAttended: row.daysAttended }]),
    );
  }

  async eraseAll(youngPersonId: string, session: ClientSession): Promise<void> {
    const filter = { youngPersonId: new ObjectId(youngPersonId) };
    await this.programmes.deleteMany(filter, { session });
    await this.attendance.deleteMany(filter, { session });
  }
}
