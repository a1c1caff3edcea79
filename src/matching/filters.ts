import {
  type AdjustmentCategory,
  adjustmentCategories,
  type DisabilityConfidentLevel,
  environmentFactors,
  type Sector,
  sectorLabels,
  weekdays,
} from '../domain/vocabulary.js';
import { type Coordinates, isValidPostcode, postcodeDirectory } from '../geo/postcodes.js';
import type { HoursBand } from '../search-sync/documents.js';
import type { PersonFacts, PlacementFacts } from './facts.js';
import { compileWish, wishQueryWords } from './job-words.js';
import { readPersonWords } from './phrases.js';

/**
 * Pure builders of Meilisearch filters and of the matching relevance query. Each returns a list of expressions that must all hold
 * (Meilisearch ANDs the entries of a filter array). Values are quoted even when they come from
 * our own vocabularies, so a filter can never be widened by what it is given.
 */
export type SearchFilter = string[];

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const list = (values: readonly string[]) => `[${values.map(quote).join(', ')}]`;

export function geoRadius(centre: Coordinates, radiusKm: number): string {
  return `_geoRadius(${centre.lat}, ${centre.lng}, ${Math.round(radiusKm * 1000)})`;
}

const earthRadiusKm = 6371.0088;
const degrees = (radians: number) => (radians * 180) / Math.PI;

/**
 * The smallest latitude-longitude box that holds the circle `geoRadius` describes, a little wider
 * (1%) so that rounding never cuts a placement on its edge. Meilisearch answers a box from its
 * index at almost no cost, where a radius costs most of a match search (10 of 12 ms at 100,000
 * placements), so the match searches filter by the box and drop the hits beyond the radius (in
 * its corners) afterwards (see `placementPoolSearches`).
 */
export function geoBox(centre: Coordinates, radiusKm: number): string {
  const angle = (radiusKm * 1.01) / earthRadiusKm;
  const dLat = degrees(angle);
  const cosLat = Math.cos((centre.lat * Math.PI) / 180);
  // How far east and west a circle on the sphere reaches (at a latitude a little nearer the pole than its centre).
  const dLng = Math.sin(angle) >= cosLat ? 180 : degrees(Math.asin(Math.sin(angle) / cosLat));
  const north = Math.min(90, centre.lat + dLat);
  const south = Math.max(-90, centre.lat - dLat);
  const east = Math.min(180, centre.lng + dLng);
  const west = Math.max(-180, centre.lng - dLng);
  return `_geoBoundingBox([${round6(north)}, ${round6(east)}], [${round6(south)}, ${round6(west)}])`;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** What anyone may browse or be matched to: open, of a verified employer. */
export const openPlacements: SearchFilter = ['status = "open"', 'employerVerified = true'];

/** How far to look: the young person's travel limit, or less when they ask for less. */
export function reachKm(person: Pick<PersonFacts, 'maxDistanceKm'>, options: { radiusKm?: number } = {}): number {
  return Math.min(person.maxDistanceKm, options.radiusKm ?? Infinity);
}

/**
 * The young person's hard limits as a placements-index filter (see hard-limits.ts for the rules).
 * With `reach: 'box'` the travel limit is the box around it (see `geoBox`), for a search whose
 * hits beyond the radius are dropped afterwards.
 * Days: the placement's schedule is fixed, so every one of its days must be a day the young person
 * is available; said as "none of its days is a day they are not available".
 */
export function placementFilterFor(
  person: PersonFacts,
  options: { radiusKm?: number; sector?: Sector; reach?: 'radius' | 'box' } = {},
): SearchFilter {
  const radiusKm = reachKm(person, options);
  const unavailable = weekdays.filter((day) => !person.days.includes(day));
  const filter = [
    ...openPlacements,
    'placesFree > 0',
    options.reach === 'box' ? geoBox(person.coordinates, radiusKm) : geoRadius(person.coordinates, radiusKm),
    `hoursPerWeek <= ${person.maxHoursPerWeek}`,
    `dayStartMinutes >= ${person.earliestStartMinutes}`,
    `dayEndMinutes <= ${person.latestFinishMinutes}`,
  ];
  if (unavailable.length > 0) filter.push(`NOT days IN ${list(unavailable)}`);
  for (const factor of environmentFactors) {
    const limit = person.environmentLimits[factor];
    if (limit !== undefined) filter.push(`environment.${factor} <= ${limit}`);
  }
  if (person.stepFreeRequired) filter.push('stepFreeAccess = true');
  for (const category of person.requiredAdjustments) filter.push(`adjustmentsOffered = ${quote(category)}`);
  if (options.sector) filter.push(`sector = ${quote(options.sector)}`);
  return filter;
}

/**
 * The longest journey anyone can set (the profile schema's maximum), plus the rounding of a
 * candidate's coarse home. Each young person's own limit is checked on their record afterwards.
 */
export const widestTravelKm = 102;

/**
 * A placement's demands as a candidates-index filter: young people of one provider, active,
 * whose limits this placement keeps within. Mirrors `placementFilterFor` from the other side.
 * The reach is the box around `widestTravelKm` (see `geoBox`): the search is nearest first, so
 * the hits in its corners come after every one within reach and `candidatesFor` drops them.
 */
export function candidateFilterFor(placement: PlacementFacts, scope: { providerId: string }): SearchFilter {
  const notOffered = adjustmentCategories.filter((category) => !placement.adjustmentsOffered.includes(category));
  const filter = [
    `providerId = ${quote(scope.providerId)}`,
    'status = "active"',
    geoBox(placement._geo, widestTravelKm),
    `maxHoursPerWeek >= ${placement.hoursPerWeek}`,
    `earliestStartMinutes <= ${placement.dayStartMinutes}`,
    `latestFinishMinutes >= ${placement.dayEndMinutes}`,
    ...placement.days.map((day) => `days = ${quote(day)}`),
  ];
  for (const factor of environmentFactors) {
    const level = placement.environment[factor];
    if (level > 0) filter.push(`limits.${factor} >= ${level}`);
  }
  if (!placement.stepFreeAccess) filter.push('stepFreeRequired = false');
  if (notOffered.length > 0) filter.push(`NOT requiredAdjustments IN ${list(notOffered)}`);
  return filter;
}

export interface BrowseFilters {
  near?: Coordinates;
  radiusKm?: number;
  sectors?: Sector[];
  hoursBands?: HoursBand[];
  /** Every one of these must be offered. */
  adjustments?: AdjustmentCategory[];
  disabilityConfident?: DisabilityConfidentLevel[];
}

/** Browsing: open placements of verified employers with a place free, narrowed by the menus the caller picked. */
export function browseFilter(filters: BrowseFilters): SearchFilter {
  const filter = [...openPlacements, 'placesFree > 0'];
  if (filters.near && filters.radiusKm !== undefined) filter.push(geoRadius(filters.near, filters.radiusKm));
  if (filters.sectors?.length) filter.push(`sector IN ${list(filters.sectors)}`);
  if (filters.hoursBands?.length) filter.push(`hoursBand IN ${list(filters.hoursBands)}`);
  for (const category of filters.adjustments ?? []) filter.push(`adjustmentsOffered = ${quote(category)}`);
  if (filters.disabilityConfident?.length) filter.push(`disabilityConfident IN ${list(filters.disabilityConfident)}`);
  return filter;
}

/** Meilisearch reads only the first ten words of a query. */
const maxQueryWords = 10;
const queryStopWords = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * What the young person wants as a search query, most telling first (Meilisearch drops words
 * from the end when too few placements match them all): their first choice of sector, the ideas
 * of what they said they would like to do, liked tasks, their other sectors, then strengths.
 */
export function relevanceQueryFor(
  person: Pick<PersonFacts, 'interests' | 'jobsWanted' | 'likedTasks' | 'strengths'>,
): string {
  const [firstChoice, ...otherSectors] = person.interests;
  // What they ruled out or tried and disliked is left out of the query: it should not pull those placements in.
  const words = readPersonWords(person);
  const phrases = [
    ...(firstChoice ? [sectorLabels[firstChoice]] : []),
    ...(words.wish ? wishQueryWords(compileWish(words.wish)) : []),
    ...words.likedTasks,
    ...otherSectors.map((sector) => sectorLabels[sector]),
    ...person.strengths,
  ];
  const terms = phrases
    .flatMap((phrase) => phrase.toLowerCase().split(/[^a-z0-9]+/))
    .filter((word) => word && !queryStopWords.has(word));
  return [...new Set(terms)].slice(0, maxQueryWords).join(' ');
}

/** A full postcode in England as the "lat,lng" a search is near; undefined when it is not one the directory knows. */
export function nearPostcode(postcode: string): string | undefined {
  const found = isValidPostcode(postcode) ? postcodeDirectory().lookup(postcode) : undefined;
  return found ? `${found.lat},${found.lng}` : undefined;
}
