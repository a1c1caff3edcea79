import type { ClientSession, MongoClient } from 'mongodb';

/**
 * Runs `work` in a MongoDB transaction (majority read and write concern), retrying on the
 * transient errors the driver labels as such. Everything `work` writes lands together or not at all.
 */
export async function inTransaction<T>(mongo: MongoClient, work: (session: ClientSession) => Promise<T>): Promise<T> {
  return mongo.withSession((session) =>
    session.withTransaction((s) => work(s), {
      readConcern: { level: 'snapshot' },
      writeConcern: { w: 'majority' },
      readPreference: 'primary',
    }),
  );
}
