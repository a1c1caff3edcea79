import type { ClientSession } from 'mongodb';
import { decide } from '../auth/policy.js';
import type { ExportReader, PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { StudyRepository } from './study.repository.js';

/** The study programme and the weeks of attendance: exported to those who may read them, gone on erasure. */
export function studyPersonalData(records: StudyRepository): PersonalDataHolder {
  return {
    name: 'study',
    async export({ actor, youngPerson }: ExportReader) {
      const readable = decide(actor, 'study.read', {
        type: 'study',
        youngPersonId: youngPerson.id,
        providerId: youngPerson.providerId,
      });
      if (readable !== 'allow') return null;
      const [programme, attendance] = await Promise.all([
        records.programmeOf(youngPerson.id),
        records.attendanceOfPerson(youngPerson.id),
      ]);
      return { programme: programme ?? null, attendance };
    },
    async erase(youngPersonId: string, session: ClientSession) {
      await records.eraseAll(youngPersonId, session);
    },
  };
}
