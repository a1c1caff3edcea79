import type { ClientSession, MongoClient } from 'mongodb';
import { stopIfAbandoned } from '../request-deadline.js';

/**
 * Runs `work` in a MongoDB transaction (majority read and write concern), retrying on the
 * transient errors the driver labels as such. Everything `work` writes lands together or not at all.
 * A request already answered with 503 (see `storeDeadline`) neither retries nor commits.
 */
export async function inTransaction<T>(mongo: MongoClient, work: (session: ClientSession) => Promise<T>): Promise<T> {
  return mongo.withSession((session) =>
    session.withTransaction(
      async (s) => {
        stopIfAbandoned();
        const result = await work(s);
        stopIfAbandoned();
        return result;
      },
      {
        readConcern: { level: 'snapshot' },
        writeConcern: { w: 'majority' },
        readPreference: 'primary',
      },
    ),
  );
}
