import {
  accessToWorkCasesCollection,
  accessToWorkClaimsCollection,
} from './access-to-work/access-to-work.repository.js';
import { adjustmentsCollection } from './adjustments/adjustments.repository.js';
import { auditCollection } from './audit/audit.js';
import { accountsCollection } from './auth/accounts.js';
import { invitationsCollection } from './auth/invitations.js';
import { signingKeysCollection } from './auth/keys.js';
import { signInsCollection } from './auth/sign-ins.js';
import { loginThrottleCollection } from './auth/throttle.js';
import { refreshTokensCollection } from './auth/tokens.js';
import { idempotencyKeysCollection } from './core/db/idempotency-keys.js';
import type { CollectionSpec } from './core/db/mongo.js';
import { leasesCollection } from './core/lease.js';
import {
  outcomeCountsCollection,
  summaryStateCollection,
  supportWeeksCollection,
} from './dashboards/dashboard-summaries.js';
import { documentChunksCollection, documentFilesCollection } from './documents/documents.repository.js';
import { employersCollection } from './employers/employers.repository.js';
import { journeysCollection } from './journey/journey.repository.js';
import { reviewsCollection, weeklyLogsCollection } from './journey/progress.repository.js';
import { scheduledRunsCollection } from './notifications/daily.js';
import { notificationsCollection } from './notifications/outbox.js';
import { notificationPreferencesCollection } from './notifications/preferences.js';
import { ehcPlansCollection, internshipOutcomesCollection } from './outcomes/outcomes.repository.js';
import { passportCollections } from './passports/passports.repository.js';
import { placementsCollection } from './placements/placements.repository.js';
import { providersCollection } from './providers/providers.js';
import { outboxCollection } from './search-sync/outbox.js';
import { attendanceWeeksCollection, studyProgrammesCollection } from './study/study.repository.js';
import { webSessionsCollection } from './web/sessions.js';
import { youngPeopleCollection } from './young-people/young-people.repository.js';

/**
 * Every collection the service owns, with its validator and indexes. Changing one of these (or adding a
 * collection) needs a migration in migrations/ too: development and tests refuse to start until the
 * database matches (see migrations/README.md).
 */
export const collectionSpecs: CollectionSpec[] = [
  auditCollection,
  accountsCollection,
  invitationsCollection,
  signingKeysCollection,
  loginThrottleCollection,
  refreshTokensCollection,
  signInsCollection,
  providersCollection,
  employersCollection,
  youngPeopleCollection,
  placementsCollection,
  ...passportCollections,
  outboxCollection,
  leasesCollection,
  journeysCollection,
  weeklyLogsCollection,
  reviewsCollection,
  accessToWorkCasesCollection,
  accessToWorkClaimsCollection,
  ehcPlansCollection,
  internshipOutcomesCollection,
  adjustmentsCollection,
  documentFilesCollection,
  documentChunksCollection,
  studyProgrammesCollection,
  attendanceWeeksCollection,
  outcomeCountsCollection,
  supportWeeksCollection,
  summaryStateCollection,
  notificationsCollection,
  notificationPreferencesCollection,
  scheduledRunsCollection,
  webSessionsCollection,
  idempotencyKeysCollection,
];
