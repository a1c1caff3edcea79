import { describe, expect, it } from 'vitest';
import { awaitingEmployerStates, journeySteps } from '../../src/journey/journey.machine.js';

/**
 * "Waiting for the employer" is read off the journey table (issue 23), so the employer's proposals
 * page, their dashboard and the service's list agree with the steps the employer may take.
 */
describe('the states waiting for the employer', () => {
  it('are the states from which the employer may say yes: proposed to them, and after a taster', () => {
    expect(awaitingEmployerStates).toEqual(['awaiting_employer', 'taster_arranged']);
  });

  it('are each one where the employer may also say no', () => {
    for (const state of awaitingEmployerStates) {
      expect(journeySteps.some((step) => step.from === state && step.action === 'employer_decline')).toBe(true);
    }
  });
});
