import type { AnyBulkWriteOperation, Document, ObjectId } from 'mongodb';

/**
 * Which summary rows a journey or a weekly log counts in, and the `$inc` its change makes to each:
 * the write side of `DashboardSummaries`, pure so that a journey's rows follow from its record alone.
 */

/** What the outcome counts need of a journey: a structural view of a `placement_matches` document. */
export interface JourneyFacts {
  providerId: ObjectId;
  jobCoachId?: ObjectId;
  cohortYear: number;
  localAuthority?: string;
  sector: string;
  state: string;
  startedOn?: string;
  proposedAt: Date;
  outcome?: { type: string; hoursPerWeek?: number };
  followUp?: { stillEmployed: boolean };
}

/** Where a weekly log counts: its journey's provider, academic year, local authority and sector. */
export type LogScope = Pick<JourneyFacts, 'providerId' | 'cohortYear' | 'localAuthority' | 'sector'>;
export interface LogFacts {
  weekNumber: number;
  supportHours: number;
  hoursWorked: number;
}

export const countNames = [
  'proposals',
  'starts',
  'inProgress',
  'completed',
  'withdrawn',
  'paidEmployment',
  'paidEmployment16Hours',
  'followedUp',
  'employedAt12Months',
  'followedUpInPaidEmployment',
  'stillEmployedAt12Months',
] as const;
export type CountName = (typeof countNames)[number];

/** The counts of some journeys, with their days from proposal to start -> how many took that long. */
export type Tallied = Partial<Record<CountName, number>> & { days?: Record<string, number> };

type OutcomeGrain = 'area' | 'year' | 'authority' | 'sector' | 'coach';

export interface OutcomeRow extends Tallied {
  _id: string;
  providerId: ObjectId;
  grain: OutcomeGrain;
  /** Area and year rows: their year. Authority, sector and coach rows: their year, or null for all years. */
  cohortYear?: number | null;
  localAuthority?: string | null;
  sector?: string;
  /** Coach rows: the coach (null for journeys without one). */
  jobCoachId?: ObjectId | null;
}

export interface SupportRow {
  _id: string;
  providerId: ObjectId;
  /** One row per year, local authority and sector ("area"), and one for the whole provider. */
  grain: 'area' | 'provider';
  cohortYear?: number;
  localAuthority?: string | null;
  sector?: string;
  /** Internship week -> its weekly logs, and their support hours and hours worked added up. */
  weeks: Record<string, { logs?: number; supportHours?: number; hoursWorked?: number }>;
}

/**
 * The 0/1 counts of one journey and its days from proposal to start: the same rules as
 * `countFlags` and `journeyFlags` in dashboard-figures.ts, for one record.
 */
export function journeyCounts(journey: JourneyFacts): {
  counts: Record<CountName, number>;
  daysToStart: number | null;
} {
  const started = journey.startedOn !== undefined;
  const completed = journey.state === 'completed' || journey.state === 'followed_up';
  const followedUp = journey.state === 'followed_up';
  const paid = journey.outcome?.type === 'paid_employment';
  const stillEmployed = journey.followUp?.stillEmployed === true;
  const hours = journey.outcome?.hoursPerWeek;
  const one = (condition: boolean) => (condition ? 1 : 0);
  return {
    counts: {
      proposals: 1,
      starts: one(started),
      inProgress: one(journey.state === 'in_progress'),
      completed: one(completed),
      withdrawn: one(started && journey.state === 'withdrawn'),
      paidEmployment: one(completed && paid),
      paidEmployment16Hours: one(completed && paid && hours !== undefined && hours >= 16),
      followedUp: one(followedUp),
      employedAt12Months: one(followedUp && stillEmployed),
      followedUpInPaidEmployment: one(followedUp && paid),
      stillEmployedAt12Months: one(followedUp && paid && stillEmployed),
    },
    daysToStart: journey.startedOn === undefined ? null : daysBetween(journey.proposedAt, journey.startedOn),
  };
}

/** Whole UTC days from the proposal's day to the start day, as `$dateDiff` with unit "day" counts them. */
function daysBetween(proposedAt: Date, startedOn: string): number {
  const proposedDay = Date.UTC(proposedAt.getUTCFullYear(), proposedAt.getUTCMonth(), proposedAt.getUTCDate());
  return Math.round((Date.parse(`${startedOn}T00:00:00Z`) - proposedDay) / 86_400_000);
}

/**
 * The rows a journey counts in: its year, local authority and sector's; its year's; and its local
 * authority's, sector's and coach's, each for its year and for all years.
 */
function outcomeKeys(journey: JourneyFacts): (Document & { _id: string })[] {
  const providerId = journey.providerId;
  const year = journey.cohortYear;
  const localAuthority = journey.localAuthority ?? null;
  const jobCoachId = journey.jobCoachId ?? null;
  // An ObjectId is written into the `_id` as its hex string (its toJSON).
  const row = (grain: OutcomeGrain, fields: Document) => ({
    _id: JSON.stringify([grain, providerId.toHexString(), ...Object.values(fields)]),
    providerId,
    grain,
    ...fields,
  });
  return [
    row('area', { cohortYear: year, localAuthority, sector: journey.sector }),
    row('year', { cohortYear: year }),
    ...[year, null].flatMap((cohortYear) => [
      row('authority', { cohortYear, localAuthority }),
      row('sector', { cohortYear, sector: journey.sector }),
      row('coach', { cohortYear, jobCoachId }),
    ]),
  ];
}

/** The rows a weekly log counts in: its year, local authority and sector's, and its provider's total. */
function supportKeys(scope: LogScope): (Document & { _id: string })[] {
  const localAuthority = scope.localAuthority ?? null;
  return [
    {
      _id: JSON.stringify(['area', scope.providerId.toHexString(), scope.cohortYear, localAuthority, scope.sector]),
      providerId: scope.providerId,
      grain: 'area',
      cohortYear: scope.cohortYear,
      localAuthority,
      sector: scope.sector,
    },
    {
      _id: JSON.stringify(['provider', scope.providerId.toHexString()]),
      providerId: scope.providerId,
      grain: 'provider',
    },
  ];
}

export type RowChanges = Map<string, { key: Document & { _id: string }; inc: Record<string, number> }>;

function bump(into: RowChanges, key: Document & { _id: string }, path: string, by: number) {
  const entry = into.get(key._id) ?? { key, inc: {} as Record<string, number> };
  entry.inc[path] = (entry.inc[path] ?? 0) + by;
  into.set(key._id, entry);
}

/** Adds `sign` times a journey's counts to the `$inc` of each row it counts in. */
export function addOutcomes(into: RowChanges, journey: JourneyFacts, sign: 1 | -1) {
  const { counts, daysToStart } = journeyCounts(journey);
  for (const key of outcomeKeys(journey)) {
    for (const name of countNames) bump(into, key, name, sign * counts[name]);
    if (daysToStart !== null) bump(into, key, `days.${daysToStart}`, sign);
  }
}

export function addLog(into: RowChanges, scope: LogScope, log: LogFacts, sign: 1 | -1) {
  for (const key of supportKeys(scope)) {
    bump(into, key, `weeks.${log.weekNumber}.logs`, sign);
    bump(into, key, `weeks.${log.weekNumber}.supportHours`, sign * log.supportHours);
    bump(into, key, `weeks.${log.weekNumber}.hoursWorked`, sign * log.hoursWorked);
  }
}

export function upserts(changes: RowChanges): AnyBulkWriteOperation<{ _id: string }>[] {
  const operations: AnyBulkWriteOperation<{ _id: string }>[] = [];
  for (const { key, inc } of changes.values()) {
    const net = Object.fromEntries(Object.entries(inc).filter(([, value]) => value !== 0));
    if (Object.keys(net).length === 0) continue;
    const { _id, ...fields } = key;
    operations.push({ updateOne: { filter: { _id }, update: { $inc: net, $setOnInsert: fields }, upsert: true } });
  }
  return operations;
}

/** A row as `rebuild` writes it: the identifying fields, and every `$inc` path set as a nested value. */
export function rowOf({ key, inc }: { key: Document; inc: Record<string, number> }): Document {
  const row: Document = { ...key };
  for (const [path, value] of Object.entries(inc)) {
    if (value === 0) continue;
    const parts = path.split('.');
    let at = row;
    for (const part of parts.slice(0, -1)) at = at[part] ??= {};
    at[parts.at(-1)!] = value;
  }
  return row;
}
