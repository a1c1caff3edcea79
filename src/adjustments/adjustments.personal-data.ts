import type { ClientSession } from 'mongodb';
import { decide } from '../auth/policy.js';
import type { ExportReader, PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { AdjustmentsRepository } from './adjustments.repository.js';

/**
 * The adjustment requests: exported, words and all, to the young person's side (the young person,
 * a delegate); gone on erasure.
 */
export function adjustmentsPersonalData(records: AdjustmentsRepository): PersonalDataHolder {
  return {
    name: 'adjustments',
    async export({ actor, youngPerson }: ExportReader) {
      const readable = decide(actor, 'adjustment.read_text', {
        type: 'adjustment',
        youngPersonId: youngPerson.id,
        providerId: youngPerson.providerId,
        employerId: '',
        visibleToEmployer: false,
        sharedWithEmployer: false,
        // An export is made by the young person's side or a provider admin, whom this does not concern.
        coachAccess: 'none',
      });
      if (readable !== 'allow') return null;
      return records.find({ youngPersonId: youngPerson.id });
    },
    async erase(youngPersonId: string, session: ClientSession) {
      await records.eraseAll(youngPersonId, session);
    },
  };
}
