import { AdjustmentsService } from '../adjustments/adjustments.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { PassportsService } from '../passports/passports.service.js';
import { AdjustmentFiguresReadModel } from '../read-models/adjustment-figures.js';
import { AdjustmentJourneysReadModel } from '../read-models/adjustment-journeys.js';
import type { Infrastructure } from './infrastructure.js';
import type { SharedStores } from './stores.wiring.js';

/**
 * The passport and the adjustments that come of sharing it: what helps, once shared, becomes
 * requests the employer answers, and their figures feed the reports and the match reasons.
 */
export function passportsWiring(
  { mongo, clock }: Infrastructure,
  stores: SharedStores,
  notifications: NotificationsService,
) {
  const { audit, passportsRepository, journeysRepository: matches } = stores.repositories;
  const { adjustmentsRepository } = stores.repositories;
  const passports = new PassportsService({
    mongo,
    passports: passportsRepository,
    people: stores.peopleFacts,
    placements: stores.placementFacts,
    audit,
    notifications,
    clock,
    names: stores.names,
  });
  const adjustments = new AdjustmentsService({
    mongo,
    records: adjustmentsRepository,
    journeys: new AdjustmentJourneysReadModel({ matches, passports: passportsRepository, names: stores.names }),
    passports,
    audit,
    clock,
  });
  passports.onHelpsShared(adjustments);
  const adjustmentFigures = new AdjustmentFiguresReadModel({ matches, adjustments: adjustmentsRepository, clock });
  return { passports, adjustments, adjustmentFigures };
}
