import { EmployersService } from '../employers/employers.service.js';
import { PlacementsService } from '../placements/placements.service.js';
import { AccountFacts } from '../read-models/accounts.js';
import { PlacementEmployers } from '../read-models/employers.js';
import { YoungPeopleService } from '../young-people/young-people.service.js';
import type { Infrastructure } from './infrastructure.js';
import type { SharedStores } from './stores.wiring.js';

/** Who and what the journeys are between: employers, their placements, and the young people. */
export function directoryWiring({ mongo, clock }: Infrastructure, stores: SharedStores) {
  const { audit, outbox, hasher, accounts } = stores.repositories;
  const { employersRepository: employers, placementsRepository: placements } = stores.repositories;
  const youngPeople = stores.repositories.youngPeopleRepository;
  return {
    employers: new EmployersService({ mongo, employers, placements, accounts, hasher, outbox, audit, clock }),
    placements: new PlacementsService({
      mongo,
      placements,
      employers: new PlacementEmployers({ employers }),
      outbox,
      audit,
      clock,
    }),
    youngPeople: new YoungPeopleService({
      mongo,
      youngPeople,
      accounts: new AccountFacts({ accounts }),
      grants: accounts,
      outbox,
      audit,
      clock,
    }),
  };
}
