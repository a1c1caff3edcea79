import { describe, expect, it } from 'vitest';
import {
  type AdjustmentState,
  actionsFor,
  addWorkingDays,
  adjustmentActions,
  adjustmentStates,
  adjustmentSteps,
  checkAdjustmentStep,
  kindOfPassportCategory,
  notNowReason,
  stateAfterReview,
} from '../src/adjustments/adjustments.machine.js';
import { adjustmentCategories } from '../src/domain/vocabulary.js';

describe('the adjustment table', () => {
  it('has at most one step per state and action, and only known states and actions', () => {
    const pairs = adjustmentSteps.map((step) => `${step.from}:${step.action}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const step of adjustmentSteps) {
      expect(adjustmentStates).toContain(step.from);
      expect(adjustmentStates).toContain(step.to);
      expect(adjustmentActions).toContain(step.action);
      expect(step.by.length).toBeGreaterThan(0);
    }
  });

  it('reaches every state from "requested" (stopping by review), and uses every action', () => {
    const reached = new Set<AdjustmentState>(['requested']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const step of adjustmentSteps) {
        const targets =
          step.action === 'review'
            ? (['keep', 'change', 'stop'] as const).map((d) => stateAfterReview(step.from, d))
            : [step.to];
        for (const to of targets) {
          if (reached.has(step.from) && !reached.has(to)) {
            reached.add(to);
            changed = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...adjustmentStates].sort());
    expect(new Set(adjustmentSteps.map((step) => step.action))).toEqual(new Set(adjustmentActions));
  });

  it('lets only the employer answer a request, once', () => {
    expect(checkAdjustmentStep('requested', 'agree', ['employer']).outcome).toBe('allowed');
    expect(checkAdjustmentStep('requested', 'decline', ['employer']).outcome).toBe('allowed');
    expect(checkAdjustmentStep('requested', 'agree', ['job_coach']).outcome).toBe('wrong_party');
    expect(checkAdjustmentStep('requested', 'agree', ['young_person']).outcome).toBe('wrong_party');
    expect(checkAdjustmentStep('agreed', 'agree', ['employer']).outcome).toBe('not_now');
    expect(checkAdjustmentStep('not_possible', 'decline', ['employer']).outcome).toBe('not_now');
    expect(notNowReason('agreed', 'agree')).toMatch(/already been answered/);
  });

  it('refuses a check before the adjustment is in place, and a second check', () => {
    expect(checkAdjustmentStep('agreed', 'check', ['young_person']).outcome).toBe('not_now');
    expect(notNowReason('agreed', 'check')).toMatch(/not in place yet/);
    expect(checkAdjustmentStep('in_place', 'check', ['young_person']).outcome).toBe('allowed');
    expect(checkAdjustmentStep('checked', 'check', ['young_person']).outcome).toBe('not_now');
    expect(notNowReason('checked', 'check')).toMatch(/already been checked/);
    expect(checkAdjustmentStep('in_place', 'check', ['employer', 'job_coach']).outcome).toBe('wrong_party');
  });

  it('lets the employer or the coach put an agreed adjustment in place, and only an agreed one', () => {
    expect(checkAdjustmentStep('agreed', 'put_in_place', ['employer']).outcome).toBe('allowed');
    expect(checkAdjustmentStep('agreed', 'put_in_place', ['job_coach']).outcome).toBe('allowed');
    expect(checkAdjustmentStep('requested', 'put_in_place', ['employer']).outcome).toBe('not_now');
    expect(checkAdjustmentStep('not_possible', 'put_in_place', ['employer']).outcome).toBe('not_now');
  });

  it('reviews keep, change or stop: change sends it back to the employer, stop ends it', () => {
    expect(stateAfterReview('checked', 'keep')).toBe('checked');
    expect(stateAfterReview('in_place', 'keep')).toBe('in_place');
    expect(stateAfterReview('checked', 'change')).toBe('requested');
    expect(stateAfterReview('not_possible', 'stop')).toBe('stopped');
    expect(actionsFor('checked', ['job_coach']).sort()).toEqual(['observe', 'review']);
    expect(actionsFor('stopped', ['job_coach', 'employer', 'young_person'])).toEqual([]);
  });

  it('files every passport category under one kind of request', () => {
    for (const category of adjustmentCategories) expect(kindOfPassportCategory(category)).toBeTruthy();
    expect(kindOfPassportCategory('meetings')).toBe('communication');
    expect(kindOfPassportCategory('colleague_support')).toBe('other');
  });
});

describe('working days', () => {
  it('counts Monday to Friday only', () => {
    expect(addWorkingDays('2026-08-03', 5)).toBe('2026-08-10');
    expect(addWorkingDays('2026-08-07', 1)).toBe('2026-08-10');
    expect(addWorkingDays('2026-08-08', 5)).toBe('2026-08-14');
  });
});
