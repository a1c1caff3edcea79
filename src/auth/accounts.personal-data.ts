import type { ClientSession, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { YoungPersonAccounts } from '../data-rights/data-rights.service.js';
import type { AccountsRepository } from './accounts.js';
import { invitationsCollection } from './invitations.js';
import { signInsCollection } from './sign-ins.js';
import { refreshTokensCollection } from './tokens.js';

/**
 * The auth feature's part in a young person's data rights: their own account for the export, their
 * delegates, and on erasure their account with its refresh tokens and sign-ins, delegates' rights
 * over them and invitations naming them (inside the erasure's transaction).
 */
export function accountsOfYoungPeople(accounts: AccountsRepository, db: Db): YoungPersonAccounts {
  return {
    async ownAccount(youngPersonId: string, session?: ClientSession) {
      const doc = await accounts.collection.findOne(
        { youngPersonId: new ObjectId(youngPersonId) },
        { session, projection: { passwordHash: 0 } },
      );
      return doc
        ? {
            id: doc._id.toHexString(),
            email: doc.email,
            name: doc.name,
            status: doc.status,
            createdAt: doc.createdAt,
            lastSignInAt: doc.lastSignInAt,
          }
        : undefined;
    },
    delegatesOf: (youngPersonId: string) => accounts.delegatesOf(youngPersonId),
    async erase(youngPersonId: string, ownAccountId: string | undefined, session: ClientSession) {
      const id = new ObjectId(youngPersonId);
      if (ownAccountId) {
        const accountId = new ObjectId(ownAccountId);
        await accounts.collection.deleteOne({ _id: accountId }, { session });
        await db.collection(refreshTokensCollection.name).deleteMany({ accountId }, { session });
        await db.collection(signInsCollection.name).deleteMany({ accountId }, { session });
      }
      await accounts.collection.updateMany(
        { 'actsFor.youngPersonId': id },
        { $pull: { actsFor: { youngPersonId: id } } },
        { session },
      );
      await db.collection(invitationsCollection.name).deleteMany({ youngPersonId: id }, { session });
    },
  };
}
