import path from 'node:path';
import { AccessToWorkRepository } from '../access-to-work/access-to-work.repository.js';
import { AdjustmentsRepository } from '../adjustments/adjustments.repository.js';
import { AuditLog } from '../audit/audit.js';
import { AccountsRepository } from '../auth/accounts.js';
import { KeyStore, resolveKeysSecret } from '../auth/keys.js';
import { PasswordHasher } from '../auth/passwords.js';
import { clockToleranceSeconds } from '../auth/tokens.js';
import { projectRoot } from '../core/project-root.js';
import { DashboardSummaries } from '../dashboards/dashboard-summaries.js';
import { DocumentsRepository } from '../documents/documents.repository.js';
import { EmployersRepository } from '../employers/employers.repository.js';
import { JourneysRepository, journeysCollection } from '../journey/journey.repository.js';
import { ProgressRepository, weeklyLogsCollection } from '../journey/progress.repository.js';
import { OutcomesRepository } from '../outcomes/outcomes.repository.js';
import { PassportsRepository } from '../passports/passports.repository.js';
import { PlacementsRepository } from '../placements/placements.repository.js';
import { ProvidersRepository } from '../providers/providers.js';
import { NamesReadModel } from '../read-models/names.js';
import { PeopleFacts } from '../read-models/people.js';
import { PlacementFacts } from '../read-models/placements.js';
import { RecipientsReadModel } from '../read-models/recipients.js';
import { SearchOutbox } from '../search-sync/outbox.js';
import { StudyRepository } from '../study/study.repository.js';
import { YoungPeopleRepository } from '../young-people/young-people.repository.js';
import type { Infrastructure } from './infrastructure.js';

/**
 * The stores every feature's wiring starts from: the audit log, the search outbox, the password
 * hasher, the token-signing keys (loaded or made here), each feature's repository, and the read
 * models many features share.
 */
export async function sharedStores(infra: Infrastructure) {
  const { config, db, clock } = infra;
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
    matches: journeysCollection.name,
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
    journeysRepository: new JourneysRepository(db, dashboardSummaries),
    progressRepository: new ProgressRepository(db, dashboardSummaries),
    accessToWorkRepository: new AccessToWorkRepository(db),
    outcomesRepository: new OutcomesRepository(db),
    adjustmentsRepository: new AdjustmentsRepository(db),
    documentsRepository: new DocumentsRepository(db),
    studyRepository: new StudyRepository(db),
  };
  return { keysSecret, repositories, ...sharedReadModels(repositories) };
}

export type SharedStores = Awaited<ReturnType<typeof sharedStores>>;

function sharedReadModels(repositories: {
  accounts: AccountsRepository;
  providers: ProvidersRepository;
  employersRepository: EmployersRepository;
  youngPeopleRepository: YoungPeopleRepository;
  placementsRepository: PlacementsRepository;
}) {
  const { accounts, providers, employersRepository: employers, youngPeopleRepository: youngPeople } = repositories;
  const placements = repositories.placementsRepository;
  return {
    names: new NamesReadModel({ accounts, providers, employers, placements, youngPeople }),
    peopleFacts: new PeopleFacts({ youngPeople }),
    placementFacts: new PlacementFacts({ placements, employers }),
    recipients: new RecipientsReadModel({ accounts }),
  };
}
