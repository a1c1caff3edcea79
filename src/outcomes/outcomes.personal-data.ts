import type { ClientSession } from 'mongodb';
import { decide } from '../auth/policy.js';
import type { ExportReader, PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { OutcomesRepository } from './outcomes.repository.js';

/** The EHC plan's outcomes and each internship's core aims, employment plan and follow-ups: exported to readers, gone on erasure. */
export function outcomesPersonalData(records: OutcomesRepository): PersonalDataHolder {
  return {
    name: 'outcomes',
    async export({ actor, youngPerson }: ExportReader) {
      const readable = decide(actor, 'outcomes.read', {
        type: 'internship_outcomes',
        youngPersonId: youngPerson.id,
        providerId: youngPerson.providerId,
      });
      if (readable !== 'allow') return null;
      const [ehcPlan, internships] = await Promise.all([
        records.planOf(youngPerson.id),
        records.allOfYoungPerson(youngPerson.id),
      ]);
      return { ehcPlan: ehcPlan ?? null, internships };
    },
    async erase(youngPersonId: string, session: ClientSession) {
      await records.eraseAll(youngPersonId, session);
    },
  };
}
