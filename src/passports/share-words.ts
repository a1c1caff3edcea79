import { type PassportSection, sectionLabels } from '../domain/vocabulary.js';
import { longDate, type PersonPage } from '../web/young-person.js';
import type { PassportShare } from './passports.repository.js';

/** Where the shares of a young person's passport are listed. */
export const sharesPath = (id: string) => `/young-people/${id}/passport/shares`;

/** "my passport" to the young person; "Sam’s passport" to someone acting for them. */
export const passportOf = (person: PersonPage) => (person.asDelegate ? person.whose('passport') : 'my passport');

export const partsOf = (sections: readonly PassportSection[]) =>
  sections.map((section) => sectionLabels[section]).join(', ');

/** One share in words, to tell it from the others with the same employer: its parts and its end. */
export const shareInWords = (share: PassportShare) => `${partsOf(share.sections)} (until ${longDate(share.expiresAt)})`;
