import type { ClientSession } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { AccountsRepository } from '../auth/accounts.js';
import type { ExportReader, PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { NotificationOutbox } from './outbox.js';
import type { PreferencesRepository } from './preferences.js';

/**
 * Emails about a young person name them and link to their pages: those sent to them are exported
 * (without contents) on request; all of them, and their email preferences, go on erasure.
 */
export function notificationsPersonalData(
  outbox: NotificationOutbox,
  preferences: PreferencesRepository,
  accounts: AccountsRepository,
): PersonalDataHolder {
  return {
    name: 'notifications',
    async export({ youngPerson }: ExportReader) {
      // Only the emails sent to the young person themself: the rest went to other people.
      const own = await accounts.collection.findOne(
        { youngPersonId: new ObjectId(youngPerson.id) },
        { projection: { _id: 1 } },
      );
      if (!own) return [];
      const docs = await outbox.collection
        .find({ 'to.accountId': own._id }, { projection: { kind: 1, status: 1, createdAt: 1, sentAt: 1 } })
        .sort({ createdAt: 1 })
        .toArray();
      return docs.map((doc) => ({
        kind: doc.kind,
        status: doc.status,
        createdAt: doc.createdAt,
        ...(doc.sentAt ? { sentAt: doc.sentAt } : {}),
      }));
    },
    async erase(youngPersonId: string, session: ClientSession) {
      const id = new ObjectId(youngPersonId);
      await outbox.collection.deleteMany({ subjectIds: id }, { session });
      const own = await accounts.collection.findOne({ youngPersonId: id }, { session, projection: { _id: 1 } });
      if (own) {
        await outbox.collection.deleteMany({ 'to.accountId': own._id }, { session });
        await preferences.collection.deleteOne({ _id: own._id }, { session });
      }
    },
  };
}
