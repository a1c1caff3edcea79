import { accountsCollection } from '../src/auth/accounts.js';
import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';

/**
 * Accounts remember where they signed in from (keyed hashes of the last few addresses, see
 * src/auth/sign-in-addresses.ts) and when their password changed, so a sign-in learns whether to
 * warn of itself from its own account instead of reading back through the audit trail. The
 * validator bounds the new array; nothing is backfilled, because the key that hashes addresses is
 * not the database's to know: an account's first sign-in after this asks the audit trail once.
 */
export default {
  description: 'accounts: remembered sign-in addresses (bounded, keyed hashes) and when the password changed',
  async up(db) {
    await applyCollectionSpecs(db, [accountsCollection]);
  },
} satisfies Migration;
