import { InboxService } from '../journey/inbox.service.js';
import { JourneyService } from '../journey/journey.service.js';
import { ProgressService } from '../journey/progress.service.js';
import { MatchingService } from '../matching/matching.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { InternshipsReadModel } from '../outcomes/internships.read-model.js';
import { OutcomesService } from '../outcomes/outcomes.service.js';
import type { PassportsService } from '../passports/passports.service.js';
import type { PlacementsService } from '../placements/placements.service.js';
import type { AdjustmentFiguresReadModel } from '../read-models/adjustment-figures.js';
import { EarlierProposalsReadModel } from '../read-models/earlier-proposals.js';
import { InternshipFacts } from '../read-models/internships.js';
import { MatchingProfilesReadModel } from '../read-models/matching-profiles.js';
import { StartedInternshipsReadModel } from '../read-models/started-internships.js';
import type { YoungPeopleService } from '../young-people/young-people.service.js';
import type { Infrastructure } from './infrastructure.js';
import type { SharedStores } from './stores.wiring.js';

/** What the journey is built on: the services it reads and tells, from other features' wiring. */
export interface JourneyDependencies {
  notifications: NotificationsService;
  passports: PassportsService;
  placements: PlacementsService;
  youngPeople: YoungPeopleService;
  adjustmentFigures: AdjustmentFiguresReadModel;
}

/** Matching, the journey from proposal to follow-up, its weekly progress, its outcomes and the inbox of what waits. */
export function journeyWiring(infra: Infrastructure, stores: SharedStores, needs: JourneyDependencies) {
  const { mongo, db, search, clock } = infra;
  const { audit, outbox, journeysRepository: matches, progressRepository } = stores.repositories;
  const { youngPeopleRepository: youngPeople, placementsRepository: places } = stores.repositories;
  const journey = new JourneyService({
    mongo,
    matches,
    youngPeople: needs.youngPeople,
    placements: needs.placements,
    people: stores.peopleFacts,
    placementFacts: stores.placementFacts,
    places,
    statuses: youngPeople,
    passports: needs.passports,
    outbox,
    notifications: needs.notifications,
    audit,
    clock,
    names: stores.names,
  });
  const internshipFacts = new InternshipFacts({ youngPeople, matches, progress: progressRepository });
  const outcomes = new OutcomesService({
    mongo,
    records: stores.repositories.outcomesRepository,
    journey,
    internships: new InternshipsReadModel(db),
    startedInternships: new StartedInternshipsReadModel({ matches }),
    caseloads: internshipFacts,
    names: stores.names,
    audit,
    clock,
  });
  return {
    journey,
    outcomes,
    internshipFacts,
    progress: new ProgressService({ mongo, journey, records: progressRepository, clock, ehcOutcomes: outcomes }),
    inbox: new InboxService({
      matches,
      progress: progressRepository,
      passports: needs.passports,
      names: stores.names,
      clock,
    }),
    matching: new MatchingService({
      search,
      profiles: new MatchingProfilesReadModel({ youngPeople }),
      placements: needs.placements,
      earlierProposals: new EarlierProposalsReadModel({ matches }),
      employerRecords: needs.adjustmentFigures,
    }),
  };
}
