import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stemmer } from 'stemmer';
import { BoundedCache } from '../core/bounded-cache.js';
import { searchConfigDir } from '../core/search/meili.js';

/**
 * Comparing what a young person says they like with what a placement involves, the way a job
 * coach would: by word stem ("cooking" meets "cook meals"), and through the job-word groups kept
 * as data in `search-config/job-words.json` ("till" meets "checkout"). Both sides go through the
 * same functions. Everything about the young person is compiled once per set of their words
 * (`compilePhrases`, `compileWish`, kept by `fitScorer`); a placement's words are read once per
 * text (`placementWords`), and each distinct word is stemmed once per process.
 */

export interface JobWords {
  groups: string[][];
  fillerWords: string[];
}

export function loadJobWords(dir: string = searchConfigDir): JobWords {
  const { groups, fillerWords } = JSON.parse(readFileSync(path.join(dir, 'job-words.json'), 'utf8')) as JobWords;
  return { groups, fillerWords };
}

const jobWords = loadJobWords();

const stopWords = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);
const fillerWords = new Set(jobWords.fillerWords);

/** Lower-case words of a text, apostrophes dropped ("I'd" is "id"), without the small words that carry no meaning. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !stopWords.has(word));
}

/** A placement's vocabulary repeats across thousands of documents, so a stem is worked out once per word. */
const stemByWord = new BoundedCache<string, string>({ limit: 50_000 });

export function stem(word: string): string {
  return stemByWord.getOrMake(word, () => stemmer(word));
}

export const stemsOf = (text: string): string[] => contentWords(text).map(stem);

/** How a phrase of the young person's was found in a placement. */
export const wordMatchKinds = ['same_words', 'word_stem', 'synonym'] as const;
export type WordMatchKind = (typeof wordMatchKinds)[number];

/** A placement's title and tasks as sets of words and of stems. */
export interface PlacementWords {
  words: Set<string>;
  stems: Set<string>;
}

/**
 * A placement's words depend only on its text, and the same placements come back for search after
 * search, so they are kept by their text: a pool of 450 placements costs 450 lookups, not 450
 * readings. Callers must not change the sets they are given.
 */
const placementWordsByText = new BoundedCache<string, PlacementWords>({ limit: 50_000 });

export function placementWords(texts: string[]): PlacementWords {
  // One text joined by a space (a word break, as the end of each text is): the same words as each
  // text on its own, for a fifth of the string and regular-expression work.
  const text = texts.join(' ');
  return placementWordsByText.getOrMake(text, () => {
    const words = new Set<string>();
    const stems = new Set<string>();
    for (const word of contentWords(text)) {
      if (words.has(word)) continue;
      words.add(word);
      stems.add(stem(word));
    }
    return { words, stems };
  });
}

interface Synonym {
  /** The member as written in search-config, e.g. "checkout". */
  text: string;
  stems: string[];
}

const groups: Synonym[][] = jobWords.groups.map((group) => group.map((text) => ({ text, stems: stemsOf(text) })));
/** Each group's members, longest first: "barber shop" is one idea, not "barber" and then "shop". */
const longestFirst = groups.map((group) => [...group].sort((a, b) => b.stems.length - a.stems.length));

const allIn = (stems: string[], set: Set<string>) => stems.length > 0 && stems.every((s) => set.has(s));
const containsAll = (stems: string[], within: string[]) => stems.length > 0 && stems.every((s) => within.includes(s));

/**
 * The other members of every group that has a member inside these stems: "working on the till" brings "checkout".
 * A member inside a longer member of another group is that longer idea, not one of its own: "plant nursery" is a
 * garden centre, not a children's nursery, and "cleaning toilets" is not every kind of cleaning.
 */
function synonymsWithin(stems: string[]): { member: Synonym; alternatives: Synonym[] }[] {
  const found: { member: Synonym; alternatives: Synonym[] }[] = [];
  for (const [i, group] of groups.entries()) {
    const member = longestFirst[i]!.find((candidate) => containsAll(candidate.stems, stems));
    if (member) found.push({ member, alternatives: group.filter((other) => other !== member) });
  }
  return found.filter(
    ({ member }) =>
      !found.some(
        (other) => other.member.stems.length > member.stems.length && containsAll(member.stems, other.member.stems),
      ),
  );
}

export interface CompiledPhrase {
  text: string;
  words: string[];
  stems: string[];
  synonyms: Synonym[];
}

/** The young person's liked tasks (or strengths, skills, disliked tasks), ready to compare with many placements. */
export function compilePhrases(texts: string[]): CompiledPhrase[] {
  return texts
    .map((text) => {
      const words = contentWords(text);
      const stems = words.map(stem);
      return { text, words, stems, synonyms: synonymsWithin(stems).flatMap((found) => found.alternatives) };
    })
    .filter((phrase) => phrase.words.length > 0);
}

/**
 * Something a young person named in a few words of their own ("have to wash hair", "the till part",
 * "being really cold"), to be found in a placement as an idea rather than word for word: either all
 * of its words that are not filler ("have", "part", "being"), by stem, or any job word it holds, or
 * a member of that job word's group ("till" in "operate the checkout", "cold" in "work in the
 * freezer"). Where one job word holds another ("cleaning toilets" holds "cleaning"), only the longer
 * counts (`synonymsWithin`), so a dislike of cleaning toilets does not touch every cleaning job.
 */
export interface CompiledConcept {
  /** As the young person wrote it. */
  said: string;
  /** Its words less the filler, as the reason quotes them when they are found whole. */
  text: string;
  stems: string[];
  /** Every member of each job-word group the words hold, the member itself included. */
  alternatives: Synonym[];
}

export function compileConcepts(texts: string[]): CompiledConcept[] {
  return texts.flatMap((said) => {
    const words = contentWords(said);
    const meant = words.filter((word) => !fillerWords.has(word));
    const alternatives = synonymsWithin(words.map(stem)).flatMap(({ member, alternatives: others }) => [
      member,
      ...others,
    ]);
    if (meant.length === 0 && alternatives.length === 0) return [];
    return [{ said, text: meant.join(' '), stems: meant.map(stem), alternatives }];
  });
}

/** The words by which the concept is found in the placement: its own, or the job word the placement has for it. */
export function conceptFound(concept: CompiledConcept, placement: PlacementWords): string | undefined {
  if (allIn(concept.stems, placement.stems)) return concept.text;
  for (const alternative of concept.alternatives)
    if (allIn(alternative.stems, placement.stems)) return alternative.text;
  return undefined;
}

/** How the phrase is found in the placement's words, if it is: every word of it, or of one of its synonyms. */
export function phraseMatch(phrase: CompiledPhrase, placement: PlacementWords): WordMatchKind | undefined {
  if (allIn(phrase.words, placement.words)) return 'same_words';
  if (allIn(phrase.stems, placement.stems)) return 'word_stem';
  if (phrase.synonyms.some((synonym) => allIn(synonym.stems, placement.stems))) return 'synonym';
  return undefined;
}

/** One idea in a free sentence: a word that says something about the job, or a job-word group member. */
interface WishIdea {
  /** As the young person wrote it. */
  said: string;
  /** Any one of these, found whole in the placement, matches the idea. */
  alternatives: string[][];
}

export interface CompiledWish {
  sentence: string;
  ideas: WishIdea[];
}

/**
 * A sentence such as "I'd like to help in a kitchen and make food for people" as the ideas it
 * holds ("kitchen", "food"): job-word group members found in it (with their synonyms), then its
 * remaining words that are neither small words nor filler ("like", "help", "people").
 */
export function compileWish(sentence: string): CompiledWish {
  const words = contentWords(sentence);
  const stems = words.map(stem);
  const ideas: WishIdea[] = [];
  const covered = new Set<string>();
  for (const { member, alternatives } of synonymsWithin(stems)) {
    ideas.push({ said: member.text, alternatives: [member.stems, ...alternatives.map((synonym) => synonym.stems)] });
    for (const s of member.stems) covered.add(s);
  }
  words.forEach((word, i) => {
    const stemmed = stems[i]!;
    if (fillerWords.has(word) || covered.has(stemmed)) return;
    covered.add(stemmed);
    ideas.push({ said: word, alternatives: [[stemmed]] });
  });
  return { sentence, ideas };
}

/** The ideas of the sentence that this placement's title or tasks hold, as the young person wrote them. */
export function wishMatches(wish: CompiledWish, placement: PlacementWords): string[] {
  return wish.ideas
    .filter((idea) => idea.alternatives.some((alternative) => allIn(alternative, placement.stems)))
    .map((idea) => idea.said);
}

/** How many of the sentence's ideas the placement holds: `wishMatches(...).length`, without the list. */
export function countWishMatches(wish: CompiledWish, placement: PlacementWords): number {
  let n = 0;
  for (const idea of wish.ideas)
    if (idea.alternatives.some((alternative) => allIn(alternative, placement.stems))) n += 1;
  return n;
}

/** Words for a search query: each idea of the sentence once, synonyms left to the search engine. */
export function wishQueryWords(wish: CompiledWish): string[] {
  return wish.ideas.map((idea) => idea.said);
}
