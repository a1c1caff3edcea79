import { describe, expect, it } from 'vitest';
import { hardLimitViolations } from '../src/matching/hard-limits.js';
import { fitWeights, scoreFit, words } from '../src/matching/scoring.js';
import { personFactsOf, placementFacts, youngPersonRecord } from './helpers/matching-records.js';

const baseConditions = youngPersonRecord().conditionsForSuccess;
const partsTotal = Object.entries(fitWeights)
  .filter(([part]) => part !== 'dislikedTaskPenalty')
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
    expect(hardLimitViolations(personFactsOf({ conditionsForSuccess: { ...baseConditions, stepFreeAccess: true } }), steps)).toEqual(['step_free_access']);
  });
});

describe('fit score and reasons', () => {
  it('explains a good match: interests, adjustments, environment and distance', () => {
    const { fitScore, reasons } = scoreFit(personFactsOf(), placementFacts());
    expect(fitScore).toBeGreaterThan(70);
    expect(fitScore).toBeLessThanOrEqual(100);
    expect(reasons.interests).toEqual({
      sectors: ['hospitality_catering'],
      likedTasks: ['food preparation', 'stock rotation'],
      strengths: [],
      skills: [],
    });
    expect(reasons.adjustments).toEqual({ met: ['instructions', 'colleague_support'], notMet: [] });
    expect(reasons.distanceKm).toBeCloseTo(2.7, 0);
    expect(reasons.hardLimitsChecked).toEqual([
      'placement_open', 'travel_distance', 'days', 'daily_hours', 'hours_per_week', 'environment', 'required_adjustments',
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
    const person = personFactsOf({ conditionsForSuccess: { ...baseConditions, preferredAdjustments: ['colleague_support', 'equipment'] } });
    const { reasons } = scoreFit(person, placementFacts());
    expect(reasons.adjustments).toEqual({ met: ['instructions', 'colleague_support'], notMet: ['equipment'] });
    expect(reasons.scoreParts.adjustments).toBe(fitWeights.adjustments / 2);
  });

  it('ranks a placement in a sector of interest with liked tasks above one with neither', () => {
    const person = personFactsOf();
    const kitchen = scoreFit(person, placementFacts());
    const office = scoreFit(person, placementFacts({ sector: 'administration', title: 'Office assistant', tasks: ['filing', 'scanning'], rotations: [] }));
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
    const person = personFactsOf({ interests: [], tasksLiked: [], strengths: [], skills: [], tasksDisliked: ['washing up', 'stock rotation', 'baking'] });
    const first = scoreFit(person, placementFacts());
    expect(first.fitScore).toBeGreaterThanOrEqual(0);
    expect(scoreFit(person, placementFacts())).toEqual(first);
  });
});

describe('words', () => {
  it('lower-cases, drops small words and a final s', () => {
    expect(words('Stacking the Shelves and tills')).toEqual(['stacking', 'shelve', 'till']);
  });
});
