import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placementPoolSearches } from '../../src/matching/placement-pool.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildCauseSet, causePeoplePerCause } from './cause-cases.js';
import { buildEvalSet, type EvalSet, evalPeopleCount } from './eval-set.js';
import { type EvalReport, evaluate, loadEvalSet, summarise, unloadEvalSet } from './evaluate.js';
import { ndcgAt, precisionAt, reciprocalRank } from './metrics.js';

let harness: Harness;
let set: EvalSet;
let report: EvalReport;
let unfiltered: EvalReport;
let causes: EvalReport;

beforeAll(async () => {
  harness = await createHarness();
  set = buildEvalSet();
  const loaded = await loadEvalSet(harness.services, set);
  report = await evaluate(harness.services, set, loaded);
  // The same evaluation with the hard limits taken out of the Meilisearch searches: the check must catch it.
  const withoutFilter: typeof placementPoolSearches = (...args) =>
    placementPoolSearches(...args).map(({ filter: _filter, ...query }) => query);
  unfiltered = await evaluate(harness.services, set, loaded, { poolSearches: withoutFilter });
  await unloadEvalSet(harness.services, loaded);
  const causeSet = buildCauseSet();
  causes = await evaluate(harness.services, causeSet, await loadEvalSet(harness.services, causeSet));
}, 240_000);
afterAll(() => harness.close());

describe('match quality on the evaluation set', () => {
  it('is big enough to mean something', () => {
    expect(report.people).toBe(evalPeopleCount);
    expect(report.people).toBeGreaterThanOrEqual(30);
    expect(report.placements).toBeGreaterThanOrEqual(200);
    expect(set.placements.filter((p) => p.role === 'decoy').length).toBeGreaterThanOrEqual(report.people * 3);
  });

  it('never proposes a placement that breaks a hard limit, nor lets one into the search pool', () => {
    expect(report.violations).toEqual([]);
  });

  it('catches a search pool that breaks hard limits even when the service’s own re-check hides them', () => {
    expect(unfiltered.violations.filter((violation) => violation.where === 'search_pool').length).toBeGreaterThan(0);
    expect(unfiltered.violations.filter((violation) => violation.where === 'results')).toEqual([]);
  });

  it('puts what a job coach would shortlist first: precision@5 of at least 0.8', () => {
    expect(report.precisionAt5).toBeGreaterThanOrEqual(0.8);
    expect(report.ndcgAt10).toBeGreaterThanOrEqual(0.8);
    expect(report.mrr).toBeGreaterThanOrEqual(0.9);
  });

  it('still proposes the placements that fit but were not shortlisted, after the shortlist', () => {
    for (const person of report.perPerson) expect(person.results, person.town).toBe(7);
  });
});

describe('match quality on the cases written for issue 16, kept apart from the tuning set', () => {
  it('has cases for each of the three causes, and no placement that breaks a hard limit', () => {
    for (const cause of ['first_choice', 'word_forms', 'free_words']) {
      expect(causes.perPerson.filter((person) => person.cause === cause)).toHaveLength(causePeoplePerCause);
    }
    expect(causes.violations).toEqual([]);
  });

  it.each(['first_choice', 'word_forms', 'free_words'] as const)('puts the first picks on top for %s', (cause) => {
    const figures = summarise(causes.perPerson.filter((person) => person.cause === cause));
    expect(figures.mrr).toBe(1);
    expect(figures.ndcgAt10).toBeGreaterThanOrEqual(0.95);
  });
});

describe('ranking metrics', () => {
  const relevant = new Set(['a', 'b']);
  it('precision@k counts relevant results in the first k', () => {
    expect(precisionAt(2, ['a', 'x', 'b'], relevant)).toBe(0.5);
  });
  it('nDCG@k is 1 for an ideal ranking and less when relevant results come later', () => {
    expect(ndcgAt(10, ['a', 'b', 'x'], relevant)).toBe(1);
    expect(ndcgAt(10, ['x', 'a', 'b'], relevant)).toBeLessThan(1);
  });
  it('nDCG@k weighs graded gains: a first pick below a lesser one costs', () => {
    const gains = new Map([
      ['best', 2],
      ['good', 1],
    ]);
    expect(ndcgAt(10, ['best', 'good'], gains)).toBe(1);
    expect(ndcgAt(10, ['good', 'best'], gains)).toBeLessThan(1);
  });
  it('reciprocal rank is one over the place of the first wanted result, 0 when absent', () => {
    expect(reciprocalRank(['x', 'a'], relevant)).toBe(0.5);
    expect(reciprocalRank(['x'], relevant)).toBe(0);
  });
});
