import type { EnvironmentFactor, Level } from '../domain/vocabulary.js';
import type { placementStatuses } from './placements.schemas.js';

/** Each environment level described as an employer would, not as a code. */
export const environmentWords: Record<EnvironmentFactor, { question: string; levels: Record<Level, string> }> = {
  noise: {
    question: 'How noisy is it?',
    levels: {
      none: 'Quiet, like a library',
      low: 'Some noise, like an office',
      medium: 'Busy, like a café',
      high: 'Very loud, like a busy kitchen',
    },
  },
  lighting: {
    question: 'How bright or changing is the light?',
    levels: {
      none: 'Soft, steady light',
      low: 'Ordinary office light',
      medium: 'Bright in places',
      high: 'Very bright or flashing',
    },
  },
  crowds: {
    question: 'How many people are around?',
    levels: { none: 'Few people', low: 'A small team', medium: 'Busy at times', high: 'Crowded most of the time' },
  },
  customerContact: {
    question: 'How much do they talk to customers?',
    levels: { none: 'No customers', low: 'Now and then', medium: 'Often', high: 'All the time' },
  },
  standing: {
    question: 'How much standing?',
    levels: {
      none: 'Sitting down',
      low: 'Some standing',
      medium: 'Standing for about half the time',
      high: 'Standing nearly all the time',
    },
  },
  walking: {
    question: 'How much walking?',
    levels: {
      none: 'Stays in one place',
      low: 'Short walks',
      medium: 'Walking for about half the time',
      high: 'Walking nearly all the time',
    },
  },
  lifting: {
    question: 'How much lifting?',
    levels: {
      none: 'No lifting',
      low: 'Light things now and then',
      medium: 'Boxes or trays often',
      high: 'Heavy lifting',
    },
  },
  outdoorWork: {
    question: 'How much work outdoors?',
    levels: {
      none: 'All indoors',
      low: 'Outdoors now and then',
      medium: 'Outdoors for about half the time',
      high: 'Mostly outdoors',
    },
  },
  pace: {
    question: 'How fast is the work?',
    levels: {
      none: 'Relaxed, no time pressure',
      low: 'Steady',
      medium: 'Busy at peak times',
      high: 'Fast all the time',
    },
  },
};

export const statusWords: Record<
  (typeof placementStatuses)[number],
  { text: string; colour: 'grey' | 'green' | 'yellow' | 'blue' | 'orange' }
> = {
  draft: { text: 'Not published', colour: 'grey' },
  open: { text: 'Open', colour: 'green' },
  paused: { text: 'Paused', colour: 'orange' },
  filled: { text: 'Full', colour: 'blue' },
  closed: { text: 'Closed', colour: 'grey' },
};
