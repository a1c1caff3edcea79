import { accessToWorkPersonalData } from '../access-to-work/access-to-work.personal-data.js';
import { adjustmentsPersonalData } from '../adjustments/adjustments.personal-data.js';
import { accountsOfYoungPeople } from '../auth/accounts.personal-data.js';
import { DataRightsService } from '../data-rights/data-rights.service.js';
import { documentsPersonalData } from '../documents/documents.personal-data.js';
import { journeyPersonalData } from '../journey/journey.personal-data.js';
import { notificationsPersonalData } from '../notifications/notifications.personal-data.js';
import { outcomesPersonalData } from '../outcomes/outcomes.personal-data.js';
import { passportPersonalData } from '../passports/passports.personal-data.js';
import { studyPersonalData } from '../study/study.personal-data.js';
import type { Infrastructure } from './infrastructure.js';
import type { NotificationsWiring } from './notifications.wiring.js';
import type { SharedStores } from './stores.wiring.js';

/** Exports and erasure of a young person's data, with every feature's part of it registered. */
export function dataRightsService(
  { db, mongo, clock }: Infrastructure,
  stores: SharedStores,
  mail: NotificationsWiring,
) {
  const r = stores.repositories;
  const dataRights = new DataRightsService({
    mongo,
    youngPeople: r.youngPeopleRepository,
    accounts: accountsOfYoungPeople(r.accounts, db),
    outbox: r.outbox,
    audit: r.audit,
    clock,
  });
  dataRights.register(passportPersonalData(r.passportsRepository));
  dataRights.register(journeyPersonalData(r.journeysRepository, r.progressRepository));
  dataRights.register(accessToWorkPersonalData(r.accessToWorkRepository));
  dataRights.register(outcomesPersonalData(r.outcomesRepository));
  dataRights.register(adjustmentsPersonalData(r.adjustmentsRepository));
  dataRights.register(documentsPersonalData(r.documentsRepository));
  dataRights.register(studyPersonalData(r.studyRepository));
  dataRights.register(notificationsPersonalData(mail.outbox, mail.preferences, r.accounts));
  return dataRights;
}
