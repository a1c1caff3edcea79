import type { Db, Document } from 'mongodb';
import { levels, weekdays } from '../src/domain/vocabulary.js';
import { type EmployerDoc, toEmployer } from '../src/employers/employers.repository.js';
import { geoPoint } from '../src/geo/postcodes.js';
import type { PersonFacts } from '../src/matching/facts.js';
import { scoreFit } from '../src/matching/scoring.js';
import { type PlacementDoc, toPlacement } from '../src/placements/placements.repository.js';
import { placementSearchDoc } from '../src/search-sync/documents.js';

/**
 * The baseline the match endpoint is compared with: matching without a search engine. MongoDB's
 * $geoNear finds every open placement in reach that keeps the hard limits, a lookup checks the
 * employer is verified, and the app scores them all and keeps the best. Same rules, same scoring.
 */
export async function naiveMatches(db: Db, person: PersonFacts, limit: number) {
  const rows = await db.collection<PlacementDoc>('placements').aggregate(naivePipeline(person)).toArray();
  return rows
    .map((row) => {
      const { employer, ...placement } = row as PlacementDoc & { employer: EmployerDoc };
      return scoreFit(person, placementSearchDoc(toPlacement(placement), toEmployer(employer)));
    })
    .sort((a, b) => b.fitScore - a.fitScore)
    .slice(0, limit);
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function naivePipeline(person: PersonFacts): Document[] {
  const query: Document = {
    status: 'open',
    'schedule.hoursPerWeek': { $lte: person.maxHoursPerWeek },
    // "HH:MM" strings compare in time order.
    'schedule.startTime': { $gte: clock(person.earliestStartMinutes) },
    'schedule.endTime': { $lte: clock(person.latestFinishMinutes) },
  };
  const unavailable = weekdays.filter((day) => !person.days.includes(day));
  if (unavailable.length > 0) query['schedule.days'] = { $nin: unavailable };
  for (const [factor, limit] of Object.entries(person.environmentLimits))
    query[`environment.${factor}`] = { $in: levels.slice(0, limit + 1) };
  if (person.stepFreeRequired) query['site.stepFreeAccess'] = true;
  if (person.requiredAdjustments.length > 0) query.adjustmentsOffered = { $all: person.requiredAdjustments };
  return [
    {
      $geoNear: {
        near: geoPoint(person.coordinates),
        key: 'site.location',
        distanceField: 'distanceMeters',
        maxDistance: person.maxDistanceKm * 1000,
        spherical: true,
        query,
      },
    },
    { $match: { $expr: { $lt: ['$placesFilled', '$places'] } } },
    { $lookup: { from: 'employers', localField: 'employerId', foreignField: '_id', as: 'employer' } },
    { $unwind: '$employer' },
    { $match: { 'employer.verified': true } },
    { $project: { distanceMeters: 0 } },
  ];
}
