import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { buildEvalSet, evalPeopleCount, type EvalSet } from './eval-set.js';
import { evaluate, loadEvalSet, type EvalReport } from './evaluate.js';
import { ndcgAt, precisionAt } from './metrics.js';

let harness: Harness;
let set: EvalSet;
let report: EvalReport;

beforeAll(async () => {
  harness = await createHarness();
  set = buildEvalSet();
  report = await evaluate(harness.services, set, await loadEvalSet(harness.services, set));
}, 120_000);
afterAll(() => harness.close());

describe('match quality on the evaluation set', () => {
  it('is big enough to mean something', () => {
    expect(report.people).toBe(evalPeopleCount);
    expect(report.people).toBeGreaterThanOrEqual(30);
    expect(report.placements).toBeGreaterThanOrEqual(200);
    expect(set.placements.filter((p) => p.role === 'decoy').length).toBeGreaterThanOrEqual(report.people * 3);
  });

  it('never proposes a placement that breaks a hard limit', () => {
    expect(report.violations).toEqual([]);
  });

  it('puts what a job coach would shortlist first: precision@5 of at least 0.8', () => {
    expect(report.precisionAt5).toBeGreaterThanOrEqual(0.8);
    expect(report.ndcgAt10).toBeGreaterThanOrEqual(0.8);
  });

  it('still proposes the placements that fit but were not shortlisted, after the shortlist', () => {
    for (const person of report.perPerson) expect(person.results, person.town).toBe(7);
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
});
