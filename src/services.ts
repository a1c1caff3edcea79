import path from 'node:path';
import type { Db, MongoClient } from 'mongodb';
import { AuditLog } from './audit/audit.js';
import { AccountsRepository } from './auth/accounts.js';
import { AuthService } from './auth/auth.service.js';
import { InvitationsService } from './auth/invitations.js';
import { KeyStore, resolveKeysSecret } from './auth/keys.js';
import { PasswordHasher } from './auth/passwords.js';
import { LoginThrottle, type ThrottleLimits } from './auth/throttle.js';
import { AccessTokens, RefreshTokens, clockToleranceSeconds } from './auth/tokens.js';
import type { Clock } from './core/clock.js';
import type { Config } from './core/config.js';
import type { Logger } from './core/logger.js';
import { projectRoot } from './core/project-root.js';
import type { Search } from './core/search/meili.js';
import { DataRightsService } from './data-rights/data-rights.service.js';
import { EmployersRepository } from './employers/employers.repository.js';
import { EmployersService } from './employers/employers.service.js';
import { PassportsRepository } from './passports/passports.repository.js';
import { passportPersonalData } from './passports/passports.personal-data.js';
import { PassportsService } from './passports/passports.service.js';
import { PlacementsRepository } from './placements/placements.repository.js';
import { PlacementsService } from './placements/placements.service.js';
import { ProvidersRepository } from './providers/providers.js';
import { SearchOutbox } from './search-sync/outbox.js';
import { YoungPeopleRepository } from './young-people/young-people.repository.js';
import { YoungPeopleService } from './young-people/young-people.service.js';

/** What the app is built from: connections and settings made once by the caller. */
export interface Infrastructure {
  config: Config;
  mongo: MongoClient;
  db: Db;
  search: Search;
  clock: Clock;
  logger: Logger;
}

/** Everything handlers reach through `c.var.services`: the infrastructure plus each feature's services. */
export interface Services extends Infrastructure {
  audit: AuditLog;
  outbox: SearchOutbox;
  hasher: PasswordHasher;
  keys: KeyStore;
  accounts: AccountsRepository;
  auth: AuthService;
  invitations: InvitationsService;
  providers: ProvidersRepository;
  employersRepository: EmployersRepository;
  employers: EmployersService;
  youngPeopleRepository: YoungPeopleRepository;
  youngPeople: YoungPeopleService;
  placementsRepository: PlacementsRepository;
  placements: PlacementsService;
  passportsRepository: PassportsRepository;
  passports: PassportsService;
  dataRights: DataRightsService;
}

export interface ServiceOptions {
  throttleLimits?: ThrottleLimits;
}

/** Builds every service on the given infrastructure and loads (or makes) the token-signing keys. */
export async function createServices(infra: Infrastructure, options: ServiceOptions = {}): Promise<Services> {
  const { config, db, mongo, clock } = infra;
  const audit = new AuditLog(db, clock);
  const outbox = new SearchOutbox(db, clock);
  const hasher = new PasswordHasher(config.PASSWORD_SCRYPT_COST);
  const keys = new KeyStore(db, resolveKeysSecret(config.TOKEN_KEYS_SECRET, path.resolve(projectRoot, config.DATA_DIR)), clock, {
    rotationDays: config.TOKEN_KEY_ROTATION_DAYS,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    clockToleranceSeconds,
  });
  await keys.init();
  const accounts = new AccountsRepository(db, clock);
  const auth = new AuthService(
    accounts,
    hasher,
    new LoginThrottle(db, clock, options.throttleLimits),
    new AccessTokens(keys, config, clock),
    new RefreshTokens(db, clock, config.REFRESH_TOKEN_TTL_DAYS),
    audit,
    config.REFRESH_TOKEN_TTL_DAYS,
  );
  const providers = new ProvidersRepository(db, clock);
  const employersRepository = new EmployersRepository(db);
  const youngPeopleRepository = new YoungPeopleRepository(db);
  const placementsRepository = new PlacementsRepository(db);
  const passportsRepository = new PassportsRepository(db);
  const dataRights = new DataRightsService(db, mongo, youngPeopleRepository, accounts, outbox, audit, clock);
  dataRights.register(passportPersonalData(passportsRepository));
  return {
    ...infra,
    audit,
    outbox,
    hasher,
    keys,
    accounts,
    auth,
    invitations: new InvitationsService(db, mongo, accounts, youngPeopleRepository, hasher, audit, clock),
    providers,
    employersRepository,
    employers: new EmployersService(mongo, employersRepository, accounts, hasher, outbox, audit, clock),
    youngPeopleRepository,
    youngPeople: new YoungPeopleService(mongo, youngPeopleRepository, accounts, outbox, audit, clock),
    placementsRepository,
    placements: new PlacementsService(mongo, placementsRepository, employersRepository, outbox, audit, clock),
    passportsRepository,
    passports: new PassportsService(mongo, passportsRepository, youngPeopleRepository, employersRepository, placementsRepository, accounts, audit, clock),
    dataRights,
  };
}
