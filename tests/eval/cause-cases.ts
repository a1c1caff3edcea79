import type { Sector } from '../../src/domain/vocabulary.js';
import {
  breakLimit,
  checkTownsApart,
  decoysFor,
  type EvalCause,
  type EvalPerson,
  type EvalPlacement,
  type EvalSet,
  fittingPlacement,
  personFor,
  pick,
  sectorWork,
} from './eval-set.js';

/**
 * Evaluation cases written for the three ranking problems of issue 16, kept apart from the
 * tuning set (eval-set.ts) that the weights were chosen on. In each case the young person's
 * first picks (gain 2) compete with placements they would accept but not choose first (gain 1),
 * which sit a few hundred metres nearer, so only the cause under test can put the first picks on
 * top; two placements in a sector they did not choose (gain 0) sit nearer still, and one decoy
 * breaks a hard limit. Every placement is calm and offers every preferred adjustment, so
 * environment and adjustments never decide the order.
 *
 * - first_choice: first picks in the first sector named, the others in the second.
 * - word_forms: the young person names a task in another word form or with another job word
 *   than the employer ("cooking" for "cook meals", "till" for "checkout").
 * - free_words: the young person says in a sentence which jobs they would like to do.
 */

export interface Alternative {
  title: string;
  tasks: string[];
  /** Rotation departments, for a host that rotates its interns. */
  departments?: string[];
}

interface WordFormCase {
  sector: Sector;
  said: string;
  firstPick: Alternative;
  other: Alternative;
}

const wordFormCases: WordFormCase[] = [
  {
    sector: 'hospitality_catering',
    said: 'cooking',
    firstPick: { title: 'Staff canteen assistant', tasks: ['cook meals for staff', 'wiping counters'] },
    other: { title: 'Restaurant assistant', tasks: ['setting tables', 'polishing cutlery'] },
  },
  {
    sector: 'retail',
    said: 'stacking',
    firstPick: { title: 'Shop floor assistant', tasks: ['stack shelves', 'price labelling'] },
    other: { title: 'Retail assistant', tasks: ['greeting shoppers', 'tidying displays'] },
  },
  {
    sector: 'facilities',
    said: 'cleaning',
    firstPick: { title: 'Facilities assistant', tasks: ['clean the meeting rooms', 'recycling rounds'] },
    other: { title: 'Caretaker assistant', tasks: ['moving furniture', 'checking lights'] },
  },
  {
    sector: 'horticulture',
    said: 'gardening',
    firstPick: { title: 'Grounds assistant', tasks: ['garden maintenance', 'sweeping paths'] },
    other: { title: 'Plant nursery assistant', tasks: ['potting seedlings', 'labelling trays'] },
  },
  {
    sector: 'retail',
    said: 'till',
    firstPick: { title: 'Supermarket assistant', tasks: ['working on the checkout', 'bagging shopping'] },
    other: { title: 'Stock room assistant', tasks: ['unpacking deliveries', 'counting stock'] },
  },
  {
    sector: 'healthcare_support',
    said: 'portering',
    firstPick: { title: 'Hospital assistant', tasks: ['moving patients between wards', 'delivering meals'] },
    other: { title: 'Ward support assistant', tasks: ['restocking supplies', 'escorting visitors'] },
  },
  {
    sector: 'hospitality_catering',
    said: 'housekeeping',
    firstPick: { title: 'Hotel assistant', tasks: ['cleaning rooms', 'folding linen'] },
    other: { title: 'Hotel porter', tasks: ['carrying luggage', 'greeting guests'] },
  },
  {
    sector: 'administration',
    said: 'typing',
    firstPick: { title: 'Office assistant', tasks: ['data entry', 'sorting post'] },
    other: { title: 'Admin assistant', tasks: ['photocopying', 'answering phones'] },
  },
];

interface FreeWordsCase {
  sector: Sector;
  sentence: string;
  firstPick: Alternative;
  other: Alternative;
}

const freeWordsCases: FreeWordsCase[] = [
  {
    sector: 'hospitality_catering',
    sentence: 'I’d like to help in a kitchen and make food for people',
    firstPick: { title: 'Kitchen assistant', tasks: ['food preparation', 'washing up'] },
    other: { title: 'Front of house assistant', tasks: ['greeting guests', 'setting tables'] },
  },
  {
    sector: 'leisure',
    sentence: 'I want to work at a swimming pool',
    firstPick: { title: 'Swimming pool assistant', tasks: ['checking the pool area', 'folding towels'] },
    other: { title: 'Leisure centre helper', tasks: ['greeting members', 'booking classes'] },
  },
  {
    sector: 'horticulture',
    sentence: 'I would love to look after plants and work outside',
    firstPick: { title: 'Gardening assistant', tasks: ['watering plants', 'working outside in all weathers'] },
    other: { title: 'Garden centre shop assistant', tasks: ['serving customers', 'tidying displays'] },
  },
  {
    sector: 'it_support',
    sentence: 'I like computers and fixing things',
    firstPick: { title: 'IT support assistant', tasks: ['setting up laptops', 'fixing computers'] },
    other: { title: 'Digital helper', tasks: ['answering emails', 'scanning documents'] },
  },
  {
    sector: 'libraries',
    sentence: 'Working in a library with books would be good',
    firstPick: { title: 'Library assistant', tasks: ['shelving books', 'issuing books'] },
    other: { title: 'Community hub helper', tasks: ['setting up rooms', 'greeting visitors'] },
  },
  {
    sector: 'logistics_warehouse',
    sentence: 'Something in a warehouse, packing boxes',
    firstPick: { title: 'Warehouse operative', tasks: ['packing boxes', 'picking orders'] },
    other: { title: 'Transport office helper', tasks: ['answering phones', 'filing delivery notes'] },
  },
  {
    sector: 'administration',
    sentence: 'I want an office job on a computer, typing',
    firstPick: { title: 'Office assistant', tasks: ['typing letters on a computer', 'filing'] },
    other: { title: 'Post room assistant', tasks: ['franking mail', 'sorting parcels'] },
  },
  {
    sector: 'facilities',
    sentence: 'I like cleaning and keeping things tidy',
    firstPick: { title: 'Cleaning assistant', tasks: ['cleaning offices', 'tidying kitchens'] },
    other: { title: 'Caretaker helper', tasks: ['moving furniture', 'checking lights'] },
  },
];

const evalSectors = Object.keys(sectorWork) as Sector[];
const firstChoicePairs: [Sector, Sector][] = evalSectors.map((sector, i) => [sector, pick(evalSectors, i + 3)]);

export const causePeoplePerCause = 8;

/** A profile built like the tuning set's, with the interests, liked tasks and words of the case. */
export function causePerson(i: number, cause: EvalCause, profile: Partial<EvalPerson['profile']>): EvalPerson {
  const base = personFor(i);
  return {
    ...base,
    cause,
    profile: { ...base.profile, strengths: [], skills: [], tasksLiked: [], tasksDisliked: [], ...profile },
  };
}

/**
 * A set being built from cases: each case is one young person, three first picks (gain 2), three
 * placements they would accept but not choose first a few hundred metres nearer (gain 1), two in a
 * sector they did not choose nearer still (gain 0) and one decoy that breaks a hard limit.
 */
export function caseSetBuilder() {
  const people: EvalPerson[] = [];
  const placements: EvalPlacement[] = [];

  const addCase = (
    person: EvalPerson,
    firstPicks: { sector: Sector; alternative: Alternative },
    others: { sector: Sector; alternative: Alternative },
    othersGain = 1,
  ) => {
    const i = people.length;
    people.push(person);
    const reach = person.profile.travel.maxDistanceKm;
    const place = (sector: Sector, alternative: Alternative, j: number, km: number) => {
      const placement = fittingPlacement(person, sector, j, {
        tasks: alternative.tasks,
        km,
        calm: true,
        title: alternative.title,
      });
      const rotations = (alternative.departments ?? []).map((department) => ({ department, tasks: [], weeks: 10 }));
      return { ...placement, ...(rotations.length > 0 ? { rotations } : {}) };
    };
    for (let j = 0; j < 3; j++) {
      const km = reach * (0.45 + 0.1 * j);
      placements.push({
        person: i,
        role: 'shortlist',
        gain: 2,
        verifiedEmployer: true,
        placement: place(firstPicks.sector, firstPicks.alternative, j, km),
      });
      // A few hundred metres nearer, in the same direction.
      placements.push({
        person: i,
        role: 'shortlist',
        gain: othersGain,
        verifiedEmployer: true,
        placement: place(others.sector, others.alternative, j, km - 0.4),
      });
    }
    const offSectors = evalSectors.filter(
      (sector) =>
        !person.profile.interests.includes(sector) && sector !== firstPicks.sector && sector !== others.sector,
    );
    for (let j = 0; j < 2; j++) {
      const sector = pick(offSectors, i + j);
      const work = sectorWork[sector]!;
      placements.push({
        person: i,
        role: 'other',
        gain: 0,
        verifiedEmployer: true,
        placement: place(
          sector,
          { title: work.titles[0]!, tasks: work.tasks.slice(3, 5) },
          j + 3,
          reach * (0.15 + 0.05 * j),
        ),
      });
    }
    const decoyKind = decoysFor(person, i)[0]!;
    const base = place(firstPicks.sector, firstPicks.alternative, 0, reach * 0.3);
    placements.push({ person: i, role: 'decoy', gain: 0, decoy: decoyKind, ...breakLimit(base, decoyKind, person) });
  };

  const build = (): EvalSet => {
    checkTownsApart(people, placements);
    return { people, placements };
  };
  return { people, addCase, build };
}

export function buildCauseSet(): EvalSet {
  const { people, addCase, build } = caseSetBuilder();

  firstChoicePairs.slice(0, causePeoplePerCause).forEach(([first, second], k) => {
    const likedFirst = pick(sectorWork[first]!.tasks, k);
    const likedSecond = pick(sectorWork[second]!.tasks, k + 1);
    const person = causePerson(people.length, 'first_choice', {
      interests: [first, second],
      tasksLiked: [likedFirst, likedSecond],
    });
    addCase(
      person,
      {
        sector: first,
        alternative: {
          title: sectorWork[first]!.titles[0]!,
          tasks: [likedFirst, pick(sectorWork[first]!.tasks, k + 3)],
        },
      },
      {
        sector: second,
        alternative: {
          title: sectorWork[second]!.titles[0]!,
          tasks: [likedSecond, pick(sectorWork[second]!.tasks, k + 3)],
        },
      },
    );
  });

  for (const wordCase of wordFormCases.slice(0, causePeoplePerCause)) {
    const person = causePerson(people.length, 'word_forms', {
      interests: [wordCase.sector],
      tasksLiked: [wordCase.said],
    });
    addCase(
      person,
      { sector: wordCase.sector, alternative: wordCase.firstPick },
      { sector: wordCase.sector, alternative: wordCase.other },
    );
  }

  for (const freeCase of freeWordsCases.slice(0, causePeoplePerCause)) {
    const person = causePerson(people.length, 'free_words', {
      interests: [freeCase.sector],
      jobsWanted: freeCase.sentence,
    });
    addCase(
      person,
      { sector: freeCase.sector, alternative: freeCase.firstPick },
      { sector: freeCase.sector, alternative: freeCase.other },
    );
  }

  return build();
}
