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
import { DashboardsService } from './dashboards/dashboards.service.js';
import { DataRightsService } from './data-rights/data-rights.service.js';
import { EmployersRepository } from './employers/employers.repository.js';
import { EmployersService } from './employers/employers.service.js';
import { InboxService } from './journey/inbox.service.js';
import { journeyPersonalData } from './journey/journey.personal-data.js';
import { PlacementMatchesRepository } from './journey/journey.repository.js';
import { JourneyService } from './journey/journey.service.js';
import { ProgressRepository } from './journey/progress.repository.js';
import { MatchingService } from './matching/matching.service.js';
import { PassportsRepository } from './passports/passports.repository.js';
import { passportPersonalData } from './passports/passports.personal-data.js';
import { PassportsService } from './passports/passports.service.js';
import { PlacementsRepository } from './placements/placements.repository.js';
import { PlacementsService } from './placements/placements.service.js';
import { ProvidersRepository } from './providers/providers.js';
import { SearchIndexer } from './search-sync/indexer.js';
import { SearchOutbox } from './search-sync/outbox.js';
import { SearchSyncWorker } from './search-sync/worker.js';
import { YoungPeopleRepository } from './young-people/young-people.repository.js';
import { YoungPeopleService } from './young-people/young-people.service.js';
import { WebSessions } from './web/sessions.js';

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
  /** Carries outbox events to Meilisearch; index.ts starts it, tests call `drain()`. */
  searchSync: SearchSyncWorker;
  matching: MatchingService;
  placementMatchesRepository: PlacementMatchesRepository;
  progressRepository: ProgressRepository;
  journey: JourneyService;
  inbox: InboxService;
  dashboards: DashboardsService;
  /** Browser sessions of the web pages. */
  webSessions: WebSessions;
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
  const placementMatchesRepository = new PlacementMatchesRepository(db);
  const progressRepository = new ProgressRepository(db);
  dataRights.register(journeyPersonalData(placementMatchesRepository, progressRepository));
  const passports = new PassportsService(mongo, passportsRepository, youngPeopleRepository, employersRepository, placementsRepository, accounts, audit, clock);
  const journeyRepositories = { youngPeople: youngPeopleRepository, placements: placementsRepository, employers: employersRepository };
  const placements = new PlacementsService(mongo, placementsRepository, employersRepository, outbox, audit, clock);
  const searchIndexer = new SearchIndexer(infra.search, placementsRepository, employersRepository, youngPeopleRepository);
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
    placements,
    passportsRepository,
    passports,
    dataRights,
    searchSync: new SearchSyncWorker(outbox, searchIndexer, clock, infra.logger),
    matching: new MatchingService(infra.search, youngPeopleRepository, placementsRepository, employersRepository, placements),
    placementMatchesRepository,
    progressRepository,
    journey: new JourneyService(mongo, placementMatchesRepository, progressRepository, youngPeopleRepository, placementsRepository, employersRepository, passports, passportsRepository, outbox, audit, clock),
    inbox: new InboxService(placementMatchesRepository, progressRepository, journeyRepositories, clock),
    dashboards: new DashboardsService(placementMatchesRepository, progressRepository, placementsRepository, employersRepository, youngPeopleRepository, accounts, clock),
    webSessions: new WebSessions(db, clock),
  };
}
