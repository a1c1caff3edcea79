import type { AccessToWorkService } from '../access-to-work/access-to-work.service.js';
import type { AdjustmentsService } from '../adjustments/adjustments.service.js';
import type { InboxService } from '../journey/inbox.service.js';
import { DailyNotifications } from '../notifications/daily.js';
import { Mailer } from '../notifications/mailer.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { NotificationOutbox } from '../notifications/outbox.js';
import { PreferencesRepository, UnsubscribeLinks } from '../notifications/preferences.js';
import { DeliveryWorker } from '../notifications/worker.js';
import type { OutcomesService } from '../outcomes/outcomes.service.js';
import { ShareEndingsReadModel } from '../read-models/shares.js';
import type { Infrastructure, ServiceOptions } from './infrastructure.js';
import type { SharedStores } from './stores.wiring.js';

/** Email: the outbox, everyone's preferences and unsubscribe links, and the service other features tell of events. */
export function notificationsWiring({ db, clock }: Infrastructure, stores: SharedStores) {
  const outbox = new NotificationOutbox(db, clock);
  const preferences = new PreferencesRepository(db, clock);
  const unsubscribeLinks = new UnsubscribeLinks(stores.keysSecret);
  const notifications = new NotificationsService({
    outbox,
    preferences,
    unsubscribeLinks,
    recipients: stores.recipients,
    people: stores.peopleFacts,
    placements: stores.placementFacts,
    clock,
  });
  return { notifications, outbox, preferences, unsubscribeLinks };
}

export type NotificationsWiring = ReturnType<typeof notificationsWiring>;

/** Sends the outbox by SMTP; none when no mail server is configured. */
export function notificationDelivery(
  { config, clock, logger }: Infrastructure,
  options: ServiceOptions,
  mail: NotificationsWiring,
): DeliveryWorker | undefined {
  const smtpUrl = config.SMTP_URL ?? options.mailCatcher?.smtpUrl;
  if (!smtpUrl) return undefined;
  return new DeliveryWorker({
    outbox: mail.outbox,
    preferences: mail.preferences,
    unsubscribe: mail.unsubscribeLinks,
    mailer: new Mailer(smtpUrl, config.MAIL_FROM, { requireTls: config.NODE_ENV === 'production' }),
    publicUrl: config.PUBLIC_URL,
    clock,
    logger,
    options: options.delivery,
  });
}

/** The daily reminders and digests, read from the services that know what is due. */
export function dailyNotifications(
  { config, db, mongo, clock, logger }: Infrastructure,
  stores: SharedStores,
  mail: NotificationsWiring,
  due: {
    inbox: InboxService;
    accessToWork: AccessToWorkService;
    outcomes: OutcomesService;
    adjustments: AdjustmentsService;
  },
): DailyNotifications {
  return new DailyNotifications({
    db,
    mongo,
    outbox: mail.outbox,
    inbox: due.inbox,
    accessToWork: due.accessToWork,
    outcomes: due.outcomes,
    adjustments: due.adjustments,
    recipients: stores.recipients,
    shareEndings: new ShareEndingsReadModel({ passports: stores.repositories.passportsRepository }),
    names: stores.names,
    clock,
    logger,
    schedule: { hour: config.NOTIFY_DAILY_HOUR, leaseMs: 30 * 60_000 },
  });
}
