import type { PolarityCase } from './polarity-cases.js';

/**
 * Held-out cases for issue 28, written by someone who had not read the scorer or the phrase
 * grammar, and never used to tune them: they say how well the reading generalises.
 */
export const polarityHeldOutCases: PolarityCase[] = [];
