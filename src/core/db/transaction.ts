import type { ClientSession, MongoClient } from 'mongodb';
import { DependencyUnavailableError } from '../errors.js';
import { beforeCommit, mayHaveSaved, stopIfAbandoned } from '../request-deadline.js';
import { isMongoUnavailable } from './mongo.js';

/**
 * Runs `work` in a MongoDB transaction (majority read and write concern), retrying on the
 * transient errors the driver labels as such. Everything `work` writes lands together or not at all.
 * A request already answered with 503 (see `storeDeadline`) neither retries nor commits; one whose
 * commit was already on its way says so in its 503 (the change may have been saved).
 */
export async function inTransaction<T>(mongo: MongoClient, work: (session: ClientSession) => Promise<T>): Promise<T> {
  try {
    return await mongo.withSession((session) =>
      session.withTransaction(
        async (s) => {
          stopIfAbandoned();
          const result = await work(s);
          await beforeCommit(s);
          return result;
        },
        {
          readConcern: { level: 'snapshot' },
          writeConcern: { w: 'majority' },
          readPreference: 'primary',
        },
      ),
    );
  } catch (error) {
    if (isMongoUnavailable(error) && mayHaveSaved())
      throw new DependencyUnavailableError('mongodb', error, { mayHaveSaved: true });
    throw error;
  }
}
