import { signInsCollection } from '../src/auth/sign-ins.js';
import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';
import { placementMatchesCollection } from '../src/journey/journey.repository.js';
import { passportCollections } from '../src/passports/passports.repository.js';
import { placementsCollection } from '../src/placements/placements.repository.js';
import { leasesCollection } from '../src/search-sync/reconcile.js';
import { webSessionsCollection } from '../src/web/sessions.js';
import { youngPeopleCollection } from '../src/young-people/young-people.repository.js';

/**
 * Sign-in sessions (access tokens end with their sign-in), the search reconciler's leases and the web
 * pages' sessions are new collections; young people, placements, passport versions and placement matches
 * have new fields in their validators. Sign-ins first expired on `expiresAt` (index `expiry_ttl`); they
 * are now purged on `purgeAfter`, so a database made before that loses the old index here.
 */
export default {
  description:
    'sign-ins, leases and web sessions; new fields on young people, placements, passport versions and placement matches',
  async up(db) {
    const signInIndexes = (await db.listCollections({ name: signInsCollection.name }).hasNext())
      ? await db.collection(signInsCollection.name).listIndexes().toArray()
      : [];
    if (signInIndexes.some((index) => index.name === 'expiry_ttl'))
      await db.collection(signInsCollection.name).dropIndex('expiry_ttl');
    const passportVersions = passportCollections.filter((spec) => spec.name === 'passport_versions');
    await applyCollectionSpecs(db, [
      signInsCollection,
      leasesCollection,
      webSessionsCollection,
      youngPeopleCollection,
      placementsCollection,
      ...passportVersions,
      placementMatchesCollection,
    ]);
  },
} satisfies Migration;
