import type { EmployersRepository } from '../employers/employers.repository.js';
import type { PlacementsRepository } from '../placements/placements.repository.js';
import type { YoungPeopleRepository } from '../young-people/young-people.repository.js';
import type { PlacementMatch } from './journey.repository.js';

/** The names a person needs to recognise a match: who, which placement, which employer. */
export interface MatchLabels {
  youngPersonName(id: string): string;
  placement(id: string): { title: string; employerName: string };
}

/** Looks the names up for many matches at once: three queries, whatever the number of matches. */
export async function labelsFor(
  matches: Pick<PlacementMatch, 'youngPersonId' | 'placementId' | 'employerId'>[],
  repositories: { youngPeople: YoungPeopleRepository; placements: PlacementsRepository; employers: EmployersRepository },
): Promise<MatchLabels> {
  const unique = (ids: string[]) => [...new Set(ids)];
  const [people, placements, employers] = await Promise.all([
    repositories.youngPeople.byIds(unique(matches.map((m) => m.youngPersonId))),
    repositories.placements.byIds(unique(matches.map((m) => m.placementId))),
    repositories.employers.byIds(unique(matches.map((m) => m.employerId))),
  ]);
  const names = new Map(people.map((p) => [p.id, p.preferredName]));
  const titles = new Map(placements.map((p) => [p.id, p.title]));
  const employerNames = new Map(employers.map((e) => [e.id, e.name]));
  const employerOf = new Map(matches.map((m) => [m.placementId, m.employerId]));
  return {
    youngPersonName: (id) => names.get(id) ?? 'a young person',
    placement: (id) => ({ title: titles.get(id) ?? 'a placement', employerName: employerNames.get(employerOf.get(id) ?? '') ?? 'an employer' }),
  };
}
