import { MongoBulkWriteError, MongoNetworkError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { isMongoUnavailable } from '../../src/core/db/mongo.js';

const bulkResult = {} as ConstructorParameters<typeof MongoBulkWriteError>[1];

/** What a write inside a transaction throws when the primary steps down or dies under it. */
function batchFailedWith(code: number) {
  return new MongoBulkWriteError(
    {
      message: 'batch failed',
      code: undefined as unknown as number,
      writeErrors: [{ code, index: 0, errmsg: 'x' } as never],
    },
    bulkResult,
  );
}

describe('isMongoUnavailable', () => {
  it('takes a replica set changing its primary for an outage (503), not a fault (500)', () => {
    for (const code of [10107, 11602, 13435, 13436, 189, 91, 11600])
      expect(isMongoUnavailable(new MongoServerError({ message: 'x', code })), String(code)).toBe(true);
  });

  it('sees the primary stepping down inside a batch of writes, which carries no error label', () => {
    expect(isMongoUnavailable(batchFailedWith(11602))).toBe(true);
    expect(isMongoUnavailable(batchFailedWith(10107))).toBe(true);
  });

  it('sees a batch of writes whose connection to the primary closed under it, labelled or not', () => {
    const cutOff = new MongoNetworkError('connection 4 to 127.0.0.1:27017 closed');
    expect(isMongoUnavailable(new MongoBulkWriteError(cutOff as never, bulkResult))).toBe(true);
  });

  it('leaves the refusals of the data itself to be what they are', () => {
    expect(isMongoUnavailable(batchFailedWith(11000))).toBe(false);
    expect(isMongoUnavailable(new MongoServerError({ message: 'x', code: 121 }))).toBe(false);
  });
});
