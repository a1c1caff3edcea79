import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';
import { notificationPreferencesCollection } from '../src/notifications/preferences.js';
import { notificationsCollection } from '../src/notifications/outbox.js';
import { scheduledRunsCollection } from '../src/notifications/daily.js';

/** Email notifications: the notifications outbox, each account's preferences, and the daily run's record. */
export default {
  description: 'notifications: the email outbox, notification preferences and scheduled runs',
  async up(db) {
    await applyCollectionSpecs(db, [notificationsCollection, notificationPreferencesCollection, scheduledRunsCollection]);
  },
} satisfies Migration;
