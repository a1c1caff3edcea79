import { readFileSync } from 'node:fs';
import path from 'node:path';
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
  notRuledOut: string[];
  clauseBreaks: string[];
  triedBefore: string[];
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

/** Work they tried: the sentence as written, what it names, and how it went if they said. */
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

/** Cue phrases by their first word, each list longest first, so a word that starts no cue costs one lookup. */
type Cues = Map<string, string[][]>;
function cuesOf(phrases: string[]): Cues {
  const cues: Cues = new Map();
  for (const cue of phrases.map((phrase) => phrase.split(' '))) cues.set(cue[0]!, [...(cues.get(cue[0]!) ?? []), cue]);
  for (const list of cues.values()) list.sort((a, b) => b.length - a.length);
  return cues;
}

/** The length of the longest cue that starts at `at`, or 0. */
function cueAt(words: string[], at: number, cues: Cues): number {
  for (const cue of cues.get(words[at]!) ?? []) if (cue.every((word, i) => words[at + i] === word)) return cue.length;
  return 0;
}

const hasCue = (words: string[], cues: Cues) => words.some((_, i) => cueAt(words, i, cues) > 0);

export type PhraseReader = (text: string) => ReadWords;

export function phraseReader(grammar: PhraseGrammar = loadPhraseGrammar()): PhraseReader {
  const ruleOut = cuesOf(grammar.ruleOut);
  const notRuledOut = cuesOf(grammar.notRuledOut);
  const breaks = cuesOf(grammar.clauseBreaks);
  const tried = cuesOf(grammar.triedBefore);
  const wentWell = cuesOf(grammar.wentWell);
  const wentBadly = cuesOf(grammar.wentBadly);

  return (text) => {
    const all = tokens(text);
    const read: ReadWords = { wanted: '', ruledOut: [], tried: [] };
    const wanted: string[] = [];
    const slice = (from: Token[], to: Token[]) => text.slice(from[0]!.start, to.at(-1)!.end);

    for (const sentence of splitWhere(all, (token) => sentenceEnd.test(token.word))) {
      const words = sentence.map((token) => token.word);
      if (hasCue(words, tried)) {
        read.tried.push(triedFrom(sentence, words, { tried, wentWell, wentBadly }, text));
        continue;
      }
      let scope: Token[] | undefined;
      let cue: Token[] = [];
      const closeScope = () => {
        // "but not the bar" is said "not the bar": the joining word belongs to the sentence, not to the idea.
        const said = cue.length > 1 && cue[0]!.word === 'but' ? cue.slice(1) : cue;
        if (scope && scope.length > 0) read.ruledOut.push({ said: slice(said, scope), what: slice(scope, scope) });
        scope = undefined;
      };
      for (let i = 0; i < sentence.length; ) {
        const token = sentence[i]!;
        const kept = cueAt(words, i, notRuledOut);
        if (kept > 0) {
          closeScope();
          for (const keptToken of sentence.slice(i, i + kept)) wanted.push(keptToken.word);
          i += kept;
          continue;
        }
        const negation = cueAt(words, i, ruleOut);
        if (negation > 0) {
          closeScope();
          cue = sentence.slice(i, i + negation);
          scope = [];
          i += negation;
          continue;
        }
        const broken = clauseEnd.test(token.word) ? 1 : cueAt(words, i, breaks);
        if (broken > 0) {
          closeScope();
          i += broken;
          continue;
        }
        if (scope) scope.push(token);
        else wanted.push(token.word);
        i += 1;
      }
      closeScope();
    }
    read.wanted = wanted.join(' ');
    return read;
  };
}

function triedFrom(
  sentence: Token[],
  words: string[],
  cues: { tried: Cues; wentWell: Cues; wentBadly: Cues },
  text: string,
): TriedBefore {
  let went: TriedBefore['went'] = 'unsaid';
  const what: string[] = [];
  for (let i = 0; i < sentence.length; ) {
    const badly = cueAt(words, i, cues.wentBadly);
    const well = badly ? 0 : cueAt(words, i, cues.wentWell);
    const skip = badly || well || cueAt(words, i, cues.tried);
    if (badly) went = 'badly';
    else if (well && went === 'unsaid') went = 'well';
    if (skip > 0) {
      i += skip;
      continue;
    }
    if (!clauseEnd.test(words[i]!)) what.push(words[i]!);
    i += 1;
  }
  return { said: text.slice(sentence[0]!.start, sentence.at(-1)!.end), what: what.join(' '), went };
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

export function readPersonWords(person: { jobsWanted?: string; likedTasks: string[] }): PersonWords {
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
