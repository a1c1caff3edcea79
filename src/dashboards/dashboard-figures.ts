import type { Document } from 'mongodb';

/**
 * The outcome figures providers are judged on, as MongoDB aggregation stages plus the small pure
 * step that turns counts into percentages. Every figure has a definition, served with it.
 */

const flag = (condition: Document) => ({ $cond: [condition, 1, 0] });
const isState = (...states: string[]) => ({ $in: ['$state', states] });
const started = { $ne: [{ $type: '$startedOn' }, 'missing'] };
const completed = isState('completed', 'followed_up');
const paid = { $eq: ['$outcome.type', 'paid_employment'] };
const followedUp = isState('followed_up');
const stillEmployed = { $eq: ['$followUp.stillEmployed', true] };

/** What each count counts, as a 0/1 flag per journey. */
const countFlags: Document = {
  starts: flag(started),
  inProgress: flag(isState('in_progress')),
  completed: flag(completed),
  withdrawn: flag({ $and: [started, isState('withdrawn')] }),
  paidEmployment: flag({ $and: [completed, paid] }),
  paidEmployment16Hours: flag({ $and: [completed, paid, { $gte: ['$outcome.hoursPerWeek', 16] }] }),
  followedUp: flag(followedUp),
  employedAt12Months: flag({ $and: [followedUp, stillEmployed] }),
  followedUpInPaidEmployment: flag({ $and: [followedUp, paid] }),
  stillEmployedAt12Months: flag({ $and: [followedUp, paid, stillEmployed] }),
};

/**
 * One row per journey with its grouping fields and its flags, worked out once, so that every
 * breakdown of the `$facet` only adds them up.
 */
export function journeyFlags(extra: Document = {}): Document {
  return {
    $project: {
      _id: 0,
      cohortYear: 1,
      localAuthority: 1,
      sector: 1,
      jobCoachId: 1,
      ...countFlags,
      daysToStart: {
        $cond: [
          started,
          {
            $dateDiff: {
              startDate: '$proposedAt',
              endDate: { $dateFromString: { dateString: '$startedOn', timezone: 'UTC' } },
              unit: 'day',
            },
          },
          null,
        ],
      },
      ...extra,
    },
  };
}

/** Adds up the named flags in `$group`. */
export function sums(names: string[]): Document {
  return Object.fromEntries(names.map((name) => [name, { $sum: `$${name}` }]));
}

/** The counts behind every figure, as `$group` accumulators over `journeyFlags` rows. */
export const countAccumulators: Document = {
  proposals: { $sum: 1 },
  ...sums(Object.keys(countFlags)),
  daysToStart: { $push: '$daysToStart' },
};

/**
 * The median of an array field, ignoring nulls; null for an empty array. Written out because
 * `$median` needs MongoDB 7 and the service supports 6.0.
 */
export function medianExpression(arrayField: string): Document {
  return {
    $let: {
      vars: {
        sorted: {
          $sortArray: { input: { $filter: { input: arrayField, cond: { $ne: ['$$this', null] } } }, sortBy: 1 },
        },
      },
      in: {
        $let: {
          vars: { n: { $size: '$$sorted' } },
          in: {
            $cond: [
              { $eq: ['$$n', 0] },
              null,
              {
                $avg: [
                  { $arrayElemAt: ['$$sorted', { $toInt: { $floor: { $divide: [{ $subtract: ['$$n', 1] }, 2] } } }] },
                  { $arrayElemAt: ['$$sorted', { $toInt: { $ceil: { $divide: [{ $subtract: ['$$n', 1] }, 2] } } }] },
                ],
              },
            ],
          },
        },
      },
    },
  };
}

/** `$group` by `key` (null for one overall row), then the median replaces the list of durations. */
export function groupedCounts(key: string | null, extra: Document = {}): Document[] {
  return [
    { $group: { _id: key, ...countAccumulators, ...extra } },
    { $set: { medianDaysToStart: medianExpression('$daysToStart') } },
    { $unset: 'daysToStart' },
    { $sort: { _id: 1 } },
  ];
}

/** The provider dashboard's outcome figures: one `$facet` over the journeys `filter` selects. */
export function outcomeFacetPipeline(filter: Document): Document[] {
  return [
    { $match: filter },
    journeyFlags(),
    {
      $facet: {
        overall: groupedCounts(null),
        byCohortYear: groupedCounts('$cohortYear'),
        byLocalAuthority: groupedCounts('$localAuthority'),
        bySector: groupedCounts('$sector'),
        byJobCoach: groupedCounts('$jobCoachId'),
      },
    },
  ];
}

/** The longest internship is 52 weeks; a little room for late logs. */
export const trendWeeks = 60;

/** Mean support and hours worked for each internship week, over the weekly logs `filter` selects. */
export function supportTrendPipeline(filter: Document): Document[] {
  return [
    { $match: { ...filter, weekNumber: { $lte: trendWeeks } } },
    {
      $group: {
        _id: '$weekNumber',
        internships: { $sum: 1 },
        averageSupportHours: { $avg: '$supportHours' },
        averageHoursWorked: { $avg: '$hoursWorked' },
      },
    },
    { $sort: { _id: 1 } },
    {
      $set: {
        averageSupportHours: { $round: ['$averageSupportHours', 1] },
        averageHoursWorked: { $round: ['$averageHoursWorked', 1] },
      },
    },
  ];
}

export interface Counts {
  proposals: number;
  starts: number;
  inProgress: number;
  completed: number;
  withdrawn: number;
  paidEmployment: number;
  paidEmployment16Hours: number;
  followedUp: number;
  employedAt12Months: number;
  followedUpInPaidEmployment: number;
  stillEmployedAt12Months: number;
  medianDaysToStart: number | null;
}

export const emptyCounts: Counts = {
  proposals: 0,
  starts: 0,
  inProgress: 0,
  completed: 0,
  withdrawn: 0,
  paidEmployment: 0,
  paidEmployment16Hours: 0,
  followedUp: 0,
  employedAt12Months: 0,
  followedUpInPaidEmployment: 0,
  stillEmployedAt12Months: 0,
  medianDaysToStart: null,
};

/** A percentage to one decimal place; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export type Figures = Omit<Counts, 'medianDaysToStart'> & {
  paidEmploymentPercent: number | null;
  paidEmployment16HoursPercent: number | null;
  twelveMonthRetentionPercent: number | null;
  employedAt12MonthsPercent: number | null;
  medianWeeksProposalToStart: number | null;
};

export function figuresFrom(counts: Counts): Figures {
  const { medianDaysToStart, ...rest } = counts;
  return {
    ...rest,
    paidEmploymentPercent: percent(counts.paidEmployment, counts.completed),
    paidEmployment16HoursPercent: percent(counts.paidEmployment16Hours, counts.completed),
    twelveMonthRetentionPercent: percent(counts.stillEmployedAt12Months, counts.followedUpInPaidEmployment),
    employedAt12MonthsPercent: percent(counts.employedAt12Months, counts.followedUp),
    medianWeeksProposalToStart: medianDaysToStart === null ? null : Math.round((medianDaysToStart / 7) * 10) / 10,
  };
}

export const figureDefinitions: Record<keyof Figures, string> = {
  proposals: 'Young people proposed for a placement, counted once per proposal whatever happened next.',
  starts: 'Internships that started (a first day was recorded), including any that later ended early.',
  inProgress: 'Internships that have started and not yet ended.',
  completed: 'Internships that ended with an outcome recorded, including those already followed up at 12 months.',
  withdrawn:
    'Internships that started and then ended early because one side withdrew. Proposals withdrawn before a start are not counted.',
  paidEmployment: 'Completed internships whose outcome is paid employment, at any hours.',
  paidEmployment16Hours: 'Completed internships whose outcome is paid employment of at least 16 hours a week.',
  followedUp: 'Completed internships with the 12-month follow-up recorded.',
  employedAt12Months: 'Followed-up internships where the young person was in paid work at the 12-month follow-up.',
  followedUpInPaidEmployment: 'Internships that ended in paid employment and have the 12-month follow-up recorded.',
  stillEmployedAt12Months: 'Of those, the young people still employed at the follow-up.',
  paidEmploymentPercent:
    'Paid employment as a percentage of completed internships (one decimal place). Empty when none has completed.',
  paidEmployment16HoursPercent:
    'Paid employment of at least 16 hours a week as a percentage of completed internships. Empty when none has completed.',
  twelveMonthRetentionPercent:
    'Of internships that ended in paid employment and have a 12-month follow-up, the percentage still employed at the follow-up. Empty until a follow-up is recorded.',
  employedAt12MonthsPercent:
    'Of completed internships with a 12-month follow-up, the percentage in paid work at the follow-up, whatever the outcome at the end (the national measure: about 1 in 4).',
  medianWeeksProposalToStart:
    'The median time from the proposal to the first day, in weeks (one decimal place), over internships that started.',
};
