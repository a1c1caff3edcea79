import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';
import {
  outcomeCountsCollection,
  summaryStateCollection,
  supportWeeksCollection,
} from '../src/dashboards/dashboard-summaries.js';
import { scheduledRunsCollection } from '../src/notifications/daily.js';
import { notificationsCollection } from '../src/notifications/outbox.js';
import { notificationPreferencesCollection } from '../src/notifications/preferences.js';

/**
 * Email notifications (their outbox, each account's preferences, the daily run's record) and the
 * dashboards' summary collections, kept up to date as journeys change.
 */
export default {
  description: 'notifications outbox, preferences and scheduled runs; dashboard summary collections',
  async up(db) {
    await applyCollectionSpecs(db, [
      notificationsCollection,
      notificationPreferencesCollection,
      scheduledRunsCollection,
      outcomeCountsCollection,
      supportWeeksCollection,
      summaryStateCollection,
    ]);
  },
} satisfies Migration;
