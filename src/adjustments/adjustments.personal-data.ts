import type { ClientSession } from 'mongodb';
import { decide } from '../auth/policy.js';
import type { ExportReader, PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { AdjustmentsRepository } from './adjustments.repository.js';

/**
 * The adjustment requests: exported, words and all, to those who may read them on the young
 * person's side (the young person, a delegate, the provider's staff); gone on erasure.
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
      });
      if (readable !== 'allow') return null;
      return records.find({ youngPersonId: youngPerson.id });
    },
    async erase(youngPersonId: string, session: ClientSession) {
      await records.eraseAll(youngPersonId, session);
    },
  };
}
