import { type disabilityConfidentLevels, weekdayNames } from '../domain/vocabulary.js';
import { listInWords } from '../domain/words.js';
import type { JourneyState } from '../journey/journey.machine.js';
import type { TagColour } from './components/Tag.js';

/**
 * Words several features' pages show, so each is written once: a placement's days on a
 * placement, a proposal, a search result and a caseload read the same.
 */

const dayNames: Readonly<Record<string, string>> = weekdayNames;

/** ["mon", "wed"] as "Monday and Wednesday". */
export function daysInWords(days: readonly string[]): string {
  return listInWords(days.map((day) => dayNames[day] ?? day));
}

/** Each state in words, with a tag colour; the words, not the colour, carry the meaning. */
export const stateWords: Record<JourneyState, { text: string; colour: TagColour }> = {
  proposed: { text: 'Waiting for the young person', colour: 'blue' },
  declined_by_young_person: { text: 'Young person said no', colour: 'grey' },
  awaiting_employer: { text: 'Waiting for the employer', colour: 'light-blue' },
  taster_arranged: { text: 'Taster arranged', colour: 'purple' },
  declined_by_employer: { text: 'Employer said no', colour: 'grey' },
  agreed: { text: 'Agreed, not started', colour: 'turquoise' },
  in_progress: { text: 'On placement', colour: 'green' },
  completed: { text: 'Finished', colour: 'green' },
  followed_up: { text: 'Followed up', colour: 'grey' },
  withdrawn: { text: 'Withdrawn', colour: 'grey' },
};

/** The employer's place in the Disability Confident scheme, as the scheme names it. */
export const disabilityConfidentWords: Record<(typeof disabilityConfidentLevels)[number], string> = {
  none: 'Not in the scheme',
  committed: 'Disability Confident Committed',
  employer: 'Disability Confident Employer',
  leader: 'Disability Confident Leader',
};
