import { describe, expect, it } from 'vitest';
import { jobsWantedMessage } from '../../src/domain/words.js';
import type { PersonFacts } from '../../src/matching/facts.js';
import { hardLimitViolations, keepsHardLimits } from '../../src/matching/hard-limits.js';
import {
  compilePhrases,
  compileWish,
  phraseMatch,
  placementWords,
  stemsOf,
  wishMatches,
} from '../../src/matching/job-words.js';
import { rankPlacementPool } from '../../src/matching/matching.service.js';
import type { PoolHit } from '../../src/matching/placement-pool.js';
import { fitScorer, fitWeights, scoreFit } from '../../src/matching/scoring.js';
import { personFactsOf, placementFacts, youngPersonRecord } from '../helpers/matching-records.js';

const baseConditions = youngPersonRecord().conditionsForSuccess;
const partsTotal = Object.entries(fitWeights)
  .filter(
    ([part]) => !['dislikedTaskPenalty', 'ruledOutPenalty', 'triedAndLiked', 'triedAndDislikedPenalty'].includes(part),
  )
  .reduce((sum, [, weight]) => sum + weight, 0);

describe('fit weights', () => {
  it('add up to 100', () => {
    expect(partsTotal).toBe(100);
  });
});

describe('hard limits', () => {
  const person = personFactsOf();

  it('pass a placement that keeps every limit', () => {
    expect(hardLimitViolations(person, placementFacts())).toEqual([]);
  });

  it('catch each broken limit by name', () => {
    const far = placementFacts();
    far._geo = { lat: 53.96, lng: -1.08 };
    expect(hardLimitViolations(person, far)).toEqual(['travel_distance']);
    expect(hardLimitViolations(person, placementFacts({ status: 'paused' }))).toEqual(['placement_open']);
    expect(hardLimitViolations(person, placementFacts({}, { verified: false }))).toEqual(['placement_open']);
    expect(hardLimitViolations(person, placementFacts({ placesFilled: 2 }))).toEqual(['placement_open']);
    const friday = placementFacts();
    friday.days = ['mon', 'fri'];
    expect(hardLimitViolations(person, friday)).toEqual(['days']);
    const early = placementFacts();
    early.dayStartMinutes = 8 * 60;
    expect(hardLimitViolations(person, early)).toEqual(['daily_hours']);
    const long = placementFacts();
    long.hoursPerWeek = 30;
    expect(hardLimitViolations(person, long)).toEqual(['hours_per_week']);
    const loud = placementFacts();
    loud.environment = { ...loud.environment, noise: 3 };
    expect(hardLimitViolations(person, loud)).toEqual(['environment']);
    const noInstructions = placementFacts({ adjustmentsOffered: ['colleague_support'] });
    expect(hardLimitViolations(person, noInstructions)).toEqual(['required_adjustments']);
    const steps = placementFacts();
    steps.stepFreeAccess = false;
    expect(
      hardLimitViolations(personFactsOf({ conditionsForSuccess: { ...baseConditions, stepFreeAccess: true } }), steps),
    ).toEqual(['step_free_access']);
  });
});

describe('fit score and reasons', () => {
  it('explains a good match: interests, adjustments, environment and distance', () => {
    const { fitScore, reasons } = scoreFit(personFactsOf(), placementFacts());
    expect(fitScore).toBeGreaterThan(70);
    expect(fitScore).toBeLessThanOrEqual(100);
    expect(reasons.interests).toEqual({
      sectors: ['hospitality_catering'],
      firstChoice: true,
      likedTasks: ['food preparation', 'stock rotation'],
      strengths: [],
      skills: [],
      wordMatches: [
        { said: 'food preparation', matchedBy: 'same_words' },
        { said: 'stock rotation', matchedBy: 'same_words' },
      ],
    });
    expect(reasons.adjustments).toEqual({ met: ['instructions', 'colleague_support'], notMet: [] });
    expect(reasons.distanceKm).toBeCloseTo(2.7, 0);
    expect(reasons.hardLimitsChecked).toEqual([
      'placement_open',
      'travel_distance',
      'days',
      'daily_hours',
      'hours_per_week',
      'environment',
      'required_adjustments',
    ]);
  });

  it('says support is needed where the placement is exactly at a limit, and gives half marks for it', () => {
    // Noise is medium and the limit is medium: it can work, with support. Customer contact low, limit low: the same.
    const { reasons } = scoreFit(personFactsOf(), placementFacts());
    expect(reasons.environment.supportNeeded.map((note) => note.factor)).toEqual(['noise', 'customerContact']);
    expect(reasons.environment.supportNeeded[0]).toMatchObject({ level: 'medium', limit: 'medium' });
    expect(reasons.environment.supportNeeded[0]!.message).toMatch(/at the limit/);
    expect(reasons.scoreParts.environment).toBe(fitWeights.environment / 2);

    const quiet = placementFacts();
    quiet.environment = { ...quiet.environment, noise: 1, customerContact: 0 };
    const quietFit = scoreFit(personFactsOf(), quiet);
    expect(quietFit.reasons.environment.pros.map((note) => note.factor)).toEqual(['noise', 'customerContact']);
    expect(quietFit.reasons.scoreParts.environment).toBe(fitWeights.environment);
  });

  it('names demanding factors the young person set no limit for as cons', () => {
    const { reasons } = scoreFit(personFactsOf(), placementFacts());
    expect(reasons.environment.cons).toEqual([expect.objectContaining({ factor: 'standing', level: 'high' })]);
  });

  it('lists preferred adjustments that are not offered, and scores them in proportion', () => {
    const person = personFactsOf({
      conditionsForSuccess: { ...baseConditions, preferredAdjustments: ['colleague_support', 'equipment'] },
    });
    const { reasons } = scoreFit(person, placementFacts());
    expect(reasons.adjustments).toEqual({ met: ['instructions', 'colleague_support'], notMet: ['equipment'] });
    expect(reasons.scoreParts.adjustments).toBe(fitWeights.adjustments / 2);
  });

  it('ranks a placement in a sector of interest with liked tasks above one with neither', () => {
    const person = personFactsOf();
    const kitchen = scoreFit(person, placementFacts());
    const office = scoreFit(
      person,
      placementFacts({
        sector: 'administration',
        title: 'Office assistant',
        tasks: ['filing', 'scanning'],
        rotations: [],
      }),
    );
    expect(office.reasons.interests.sectors).toEqual([]);
    expect(office.reasons.interests.likedTasks).toEqual([]);
    expect(kitchen.fitScore - office.fitScore).toBeGreaterThanOrEqual(fitWeights.sectorInterest + fitWeights.tasks);
  });

  it('prefers nearer placements, all else equal', () => {
    const near = placementFacts();
    const far = placementFacts();
    far._geo = { lat: near._geo.lat + 0.07, lng: near._geo.lng };
    expect(scoreFit(personFactsOf(), near).fitScore).toBeGreaterThan(scoreFit(personFactsOf(), far).fitScore);
  });

  it('takes points off for disliked tasks and says which', () => {
    const phones = placementFacts({ tasks: ['food preparation', 'phone calls'] });
    const { reasons } = scoreFit(personFactsOf(), phones);
    expect(reasons.dislikedTasks).toEqual(['phone calls']);
    expect(reasons.scoreParts.dislikedTaskPenalty).toBe(-fitWeights.dislikedTaskPenalty);
  });

  it('stays between 0 and 100 and is the same every time', () => {
    const person = personFactsOf({
      interests: [],
      tasksLiked: [],
      strengths: [],
      skills: [],
      tasksDisliked: ['washing up', 'stock rotation', 'baking'],
    });
    const first = scoreFit(person, placementFacts());
    expect(first.fitScore).toBeGreaterThanOrEqual(0);
    expect(scoreFit(person, placementFacts())).toEqual(first);
  });
});

describe('first choice of sector', () => {
  const person = personFactsOf({
    interests: ['healthcare_support', 'hospitality_catering'],
    tasksLiked: [],
    strengths: [],
    skills: [],
  });
  const hospital = placementFacts({
    sector: 'healthcare_support',
    title: 'Ward assistant',
    tasks: ['restocking supplies'],
    rotations: [],
  });
  const cafe = placementFacts({
    sector: 'hospitality_catering',
    title: 'Cafe assistant',
    tasks: ['serving drinks'],
    rotations: [],
  });

  it('counts more than another chosen sector, and says so', () => {
    const first = scoreFit(person, hospital);
    const second = scoreFit(person, cafe);
    expect(first.reasons.interests.firstChoice).toBe(true);
    expect(second.reasons.interests).toMatchObject({ sectors: ['hospitality_catering'], firstChoice: false });
    expect(first.reasons.scoreParts.firstChoiceSector).toBe(fitWeights.firstChoiceSector);
    expect(second.reasons.scoreParts.sectorInterest).toBe(fitWeights.sectorInterest);
    expect(first.fitScore - second.fitScore).toBe(fitWeights.firstChoiceSector);
  });

  it('is not outweighed by a second choice a few hundred metres nearer', () => {
    const nearerCafe = { ...cafe, _geo: { lat: hospital._geo.lat + 0.004, lng: hospital._geo.lng + 0.004 } };
    const farHospital = { ...hospital, _geo: { lat: hospital._geo.lat - 0.004, lng: hospital._geo.lng } };
    expect(scoreFit(person, farHospital).fitScore).toBeGreaterThan(scoreFit(person, nearerCafe).fitScore);
  });

  it('keeps a first choice at half the travel limit above a second choice next door', () => {
    const reach = person.maxDistanceKm;
    const halfway = {
      ...hospital,
      _geo: { lat: person.coordinates.lat + reach / 2 / 111.2, lng: person.coordinates.lng },
    };
    const nextDoor = { ...cafe, _geo: person.coordinates };
    expect(scoreFit(person, halfway).fitScore).toBeGreaterThan(scoreFit(person, nextDoor).fitScore);
  });
});

describe('task words', () => {
  const matchOf = (said: string, tasks: string[]) => phraseMatch(compilePhrases([said])[0]!, placementWords(tasks));

  it('meet by word stem, the same on both sides', () => {
    expect(stemsOf('Cooking meals')).toEqual(stemsOf('cook meal'));
    expect(matchOf('cooking', ['cook meals'])).toBe('word_stem');
    expect(matchOf('stacking', ['stack shelves'])).toBe('word_stem');
    expect(matchOf('cleaning', ['clean the tables'])).toBe('word_stem');
    expect(matchOf('gardening', ['garden maintenance'])).toBe('word_stem');
    expect(matchOf('washing up', ['washing up'])).toBe('same_words');
  });

  it('meet through the job-word groups in search-config', () => {
    expect(matchOf('till', ['working on the checkout'])).toBe('synonym');
    expect(matchOf('working on the till', ['checkout and bagging'])).toBe('synonym');
    expect(matchOf('porter', ['moving patients between wards'])).toBe('synonym');
    expect(matchOf('housekeeping', ['cleaning rooms'])).toBe('synonym');
  });

  it('do not meet when only some words are there', () => {
    expect(matchOf('stock rotation', ['counting stock'])).toBeUndefined();
    expect(matchOf('phone calls', ['food preparation'])).toBeUndefined();
  });

  it('score a liked task written in another form and say how it was found', () => {
    const person = personFactsOf({ tasksLiked: ['cooking', 'working on the till'], strengths: [], skills: [] });
    const { reasons } = scoreFit(
      person,
      placementFacts({ title: 'Cafe assistant', tasks: ['cook meals', 'checkout'], rotations: [] }),
    );
    expect(reasons.interests.likedTasks).toEqual(['cooking', 'working on the till']);
    expect(reasons.interests.wordMatches).toEqual([
      { said: 'cooking', matchedBy: 'word_stem' },
      { said: 'working on the till', matchedBy: 'synonym' },
    ]);
    expect(reasons.scoreParts.tasks).toBe(fitWeights.tasks);
  });
});

describe('jobs they would like to do, in their own words', () => {
  const sentence = 'I’d like to help in a kitchen and make food for people';

  it('finds the ideas of the sentence in the title and tasks, leaving out filler words', () => {
    const wish = compileWish(sentence);
    expect(wish.ideas.map((idea) => idea.said)).toEqual(['kitchen', 'food']);
    expect(wishMatches(wish, placementWords(['Kitchen assistant', 'food preparation']))).toEqual(['kitchen', 'food']);
    expect(wishMatches(wish, placementWords(['Catering assistant']))).toEqual(['kitchen']);
    expect(wishMatches(wish, placementWords(['Office assistant', 'filing']))).toEqual([]);
  });

  it('adds its own points and its own reason', () => {
    const person = personFactsOf({ jobsWanted: sentence, tasksLiked: [], strengths: [], skills: [] });
    const kitchen = scoreFit(person, placementFacts());
    expect(kitchen.reasons.jobsWanted).toEqual({
      said: sentence,
      matched: ['kitchen', 'food'],
      message:
        'You said: “I’d like to help in a kitchen and make food for people”. This placement has “kitchen” and “food” in its title or tasks.',
    });
    expect(kitchen.reasons.scoreParts.jobsWanted).toBe(fitWeights.jobsWanted);
    const office = scoreFit(person, placementFacts({ title: 'Office assistant', tasks: ['filing'], rotations: [] }));
    expect(office.reasons.jobsWanted?.matched).toEqual([]);
    expect(office.reasons.scoreParts.jobsWanted).toBe(0);
  });

  it('has no reason when the young person has not said', () => {
    expect(scoreFit(personFactsOf(), placementFacts()).reasons.jobsWanted).toBeUndefined();
    expect(jobsWantedMessage('Retail.', [])).toBe(
      'You said: “Retail”. This placement has none of those words in its title or tasks.',
    );
  });
});

describe('what a young person does not want, and what they tried', () => {
  const salonPerson = (jobsWanted: string, tasksDisliked: string[] = []) =>
    personFactsOf({
      jobsWanted,
      tasksLiked: [],
      tasksDisliked,
      strengths: [],
      skills: [],
    });
  const salon = (title: string, tasks: string[], departments: string[] = []) => ({
    ...placementFacts({ title, tasks, rotations: [] }),
    departments,
  });

  it('puts a placement holding what they ruled out below one without it, with the reason in their words', () => {
    const person = salonPerson('hair salon work, as long as I don’t have to wash hair');
    const washing = scoreFit(person, salon('Salon junior', ['washing hair', 'sweeping up']));
    const styling = scoreFit(person, salon('Salon junior', ['greeting clients', 'making drinks']));
    expect(washing.reasons.ruledOut).toEqual([{ said: 'as long as I don’t have to wash hair', found: 'wash hair' }]);
    expect(washing.reasons.scoreParts.ruledOutPenalty).toBe(-fitWeights.ruledOutPenalty);
    expect(washing.fitScore).toBeLessThan(styling.fitScore - 30);
    // The ruled-out words are not read as wanted: "wash" and "hair" alone do not earn the wish's points.
    expect(washing.reasons.jobsWanted?.matched).toEqual(['hair salon']);
    expect(styling.reasons.ruledOut).toEqual([]);
  });

  it('reads “but not the bar” as ruling the bar out, through the job words', () => {
    const person = salonPerson('a bowling alley, but not the bar');
    const bar = scoreFit(person, salon('Bowling alley assistant', ['serving drinks', 'cleaning lanes']));
    const lanes = scoreFit(person, salon('Bowling alley assistant', ['cleaning lanes', 'handing out shoes']));
    expect(bar.reasons.ruledOut).toEqual([{ said: 'not the bar', found: 'serving drinks' }]);
    expect(bar.fitScore).toBeLessThan(lanes.fitScore);
  });

  it('finds a disliked task by concept, not word for word', () => {
    const person = salonPerson('', ['sweeping up', 'lifting heavy things']);
    expect(scoreFit(person, salon('Salon junior', ['keep the salon floor tidy'])).reasons.dislikedTasks).toEqual([
      'sweeping up',
    ]);
    expect(scoreFit(person, salon('Stock assistant', ['unloading deliveries'])).reasons.dislikedTasks).toEqual([
      'lifting heavy things',
    ]);
  });

  it('finds what they ruled out or dislike through a job word their words hold, not all of their words', () => {
    const till = salonPerson('a supermarket is fine, the till part stresses me out');
    const checkout = scoreFit(till, salon('Checkout assistant', ['operate the checkout', 'bag shopping']));
    expect(checkout.reasons.ruledOut).toEqual([{ said: 'the till part stresses me out', found: 'checkout' }]);
    const phones = salonPerson('I don’t think I could do phones');
    expect(scoreFit(phones, salon('Helpdesk assistant', ['take telephone orders'])).reasons.ruledOut).toEqual([
      { said: 'don’t think I could do phones', found: 'telephone' },
    ]);
    const cold = salonPerson('', ['being really cold']);
    expect(scoreFit(cold, salon('Warehouse operative', ['work in the freezer store'])).reasons.dislikedTasks).toEqual([
      'being really cold',
    ]);
  });

  it('knows everyday words for the things young people name', () => {
    const money = salonPerson('', ['anything with money']);
    expect(scoreFit(money, salon('Shop assistant', ['handle cash payments'])).reasons.dislikedTasks).toEqual([
      'anything with money',
    ]);
    const stockroom = salonPerson('a shop but not the stock room');
    expect(scoreFit(stockroom, salon('Retail assistant', ['unpack boxes in the stockroom'])).reasons.ruledOut).toEqual([
      { said: 'not the stock room', found: 'stockroom' },
    ]);
    expect(
      scoreFit(salonPerson('I want to be a mechanic'), salon('Garage assistant', ['checking tyres'])).reasons.jobsWanted
        ?.matched,
    ).toEqual(['mechanic']);
  });

  it('reads a job word inside a longer one as the longer idea: a plant nursery is a garden centre', () => {
    const gardenCentre = salonPerson('I want to work in a plant nursery');
    expect(scoreFit(gardenCentre, salon('Garden centre assistant', ['potting'])).reasons.jobsWanted?.matched).toEqual([
      'plant nursery',
    ]);
    expect(scoreFit(gardenCentre, salon('Childcare assistant', ['playing'])).reasons.jobsWanted?.matched).toEqual([]);
  });

  it('does not hold “I’m not very confident” against a placement that builds confidence', () => {
    const shy = salonPerson('I’m not very confident, not comfortable with phones');
    expect(scoreFit(shy, salon('Office assistant', ['build your confidence', 'filing'])).reasons.ruledOut).toEqual([]);
    expect(scoreFit(shy, salon('Office assistant', ['answering phones'])).reasons.ruledOut).toEqual([
      { said: 'not comfortable with phones', found: 'phones' },
    ]);
  });

  it('takes the longer job word, so a dislike of cleaning toilets leaves other cleaning alone', () => {
    const person = salonPerson('', ['cleaning toilets']);
    expect(scoreFit(person, salon('Cleaner', ['clean washrooms'])).reasons.dislikedTasks).toEqual(['cleaning toilets']);
    expect(scoreFit(person, salon('Cleaner', ['cleaning offices', 'mopping floors'])).reasons.dislikedTasks).toEqual(
      [],
    );
  });

  it('pulls up work they tried and loved, and pushes down work that went badly', () => {
    const loved = salonPerson('I helped at my uncle’s barber shop and loved it');
    const barber = scoreFit(loved, salon('Hairdressing assistant', ['greeting clients']));
    const shop = scoreFit(loved, salon('Shop floor assistant', ['tidying displays']));
    expect(barber.reasons.triedBefore).toEqual([
      { said: 'I helped at my uncle’s barber shop and loved it', went: 'well', found: 'barber shop' },
    ]);
    expect(barber.reasons.scoreParts.triedAndLiked).toBe(fitWeights.triedAndLiked);
    expect(shop.reasons.triedBefore).toEqual([]);
    expect(barber.fitScore).toBeGreaterThan(shop.fitScore);

    const tooHot = salonPerson('I did work experience at a laundrette and it was too hot for me');
    const laundry = scoreFit(tooHot, salon('Laundry assistant', ['folding towels']));
    expect(laundry.reasons.triedBefore).toEqual([
      {
        said: 'I did work experience at a laundrette and it was too hot for me',
        went: 'badly',
        found: 'laundrette',
      },
    ]);
    expect(laundry.reasons.scoreParts.triedAndDislikedPenalty).toBe(-fitWeights.triedAndDislikedPenalty);
    expect(laundry.reasons.jobsWanted).toBeUndefined();
  });

  it('meets a job title with its workplace, and reads rotation departments as tasks, naming the department', () => {
    const person = salonPerson('I want to be a hairdresser');
    expect(scoreFit(person, salon('Salon assistant', ['greeting clients'])).reasons.jobsWanted?.matched).toEqual([
      'hairdresser',
    ]);
    const tailor = salonPerson('tailor');
    expect(scoreFit(tailor, salon('Alterations shop helper', ['pressing'])).reasons.jobsWanted?.matched).toEqual([
      'tailor',
    ]);
    const cook = personFactsOf({ jobsWanted: 'catering', tasksLiked: [], strengths: [], skills: [] });
    const hospital = scoreFit(cook, salon('Hospital intern', ['following routines'], ['Catering', 'Portering']));
    const kitchen = scoreFit(cook, salon('Catering assistant', ['following routines']));
    expect(hospital.reasons.rotations).toEqual(['Catering']);
    expect(hospital.reasons.scoreParts.jobsWanted).toBe(kitchen.reasons.scoreParts.jobsWanted);
  });
});

describe('ordering a pool by score alone, with reasons only for the page', () => {
  // A small deterministic generator, so a failure can be replayed.
  let seed = 20261130;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = <T>(items: readonly T[], most: number): T[] => [
    ...new Set(Array.from({ length: Math.floor(random() * (most + 1)) }, () => pick(items))),
  ];
  const taskWords = [
    'food preparation',
    'washing up',
    'cooking meals',
    'till',
    'taking payments',
    'stock rotation',
    'answering the phone',
    'filing',
    'cleaning',
    'gardening',
    'moving patients',
    'price labelling',
    'customer service',
    'data entry',
  ];
  const sectors = ['hospitality_catering', 'retail', 'healthcare_support', 'administration'] as const;
  const adjustments = ['instructions', 'colleague_support', 'hours_and_breaks', 'environment'] as const;
  const confidence = ['none', 'committed', 'employer', 'leader'] as const;
  const home = { lat: 53.8187, lng: -1.5742 };

  const person = (): PersonFacts => {
    const environmentLimits: PersonFacts['environmentLimits'] = {};
    for (const factor of ['noise', 'crowds', 'standing', 'customerContact', 'pace'] as const) {
      if (random() < 0.5) environmentLimits[factor] = Math.floor(random() * 3);
    }
    return {
      ...personFactsOf(),
      maxDistanceKm: pick([0, 5, 12, 30]),
      maxHoursPerWeek: pick([8, 16, 24, 30]),
      environmentLimits,
      requiredAdjustments: some(adjustments, 1),
      preferredAdjustments: some(adjustments, 3),
      interests: some(sectors, 3),
      ...(random() < 0.6
        ? {
            jobsWanted: pick([
              "I'd like to cook food in a kitchen",
              'work on the till in a shop',
              'a kitchen, but not washing up',
              'I worked in a shop and hated it. Something with computers',
              'I helped at a cafe and loved it',
            ]),
          }
        : {}),
      likedTasks: some(taskWords, 4),
      dislikedTasks: some(taskWords, 3),
      strengths: some(taskWords, 2),
      skills: some(taskWords, 2),
    } as PersonFacts;
  };
  const hit = (i: number): PoolHit => {
    const base = placementFacts();
    return {
      ...base,
      id: `b${String(i).padStart(23, '0')}`,
      employerName: 'Northern Kitchens Ltd',
      town: 'Leeds',
      startDate: 20_000,
      durationWeeks: 36,
      title: pick(['Kitchen assistant', 'Shop floor assistant', 'Office junior', 'Ward helper']),
      tasks: some(taskWords, 5),
      departments: some(['Kitchen', 'Housekeeping', 'Portering', 'Shop floor'], 2),
      sector: pick(sectors),
      _geo: { lat: home.lat + (random() - 0.5) * 0.3, lng: home.lng + (random() - 0.5) * 0.5 },
      hoursPerWeek: pick([6, 12, 16, 20, 24]),
      disabilityConfident: pick(confidence),
      environment: Object.fromEntries(
        Object.keys(base.environment).map((factor) => [factor, Math.floor(random() * 4)]),
      ) as PoolHit['environment'],
      adjustmentsOffered: some(adjustments, 4),
      stepFreeAccess: random() < 0.8,
    } as PoolHit;
  };

  /** The way every hit was scored before: full reasons for all, then sorted and cut. */
  function fullPath(facts: PersonFacts, pool: PoolHit[], offset: number, limit: number) {
    const score = fitScorer(facts);
    const ranked = pool
      .filter((placement) => hardLimitViolations(facts, placement).length === 0)
      .map((placement, searchRank) => ({ placement, fit: score(placement), searchRank }))
      .sort(
        (a, b) =>
          b.fit.fitScore - a.fit.fitScore ||
          a.searchRank - b.searchRank ||
          a.placement.id.localeCompare(b.placement.id),
      );
    return {
      page: ranked.slice(offset, offset + limit).map(({ placement, fit }) => ({ placement, fit })),
      total: ranked.length,
    };
  }

  it('gives the same score as the full reasons, for every person and placement', () => {
    for (let p = 0; p < 60; p++) {
      const facts = person();
      const scorer = fitScorer(facts);
      for (let i = 0; i < 80; i++) {
        const placement = hit(i);
        expect(scorer.scoreOnly(placement)).toBe(scorer(placement).fitScore);
        expect(keepsHardLimits(facts, placement)).toBe(hardLimitViolations(facts, placement).length === 0);
      }
    }
  });

  it('returns the same page, byte for byte, as scoring every hit in full', () => {
    let pagesWithItems = 0;
    for (let p = 0; p < 40; p++) {
      const facts = { ...person(), maxDistanceKm: 30 };
      const pool = Array.from({ length: 300 }, (_, i) => hit(i));
      for (const [offset, limit] of [
        [0, 20],
        [20, 20],
        [5, 3],
        [290, 50],
      ] as const) {
        const expected = fullPath(facts, pool, offset, limit);
        const actual = rankPlacementPool(facts, pool, { offset, limit });
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        if (actual.page.length > 0) pagesWithItems += 1;
      }
    }
    expect(pagesWithItems).toBeGreaterThan(40);
  });
});
