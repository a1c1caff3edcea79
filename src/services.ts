import type { Db, MongoClient } from 'mongodb';
import type { Clock } from './core/clock.js';
import type { Config } from './core/config.js';
import type { Logger } from './core/logger.js';
import type { Search } from './core/search/meili.js';

/** What the app is built from: connections and settings made once by the caller. */
export interface Infrastructure {
  config: Config;
  mongo: MongoClient;
  db: Db;
  search: Search;
  clock: Clock;
  logger: Logger;
}

/** What handlers reach through `c.var.services`: the infrastructure plus each feature's services. */
export type Services = Infrastructure;

export function createServices(infra: Infrastructure): Services {
  return infra;
}
