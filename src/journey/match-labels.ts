import type { NamesReadModel } from '../read-models/names.js';
import type { Journey } from './journey.repository.js';

/** The names a person needs to recognise a match: who, which placement, which employer. */
export interface MatchLabels {
  youngPersonName(id: string): string;
  placement(id: string): { title: string; employerName: string };
}

/** Looks the names up for many matches at once: three queries, whatever the number of matches. */
export async function labelsFor(
  matches: Pick<Journey, 'youngPersonId' | 'placementId' | 'employerId'>[],
  names: NamesReadModel,
): Promise<MatchLabels> {
  const [people, titles, employerNames] = await Promise.all([
    names.youngPersonNames(matches.map((m) => m.youngPersonId)),
    names.placementTitles(matches.map((m) => m.placementId)),
    names.employerNames(matches.map((m) => m.employerId)),
  ]);
  const employerOf = new Map(matches.map((m) => [m.placementId, m.employerId]));
  return {
    youngPersonName: (id) => people.get(id) ?? 'a young person',
    placement: (id) => ({
      title: titles.get(id) ?? 'a placement',
      employerName: employerNames.get(employerOf.get(id) ?? '') ?? 'an employer',
    }),
  };
}
