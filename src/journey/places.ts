import type { ClientSession } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { PlacementsRepository } from '../placements/placements.repository.js';
import { publishedStatuses } from '../placements/placements.service.js';
import type { YoungPeopleRepository, YoungPerson } from '../young-people/young-people.repository.js';

/**
 * The journey's writes to placements and young people. Each is one conditional update, so that
 * the condition and the change are a single atomic step in MongoDB: a place is taken only while
 * one is free, however many starts arrive at once.
 */

/** Takes one free place; when that fills the placement, it becomes 'filled'. False if none was free. */
export async function takePlace(
  placements: PlacementsRepository,
  placementId: string,
  now: Date,
  session: ClientSession,
): Promise<boolean> {
  const result = await placements.collection.updateOne(
    {
      _id: new ObjectId(placementId),
      status: { $in: publishedStatuses },
      $expr: { $lt: ['$placesFilled', '$places'] },
    },
    [
      { $set: { placesFilled: { $add: ['$placesFilled', 1] }, updatedAt: now } },
      { $set: { status: { $cond: [{ $gte: ['$placesFilled', '$places'] }, 'filled', '$status'] } } },
    ],
    { session },
  );
  return result.modifiedCount === 1;
}

/** Gives a place back after an internship ends early; a filled placement opens again. */
export async function releasePlace(
  placements: PlacementsRepository,
  placementId: string,
  now: Date,
  session: ClientSession,
): Promise<void> {
  await placements.collection.updateOne(
    { _id: new ObjectId(placementId), placesFilled: { $gt: 0 } },
    [
      { $set: { placesFilled: { $subtract: ['$placesFilled', 1] }, updatedAt: now } },
      { $set: { status: { $cond: [{ $eq: ['$status', 'filled'] }, 'open', '$status'] } } },
    ],
    { session },
  );
}

/** Moves a young person from one status to another; false if they were not in `from`. */
export async function setYoungPersonStatus(
  youngPeople: YoungPeopleRepository,
  youngPersonId: string,
  from: YoungPerson['status'],
  to: YoungPerson['status'],
  now: Date,
  session: ClientSession,
): Promise<boolean> {
  const result = await youngPeople.collection.updateOne(
    { _id: new ObjectId(youngPersonId), status: from },
    { $set: { status: to, updatedAt: now } },
    { session },
  );
  return result.modifiedCount === 1;
}
