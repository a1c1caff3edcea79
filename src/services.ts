import type { AccessToWorkRepository } from './access-to-work/access-to-work.repository.js';
import type { AccessToWorkService } from './access-to-work/access-to-work.service.js';
import type { AdjustmentsRepository } from './adjustments/adjustments.repository.js';
import type { AdjustmentsService } from './adjustments/adjustments.service.js';
import type { AuditLog } from './audit/audit.js';
import type { AccountsRepository } from './auth/accounts.js';
import type { AccountsService } from './auth/accounts.service.js';
import type { AuthService } from './auth/auth.service.js';
import type { InvitationsService } from './auth/invitations.js';
import type { KeyStore } from './auth/keys.js';
import type { PasswordResetsService } from './auth/password-resets.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { Clock } from './core/clock.js';
import type { Config } from './core/config.js';
import { IdempotencyKeys } from './core/db/idempotency-keys.js';
import type { Logger } from './core/logger.js';
import type { DashboardSummaries } from './dashboards/dashboard-summaries.js';
import type { DashboardsService } from './dashboards/dashboards.service.js';
import type { DataRightsService } from './data-rights/data-rights.service.js';
import type { DocumentsRepository } from './documents/documents.repository.js';
import type { DocumentRetention } from './documents/documents.retention.js';
import type { DocumentsService } from './documents/documents.service.js';
import type { EmployersRepository } from './employers/employers.repository.js';
import type { EmployersService } from './employers/employers.service.js';
import { HealthService } from './health/health.service.js';
import type { InboxService } from './journey/inbox.service.js';
import type { JourneysRepository } from './journey/journey.repository.js';
import type { JourneyService } from './journey/journey.service.js';
import type { ProgressRepository } from './journey/progress.repository.js';
import type { ProgressService } from './journey/progress.service.js';
import type { MatchingService } from './matching/matching.service.js';
import type { DailyNotifications } from './notifications/daily.js';
import type { MailCatcher } from './notifications/mail-catcher.js';
import type { NotificationsService } from './notifications/notifications.service.js';
import type { DeliveryWorker } from './notifications/worker.js';
import { OperationsService } from './operations/operations.service.js';
import type { OutcomesRepository } from './outcomes/outcomes.repository.js';
import type { OutcomesService } from './outcomes/outcomes.service.js';
import type { PassportsRepository } from './passports/passports.repository.js';
import type { PassportsService } from './passports/passports.service.js';
import type { PlacementsRepository } from './placements/placements.repository.js';
import type { PlacementsService } from './placements/placements.service.js';
import type { ProvidersRepository } from './providers/providers.js';
import type { SearchOutbox } from './search-sync/outbox.js';
import type { SearchReconciler } from './search-sync/reconcile.js';
import type { SearchSyncWorker } from './search-sync/worker.js';
import type { StudyRepository } from './study/study.repository.js';
import type { StudyService } from './study/study.service.js';
import type { WebSessions } from './web/sessions.js';
import { authWiring } from './wiring/auth.wiring.js';
import { dashboardsService } from './wiring/dashboards.wiring.js';
import { dataRightsService } from './wiring/data-rights.wiring.js';
import { directoryWiring } from './wiring/directory.wiring.js';
import type { Infrastructure, ServiceOptions } from './wiring/infrastructure.js';
import { documentRetention, internshipRecordsWiring } from './wiring/internship-records.wiring.js';
import { journeyWiring } from './wiring/journey.wiring.js';
import { dailyNotifications, notificationDelivery, notificationsWiring } from './wiring/notifications.wiring.js';
import { passportsWiring } from './wiring/passports.wiring.js';
import { searchWorkers } from './wiring/search.wiring.js';
import { sharedStores } from './wiring/stores.wiring.js';
import type { YoungPeopleRepository } from './young-people/young-people.repository.js';
import type { YoungPeopleService } from './young-people/young-people.service.js';

// The entry point, scripts and tests build the services from these.
export type { Infrastructure, ServiceOptions };

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
  journeysRepository: JourneysRepository;
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

/** Builds every service on the given infrastructure and loads (or makes) the token-signing keys. */
export async function createServices(infra: Infrastructure, options: ServiceOptions = {}): Promise<System> {
  const { config, db, search, clock, logger } = infra;
  const stores = await sharedStores(infra);
  const mail = notificationsWiring(infra, stores);
  const access = authWiring(infra, stores, mail.notifications, options);
  const dataRights = dataRightsService(infra, stores, mail);
  const { passports, adjustments, adjustmentFigures } = passportsWiring(infra, stores, mail.notifications);
  const directory = directoryWiring(infra, stores);
  const internship = journeyWiring(infra, stores, {
    notifications: mail.notifications,
    passports,
    placements: directory.placements,
    youngPeople: directory.youngPeople,
    adjustmentFigures,
  });
  const records = internshipRecordsWiring(infra, stores, internship.internshipFacts);
  const services: Services = {
    config,
    clock,
    logger,
    health: new HealthService({ db, search }),
    auth: access.auth,
    accounts: access.accounts,
    invitations: access.invitations,
    passwordResets: access.passwordResets,
    employers: directory.employers,
    youngPeople: directory.youngPeople,
    placements: directory.placements,
    passports,
    dataRights,
    matching: internship.matching,
    journey: internship.journey,
    progress: internship.progress,
    outcomes: internship.outcomes,
    accessToWork: records.accessToWork,
    study: records.study,
    adjustments,
    documents: records.documents,
    inbox: internship.inbox,
    dashboards: dashboardsService(infra, stores, adjustmentFigures),
    notifications: mail.notifications,
    devMail: config.SMTP_URL ? undefined : options.mailCatcher?.catcher,
    webSessions: access.webSessions,
    idempotencyKeys: new IdempotencyKeys(db),
    operations: new OperationsService({
      searchOutbox: stores.repositories.outbox,
      notificationOutbox: mail.outbox,
      clock,
      metricsToken: config.METRICS_TOKEN,
    }),
  };
  const { accounts: _accountsService, ...featureServices } = services;
  return {
    ...infra,
    ...featureServices,
    ...stores.repositories,
    ...searchWorkers(infra, stores),
    notificationDelivery: notificationDelivery(infra, options, mail),
    dailyNotifications: dailyNotifications(infra, stores, mail, services),
    documentRetention: documentRetention(infra, stores),
    services,
  };
}
