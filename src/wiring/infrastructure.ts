import type { Db, MongoClient } from 'mongodb';
import type { ThrottleLimits } from '../auth/throttle.js';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { Search } from '../core/search/meili.js';
import type { MailCatcher } from '../notifications/mail-catcher.js';
import type { DeliveryOptions } from '../notifications/worker.js';

/** What the app is built from: connections and settings made once by the caller. */
export interface Infrastructure {
  config: Config;
  mongo: MongoClient;
  db: Db;
  search: Search;
  clock: Clock;
  logger: Logger;
}

export interface ServiceOptions {
  throttleLimits?: ThrottleLimits;
  passwordResetLimits?: ThrottleLimits;
  /** The embedded development mail server, used when SMTP_URL is not set. */
  mailCatcher?: { catcher: MailCatcher; smtpUrl: string };
  delivery?: Partial<DeliveryOptions>;
}
