import type { ClientSession } from 'mongodb';
import type { PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { PassportsRepository } from './passports.repository.js';

/** The passport, every version, coach drafts and shares belong in an export and go on erasure. */
export function passportPersonalData(passports: PassportsRepository): PersonalDataHolder {
  return {
    name: 'passport',
    async export(youngPersonId: string) {
      const [current, versions, drafts, shares] = await Promise.all([
        passports.current(youngPersonId),
        passports.allVersions(youngPersonId),
        passports.listDrafts(youngPersonId),
        passports.sharesOf(youngPersonId),
      ]);
      return { current: current ?? null, versions, drafts, shares };
    },
    erase: (youngPersonId: string, session: ClientSession) => passports.eraseAll(youngPersonId, session),
  };
}
