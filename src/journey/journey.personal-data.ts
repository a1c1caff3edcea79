import type { ClientSession } from 'mongodb';
import type { PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { PlacementMatchesRepository } from './journey.repository.js';
import type { ProgressRepository } from './progress.repository.js';

/** Every placement journey of a young person, with its weekly logs and reviews: exported on request, gone on erasure. */
export function journeyPersonalData(matches: PlacementMatchesRepository, progress: ProgressRepository): PersonalDataHolder {
  return {
    name: 'placementJourney',
    async export(youngPersonId: string) {
      const [placementMatches, records] = await Promise.all([matches.allOf(youngPersonId), progress.allOf(youngPersonId)]);
      return { matches: placementMatches, weeklyLogs: records.logs, reviews: records.reviews };
    },
    async erase(youngPersonId: string, session: ClientSession) {
      await progress.eraseAll(youngPersonId, session);
      await matches.eraseAll(youngPersonId, session);
    },
  };
}
