import { DashboardsService } from '../dashboards/dashboards.service.js';
import { AccessToWorkFiguresReadModel } from '../read-models/access-to-work-figures.js';
import type { AdjustmentFiguresReadModel } from '../read-models/adjustment-figures.js';
import { DashboardsReadModel } from '../read-models/dashboards.js';
import type { Infrastructure } from './infrastructure.js';
import type { SharedStores } from './stores.wiring.js';

/** The provider's and the employer's dashboards, from the running summaries and the records behind them. */
export function dashboardsService(
  { mongo, clock }: Infrastructure,
  stores: SharedStores,
  adjustmentFigures: AdjustmentFiguresReadModel,
): DashboardsService {
  const { journeysRepository: matches, progressRepository: progress } = stores.repositories;
  const { employersRepository: employers, placementsRepository: placements } = stores.repositories;
  return new DashboardsService({
    mongo,
    summaries: stores.repositories.dashboardSummaries,
    sources: new DashboardsReadModel({
      matches,
      progress,
      employers,
      placements,
      youngPeople: stores.repositories.youngPeopleRepository,
    }),
    names: stores.names,
    accessToWork: new AccessToWorkFiguresReadModel({
      matches,
      progress,
      accessToWork: stores.repositories.accessToWorkRepository,
    }),
    adjustments: adjustmentFigures,
    clock,
  });
}
