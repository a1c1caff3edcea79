import type { ClientSession } from 'mongodb';
import { decide } from '../auth/policy.js';
import type { ExportReader, PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { AccessToWorkRepository } from './access-to-work.repository.js';

/** The Access to Work case and its claims: exported to those who may read them, gone on erasure. */
export function accessToWorkPersonalData(records: AccessToWorkRepository): PersonalDataHolder {
  return {
    name: 'accessToWork',
    async export({ actor, youngPerson }: ExportReader) {
      const readable = decide(actor, 'access_to_work.read', {
        type: 'access_to_work',
        youngPersonId: youngPerson.id,
        providerId: youngPerson.providerId,
        hostEmployerIds: [],
      });
      if (readable !== 'allow') return null;
      const [found, claims] = await Promise.all([records.caseOf(youngPerson.id), records.claimsOf(youngPerson.id)]);
      return { case: found ?? null, claims };
    },
    async erase(youngPersonId: string, session: ClientSession) {
      await records.eraseAll(youngPersonId, session);
    },
  };
}
