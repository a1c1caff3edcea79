import type { Collection, Db, MongoClient, ObjectId } from 'mongodb';
import type { AccessToWorkTaskView } from '../access-to-work/access-to-work.service.js';
import type { AdjustmentReminder } from '../adjustments/adjustments.service.js';
import { actorOf } from '../auth/auth.service.js';
import type { Actor } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { londonDayAndHour, longDate } from '../core/dates.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import { inTransaction } from '../core/db/transaction.js';
import { Lease } from '../core/lease.js';
import { errorSummary, type Logger } from '../core/logger.js';
import { recordDailyRun } from '../core/metrics.js';
import { PolledWorker, type RoundOutcome } from '../core/polled-worker.js';
import type { InboxService } from '../journey/inbox.service.js';
import type { OutcomesTaskView } from '../outcomes/outcomes.service.js';
import { shareEndingSoonDays } from '../passports/passports.rules.js';
import type { NamesReadModel } from '../read-models/names.js';
import type { RecipientsReadModel } from '../read-models/recipients.js';
import type { ShareEndingsReadModel } from '../read-models/shares.js';
import type { NotificationKind } from './kinds.js';
import { webPaths } from './links.js';
import type { NotificationOutbox } from './outbox.js';
import { subjectFor } from './templates.js';

/** Each Access to Work task a job coach has, and the email that reminds them of it. */
const accessToWorkKinds: Record<AccessToWorkTaskView['kind'], NotificationKind> = {
  application_late: 'access_to_work_application',
  reconsideration_closing: 'access_to_work_reconsideration',
  renewal_open: 'access_to_work_renewal',
  claim_late: 'access_to_work_claim',
};

interface ScheduledRunDoc {
  _id: string;
  /** The last day (Europe/London) the run finished. */
  lastDay?: string;
}

export const scheduledRunsCollection: CollectionSpec = {
  name: 'scheduled_runs',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id'],
    properties: { lastDay: { bsonType: 'string' } },
  },
  indexes: [],
};

const dailyRunId = 'notifications.daily';

export interface DailyOutcome {
  reminders: number;
  accessToWorkReminders: number;
  outcomesReminders: number;
  adjustmentReminders: number;
  shareNotices: number;
  digests: number;
}

const dayMs = 86_400_000;
/** Shares that ended more than this long ago (or before this feature) are not announced. */
const endedShareWindowDays = 7;

/**
 * The daily run: reminders to job coaches (weekly log missing, review due, 12-month follow-up
 * due, Access to Work's deadlines), passport shares ending soon or ended, and the digests of those who chose one email a day.
 * Every instance checks each minute, but a lease in MongoDB lets one run per day; and each
 * reminder has a unique key, so even an overlapping run never sends one twice.
 */
export class DailyNotifications {
  readonly #runs: Collection<ScheduledRunDoc>;
  readonly #polling: PolledWorker<RoundOutcome>;

  private readonly db: Db;
  private readonly mongo: MongoClient;
  private readonly outbox: NotificationOutbox;
  private readonly inbox: InboxService;
  private readonly accessToWork: { coachTasks(actor: Actor): Promise<AccessToWorkTaskView[]> };
  private readonly outcomes: { coachTasks(actor: Actor): Promise<OutcomesTaskView[]> };
  private readonly adjustments: { dueReminders(): Promise<AdjustmentReminder[]> };
  private readonly recipients: RecipientsReadModel;
  private readonly shareEndings: ShareEndingsReadModel;
  private readonly names: NamesReadModel;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly options: { hour: number; leaseMs: number };

  constructor(options: {
    db: Db;
    mongo: MongoClient;
    outbox: NotificationOutbox;
    /** Each job coach's inbox, read as that coach (so the policy decides what a reminder is about). */
    inbox: InboxService;
    /** Each job coach's Access to Work tasks, read as that coach. */
    accessToWork: { coachTasks(actor: Actor): Promise<AccessToWorkTaskView[]> };
    /** Each job coach's EHC plan reviews coming and 6- and 9-month follow-ups due, read as that coach. */
    outcomes: { coachTasks(actor: Actor): Promise<OutcomesTaskView[]> };
    /** Adjustment reminders due today, without the young person's words. */
    adjustments: { dueReminders(): Promise<AdjustmentReminder[]> };
    /** Job coaches, and the young people who own the shares. */
    recipients: RecipientsReadModel;
    /** When shares end; never what they share. */
    shareEndings: ShareEndingsReadModel;
    names: NamesReadModel;
    clock: Clock;
    logger: Logger;
    schedule?: { hour: number; leaseMs: number };
  }) {
    this.db = options.db;
    this.#runs = options.db.collection<ScheduledRunDoc>(scheduledRunsCollection.name);
    this.mongo = options.mongo;
    this.outbox = options.outbox;
    this.inbox = options.inbox;
    this.accessToWork = options.accessToWork;
    this.outcomes = options.outcomes;
    this.adjustments = options.adjustments;
    this.recipients = options.recipients;
    this.shareEndings = options.shareEndings;
    this.names = options.names;
    this.clock = options.clock;
    this.logger = options.logger;
    this.options = options.schedule ?? { hour: 7, leaseMs: 30 * 60_000 };
    this.#polling = new PolledWorker({
      round: async () => {
        await this.runIfDue();
        return { claimed: 0 };
      },
      idleMs: 60_000,
      retryDelayMs: () => 60_000,
      logger: this.logger,
      failureMessage: 'daily notifications could not run',
    });
  }

  /** Checks once a minute whether today's run is due and not yet done by any instance. */
  start(): void {
    this.#polling.start();
  }

  stop(): Promise<void> {
    return this.#polling.stop();
  }

  /** Runs today's notifications if it is past the hour and no instance has run them yet. */
  async runIfDue(): Promise<DailyOutcome | undefined> {
    const now = this.clock.now();
    const { day, hour } = londonDayAndHour(now);
    if (hour < this.options.hour || (await this.#ranOn(day))) return undefined;
    // One holder per run, so that two checks of this instance that overlap are two contenders too.
    const lease = new Lease({ db: this.db, name: dailyRunId, clock: this.clock, ttlMs: this.options.leaseMs });
    if (!(await lease.acquire())) return undefined;
    return lease.hold(
      async () => {
        // Another instance may have finished today's run between the check above and the lease.
        if (await this.#ranOn(day)) return undefined;
        const started = performance.now();
        const outcome = await this.run(now);
        recordDailyRun((performance.now() - started) / 1000, this.clock.now());
        await this.#runs.updateOne({ _id: dailyRunId }, { $set: { lastDay: day } }, { upsert: true });
        this.logger.info({ day, ...outcome }, 'daily notifications');
        return outcome;
      },
      (error) => this.logger.warn({ err: errorSummary(error) }, 'daily notifications could not renew their lease'),
    );
  }

  async #ranOn(day: string): Promise<boolean> {
    return (await this.#runs.countDocuments({ _id: dailyRunId, lastDay: day })) > 0;
  }

  /** Everything the daily run sends; safe to call again the same day (nothing is sent twice). */
  async run(now: Date = this.clock.now()): Promise<DailyOutcome> {
    const reminders = await this.#coachReminders();
    const accessToWorkReminders = await this.#accessToWorkReminders();
    const outcomesReminders = await this.#outcomesReminders(londonDayAndHour(now).day);
    const adjustmentReminders = await this.#adjustmentReminders();
    const shareNotices = await this.#shareNotices(now);
    const digests = await this.#digests(londonDayAndHour(now).day);
    return { reminders, accessToWorkReminders, outcomesReminders, adjustmentReminders, shareNotices, digests };
  }

  async #coachReminders(): Promise<number> {
    let made = 0;
    for await (const coach of this.recipients.jobCoaches()) {
      for (const item of await this.inbox.inbox(actorOf(coach))) {
        const base = {
          to: { email: coach.email, name: coach.name, accountId: coach.id },
          path: webPaths.journey(item.matchId),
          subjectIds: [item.youngPerson.id],
          ...(coach.providerId ? { providerId: coach.providerId } : {}),
        };
        const names = { youngPersonName: item.youngPerson.preferredName, placementTitle: item.placement.title };
        let added = false;
        if (item.kind === 'weekly_log_due' && item.weeksWithoutLog && item.weeksWithoutLog.length > 0) {
          const week = item.weeksWithoutLog[item.weeksWithoutLog.length - 1]!;
          added = await this.outbox.enqueueOnce({
            ...base,
            kind: 'weekly_log_missing',
            facts: { ...names, weekStarting: longDate(week, { weekday: true }) },
            dedupeKey: `weekly_log_missing:${item.matchId}:${week}:${coach.id}`,
          });
        } else if (item.kind === 'review_due' && item.dueOn) {
          added = await this.outbox.enqueueOnce({
            ...base,
            kind: 'review_due',
            facts: { ...names, dueOn: longDate(item.dueOn, { weekday: true }) },
            dedupeKey: `review_due:${item.matchId}:${item.dueOn}:${coach.id}`,
          });
        } else if (item.kind === 'follow_up_due' && item.dueOn) {
          added = await this.outbox.enqueueOnce({
            ...base,
            kind: 'follow_up_due',
            facts: { ...names, dueOn: longDate(item.dueOn, { weekday: true }) },
            dedupeKey: `follow_up_due:${item.matchId}:${item.dueOn}:${coach.id}`,
          });
        }
        if (added) made += 1;
      }
    }
    return made;
  }

  /** Reminds each job coach of what Access to Work needs from them, once per task. */
  async #accessToWorkReminders(): Promise<number> {
    let made = 0;
    for await (const coach of this.recipients.jobCoaches()) {
      for (const task of await this.accessToWork.coachTasks(actorOf(coach))) {
        const kind = accessToWorkKinds[task.kind];
        // The occurrence (a month, a letter's date) keys the reminder only: the email never shows it.
        const added = await this.outbox.enqueueOnce({
          kind,
          to: { email: coach.email, name: coach.name, accountId: coach.id },
          path: webPaths.accessToWork(task.youngPerson.id),
          subjectIds: [task.youngPerson.id],
          ...(coach.providerId ? { providerId: coach.providerId } : {}),
          facts: { youngPersonName: task.youngPerson.preferredName },
          dedupeKey: `${kind}:${task.youngPerson.id}:${task.occurrence}:${coach.id}`,
        });
        if (added) made += 1;
      }
    }
    return made;
  }

  /** Reminds each job coach of an EHC plan review 4 weeks ahead and of each follow-up due, once each. */
  async #outcomesReminders(today: string): Promise<number> {
    let made = 0;
    for await (const coach of this.recipients.jobCoaches()) {
      for (const task of await this.outcomes.coachTasks(actorOf(coach))) {
        if (task.emailUntil < today) continue;
        const added = await this.outbox.enqueueOnce({
          kind: task.kind,
          to: { email: coach.email, name: coach.name, accountId: coach.id },
          path: task.path,
          subjectIds: [task.youngPerson.id],
          ...(coach.providerId ? { providerId: coach.providerId } : {}),
          facts: {
            youngPersonName: task.youngPerson.preferredName,
            dueOn: longDate(task.dueOn, { weekday: true }),
            ...(task.month ? { months: String(task.month), placementTitle: 'the internship' } : {}),
          },
          dedupeKey: `${task.kind}:${task.matchId ?? task.youngPerson.id}:${task.dueOn}:${coach.id}`,
        });
        if (added) made += 1;
      }
    }
    return made;
  }

  /** Reminds employers' staff of unanswered and overdue adjustments, and young people of a check due; once each. */
  async #adjustmentReminders(): Promise<number> {
    let made = 0;
    for (const reminder of await this.adjustments.dueReminders()) {
      const to =
        reminder.kind === 'adjustment_check_due'
          ? await this.recipients.youngPerson(reminder.youngPersonId)
          : await this.recipients.employerStaff(reminder.employerId);
      for (const person of to) {
        const added = await this.outbox.enqueueOnce({
          kind: reminder.kind,
          to: { email: person.email, name: person.name, accountId: person.accountId },
          path: webPaths.adjustments(reminder.matchId),
          subjectIds: [reminder.youngPersonId],
          providerId: reminder.providerId,
          facts: {
            youngPersonName: reminder.youngPersonName,
            employerName: reminder.employerName,
            placementTitle: reminder.placementTitle,
          },
          dedupeKey: `${reminder.kind}:${reminder.occurrence}:${person.accountId}`,
        });
        if (added) made += 1;
      }
    }
    return made;
  }

  /** Tells each owner of a share that ends within `shareEndingSoonDays`, and of one that has ended (unless they ended it). */
  async #shareNotices(now: Date): Promise<number> {
    const soon = new Date(now.getTime() + shareEndingSoonDays * dayMs);
    const recently = new Date(now.getTime() - endedShareWindowDays * dayMs);
    const shares = await this.shareEndings.endingOrEnded(recently, soon);
    if (shares.length === 0) return 0;
    const owners = await this.recipients.youngPeople(shares.map((share) => share.youngPersonId));
    const ownerOf = new Map(owners.map((owner) => [owner.youngPersonId!, owner]));
    const employerNames = await this.names.employerNames(shares.map((share) => share.employerId));
    let made = 0;
    for (const share of shares) {
      const owner = ownerOf.get(share.youngPersonId);
      if (!owner) continue;
      const ended = share.withdrawnAt !== undefined || share.expiresAt <= now;
      // Someone who ended a share themself does not need telling.
      if (ended && share.withdrawnBy === owner.accountId) continue;
      const endedOn = share.withdrawnAt ?? share.expiresAt;
      const added = await this.outbox.enqueueOnce({
        kind: ended ? 'share_ended' : 'share_ending_soon',
        to: { email: owner.email, name: owner.name, accountId: owner.accountId },
        path: webPaths.passportShares(share.youngPersonId),
        facts: {
          employerName: employerNames.get(share.employerId) ?? 'the employer',
          ...(ended
            ? { endedOn: longDate(endedOn, { weekday: true }) }
            : { endsOn: longDate(share.expiresAt, { weekday: true }) }),
        },
        providerId: share.providerId,
        subjectIds: [share.youngPersonId],
        dedupeKey: `${ended ? 'share_ended' : 'share_ending_soon'}:${share.id}`,
      });
      if (added) made += 1;
    }
    return made;
  }

  /** One email per person who chose a daily digest, listing what was held for them. */
  async #digests(day: string): Promise<number> {
    const accountIds = await this.outbox.collection.distinct('to.accountId', { status: 'held' });
    let made = 0;
    for (const accountId of accountIds as ObjectId[]) {
      const added = await inTransaction(this.mongo, async (session) => {
        const held = await this.outbox.collection
          .find({ status: 'held', 'to.accountId': accountId }, { session })
          .sort({ createdAt: 1 })
          .toArray();
        const first = held[0];
        if (!first) return false;
        const inserted = await this.outbox.enqueueOnce(
          {
            kind: 'digest',
            to: { email: first.to.email, name: first.to.name, accountId: accountId.toHexString() },
            path: webPaths.home(),
            facts: {},
            digestItems: held.map((doc) => ({
              subject: subjectFor(doc.kind, doc.facts),
              path: doc.path ?? webPaths.home(),
            })),
            ...(first.providerId ? { providerId: first.providerId.toHexString() } : {}),
            subjectIds: [...new Set(held.flatMap((doc) => (doc.subjectIds ?? []).map((id) => id.toHexString())))],
            dedupeKey: `digest:${accountId.toHexString()}:${day}`,
          },
          session,
        );
        if (!inserted) return false;
        await this.outbox.collection.updateMany(
          { _id: { $in: held.map((doc) => doc._id) }, status: 'held' },
          { $set: { status: 'digested' }, $unset: { path: '' } },
          { session },
        );
        return true;
      });
      if (added) made += 1;
    }
    return made;
  }
}
