import { minutesOfDay } from '../../src/domain/schemas.js';
import {
  type AdjustmentCategory,
  type EnvironmentFactor,
  type Level,
  levels,
  type Sector,
  type Weekday,
} from '../../src/domain/vocabulary.js';
import { type Coordinates, distanceKm } from '../../src/geo/postcodes.js';
import type { NewPlacement } from '../../src/placements/placements.repository.js';
import type { NewYoungPerson } from '../../src/young-people/young-people.repository.js';

/**
 * A match-quality evaluation set whose right answers are known by construction.
 *
 * Each young person lives in their own English town, far enough from every other that no
 * placement is within anyone else's reach. Around each of them sit:
 * - 5 placements a job coach would shortlist: in a sector they chose, with tasks they like,
 *   keeping every hard limit (some only just: a factor exactly at their limit);
 * - 3 decoys that look the same (same sector, title and liked tasks) but each break one hard
 *   limit: too far, a day they are not free, too early, too many hours, too loud, a required
 *   adjustment missing, steps, paused, employer not verified, no place free;
 * - 2 placements that fit every limit, nearer and calmer than the shortlist, but in a sector
 *   they did not choose with tasks they did not name: plausible, not what a coach shortlists first.
 * No randomness: every choice is arithmetic on the person's number, so the set never changes.
 */

export type PlacementRole = 'shortlist' | 'decoy' | 'other';
export type DecoyKind =
  | 'too_far'
  | 'unavailable_day'
  | 'too_early'
  | 'too_many_hours'
  | 'too_loud'
  | 'missing_adjustment'
  | 'steps'
  | 'paused'
  | 'unverified_employer'
  | 'no_place_free';

export interface EvalPlacement {
  person: number;
  role: PlacementRole;
  /** How much a job coach would want it near the top: 0 not wanted there, higher is better; the highest gain of a person's placements marks their first picks. */
  gain: number;
  decoy?: DecoyKind;
  verifiedEmployer: boolean;
  placement: Omit<NewPlacement, 'employerId'> & { placesFilled: number };
}

/** Which ranking problem a case was written for (issue 16); the tuning cases have none. */
export type EvalCause =
  | 'first_choice'
  | 'word_forms'
  | 'free_words'
  | 'ruled_out'
  | 'disliked_concepts'
  | 'tried_before'
  | 'titles_and_places';

export interface EvalPerson {
  town: EvalTown;
  cause?: EvalCause;
  profile: Omit<NewYoungPerson, 'providerId'>;
}

export interface EvalSet {
  people: EvalPerson[];
  placements: EvalPlacement[];
}

export interface EvalTown {
  name: string;
  postcode: string;
  at: Coordinates;
}

/** Town centres at least 38 km apart: with reach at most 15 km and placements at most 19 km out, towns never overlap. */
export const towns: EvalTown[] = [
  { name: 'Leeds', postcode: 'LS1 4AP', at: { lat: 53.7997, lng: -1.5492 } },
  { name: 'Sheffield', postcode: 'S1 2HH', at: { lat: 53.3811, lng: -1.4701 } },
  { name: 'Manchester', postcode: 'M1 1AD', at: { lat: 53.4808, lng: -2.2426 } },
  { name: 'Liverpool', postcode: 'L1 1JF', at: { lat: 53.4084, lng: -2.9916 } },
  { name: 'Newcastle upon Tyne', postcode: 'NE1 7RU', at: { lat: 54.9783, lng: -1.6178 } },
  { name: 'Birmingham', postcode: 'B1 1BB', at: { lat: 52.4862, lng: -1.8904 } },
  { name: 'Nottingham', postcode: 'NG1 5FS', at: { lat: 52.9548, lng: -1.1581 } },
  { name: 'Leicester', postcode: 'LE1 5YA', at: { lat: 52.6369, lng: -1.1398 } },
  { name: 'Bristol', postcode: 'BS1 4DJ', at: { lat: 51.4545, lng: -2.5879 } },
  { name: 'Plymouth', postcode: 'PL1 2AA', at: { lat: 50.3755, lng: -4.1427 } },
  { name: 'Exeter', postcode: 'EX1 1HB', at: { lat: 50.7184, lng: -3.5339 } },
  { name: 'Southampton', postcode: 'SO14 7DW', at: { lat: 50.9097, lng: -1.4044 } },
  { name: 'Brighton', postcode: 'BN1 1EE', at: { lat: 50.8225, lng: -0.1372 } },
  { name: 'Norwich', postcode: 'NR2 1NH', at: { lat: 52.6309, lng: 1.2974 } },
  { name: 'Cambridge', postcode: 'CB2 3QJ', at: { lat: 52.2053, lng: 0.1218 } },
  { name: 'Oxford', postcode: 'OX1 1DP', at: { lat: 51.752, lng: -1.2577 } },
  { name: 'Ipswich', postcode: 'IP1 1DH', at: { lat: 52.0567, lng: 1.1482 } },
  { name: 'Canterbury', postcode: 'CT1 2HX', at: { lat: 51.2802, lng: 1.0789 } },
  { name: 'Gloucester', postcode: 'GL1 2TG', at: { lat: 51.8642, lng: -2.2382 } },
  { name: 'Hereford', postcode: 'HR4 9HQ', at: { lat: 52.0565, lng: -2.716 } },
  { name: 'Shrewsbury', postcode: 'SY1 1SE', at: { lat: 52.7073, lng: -2.7553 } },
  { name: 'Stoke-on-Trent', postcode: 'ST1 1HP', at: { lat: 53.0027, lng: -2.1794 } },
  { name: 'Lincoln', postcode: 'LN1 1DY', at: { lat: 53.2307, lng: -0.5406 } },
  { name: 'Hull', postcode: 'HU1 2AA', at: { lat: 53.7676, lng: -0.3274 } },
  { name: 'Scarborough', postcode: 'YO11 1HQ', at: { lat: 54.2833, lng: -0.4 } },
  { name: 'Carlisle', postcode: 'CA3 8JE', at: { lat: 54.8925, lng: -2.9329 } },
  { name: 'Lancaster', postcode: 'LA1 1PP', at: { lat: 54.0466, lng: -2.8007 } },
  { name: 'Middlesbrough', postcode: 'TS1 2AZ', at: { lat: 54.5742, lng: -1.235 } },
  { name: 'Peterborough', postcode: 'PE1 1HF', at: { lat: 52.5695, lng: -0.2405 } },
  { name: 'Northampton', postcode: 'NN1 1DE', at: { lat: 52.2405, lng: -0.9027 } },
  { name: 'Bournemouth', postcode: 'BH1 1BB', at: { lat: 50.7192, lng: -1.8808 } },
  { name: 'Truro', postcode: 'TR1 2AE', at: { lat: 50.2632, lng: -5.051 } },
  { name: 'Reading', postcode: 'RG1 1JX', at: { lat: 51.4543, lng: -0.9781 } },
  { name: 'Swindon', postcode: 'SN1 1BD', at: { lat: 51.5558, lng: -1.7797 } },
  { name: 'Taunton', postcode: 'TA1 1HE', at: { lat: 51.0153, lng: -3.1036 } },
  { name: 'Barnstaple', postcode: 'EX31 1BD', at: { lat: 51.0801, lng: -4.0589 } },
  { name: "King's Lynn", postcode: 'PE30 1EX', at: { lat: 52.7517, lng: 0.3958 } },
  { name: 'Berwick-upon-Tweed', postcode: 'TD15 1BN', at: { lat: 55.7704, lng: -2.0053 } },
  { name: 'Skegness', postcode: 'PE25 3NS', at: { lat: 53.1436, lng: 0.3369 } },
  { name: 'Chelmsford', postcode: 'CM1 1HT', at: { lat: 51.7356, lng: 0.4685 } },
];

export const sectorWork: Partial<Record<Sector, { titles: string[]; tasks: string[] }>> = {
  hospitality_catering: {
    titles: ['Kitchen assistant', 'Cafe assistant'],
    tasks: ['food preparation', 'washing up', 'serving food', 'clearing tables', 'making drinks'],
  },
  retail: {
    titles: ['Shop floor assistant', 'Retail assistant'],
    tasks: ['stock rotation', 'price labelling', 'shelf stacking', 'tidying displays', 'helping customers'],
  },
  healthcare_support: {
    titles: ['Ward support assistant', 'Hospital services assistant'],
    tasks: ['restocking supplies', 'making beds', 'delivering meals', 'cleaning trolleys', 'escorting visitors'],
  },
  administration: {
    titles: ['Office assistant', 'Admin assistant'],
    tasks: ['filing', 'data entry', 'scanning documents', 'sorting post', 'photocopying'],
  },
  logistics_warehouse: {
    titles: ['Warehouse operative', 'Stock room assistant'],
    tasks: ['picking orders', 'packing boxes', 'unloading deliveries', 'scanning parcels', 'labelling pallets'],
  },
  horticulture: {
    titles: ['Gardening assistant', 'Grounds assistant'],
    tasks: ['planting', 'weeding', 'watering plants', 'potting seedlings', 'sweeping paths'],
  },
  it_support: {
    titles: ['IT support assistant', 'Digital helper'],
    tasks: [
      'setting up laptops',
      'installing software',
      'testing equipment',
      'resetting passwords',
      'recycling computers',
    ],
  },
  leisure: {
    titles: ['Leisure centre assistant', 'Gym assistant'],
    tasks: ['setting out mats', 'checking lockers', 'greeting members', 'folding towels', 'poolside tidying'],
  },
  facilities: {
    titles: ['Facilities assistant', 'Caretaker assistant'],
    tasks: ['recycling rounds', 'moving furniture', 'checking lights', 'setting up rooms', 'litter picking'],
  },
  libraries: {
    titles: ['Library assistant', 'Library helper'],
    tasks: ['shelving books', 'issuing books', 'processing returns', 'covering books', 'setting up displays'],
  },
};
const evalSectors = Object.keys(sectorWork) as Sector[];
const work = (sector: Sector) => sectorWork[sector]!;

const limitedFactors: EnvironmentFactor[] = ['noise', 'crowds', 'customerContact', 'lifting', 'pace'];
const adjustmentPool: AdjustmentCategory[] = [
  'instructions',
  'colleague_support',
  'hours_and_breaks',
  'communication',
  'equipment',
  'environment',
];
const decoyKinds: DecoyKind[] = [
  'too_far',
  'unavailable_day',
  'too_early',
  'too_many_hours',
  'too_loud',
  'missing_adjustment',
  'steps',
  'paused',
  'unverified_employer',
  'no_place_free',
];

export const pick = <T>(items: readonly T[], n: number): T =>
  items[((n % items.length) + items.length) % items.length]!;
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const level = (rank: number): Level => levels[Math.max(0, Math.min(3, rank))]!;

/** A point `km` from `from` in the direction `bearingDegrees` (flat-earth is plenty at this scale). */
function offset(from: Coordinates, km: number, bearingDegrees: number): Coordinates {
  const bearing = (bearingDegrees * Math.PI) / 180;
  const lat = from.lat + (km / 111.2) * Math.cos(bearing);
  const lng = from.lng + (km / (111.2 * Math.cos((from.lat * Math.PI) / 180))) * Math.sin(bearing);
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

export function personFor(i: number): EvalPerson {
  const town = towns[i]!;
  const first = pick(evalSectors, i);
  const second = i % 2 === 0 ? pick(evalSectors, i * 3 + 1) : undefined;
  const interests = second && second !== first ? [first, second] : [first];
  const days: Weekday[] = i % 3 === 0 ? ['mon', 'tue', 'wed', 'thu', 'fri'] : ['mon', 'tue', 'wed', 'thu'];
  const maxEnvironment: Partial<Record<EnvironmentFactor, Level>> = {
    [pick(limitedFactors, i)]: level(1 + (i % 2)),
    [pick(limitedFactors, i + 2)]: level(2),
  };
  const required = i % 4 === 3 ? [] : [pick(adjustmentPool, i), ...(i % 5 === 0 ? [pick(adjustmentPool, i + 3)] : [])];
  const preferred = [pick(adjustmentPool, i + 1), pick(adjustmentPool, i + 2)].filter((a) => !required.includes(a));
  const offSector = pick(
    evalSectors.filter((s) => !interests.includes(s)),
    i + 5,
  );
  return {
    town,
    profile: {
      preferredName: `Eval person ${i + 1}`,
      dateOfBirth: '2007-05-01',
      plannedStartDate: '2026-09-07',
      ehcPlan: 'ehc_plan',
      localAuthority: town.name,
      homePostcode: town.postcode,
      coordinates: town.at,
      locationSource: 'given',
      travel: {
        independence: 'independent',
        modes: ['bus', 'walk'],
        maxJourneyMinutes: 45,
        maxDistanceKm: 8 + (i % 8),
      },
      availability: {
        days,
        earliestStart: i % 2 === 0 ? '09:00' : '09:30',
        latestFinish: i % 3 === 1 ? '15:00' : '16:00',
        maxHoursPerWeek: 16 + (i % 4) * 4,
      },
      interests,
      strengths: [pick(['punctual', 'friendly', 'careful', 'good with numbers'], i)],
      skills: [],
      tasksLiked: [
        pick(work(first).tasks, i),
        pick(work(first).tasks, i + 2),
        ...(interests[1] ? [pick(work(interests[1]).tasks, i)] : []),
      ],
      tasksDisliked: [pick(work(offSector).tasks, i + 1)],
      conditionsForSuccess: {
        maxEnvironment,
        stepFreeAccess: i % 4 === 1,
        requiredAdjustments: required,
        preferredAdjustments: preferred,
        notes: 'Never indexed.',
      },
      communication: ['plain_english'],
      status: 'active',
    },
  };
}

/** A placement that keeps every one of the person's hard limits. `j` varies it. */
export function fittingPlacement(
  person: EvalPerson,
  sector: Sector,
  j: number,
  /** `title` for a case that names its own (any sector); otherwise one of the sector's usual titles. */
  options: { tasks: string[]; km: number; calm?: boolean; title?: string },
): EvalPlacement['placement'] {
  const profile = person.profile;
  const { availability } = profile;
  const start = minutesOfDay(availability.earliestStart) + (j % 2) * 30;
  const end = minutesOfDay(availability.latestFinish) - ((j + 1) % 2) * 30;
  const days = availability.days.slice(0, 4);
  const environment = Object.fromEntries(
    (
      [
        'noise',
        'lighting',
        'crowds',
        'customerContact',
        'standing',
        'walking',
        'lifting',
        'outdoorWork',
        'pace',
      ] as const
    ).map((factor) => {
      const limit = profile.conditionsForSuccess.maxEnvironment[factor];
      if (options.calm) return [factor, 'none'];
      // Some placements sit exactly at a limit (support needed), the rest one level below.
      return [
        factor,
        limit === undefined ? level((j + factor.length) % 4) : level(levels.indexOf(limit) - ((j + factor.length) % 2)),
      ];
    }),
  ) as EvalPlacement['placement']['environment'];
  const offered = new Set<AdjustmentCategory>([
    ...profile.conditionsForSuccess.requiredAdjustments,
    pick(adjustmentPool, j),
  ]);
  if (j % 2 === 0 || options.calm)
    for (const adjustment of profile.conditionsForSuccess.preferredAdjustments) offered.add(adjustment);
  return {
    title: options.title ?? pick(work(sector).titles, j),
    description: `A supported internship in ${person.town.name}.`,
    tasks: options.tasks,
    sector,
    site: {
      address: { line1: `${j + 1} High Street`, town: person.town.name, postcode: person.town.postcode },
      coordinates: offset(person.town.at, options.km, j * 67),
      busRoutes: ['1'],
      parking: false,
      stepFreeAccess: profile.conditionsForSuccess.stepFreeAccess || j % 2 === 0,
    },
    schedule: {
      days,
      startTime: clock(start),
      endTime: clock(end),
      hoursPerWeek: Math.max(8, availability.maxHoursPerWeek - (j % 3) * 2),
    },
    startDate: '2026-09-14',
    durationWeeks: 36,
    rotations: [],
    places: 1 + (j % 3),
    placesFilled: 0,
    environment,
    adjustmentsOffered: [...offered],
    status: 'open',
  };
}

/** Which decoys a person gets: three kinds that apply to them, a different mix for each person. */
export function decoysFor(person: EvalPerson, i: number): DecoyKind[] {
  const conditions = person.profile.conditionsForSuccess;
  const applicable = decoyKinds.filter(
    (kind) =>
      (kind !== 'missing_adjustment' || conditions.requiredAdjustments.length > 0) &&
      (kind !== 'steps' || conditions.stepFreeAccess),
  );
  return [0, 1, 2].map((k) => pick(applicable, i * 3 + k));
}

export function breakLimit(
  base: EvalPlacement['placement'],
  kind: DecoyKind,
  person: EvalPerson,
): { placement: EvalPlacement['placement']; verifiedEmployer: boolean } {
  const placement = structuredClone(base);
  const profile = person.profile;
  let verifiedEmployer = true;
  switch (kind) {
    case 'too_far':
      placement.site.coordinates = offset(person.town.at, profile.travel.maxDistanceKm + 3, 200);
      break;
    case 'unavailable_day':
      placement.schedule.days = [
        ...placement.schedule.days.slice(0, 3),
        profile.availability.days.includes('fri') ? 'sat' : 'fri',
      ];
      break;
    case 'too_early':
      placement.schedule.startTime = clock(minutesOfDay(profile.availability.earliestStart) - 30);
      break;
    case 'too_many_hours':
      placement.schedule.hoursPerWeek = profile.availability.maxHoursPerWeek + 4;
      break;
    case 'too_loud': {
      const [factor, limit] = Object.entries(profile.conditionsForSuccess.maxEnvironment)[0]! as [
        EnvironmentFactor,
        Level,
      ];
      placement.environment[factor] = level(levels.indexOf(limit) + 1);
      break;
    }
    case 'missing_adjustment':
      placement.adjustmentsOffered = placement.adjustmentsOffered.filter(
        (a) => a !== profile.conditionsForSuccess.requiredAdjustments[0],
      );
      break;
    case 'steps':
      placement.site.stepFreeAccess = false;
      break;
    case 'paused':
      placement.status = 'paused';
      break;
    case 'unverified_employer':
      verifiedEmployer = false;
      break;
    case 'no_place_free':
      placement.placesFilled = placement.places;
      break;
  }
  return { placement, verifiedEmployer };
}

export const evalPeopleCount = 32;

export function buildEvalSet(): EvalSet {
  const people = Array.from({ length: evalPeopleCount }, (_, i) => personFor(i));
  const placements: EvalPlacement[] = [];
  people.forEach((person, i) => {
    const { interests, tasksLiked, travel } = person.profile;
    for (let j = 0; j < 5; j++) {
      const sector = pick(interests, j);
      const liked = tasksLiked.filter((task) => work(sector).tasks.includes(task));
      const tasks = [
        pick(liked, j),
        pick(
          work(sector).tasks.filter((t) => !tasksLiked.includes(t)),
          j + i,
        ),
      ];
      const km = travel.maxDistanceKm * (0.2 + 0.1 * j);
      placements.push({
        person: i,
        role: 'shortlist',
        gain: 1,
        verifiedEmployer: true,
        placement: fittingPlacement(person, sector, j, { tasks, km }),
      });
    }
    decoysFor(person, i).forEach((kind, k) => {
      const sector = interests[0]!;
      const liked = tasksLiked.filter((task) => work(sector).tasks.includes(task));
      const base = fittingPlacement(person, sector, k, { tasks: liked, km: travel.maxDistanceKm * 0.3 });
      placements.push({ person: i, role: 'decoy', gain: 0, decoy: kind, ...breakLimit(base, kind, person) });
    });
    const offSectors = evalSectors.filter((sector) => !interests.includes(sector));
    for (let j = 0; j < 2; j++) {
      const sector = pick(offSectors, i + j * 4);
      const tasks = work(sector).tasks.slice(j, j + 3);
      placements.push({
        person: i,
        role: 'other',
        gain: 0,
        verifiedEmployer: true,
        placement: fittingPlacement(person, sector, j, { tasks, km: travel.maxDistanceKm * 0.1, calm: true }),
      });
    }
  });
  checkTownsApart(people, placements);
  return { people, placements };
}

/** The labels hold only if no placement is within reach of anyone but its own person. */
export function checkTownsApart(people: EvalPerson[], placements: EvalPlacement[]): void {
  for (const item of placements) {
    people.forEach((person, i) => {
      if (
        i !== item.person &&
        distanceKm(person.town.at, item.placement.site.coordinates) <= person.profile.travel.maxDistanceKm
      ) {
        throw new Error(
          `eval set: a placement of ${people[item.person]!.town.name} is within reach of ${person.town.name}`,
        );
      }
    });
  }
}
