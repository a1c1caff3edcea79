import { type Document, ObjectId } from 'mongodb';
import { type Counts, emptyCounts } from './dashboard-figures.js';
import { type CountName, countNames, type OutcomeRow, type Tallied } from './summary-rows.js';

/**
 * Reading the summary rows back: rows added up into the groups of a breakdown, in the shape and
 * order the full aggregation gives them.
 */

/** What a provider dashboard can be narrowed to (the job coach filter is served from the journeys). */
export interface SummaryFilters {
  academicYear?: number;
  localAuthority?: string;
  sector?: string;
}

export type GroupedCounts = Counts & { _id: unknown };
export type AreaBreakdowns = Record<'overall' | 'byCohortYear' | 'byLocalAuthority' | 'bySector', GroupedCounts[]>;

export interface Tally {
  counts: Record<CountName, number>;
  days: Map<number, number>;
}

export function tallyRow(tallies: Map<string, { id: unknown; tally: Tally }>, id: unknown, row: Tallied) {
  const name = id instanceof ObjectId ? id.toHexString() : JSON.stringify(id);
  const entry = tallies.get(name) ?? {
    id,
    tally: { counts: Object.fromEntries(countNames.map((n) => [n, 0])) as Record<CountName, number>, days: new Map() },
  };
  // A count that has only ever been 0 is not in the row: `$inc` writes only what changed.
  for (const count of countNames) entry.tally.counts[count] += row[count] ?? 0;
  for (const [days, n] of Object.entries(row.days ?? {}))
    entry.tally.days.set(Number(days), (entry.tally.days.get(Number(days)) ?? 0) + n);
  tallies.set(name, entry);
}

/** The median the full aggregation computes: the mean of the two middle values, null when there are none. */
export function medianOfHistogram(histogram: Map<number, number>): number | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const [value, n] of values) {
      seen += n;
      if (index < seen) return value;
    }
    throw new Error('index beyond the histogram');
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2;
}

/** BSON order, as `$sort: { _id: 1 }` gives it: null first, then numbers, strings, ObjectIds. */
function bsonOrder(a: unknown, b: unknown): number {
  const rank = (value: unknown) =>
    value === null || value === undefined ? 0 : typeof value === 'number' ? 1 : typeof value === 'string' ? 2 : 3;
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof ObjectId && b instanceof ObjectId) return Buffer.compare(a.id, b.id);
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return 0;
}

export function groupsOf(tallies: Map<string, { id: unknown; tally: Tally }>): GroupedCounts[] {
  return [...tallies.values()]
    .filter(({ tally }) => tally.counts.proposals > 0)
    .sort((a, b) => bsonOrder(a.id, b.id))
    .map(({ id, tally }) => ({
      ...emptyCounts,
      ...tally.counts,
      medianDaysToStart: medianOfHistogram(tally.days),
      _id: id ?? null,
    }));
}

/**
 * How job coaches are listed: most proposals first (the largest caseloads, where most of the
 * figures come from), then by coach id so that pages do not overlap. `coachRowOrder` is the same
 * order over the coach rows, and `coachOrderStages` over `groupedCounts('$jobCoachId')`.
 */
export const coachRowOrder = { proposals: -1, jobCoachId: 1 } as const;
export const coachOrderStages: Document[] = [{ $sort: { proposals: -1, _id: 1 } }];

export function coachFilter(providerId: ObjectId, academicYear: number | undefined) {
  return { providerId, grain: 'coach' as const, cohortYear: academicYear ?? null, proposals: { $gt: 0 } };
}

export function coachGroup(row: OutcomeRow): GroupedCounts {
  const tallies = new Map<string, { id: unknown; tally: Tally }>();
  tallyRow(tallies, row.jobCoachId ?? null, row);
  return groupsOf(tallies)[0]!;
}
