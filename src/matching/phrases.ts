import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BoundedCache } from '../core/bounded-cache.js';
import { searchConfigDir } from '../core/search/meili.js';

/**
 * Reading a young person's own words as a job coach would: what they want, what they rule out
 * ("a bowling alley, but not the bar"), and what they have tried and how it went ("I did work
 * experience at a laundrette and it was too hot for me"). The grammar is data, in
 * `search-config/phrases.json`: cue phrases matched as whole words, longest first, inside clauses
 * cut at punctuation and at a few joining words. It is deliberately small and predictable, so a
 * coach can be told why a placement went down; `tests/matching-phrases.unit.test.ts` holds the cases.
 */

export interface PhraseGrammar {
  ruleOut: string[];
  ruleOutAfter: string[];
  notRuledOut: string[];
  ruledOutJoins: string[];
  clauseStarts: string[];
  clauseBreaks: string[];
  triedBefore: string[];
  wishBefore: string[];
  wentWell: string[];
  wentBadly: string[];
}

export function loadPhraseGrammar(dir: string = searchConfigDir): PhraseGrammar {
  const { $comment: _, ...grammar } = JSON.parse(
    readFileSync(path.join(dir, 'phrases.json'), 'utf8'),
  ) as PhraseGrammar & {
    $comment: string;
  };
  return grammar;
}

/** Something the young person ruled out, as they wrote it ("but not the bar") and what it names ("the bar"). */
export interface RuledOut {
  said: string;
  what: string;
}

/** Work they tried: the sentences as written, what they name, and how it went if they said. */
export interface TriedBefore {
  said: string;
  what: string;
  went: 'well' | 'badly' | 'unsaid';
}

export interface ReadWords {
  /** The text less what it rules out and what it tells of past work: what they want. */
  wanted: string;
  ruledOut: RuledOut[];
  tried: TriedBefore[];
}

interface Token {
  /** Lower case, apostrophes dropped: "don't" is "dont". */
  word: string;
  start: number;
  end: number;
}

const sentenceEnd = /^[.!?;]$/;
const clauseEnd = /^[.!?;,:()]$/;

function tokens(text: string): Token[] {
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
type Cues = Map<string, Cue[]>;
function cuesOf(phrases: string[]): Cues {
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
function cueAt(words: string[], at: number, cues: Cues): CueMatch | undefined {
  for (const cue of cues.get(words[at]!) ?? []) {
    const found = matchFrom(words, at, cue, 0, []);
    if (found) return found;
  }
  return undefined;
}

/** How many words the longest cue at `at` takes, or 0. */
const cueLength = (words: string[], at: number, cues: Cues) => {
  const found = cueAt(words, at, cues);
  return found ? found.end - at : 0;
};

export type PhraseReader = (text: string) => ReadWords;

/**
 * Reads a text sentence by sentence. A sentence with a `triedBefore` cue (and no wish before it:
 * "I'd like to do work experience at a vet" is a wish) tells of past work. A sentence right after
 * one, saying how it went ("I did a week at Tesco. It was horrible."), belongs to it up to the end
 * of the last clause that says so. Every other clause is read for what it rules out and what it wants.
 */
export function phraseReader(grammar: PhraseGrammar = loadPhraseGrammar()): PhraseReader {
  const cues = {
    ruleOut: cuesOf(grammar.ruleOut),
    ruleOutAfter: cuesOf(grammar.ruleOutAfter),
    notRuledOut: cuesOf(grammar.notRuledOut),
    tried: cuesOf(grammar.triedBefore),
    wish: cuesOf(grammar.wishBefore),
    wentWell: cuesOf(grammar.wentWell),
    wentBadly: cuesOf(grammar.wentBadly),
  };
  const joins = new Set(grammar.ruledOutJoins);
  const breaks = cuesOf(grammar.clauseBreaks);
  const clauseStarts = new Set(grammar.clauseStarts);

  /**
   * Where the story of past work in the sentence starts, if it tells one: the start of the clause with
   * a past-work cue that no wish comes before ("I love animals, I volunteered at a kennels" starts at
   * "I volunteered"; what comes before is read as any other clause).
   */
  const pastWorkStart = (words: string[]) => {
    let clauseStart = 0;
    let wished = false;
    for (let i = 0; i < words.length; i++) {
      const broken = clauseEnd.test(words[i]!) ? 1 : cueLength(words, i, breaks);
      if (broken > 0) {
        clauseStart = i + broken;
        wished = false;
        i += broken - 1;
      } else if (cueLength(words, i, cues.wish) > 0) wished = true;
      else if (!wished && cueLength(words, i, cues.tried) > 0) return clauseStart;
    }
    return undefined;
  };

  return (text) => {
    const read: ReadWords = { wanted: '', ruledOut: [], tried: [] };
    const wanted: string[] = [];
    const slice = (from: Token, to: Token) => text.slice(from.start, to.end);
    let lastTried: { told: TriedBefore; what: string[]; start: Token } | undefined;

    for (const sentence of splitWhere(tokens(text), (token) => sentenceEnd.test(token.word))) {
      const words = sentence.map((token) => token.word);
      const storyStart = pastWorkStart(words);
      if (storyStart !== undefined) {
        readClauses(sentence.slice(0, storyStart), words.slice(0, storyStart));
        const { went, what } = outcomeOf(words, storyStart, words.length, cues);
        const start = sentence[storyStart]!;
        const told: TriedBefore = { said: slice(start, sentence.at(-1)!), what: what.join(' '), went };
        read.tried.push(told);
        lastTried = { told, what, start };
        continue;
      }
      let from = 0;
      if (lastTried) {
        from = outcomeClausesEnd(words, cues, breaks);
        if (from > 0) {
          const outcome = outcomeOf(words, 0, from, cues);
          const told = lastTried.told;
          if (outcome.went === 'badly' || told.went === 'unsaid') told.went = outcome.went;
          lastTried.what.push(...outcome.what);
          told.what = lastTried.what.join(' ');
          told.said = slice(lastTried.start, sentence[from - 1]!);
        }
        if (from < sentence.length) lastTried = undefined;
      }
      readClauses(sentence.slice(from), words.slice(from));
    }
    read.wanted = wanted.join(' ');
    return read;

    function readClauses(sentence: Token[], words: string[]) {
      /** The ruled-out idea being read: from its cue ("never") to the current word. */
      let scope: { cue: Token; what: Token[] } | undefined;
      /** The words of the current clause that went to `wanted`, in case a cue after them rules them out. */
      let clause: Token[] = [];
      const closeScope = () => {
        if (scope && scope.what.length > 0)
          read.ruledOut.push({
            said: slice(scope.cue, scope.what.at(-1)!),
            what: slice(scope.what[0]!, scope.what.at(-1)!),
          });
        scope = undefined;
      };
      const want = (token: Token) => {
        wanted.push(token.word);
        clause.push(token);
      };
      for (let i = 0; i < sentence.length; ) {
        const token = sentence[i]!;
        const kept = cueLength(words, i, cues.notRuledOut);
        if (kept > 0) {
          closeScope();
          for (const keptToken of sentence.slice(i, i + kept)) want(keptToken);
          i += kept;
          continue;
        }
        const after = cueLength(words, i, cues.ruleOutAfter);
        if (after > 0) {
          // "the till part stresses me out": what the clause said so far is what it rules out.
          if (!scope && clause.length > 0) {
            wanted.length -= clause.length;
            read.ruledOut.push({
              said: slice(clause[0]!, sentence[i + after - 1]!),
              what: slice(clause[0]!, clause.at(-1)!),
            });
          }
          closeScope();
          clause = [];
          i += after;
          continue;
        }
        const negation = cueLength(words, i, cues.ruleOut);
        if (negation > 0) {
          closeScope();
          clause = [];
          // "but not the bar" is said "not the bar": the joining word belongs to the sentence, not to the idea.
          const cueStart = negation > 1 && token.word === 'but' ? sentence[i + 1]! : token;
          scope = { cue: cueStart, what: [] };
          i += negation;
          continue;
        }
        if (scope && joins.has(token.word) && scope.what.length > 0) {
          // "never the strimmer or the mower" rules out both; "no cooking and I like serving" only cooking.
          const cue = scope.cue;
          closeScope();
          const next = words[i + 1];
          if (next !== undefined && !clauseStarts.has(next) && !clauseEnd.test(next)) scope = { cue, what: [] };
          i += 1;
          continue;
        }
        const broken = clauseEnd.test(token.word) ? 1 : cueLength(words, i, breaks);
        if (broken > 0) {
          closeScope();
          clause = [];
          i += broken;
          continue;
        }
        if (scope) scope.what.push(token);
        else want(token);
        i += 1;
      }
      closeScope();
    }
  };
}

interface OutcomeCues {
  wentWell: Cues;
  wentBadly: Cues;
  tried: Cues;
}

/** How the words from `from` to `to` say it went (badly wins over well), and the rest of their words. */
function outcomeOf(words: string[], from: number, to: number, cues: OutcomeCues) {
  let went: TriedBefore['went'] = 'unsaid';
  const what: string[] = [];
  for (let i = from; i < to; ) {
    const badly = cueLength(words, i, cues.wentBadly);
    const well = badly ? 0 : cueLength(words, i, cues.wentWell);
    if (badly) went = 'badly';
    else if (well && went === 'unsaid') went = 'well';
    if (badly || well) {
      i += badly || well;
      continue;
    }
    const tried = cueAt(words, i, cues.tried);
    if (tried) {
      for (const at of tried.gap) what.push(words[at]!);
      i = tried.end;
      continue;
    }
    if (!clauseEnd.test(words[i]!)) what.push(words[i]!);
    i += 1;
  }
  return { went, what };
}

/** Where the last clause of the sentence that says how something went ends, or 0 when none does. */
function outcomeClausesEnd(words: string[], cues: OutcomeCues, breaks: Cues): number {
  let end = 0;
  let saysHow = false;
  for (let i = 0; i <= words.length; i++) {
    if (i === words.length || clauseEnd.test(words[i]!) || cueLength(words, i, breaks) > 0) {
      if (saysHow) end = i;
      saysHow = false;
      continue;
    }
    if (cueLength(words, i, cues.wentBadly) > 0 || cueLength(words, i, cues.wentWell) > 0) saysHow = true;
  }
  return end;
}

function splitWhere<T>(items: T[], isBreak: (item: T) => boolean): T[][] {
  const parts: T[][] = [[]];
  for (const item of items) {
    if (isBreak(item)) parts.push([]);
    else parts.at(-1)!.push(item);
  }
  return parts.filter((part) => part.length > 0);
}

const readPhrases = phraseReader();

/** A young person's words for matching, read once per request: the sentence and each liked task. */
export interface PersonWords {
  /** "Jobs I'd like to do" less what it rules out or tells of past work. */
  wish?: string;
  likedTasks: string[];
  ruledOut: RuledOut[];
  tried: TriedBefore[];
}

/**
 * Both the search query and the scoring read a person's words on each match; the reading depends on
 * the words alone, so it is kept by them (never stale: changed words are a different key).
 */
const readWordsByText = new BoundedCache<string, PersonWords>({ limit: 5_000 });

export function readPersonWords(person: { jobsWanted?: string; likedTasks: string[] }): PersonWords {
  return readWordsByText.getOrMake(JSON.stringify([person.jobsWanted, person.likedTasks]), () =>
    readPersonWordsOnce(person),
  );
}

function readPersonWordsOnce(person: { jobsWanted?: string; likedTasks: string[] }): PersonWords {
  const words: PersonWords = { likedTasks: [], ruledOut: [], tried: [] };
  /** What the text says it wants: the text itself when it holds no cue, so plain words stay as written. */
  const wantedIn = (text: string) => {
    const read = readPhrases(text);
    words.ruledOut.push(...read.ruledOut);
    words.tried.push(...read.tried);
    const plain = read.ruledOut.length === 0 && read.tried.length === 0;
    return plain ? text : read.wanted.trim();
  };
  if (person.jobsWanted) {
    const wish = wantedIn(person.jobsWanted);
    if (wish) words.wish = wish;
  }
  for (const task of person.likedTasks) {
    const liked = wantedIn(task);
    if (liked) words.likedTasks.push(liked);
  }
  return words;
}
