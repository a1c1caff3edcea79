import type { ClientSession } from 'mongodb';
import { decide } from '../auth/policy.js';
import type { ExportReader, PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { JourneysRepository } from './journey.repository.js';
import type { ProgressRepository } from './progress.repository.js';

/**
 * Every placement journey of a young person, with its weekly logs and reviews: exported on
 * request (each journey only to a reader who may read it), gone on erasure.
 */
export function journeyPersonalData(matches: JourneysRepository, progress: ProgressRepository): PersonalDataHolder {
  return {
    name: 'placementJourney',
    async export({ actor, youngPerson }: ExportReader) {
      const [journeys, records] = await Promise.all([matches.allOf(youngPerson.id), progress.allOf(youngPerson.id)]);
      const readable = journeys.filter(
        (match) =>
          decide(actor, 'placement_match.read', {
            type: 'placement_match',
            youngPersonId: match.youngPersonId,
            providerId: match.providerId,
            employerId: match.employerId,
            visibleToEmployer: match.visibleToEmployer,
          }) === 'allow',
      );
      const readableIds = new Set(readable.map((match) => match.id));
      return {
        matches: readable,
        weeklyLogs: records.logs.filter((log) => readableIds.has(log.matchId)),
        reviews: records.reviews.filter((review) => readableIds.has(review.matchId)),
      };
    },
    async erase(youngPersonId: string, session: ClientSession) {
      await progress.eraseAll(youngPersonId, session);
      await matches.eraseAll(youngPersonId, session);
    },
  };
}
