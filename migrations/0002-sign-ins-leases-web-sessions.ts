import { signInsCollection } from '../src/auth/sign-ins.js';
import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';
import { placementMatchesCollection } from '../src/journey/journey.repository.js';
import { passportCollections } from '../src/passports/passports.repository.js';
import { leasesCollection } from '../src/search-sync/reconcile.js';
import { webSessionsCollection } from '../src/web/sessions.js';
import { youngPeopleCollection } from '../src/young-people/young-people.repository.js';

/**
 * Sign-in sessions (access tokens end with their sign-in), the search reconciler's leases and the web
 * pages' sessions are new collections; young people, passport versions and placement matches have
 * new fields in their validators. Applies these collections as declared in src/ (idempotent, drops nothing).
 */
export default {
  description: 'sign-ins, leases and web sessions collections; new fields on young people, passport versions and placement matches',
  async up(db) {
    const passportVersions = passportCollections.filter((spec) => spec.name === 'passport_versions');
    await applyCollectionSpecs(db, [signInsCollection, leasesCollection, webSessionsCollection, youngPeopleCollection, ...passportVersions, placementMatchesCollection]);
  },
} satisfies Migration;
