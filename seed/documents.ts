import { ObjectId } from 'mongodb';
import { type AccountDoc, normaliseEmail } from '../src/auth/accounts.js';
import type { EmployerDoc } from '../src/employers/employers.repository.js';
import { geoPoint } from '../src/geo/postcodes.js';
import type { PlacementDoc } from '../src/placements/placements.repository.js';
import { cohortYearOf, type YoungPersonDoc } from '../src/young-people/young-people.repository.js';
import type {
  GeneratedAccount,
  GeneratedEmployer,
  GeneratedPassport,
  GeneratedPlacement,
  GeneratedProvider,
  GeneratedYoungPerson,
} from './generate.js';

/**
 * Generated records as the documents the repositories store, for bulk inserts. Each builder is
 * typed by the repository's own document type (or checked against its collection where that
 * type is private), so a change to a stored shape shows up here as a type error, and reading a
 * document back through the repository gives the generated record again (tests/seed/seed-load.test.ts).
 * Optional fields are left out rather than set to undefined, which MongoDB would store as null.
 */

const oid = (id: string) => ObjectId.createFromHexString(id);

export function providerDocument(provider: GeneratedProvider, now: Date) {
  return {
    _id: oid(provider.id),
    name: provider.name,
    kind: provider.kind,
    localAuthority: provider.localAuthority,
    createdAt: now,
  };
}

/** Every demo account shares one password, so they share its hash: one scrypt run instead of thousands. */
export function accountDocument(account: GeneratedAccount, passwordHash: string, now: Date): AccountDoc {
  return {
    _id: oid(account.id),
    email: normaliseEmail(account.email),
    name: account.name,
    role: account.role,
    status: 'active',
    passwordHash,
    ...(account.providerId ? { providerId: oid(account.providerId) } : {}),
    ...(account.employerId ? { employerId: oid(account.employerId) } : {}),
    ...(account.youngPersonId ? { youngPersonId: oid(account.youngPersonId) } : {}),
    ...(account.actsFor
      ? {
          actsFor: account.actsFor.map((grant) => ({
            youngPersonId: oid(grant.youngPersonId),
            rights: grant.rights,
            ...(grant.relationship ? { relationship: grant.relationship } : {}),
          })),
        }
      : {}),
    createdAt: now,
    updatedAt: now,
  };
}

export function employerDocument(employer: GeneratedEmployer, now: Date): EmployerDoc {
  const { id, coordinates, verifiedBy, account: _account, description, website, ...fields } = employer;
  return {
    _id: oid(id),
    ...fields,
    ...(description ? { description } : {}),
    ...(website ? { website } : {}),
    location: geoPoint(coordinates),
    ...(verifiedBy
      ? { verifiedBy: { providerId: oid(verifiedBy.providerId), accountId: oid(verifiedBy.accountId), at: now } }
      : {}),
    createdAt: now,
    updatedAt: now,
  };
}

export function placementDocument(placement: GeneratedPlacement, now: Date): PlacementDoc {
  const { id, employerId, site, ...fields } = placement;
  const { coordinates, ...siteFields } = site;
  return {
    _id: oid(id),
    employerId: oid(employerId),
    ...fields,
    site: { ...siteFields, location: geoPoint(coordinates) },
    placesFilled: 0,
    createdAt: now,
    updatedAt: now,
  };
}

export function youngPersonDocument(person: GeneratedYoungPerson['person'], now: Date): YoungPersonDoc {
  const { id, providerId, jobCoachId, coordinates, eligibilityException, localAuthority, ...fields } = person;
  return {
    _id: oid(id),
    providerId: oid(providerId),
    ...(jobCoachId ? { jobCoachId: oid(jobCoachId) } : {}),
    ...(localAuthority ? { localAuthority } : {}),
    ...fields,
    ...(eligibilityException
      ? { eligibilityException: { ...eligibilityException, recordedBy: oid(eligibilityException.recordedBy) } }
      : {}),
    location: geoPoint(coordinates),
    cohortYear: cohortYearOf(person.plannedStartDate),
    createdAt: now,
    updatedAt: now,
  };
}

/** The current passport and its first saved version, as `PassportsRepository.saveVersion` would write them. */
export function passportDocuments(youngPersonId: string, providerId: string, passport: GeneratedPassport, now: Date) {
  const _id = oid(youngPersonId);
  return {
    passport: {
      _id,
      providerId: oid(providerId),
      version: 1,
      sections: passport.sections,
      coachAccess: passport.coachAccess,
      updatedAt: now,
      updatedBy: passport.savedBy,
    },
    version: {
      _id: new ObjectId(),
      youngPersonId: _id,
      version: 1,
      sections: passport.sections,
      savedBy: passport.savedBy,
      savedAt: now,
      source: 'owner' as const,
    },
  };
}
