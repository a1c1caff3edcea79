/**
 * The words of a text and the cue phrases of the grammar in `search-config/phrases.json`, matched as
 * whole words (see `phrases.ts`, which reads a text with them).
 */

export interface Token {
  /** Lower case, apostrophes dropped: "don't" is "dont". */
  word: string;
  start: number;
  end: number;
}

export const sentenceEnd = /^[.!?;]$/;
export const clauseEnd = /^[.!?;,:()]$/;

export function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9'’]+|[.!?;,:()]/g)) {
    const word = match[0].toLowerCase().replace(/['’]/g, '');
    if (word) found.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/**
 * One word of a cue: any of a few words ("week|weeks"), any one word ("*"), or a gap of up to
 * four words ("..."), whose words belong to what is said, not to the cue ("i was at ... for").
 */
type CueWord = { words: Set<string> } | 'any' | 'gap';
type Cue = CueWord[];
const gapLength = 4;

/** Cue phrases by their first word, each list longest first, so a word that starts no cue costs one lookup. */
export type Cues = Map<string, Cue[]>;
export function cuesOf(phrases: string[]): Cues {
  const cues: Cues = new Map();
  for (const phrase of phrases) {
    const cue: Cue = phrase
      .split(' ')
      .map((word) => (word === '*' ? 'any' : word === '...' ? 'gap' : { words: new Set(word.split('|')) }));
    const first = cue[0]!;
    if (typeof first === 'string') throw new Error(`A cue starts with a word, not "${phrase}"`);
    for (const word of first.words) cues.set(word, [...(cues.get(word) ?? []), cue]);
  }
  for (const list of cues.values()) list.sort((a, b) => b.length - a.length);
  return cues;
}

/** Where a cue matched: the index after its last word, and the words of its gaps, which are not the cue's. */
interface CueMatch {
  end: number;
  gap: number[];
}

function matchFrom(words: string[], at: number, cue: Cue, from: number, gap: number[]): CueMatch | undefined {
  let i = at;
  for (let part = from; part < cue.length; part++) {
    const expected = cue[part]!;
    if (expected === 'gap') {
      for (let skipped = 1; skipped <= gapLength && i + skipped <= words.length; skipped++) {
        if (clauseEnd.test(words[i + skipped - 1]!)) return undefined;
        const skippedAt = Array.from({ length: skipped }, (_, k) => i + k);
        const found = matchFrom(words, i + skipped, cue, part + 1, [...gap, ...skippedAt]);
        if (found) return found;
      }
      return undefined;
    }
    const word = words[i];
    if (word === undefined || clauseEnd.test(word)) return undefined;
    if (expected !== 'any' && !expected.words.has(word)) return undefined;
    i += 1;
  }
  return { end: i, gap };
}

/** The longest cue that starts at `at`, if any. */
export function cueAt(words: string[], at: number, cues: Cues): CueMatch | undefined {
  for (const cue of cues.get(words[at]!) ?? []) {
    const found = matchFrom(words, at, cue, 0, []);
    if (found) return found;
  }
  return undefined;
}

/** How many words the longest cue at `at` takes, or 0. */
export const cueLength = (words: string[], at: number, cues: Cues) => {
  const found = cueAt(words, at, cues);
  return found ? found.end - at : 0;
};
