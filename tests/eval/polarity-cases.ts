import type { Sector } from '../../src/domain/vocabulary.js';
import { type Alternative, caseSetBuilder, causePerson } from './cause-cases.js';
import type { EvalPerson, EvalSet } from './eval-set.js';

/**
 * Cases for issue 28: what a young person does not want, and what they tried. In each, the first
 * picks (gain 2) are what a job coach would put first; the others (gain 1) sit a few hundred metres
 * nearer and hold what the young person ruled out, disliked, or tried and disliked, or lack the
 * work they tried and loved or named by a job title; so only reading their words right puts the first
 * picks on top.
 *
 * - ruled_out: the free sentence rules something out ("a bowling alley, but not the bar").
 * - disliked_concepts: a disliked task, said in other words than the placement's ("sweeping up").
 * - tried_before: work they tried, and how it went ("it was too hot for me").
 * - titles_and_places: a job title for a workplace ("hairdresser" for a salon), and rotations.
 *
 * `polarityTuningCases` are the cases the phrase grammar and weights were tuned on;
 * `polarity-held-out.ts` holds cases written by someone who had not read the scorer, tuned on since
 * they were first measured; `polarity-held-out-2.ts`, when there, is the blind held-out set.
 */

export type PolarityCause = 'ruled_out' | 'disliked_concepts' | 'tried_before' | 'titles_and_places';

export interface PolarityCase {
  cause: PolarityCause;
  sector: Sector;
  /** What the young person said: the free sentence, liked and disliked tasks. */
  said: { jobsWanted?: string; tasksLiked?: string[]; tasksDisliked?: string[] };
  firstPick: Alternative;
  other: Alternative;
}

/**
 * What a ruled-out placement is worth to a job coach: no more than one in a sector the young person did not
 * choose (gain 0), since they would put it last among the placements that keep every limit.
 */
const otherGain = (cause: PolarityCause) => (cause === 'ruled_out' ? 0 : 1);

export const polarityTuningCases: PolarityCase[] = [
  {
    cause: 'ruled_out',
    sector: 'leisure',
    said: { jobsWanted: 'a bowling alley, but not the bar' },
    firstPick: { title: 'Bowling alley assistant', tasks: ['cleaning lanes', 'handing out shoes'] },
    other: { title: 'Bowling alley assistant', tasks: ['serving drinks', 'cleaning lanes'] },
  },
  {
    cause: 'ruled_out',
    sector: 'hospitality_catering',
    said: { jobsWanted: 'kitchen work, but not washing up' },
    firstPick: { title: 'Kitchen assistant', tasks: ['food preparation', 'making sandwiches'] },
    other: { title: 'Kitchen assistant', tasks: ['washing up', 'food preparation'] },
  },
  {
    cause: 'ruled_out',
    sector: 'retail',
    said: { jobsWanted: 'shop work, just not the till' },
    firstPick: { title: 'Shop floor assistant', tasks: ['stacking shelves', 'tidying displays'] },
    other: { title: 'Shop assistant', tasks: ['working on the checkout', 'tidying displays'] },
  },
  {
    cause: 'ruled_out',
    sector: 'horticulture',
    said: { jobsWanted: 'gardening, but no mowing' },
    firstPick: { title: 'Gardening assistant', tasks: ['weeding', 'watering plants'] },
    other: { title: 'Gardening assistant', tasks: ['mowing lawns', 'weeding'] },
  },
  {
    cause: 'ruled_out',
    sector: 'administration',
    said: { jobsWanted: 'office work, anything but answering phones' },
    firstPick: { title: 'Office assistant', tasks: ['filing', 'scanning documents'] },
    other: { title: 'Office assistant', tasks: ['answering phones', 'filing'] },
  },
  {
    cause: 'ruled_out',
    sector: 'facilities',
    said: { jobsWanted: 'cleaning is fine, except toilets' },
    firstPick: { title: 'Cleaning assistant', tasks: ['cleaning offices', 'emptying bins'] },
    other: { title: 'Cleaning assistant', tasks: ['cleaning toilets', 'mopping floors'] },
  },
  {
    cause: 'ruled_out',
    sector: 'leisure',
    said: { jobsWanted: 'a gym, as long as I’m not on reception' },
    firstPick: { title: 'Gym assistant', tasks: ['wiping machines', 'setting out mats'] },
    other: { title: 'Gym assistant', tasks: ['working on reception', 'wiping machines'] },
  },
  {
    cause: 'ruled_out',
    sector: 'logistics_warehouse',
    said: { jobsWanted: 'warehouse work but never driving a forklift' },
    firstPick: { title: 'Warehouse operative', tasks: ['packing boxes', 'labelling pallets'] },
    other: { title: 'Warehouse operative', tasks: ['driving a forklift', 'packing boxes'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'facilities',
    said: { tasksDisliked: ['sweeping up'] },
    firstPick: { title: 'Facilities assistant', tasks: ['recycling rounds', 'setting up rooms'] },
    other: { title: 'Facilities assistant', tasks: ['keep the floor tidy', 'setting up rooms'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'retail',
    said: { tasksDisliked: ['lifting heavy things'] },
    firstPick: { title: 'Retail assistant', tasks: ['price labelling', 'tidying displays'] },
    other: { title: 'Retail assistant', tasks: ['unloading deliveries', 'tidying displays'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'hospitality_catering',
    said: { tasksDisliked: ['washing dishes'] },
    firstPick: { title: 'Cafe assistant', tasks: ['making drinks', 'clearing tables'] },
    other: { title: 'Cafe assistant', tasks: ['pot wash', 'clearing tables'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'administration',
    said: { tasksDisliked: ['talking on the phone'] },
    firstPick: { title: 'Admin assistant', tasks: ['photocopying', 'filing'] },
    other: { title: 'Admin assistant', tasks: ['answering phones', 'filing'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'retail',
    said: { tasksDisliked: ['counting money'] },
    firstPick: { title: 'Stock room assistant', tasks: ['counting stock', 'unpacking boxes'] },
    other: { title: 'Shop assistant', tasks: ['cash handling', 'unpacking boxes'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'horticulture',
    said: { tasksDisliked: ['working outside in the cold'] },
    firstPick: { title: 'Plant nursery assistant', tasks: ['potting seedlings in the greenhouse', 'labelling trays'] },
    other: { title: 'Grounds assistant', tasks: ['outdoor work in all weathers', 'labelling trays'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'leisure',
    said: { tasksDisliked: ['serving customers'] },
    firstPick: { title: 'Leisure centre assistant', tasks: ['setting out mats', 'checking lockers'] },
    other: { title: 'Leisure centre assistant', tasks: ['customer service at the desk', 'checking lockers'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'facilities',
    said: { tasksDisliked: ['cleaning toilets'] },
    firstPick: { title: 'Caretaker assistant', tasks: ['moving furniture', 'checking lights'] },
    other: { title: 'Caretaker assistant', tasks: ['toilet cleaning', 'checking lights'] },
  },
  {
    cause: 'tried_before',
    sector: 'retail',
    said: { jobsWanted: 'I helped at my uncle’s barber shop and loved it' },
    firstPick: { title: 'Salon assistant', tasks: ['greeting clients', 'making drinks'] },
    other: { title: 'Shop floor assistant', tasks: ['tidying displays', 'stacking shelves'] },
  },
  {
    cause: 'tried_before',
    sector: 'hospitality_catering',
    said: { jobsWanted: 'I did work experience at a laundrette and it was too hot for me' },
    firstPick: { title: 'Hotel porter', tasks: ['carrying luggage', 'greeting guests'] },
    other: { title: 'Laundry assistant', tasks: ['folding towels', 'ironing'] },
  },
  {
    cause: 'tried_before',
    sector: 'retail',
    said: { jobsWanted: 'I volunteered at a charity shop and loved it' },
    firstPick: { title: 'Charity shop assistant', tasks: ['sorting donations', 'pricing items'] },
    other: { title: 'Supermarket assistant', tasks: ['stacking shelves', 'bagging shopping'] },
  },
  {
    cause: 'tried_before',
    sector: 'hospitality_catering',
    said: { jobsWanted: 'I worked in a cafe kitchen and hated it' },
    firstPick: { title: 'Hotel reception helper', tasks: ['greeting guests', 'answering phones'] },
    other: { title: 'Cafe kitchen assistant', tasks: ['washing up', 'making sandwiches'] },
  },
  {
    cause: 'tried_before',
    sector: 'horticulture',
    said: { jobsWanted: 'I tried a garden centre and it was great' },
    firstPick: { title: 'Garden centre assistant', tasks: ['watering plants', 'serving customers'] },
    other: { title: 'Grounds assistant', tasks: ['sweeping paths', 'weeding'] },
  },
  {
    cause: 'tried_before',
    sector: 'administration',
    said: { jobsWanted: 'I had a placement at a nursery and it was too noisy' },
    firstPick: { title: 'School office helper', tasks: ['filing', 'photocopying'] },
    other: { title: 'Nursery assistant', tasks: ['playing with children', 'tidying toys'] },
  },
  {
    cause: 'tried_before',
    sector: 'libraries',
    said: { jobsWanted: 'I used to help in a library and I enjoyed it' },
    firstPick: { title: 'Library assistant', tasks: ['shelving books', 'issuing books'] },
    other: { title: 'Community hub helper', tasks: ['setting up rooms', 'greeting visitors'] },
  },
  {
    cause: 'tried_before',
    sector: 'logistics_warehouse',
    said: { jobsWanted: 'I did some work experience in a warehouse and it was too cold' },
    firstPick: { title: 'Post room assistant', tasks: ['sorting parcels', 'franking mail'] },
    other: { title: 'Warehouse operative', tasks: ['picking orders', 'packing boxes'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'retail',
    said: { jobsWanted: 'I want to be a hairdresser' },
    firstPick: { title: 'Salon assistant', tasks: ['greeting clients', 'making drinks'] },
    other: { title: 'Shop floor assistant', tasks: ['tidying displays', 'stacking shelves'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'retail',
    said: { jobsWanted: 'tailor' },
    firstPick: { title: 'Alterations shop helper', tasks: ['pressing clothes', 'pinning hems'] },
    other: { title: 'Clothes shop assistant', tasks: ['folding clothes', 'tidying rails'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'hospitality_catering',
    said: { jobsWanted: 'I want to be a chef' },
    firstPick: { title: 'Kitchen assistant', tasks: ['food preparation', 'making sandwiches'] },
    other: { title: 'Cafe counter assistant', tasks: ['taking orders', 'clearing tables'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'libraries',
    said: { jobsWanted: 'librarian' },
    firstPick: { title: 'Library assistant', tasks: ['issuing loans', 'processing returns'] },
    other: { title: 'Community hub helper', tasks: ['setting up rooms', 'greeting visitors'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'leisure',
    said: { jobsWanted: 'a vet nurse' },
    firstPick: { title: 'Veterinary practice assistant', tasks: ['cleaning kennels', 'feeding animals'] },
    other: { title: 'Farm shop assistant', tasks: ['stacking shelves', 'serving customers'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'healthcare_support',
    said: { jobsWanted: 'catering' },
    firstPick: {
      title: 'Hospital intern',
      tasks: ['following a daily routine', 'working with a team'],
      departments: ['Housekeeping', 'Catering', 'Portering'],
    },
    other: { title: 'Hospital intern', tasks: ['following a daily routine', 'working with a team'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'healthcare_support',
    said: { jobsWanted: 'being a porter' },
    firstPick: {
      title: 'Hospital intern',
      tasks: ['following a daily routine', 'working with a team'],
      departments: ['Portering', 'Laundry', 'Stores'],
    },
    other: { title: 'Ward support assistant', tasks: ['restocking supplies', 'delivering meals'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'administration',
    said: { jobsWanted: 'receptionist' },
    firstPick: { title: 'Front desk assistant', tasks: ['greeting visitors', 'signing in guests'] },
    other: { title: 'Back office helper', tasks: ['filing', 'photocopying'] },
  },
];

/** The cases as an evaluation set: each young person named what they said, in the case's sector only. */
export function buildPolaritySet(cases: PolarityCase[]): EvalSet {
  const { people, addCase, build } = caseSetBuilder();
  for (const polarityCase of cases) {
    const person: EvalPerson = causePerson(people.length, polarityCase.cause, {
      interests: [polarityCase.sector],
      ...polarityCase.said,
    });
    addCase(
      person,
      { sector: polarityCase.sector, alternative: polarityCase.firstPick },
      { sector: polarityCase.sector, alternative: polarityCase.other },
      otherGain(polarityCase.cause),
    );
  }
  return build();
}
