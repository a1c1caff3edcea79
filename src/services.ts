import path from 'node:path';
import { type Db, type MongoClient, ReadConcern } from 'mongodb';
import { accessToWorkPersonalData } from './access-to-work/access-to-work.personal-data.js';
import { AccessToWorkRepository } from './access-to-work/access-to-work.repository.js';
import { AccessToWorkService } from './access-to-work/access-to-work.service.js';
import { adjustmentsPersonalData } from './adjustments/adjustments.personal-data.js';
import { AdjustmentsRepository } from './adjustments/adjustments.repository.js';
import { AdjustmentsService } from './adjustments/adjustments.service.js';
import { AuditLog } from './audit/audit.js';
import { AccountsRepository } from './auth/accounts.js';
import { accountsOfYoungPeople } from './auth/accounts.personal-data.js';
import { AccountsService } from './auth/accounts.service.js';
import { AuthService } from './auth/auth.service.js';
import { InvitationsService } from './auth/invitations.js';
import { KeyStore, resolveKeysSecret } from './auth/keys.js';
import { PasswordResetsService } from './auth/password-resets.js';
import { PasswordHasher } from './auth/passwords.js';
import { SignInAddressKeys } from './auth/sign-in-addresses.js';
import { SignIns } from './auth/sign-ins.js';
import { defaultPasswordResetLimits, LoginThrottle, type ThrottleLimits } from './auth/throttle.js';
import { AccessTokens, clockToleranceSeconds, RefreshTokens } from './auth/tokens.js';
import type { Clock } from './core/clock.js';
import type { Config } from './core/config.js';
import { IdempotencyKeys } from './core/db/idempotency-keys.js';
import type { Logger } from './core/logger.js';
import { projectRoot } from './core/project-root.js';
import { type Search, withRequestTimeout } from './core/search/meili.js';
import { DashboardSummaries } from './dashboards/dashboard-summaries.js';
import { DashboardsService } from './dashboards/dashboards.service.js';
import { DataRightsService } from './data-rights/data-rights.service.js';
import { documentsPersonalData } from './documents/documents.personal-data.js';
import { DocumentsRepository } from './documents/documents.repository.js';
import { DocumentRetention } from './documents/documents.retention.js';
import { DocumentsService } from './documents/documents.service.js';
import { EmployersRepository } from './employers/employers.repository.js';
import { EmployersService } from './employers/employers.service.js';
import { HealthService } from './health/health.service.js';
import { InboxService } from './journey/inbox.service.js';
import { journeyPersonalData } from './journey/journey.personal-data.js';
import { PlacementMatchesRepository, placementMatchesCollection } from './journey/journey.repository.js';
import { JourneyService } from './journey/journey.service.js';
import { ProgressRepository, weeklyLogsCollection } from './journey/progress.repository.js';
import { ProgressService } from './journey/progress.service.js';
import { MatchingService } from './matching/matching.service.js';
import { DailyNotifications } from './notifications/daily.js';
import type { MailCatcher } from './notifications/mail-catcher.js';
import { Mailer } from './notifications/mailer.js';
import { notificationsPersonalData } from './notifications/notifications.personal-data.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { NotificationOutbox } from './notifications/outbox.js';
import { PreferencesRepository, UnsubscribeLinks } from './notifications/preferences.js';
import { type DeliveryOptions, DeliveryWorker } from './notifications/worker.js';
import { OperationsService } from './operations/operations.service.js';
import { InternshipsReadModel } from './outcomes/internships.read-model.js';
import { outcomesPersonalData } from './outcomes/outcomes.personal-data.js';
import { OutcomesRepository } from './outcomes/outcomes.repository.js';
import { OutcomesService } from './outcomes/outcomes.service.js';
import { passportPersonalData } from './passports/passports.personal-data.js';
import { PassportsRepository } from './passports/passports.repository.js';
import { PassportsService } from './passports/passports.service.js';
import { PlacementsRepository } from './placements/placements.repository.js';
import { PlacementsService } from './placements/placements.service.js';
import { ProvidersRepository } from './providers/providers.js';
import { AccessToWorkFiguresReadModel } from './read-models/access-to-work-figures.js';
import { AccountFacts } from './read-models/accounts.js';
import { AdjustmentFiguresReadModel } from './read-models/adjustment-figures.js';
import { AdjustmentJourneysReadModel } from './read-models/adjustment-journeys.js';
import { DashboardsReadModel } from './read-models/dashboards.js';
import { DocumentAudience } from './read-models/document-audience.js';
import { EarlierProposalsReadModel } from './read-models/earlier-proposals.js';
import { PlacementEmployers } from './read-models/employers.js';
import { InternshipFacts } from './read-models/internships.js';
import { MatchingProfilesReadModel } from './read-models/matching-profiles.js';
import { NamesReadModel } from './read-models/names.js';
import { PeopleFacts } from './read-models/people.js';
import { PlacementFacts } from './read-models/placements.js';
import { RecipientsReadModel } from './read-models/recipients.js';
import { ShareEndingsReadModel } from './read-models/shares.js';
import { StartedInternshipsReadModel } from './read-models/started-internships.js';
import { StudyFacts } from './read-models/study.js';
import { SearchIndexer } from './search-sync/indexer.js';
import { SearchOutbox } from './search-sync/outbox.js';
import { SearchReconciler } from './search-sync/reconcile.js';
import { SearchSyncWorker, syncRequestTimeoutMs } from './search-sync/worker.js';
import { studyPersonalData } from './study/study.personal-data.js';
import { StudyRepository } from './study/study.repository.js';
import { StudyService } from './study/study.service.js';
import { WebSessions } from './web/sessions.js';
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

/**
 * What route handlers reach through `c.var.services`: one service per feature, and no store,
 * repository or collection. Every read of a person's data goes through a service, which asks
 * the policy (`src/auth/policy.ts`) first.
 */
export interface Services {
  config: Config;
  clock: Clock;
  logger: Logger;
  health: HealthService;
  auth: AuthService;
  accounts: AccountsService;
  invitations: InvitationsService;
  passwordResets: PasswordResetsService;
  employers: EmployersService;
  youngPeople: YoungPeopleService;
  placements: PlacementsService;
  passports: PassportsService;
  dataRights: DataRightsService;
  matching: MatchingService;
  journey: JourneyService;
  progress: ProgressService;
  /** Access to Work: the application, the award and the monthly claims built from the weekly logs. */
  accessToWork: AccessToWorkService;
  /** The internship as a study programme: learning aims, planned hours, attendance week by week, the ILR export. */
  study: StudyService;
  /** EHC plan outcomes, core aims, the employment plan, follow-ups at 6, 9 and 12 months, job outcomes and SEN2. */
  outcomes: OutcomesService;
  /** Adjustments that happen: requests from the shared passport, answered, in place, checked and reviewed. */
  adjustments: AdjustmentsService;
  /** The internship's papers (award letters, claims, risk assessments...) in GridFS, read with the owner's consent. */
  documents: DocumentsService;
  inbox: InboxService;
  dashboards: DashboardsService;
  /** Email: preferences, unsubscribe, the list of notifications; other services tell it about events. */
  notifications: NotificationsService;
  /** Development only, when no SMTP_URL is set: the embedded mail server whose messages /dev/mail shows. */
  devMail: MailCatcher | undefined;
  /** Browser sessions of the web pages. */
  webSessions: WebSessions;
  /** The Idempotency-Keys of saved changes, so that a POST sent again does not make a second record. */
  idempotencyKeys: IdempotencyKeys;
  /** What operators watch: GET /metrics. */
  operations: OperationsService;
}

/** The stores behind the services: for the entry point, scripts, demo data, benchmarks and tests; never for handlers. */
export interface Repositories {
  audit: AuditLog;
  outbox: SearchOutbox;
  hasher: PasswordHasher;
  keys: KeyStore;
  accounts: AccountsRepository;
  providers: ProvidersRepository;
  employersRepository: EmployersRepository;
  youngPeopleRepository: YoungPeopleRepository;
  placementsRepository: PlacementsRepository;
  passportsRepository: PassportsRepository;
  dashboardSummaries: DashboardSummaries;
  placementMatchesRepository: PlacementMatchesRepository;
  progressRepository: ProgressRepository;
  accessToWorkRepository: AccessToWorkRepository;
  outcomesRepository: OutcomesRepository;
  adjustmentsRepository: AdjustmentsRepository;
  documentsRepository: DocumentsRepository;
  studyRepository: StudyRepository;
  /** Deletes documents past their retention date, once a day across every instance; main.ts starts it. */
  documentRetention: DocumentRetention;
  /** Carries outbox events to Meilisearch; main.ts starts it, tests call `drain()`. */
  searchSync: SearchSyncWorker;
  /** Sends the notifications outbox; absent when no mail server is configured. main.ts starts it, tests call `drain()`. */
  notificationDelivery: DeliveryWorker | undefined;
  /** The daily reminders and digests; main.ts starts it, tests call `runIfDue()` or `run()`. */
  dailyNotifications: DailyNotifications;
  /** Compares the indexes with MongoDB on a schedule and repairs drift; main.ts starts it. */
  searchReconciler: SearchReconciler;
}

/**
 * Everything wired together. `services` is what `createApp` is given; the rest sits beside it
 * for code that is not a request handler. The feature services are also here by name (the same
 * objects), except `accounts`, which here is the accounts repository.
 */
export interface System extends Infrastructure, Repositories, Omit<Services, 'accounts' | keyof Infrastructure> {
  services: Services;
}

export interface ServiceOptions {
  throttleLimits?: ThrottleLimits;
  passwordResetLimits?: ThrottleLimits;
  /** The embedded development mail server, used when SMTP_URL is not set. */
  mailCatcher?: { catcher: MailCatcher; smtpUrl: string };
  delivery?: Partial<DeliveryOptions>;
}

/** Builds every service on the given infrastructure and loads (or makes) the token-signing keys. */
export async function createServices(infra: Infrastructure, options: ServiceOptions = {}): Promise<System> {
  const { config, db, mongo, clock, search, logger } = infra;
  const audit = new AuditLog(db, clock);
  const outbox = new SearchOutbox(db, clock);
  const hasher = new PasswordHasher({
    memoryKib: config.PASSWORD_ARGON2_MEMORY_KIB,
    iterations: config.PASSWORD_ARGON2_ITERATIONS,
  });
  const keysSecret = resolveKeysSecret(config.TOKEN_KEYS_SECRET, path.resolve(projectRoot, config.DATA_DIR));
  const keys = new KeyStore(db, keysSecret, clock, {
    rotationDays: config.TOKEN_KEY_ROTATION_DAYS,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    clockToleranceSeconds,
  });
  await keys.init();
  const dashboardSummaries = new DashboardSummaries(db, {
    matches: placementMatchesCollection.name,
    logs: weeklyLogsCollection.name,
  });
  const repositories = {
    audit,
    outbox,
    hasher,
    keys,
    accounts: new AccountsRepository(db, clock),
    providers: new ProvidersRepository(db, clock),
    employersRepository: new EmployersRepository(db),
    youngPeopleRepository: new YoungPeopleRepository(db),
    placementsRepository: new PlacementsRepository(db),
    passportsRepository: new PassportsRepository(db),
    dashboardSummaries,
    placementMatchesRepository: new PlacementMatchesRepository(db, dashboardSummaries),
    progressRepository: new ProgressRepository(db, dashboardSummaries),
    accessToWorkRepository: new AccessToWorkRepository(db),
    outcomesRepository: new OutcomesRepository(db),
    adjustmentsRepository: new AdjustmentsRepository(db),
    documentsRepository: new DocumentsRepository(db),
    studyRepository: new StudyRepository(db),
  };
  const {
    accounts,
    providers,
    employersRepository: employers,
    youngPeopleRepository: youngPeople,
    placementsRepository: placements,
  } = repositories;
  const { passportsRepository, placementMatchesRepository: matches, progressRepository } = repositories;
  const names = new NamesReadModel({ accounts, providers, employers, placements, youngPeople });
  const peopleFacts = new PeopleFacts({ youngPeople });
  const placementFacts = new PlacementFacts({ placements, employers });
  const recipients = new RecipientsReadModel({ accounts });

  const notificationOutbox = new NotificationOutbox(db, clock);
  const notificationPreferences = new PreferencesRepository(db, clock);
  const unsubscribeLinks = new UnsubscribeLinks(keysSecret);
  const notifications = new NotificationsService({
    outbox: notificationOutbox,
    preferences: notificationPreferences,
    unsubscribeLinks,
    recipients,
    people: peopleFacts,
    placements: placementFacts,
    clock,
  });

  const signIns = new SignIns(db, clock, config.REFRESH_TOKEN_TTL_DAYS);
  const auth = new AuthService({
    accounts,
    hasher,
    throttle: new LoginThrottle(db, clock, options.throttleLimits),
    accessTokens: new AccessTokens(keys, config, clock),
    refreshTokens: new RefreshTokens(db, signIns, clock, config.REFRESH_TOKEN_TTL_DAYS),
    signIns,
    audit,
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    keys,
    notifications,
    addressKeys: new SignInAddressKeys(keysSecret),
  });
  const webSessions = new WebSessions(db, clock);
  const dataRights = new DataRightsService({
    mongo,
    youngPeople,
    accounts: accountsOfYoungPeople(accounts, db),
    outbox,
    audit,
    clock,
  });
  dataRights.register(passportPersonalData(passportsRepository));
  dataRights.register(journeyPersonalData(matches, progressRepository));
  dataRights.register(accessToWorkPersonalData(repositories.accessToWorkRepository));
  dataRights.register(outcomesPersonalData(repositories.outcomesRepository));
  dataRights.register(adjustmentsPersonalData(repositories.adjustmentsRepository));
  dataRights.register(documentsPersonalData(repositories.documentsRepository));
  dataRights.register(studyPersonalData(repositories.studyRepository));
  dataRights.register(notificationsPersonalData(notificationOutbox, notificationPreferences, accounts));
  const passports = new PassportsService({
    mongo,
    passports: passportsRepository,
    people: peopleFacts,
    placements: placementFacts,
    audit,
    notifications,
    clock,
    names,
  });
  const adjustments = new AdjustmentsService({
    mongo,
    records: repositories.adjustmentsRepository,
    journeys: new AdjustmentJourneysReadModel({ matches, passports: passportsRepository, names }),
    passports,
    audit,
    clock,
  });
  passports.onHelpsShared(adjustments);
  const adjustmentFigures = new AdjustmentFiguresReadModel({
    matches,
    adjustments: repositories.adjustmentsRepository,
    clock,
  });
  const placementsService = new PlacementsService({
    mongo,
    placements,
    employers: new PlacementEmployers({ employers }),
    outbox,
    audit,
    clock,
  });
  const youngPeopleService = new YoungPeopleService({
    mongo,
    youngPeople,
    accounts: new AccountFacts({ accounts }),
    grants: accounts,
    outbox,
    audit,
    clock,
  });
  const journey = new JourneyService({
    mongo,
    matches,
    youngPeople: youngPeopleService,
    placements: placementsService,
    people: peopleFacts,
    placementFacts,
    places: placements,
    statuses: youngPeople,
    passports,
    outbox,
    notifications,
    audit,
    clock,
    names,
  });
  const internshipFacts = new InternshipFacts({ youngPeople, matches, progress: progressRepository });
  const outcomes = new OutcomesService({
    mongo,
    records: repositories.outcomesRepository,
    journey,
    internships: new InternshipsReadModel(db),
    startedInternships: new StartedInternshipsReadModel({ matches }),
    caseloads: internshipFacts,
    names,
    audit,
    clock,
  });
  const services: Services = {
    config,
    clock,
    logger,
    health: new HealthService({ db, search }),
    auth,
    accounts: new AccountsService({ mongo, accounts, auth, names, audit }),
    invitations: new InvitationsService({
      db,
      mongo,
      accounts,
      people: peopleFacts,
      hasher,
      audit,
      notifications,
      clock,
    }),
    passwordResets: new PasswordResetsService({
      db,
      mongo,
      accounts,
      hasher,
      throttle: new LoginThrottle(
        db,
        clock,
        options.passwordResetLimits ?? defaultPasswordResetLimits,
        'password-reset:',
      ),
      auth,
      browserSessions: webSessions,
      notifications,
      audit,
      clock,
    }),
    employers: new EmployersService({ mongo, employers, placements, accounts, hasher, outbox, audit, clock }),
    youngPeople: youngPeopleService,
    placements: placementsService,
    passports,
    dataRights,
    matching: new MatchingService({
      search,
      profiles: new MatchingProfilesReadModel({ youngPeople }),
      placements: placementsService,
      earlierProposals: new EarlierProposalsReadModel({ matches }),
      employerRecords: adjustmentFigures,
    }),
    journey,
    progress: new ProgressService({ mongo, journey, records: progressRepository, clock, ehcOutcomes: outcomes }),
    outcomes,
    accessToWork: new AccessToWorkService({
      mongo,
      records: repositories.accessToWorkRepository,
      internships: internshipFacts,
      audit,
      clock,
    }),
    study: new StudyService({
      mongo,
      records: repositories.studyRepository,
      facts: new StudyFacts({ youngPeople, matches, placements, employers }),
      audit,
      clock,
    }),
    adjustments,
    documents: new DocumentsService({
      records: repositories.documentsRepository,
      audience: new DocumentAudience({ youngPeople, matches, passports: passportsRepository }),
      audit,
      clock,
    }),
    inbox: new InboxService({ matches, progress: progressRepository, passports, names, clock }),
    dashboards: new DashboardsService({
      mongo,
      summaries: dashboardSummaries,
      sources: new DashboardsReadModel({
        matches,
        progress: progressRepository,
        employers,
        placements,
        youngPeople,
      }),
      names,
      accessToWork: new AccessToWorkFiguresReadModel({
        matches,
        progress: progressRepository,
        accessToWork: repositories.accessToWorkRepository,
      }),
      adjustments: adjustmentFigures,
      clock,
    }),
    notifications,
    devMail: config.SMTP_URL ? undefined : options.mailCatcher?.catcher,
    webSessions,
    idempotencyKeys: new IdempotencyKeys(db),
    operations: new OperationsService({
      searchOutbox: outbox,
      notificationOutbox,
      clock,
      metricsToken: config.METRICS_TOKEN,
    }),
  };
  const indexingSearch = withRequestTimeout(search, syncRequestTimeoutMs);
  // The sync worker reads what a majority of the replica set holds: a write the primary had not yet
  // replicated when it died is rolled back, and must not have reached the index first.
  const majorityDb = mongo.db(db.databaseName, { readConcern: new ReadConcern('majority') });
  const searchSync = new SearchSyncWorker({
    outbox: new SearchOutbox(majorityDb, clock),
    indexer: new SearchIndexer(
      indexingSearch,
      new PlacementsRepository(majorityDb),
      new EmployersRepository(majorityDb),
      new YoungPeopleRepository(majorityDb),
      () => clock.now(),
    ),
    logger,
  });
  const searchReconciler = new SearchReconciler({
    db,
    search,
    outbox,
    clock,
    logger,
    intervalMs: config.SEARCH_RECONCILE_INTERVAL_SECONDS * 1000,
  });
  const smtpUrl = config.SMTP_URL ?? options.mailCatcher?.smtpUrl;
  const notificationDelivery = smtpUrl
    ? new DeliveryWorker({
        outbox: notificationOutbox,
        preferences: notificationPreferences,
        unsubscribe: unsubscribeLinks,
        mailer: new Mailer(smtpUrl, config.MAIL_FROM, { requireTls: config.NODE_ENV === 'production' }),
        publicUrl: config.PUBLIC_URL,
        clock,
        logger,
        options: options.delivery,
      })
    : undefined;
  const dailyNotifications = new DailyNotifications({
    db,
    mongo,
    outbox: notificationOutbox,
    inbox: services.inbox,
    accessToWork: services.accessToWork,
    outcomes: services.outcomes,
    adjustments: services.adjustments,
    recipients,
    shareEndings: new ShareEndingsReadModel({ passports: passportsRepository }),
    names,
    clock,
    logger,
    schedule: { hour: config.NOTIFY_DAILY_HOUR, leaseMs: 30 * 60_000 },
  });
  const documentRetention = new DocumentRetention({
    db,
    records: repositories.documentsRepository,
    audit,
    clock,
    logger,
  });
  const { accounts: _accountsService, ...featureServices } = services;
  return {
    ...infra,
    ...featureServices,
    ...repositories,
    searchSync,
    searchReconciler,
    notificationDelivery,
    dailyNotifications,
    documentRetention,
    services,
  };
}
