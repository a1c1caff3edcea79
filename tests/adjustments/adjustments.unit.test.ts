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
} from '../../src/adjustments/adjustments.machine.js';
import type { AdjustmentRequest } from '../../src/adjustments/adjustments.repository.js';
import { adjustmentView, helpKey } from '../../src/adjustments/adjustments.views.js';
import { adjustmentCategories } from '../../src/domain/vocabulary.js';

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

describe('what each reader sees of a request', () => {
  const by = { accountId: '6b0cc1dbdcbe402fef771469', role: 'young_person' as const };
  const at = new Date('2026-08-10T09:00:00Z');
  const request: AdjustmentRequest = {
    id: '6b0cc2c01fa60ec5b99a14d3',
    matchId: '6b0cc2b71fa60ec5b99a14c0',
    youngPersonId: '6b0cc29f1fa60ec5b99a1421',
    providerId: '6b0cc29f1fa60ec5b99a1422',
    employerId: '6b0cc29f1fa60ec5b99a1423',
    placementId: '6b0cc29f1fa60ec5b99a1424',
    kind: 'environment',
    text: 'A quiet place to take my breaks',
    source: { from: 'passport', shareId: 'share', helpKey: 'key' },
    state: 'checked',
    requestedAt: at,
    requestedBy: by,
    notPossible: { reason: 'Repeats: a quiet place', by, at },
    inPlace: { on: '2026-08-10', by, at },
    check: { answer: 'yes', why: 'I calm down', by, at },
    observations: [{ note: 'Used it twice', by, at }],
    reviews: [{ decision: 'keep', note: 'Going well', on: '2026-08-10', by, at }],
    remindersSent: [],
    updatedAt: at,
  };

  it('gives an employer without the share only the state and dates, never the words, the check or the notes', () => {
    const view = adjustmentView(request, {
      employer: true,
      textVisible: false,
      allowedActions: [],
      mayAddToPassport: false,
    });
    expect(view).toMatchObject({ text: null, kind: null, textHidden: true, inPlace: { on: '2026-08-10' } });
    expect(view.notPossible).toEqual({ reason: null, alternative: null });
    expect(view.check).toBeNull();
    expect(view.observations).toEqual([]);
    expect(view.reviews).toEqual([{ decision: 'keep', heldOn: '2026-08-10', note: null }]);
    expect(JSON.stringify(view)).not.toMatch(/quiet|calm|twice|Going well/);
  });

  it('gives the young person’s side everything', () => {
    const view = adjustmentView(request, {
      employer: false,
      textVisible: true,
      allowedActions: [],
      mayAddToPassport: true,
    });
    expect(view).toMatchObject({
      text: 'A quiet place to take my breaks',
      check: { answer: 'yes', why: 'I calm down' },
    });
    expect(view.observations).toHaveLength(1);
  });

  it('keys a help by its kind and words, whatever the case and spacing, without holding the words', () => {
    const key = helpKey({ category: 'environment', details: 'A quiet  place ' });
    expect(helpKey({ category: 'environment', details: 'a quiet place' })).toBe(key);
    expect(helpKey({ category: 'travel', details: 'a quiet place' })).not.toBe(key);
    expect(key).not.toContain('quiet');
  });
});
