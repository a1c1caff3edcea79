import { AccessToWorkService } from '../access-to-work/access-to-work.service.js';
import { DocumentRetention } from '../documents/documents.retention.js';
import { DocumentsService } from '../documents/documents.service.js';
import { DocumentAudience } from '../read-models/document-audience.js';
import type { InternshipFacts } from '../read-models/internships.js';
import { StudyFacts } from '../read-models/study.js';
import { StudyService } from '../study/study.service.js';
import type { Infrastructure } from './infrastructure.js';
import type { SharedStores } from './stores.wiring.js';

/** The records a provider keeps of an internship: Access to Work, the study programme and the papers. */
export function internshipRecordsWiring(
  { mongo, clock }: Infrastructure,
  stores: SharedStores,
  internshipFacts: InternshipFacts,
) {
  const { audit, youngPeopleRepository: youngPeople, journeysRepository: matches } = stores.repositories;
  const { placementsRepository: placements, employersRepository: employers } = stores.repositories;
  return {
    accessToWork: new AccessToWorkService({
      mongo,
      records: stores.repositories.accessToWorkRepository,
      internships: internshipFacts,
      audit,
      clock,
    }),
    study: new StudyService({
      mongo,
      records: stores.repositories.studyRepository,
      facts: new StudyFacts({ youngPeople, matches, placements, employers }),
      audit,
      clock,
    }),
    documents: new DocumentsService({
      records: stores.repositories.documentsRepository,
      audience: new DocumentAudience({ youngPeople, matches, passports: stores.repositories.passportsRepository }),
      audit,
      clock,
    }),
  };
}

/** Deletes documents past their retention date, once a day across every instance. */
export function documentRetention({ db, clock, logger }: Infrastructure, stores: SharedStores): DocumentRetention {
  return new DocumentRetention({
    db,
    records: stores.repositories.documentsRepository,
    audit: stores.repositories.audit,
    clock,
    logger,
  });
}
