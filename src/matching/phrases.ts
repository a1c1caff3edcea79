import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BoundedCache } from '../core/bounded-cache.js';
import { searchConfigDir } from '../core/search/meili.js';
import { type Cues, clauseEnd, cueAt, cueLength, cuesOf, sentenceEnd, type Token, tokens } from './phrase-cues.js';

/**
 * Reading a young person's own words as a job coach would: what they want, what they rule out
 * ("a bowling alley, but not the bar"), and what they have tried and how it went ("I did work
 * experience at a laundrette and it was too hot for me"). The grammar is data, in
 * `search-config/phrases.json`: cue phrases matched as whole words, longest first, inside clauses
 * cut at punctuation and at a few joining words. It is deliberately small and predictable, so a
 * coach can be told why a placement went down; `tests/matching/matching-phrases.unit.test.ts` holds the cases.
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

export type PhraseReader = (text: string) => ReadWords;

/** The grammar with its cue phrases ready to match. */
interface CompiledGrammar {
  cues: {
    ruleOut: Cues;
    ruleOutAfter: Cues;
    notRuledOut: Cues;
    tried: Cues;
    wish: Cues;
    wentWell: Cues;
    wentBadly: Cues;
  };
  joins: Set<string>;
  breaks: Cues;
  clauseStarts: Set<string>;
}

function compileGrammar(grammar: PhraseGrammar): CompiledGrammar {
  return {
    cues: {
      ruleOut: cuesOf(grammar.ruleOut),
      ruleOutAfter: cuesOf(grammar.ruleOutAfter),
      notRuledOut: cuesOf(grammar.notRuledOut),
      tried: cuesOf(grammar.triedBefore),
      wish: cuesOf(grammar.wishBefore),
      wentWell: cuesOf(grammar.wentWell),
      wentBadly: cuesOf(grammar.wentBadly),
    },
    joins: new Set(grammar.ruledOutJoins),
    breaks: cuesOf(grammar.clauseBreaks),
    clauseStarts: new Set(grammar.clauseStarts),
  };
}

/**
 * Reads a text sentence by sentence. A sentence with a `triedBefore` cue (and no wish before it:
 * "I'd like to do work experience at a vet" is a wish) tells of past work. A sentence right after
 * one, saying how it went ("I did a week at Tesco. It was horrible."), belongs to it up to the end
 * of the last clause that says so. Every other clause is read for what it rules out and what it wants.
 */
export function phraseReader(grammar: PhraseGrammar = loadPhraseGrammar()): PhraseReader {
  const compiled = compileGrammar(grammar);
  return (text) => new TextReading(text, compiled).read();
}

/**
 * Where the story of past work in the sentence starts, if it tells one: the start of the clause with
 * a past-work cue that no wish comes before ("I love animals, I volunteered at a kennels" starts at
 * "I volunteered"; what comes before is read as any other clause).
 */
function pastWorkStart(words: string[], grammar: CompiledGrammar): number | undefined {
  let clauseStart = 0;
  let wished = false;
  for (let i = 0; i < words.length; i++) {
    const broken = clauseEnd.test(words[i]!) ? 1 : cueLength(words, i, grammar.breaks);
    if (broken > 0) {
      clauseStart = i + broken;
      wished = false;
      i += broken - 1;
    } else if (cueLength(words, i, grammar.cues.wish) > 0) wished = true;
    else if (!wished && cueLength(words, i, grammar.cues.tried) > 0) return clauseStart;
  }
  return undefined;
}

/** One text being read: what it wants so far, what it rules out, and the story of past work it is telling. */
class TextReading {
  readonly #text: string;
  readonly #grammar: CompiledGrammar;
  readonly #read: ReadWords = { wanted: '', ruledOut: [], tried: [] };
  readonly #wanted: string[] = [];
  #lastTried: { told: TriedBefore; what: string[]; start: Token } | undefined;

  constructor(text: string, grammar: CompiledGrammar) {
    this.#text = text;
    this.#grammar = grammar;
  }

  read(): ReadWords {
    for (const sentence of splitWhere(tokens(this.#text), (token) => sentenceEnd.test(token.word)))
      this.#readSentence(sentence);
    this.#read.wanted = this.#wanted.join(' ');
    return this.#read;
  }

  readonly #slice = (from: Token, to: Token) => this.#text.slice(from.start, to.end);

  #readSentence(sentence: Token[]) {
    const words = sentence.map((token) => token.word);
    const storyStart = pastWorkStart(words, this.#grammar);
    if (storyStart !== undefined) {
      this.#readClauses(sentence.slice(0, storyStart), words.slice(0, storyStart));
      this.#tellStory(sentence, words, storyStart);
      return;
    }
    const from = this.#lastTried ? this.#goOnWithStory(sentence, words) : 0;
    this.#readClauses(sentence.slice(from), words.slice(from));
  }

  /** The sentence tells of past work from `storyStart` to its end. */
  #tellStory(sentence: Token[], words: string[], storyStart: number) {
    const { went, what } = outcomeOf(words, storyStart, words.length, this.#grammar.cues);
    const start = sentence[storyStart]!;
    const told: TriedBefore = { said: this.#slice(start, sentence.at(-1)!), what: what.join(' '), went };
    this.#read.tried.push(told);
    this.#lastTried = { told, what, start };
  }

  /** The clauses after a story that say how it went belong to it; returns where the rest of the sentence starts. */
  #goOnWithStory(sentence: Token[], words: string[]): number {
    const lastTried = this.#lastTried!;
    const from = outcomeClausesEnd(words, this.#grammar.cues, this.#grammar.breaks);
    if (from > 0) {
      const outcome = outcomeOf(words, 0, from, this.#grammar.cues);
      const told = lastTried.told;
      if (outcome.went === 'badly' || told.went === 'unsaid') told.went = outcome.went;
      lastTried.what.push(...outcome.what);
      told.what = lastTried.what.join(' ');
      told.said = this.#slice(lastTried.start, sentence[from - 1]!);
    }
    if (from < sentence.length) this.#lastTried = undefined;
    return from;
  }

  #readClauses(sentence: Token[], words: string[]) {
    new ClauseReading({
      sentence,
      words,
      grammar: this.#grammar,
      wanted: this.#wanted,
      ruledOut: this.#read.ruledOut,
      slice: this.#slice,
    }).read();
  }
}

/**
 * The clauses of a sentence read word by word for what they want and what they rule out. At each
 * word one cue may apply, tried in this order: a phrase that only looks like a negation ("not only"),
 * a cue that rules out what came before it ("... stresses me out"), a negation that rules out what
 * follows ("but not the bar"), a joining word inside a ruled-out list, a clause break; any other word
 * is wanted, or ruled out while a negation's scope is open.
 */
class ClauseReading {
  readonly #sentence: Token[];
  readonly #words: string[];
  readonly #grammar: CompiledGrammar;
  readonly #wanted: string[];
  readonly #ruledOut: RuledOut[];
  readonly #slice: (from: Token, to: Token) => string;
  /** The ruled-out idea being read: from its cue ("never") to the current word. */
  #scope: { cue: Token; what: Token[] } | undefined;
  /** The words of the current clause that went to `wanted`, in case a cue after them rules them out. */
  #clause: Token[] = [];

  constructor(options: {
    sentence: Token[];
    words: string[];
    grammar: CompiledGrammar;
    wanted: string[];
    ruledOut: RuledOut[];
    slice: (from: Token, to: Token) => string;
  }) {
    this.#sentence = options.sentence;
    this.#words = options.words;
    this.#grammar = options.grammar;
    this.#wanted = options.wanted;
    this.#ruledOut = options.ruledOut;
    this.#slice = options.slice;
  }

  read() {
    for (let i = 0; i < this.#sentence.length; ) {
      const taken =
        this.#notRuledOut(i) || this.#ruledOutBefore(i) || this.#negation(i) || this.#join(i) || this.#clauseBreak(i);
      if (taken > 0) {
        i += taken;
        continue;
      }
      const token = this.#sentence[i]!;
      if (this.#scope) this.#scope.what.push(token);
      else this.#want(token);
      i += 1;
    }
    this.#closeScope();
  }

  #closeScope() {
    const scope = this.#scope;
    if (scope && scope.what.length > 0)
      this.#ruledOut.push({
        said: this.#slice(scope.cue, scope.what.at(-1)!),
        what: this.#slice(scope.what[0]!, scope.what.at(-1)!),
      });
    this.#scope = undefined;
  }

  #want(token: Token) {
    this.#wanted.push(token.word);
    this.#clause.push(token);
  }

  #notRuledOut(i: number): number {
    const kept = cueLength(this.#words, i, this.#grammar.cues.notRuledOut);
    if (kept > 0) {
      this.#closeScope();
      for (const keptToken of this.#sentence.slice(i, i + kept)) this.#want(keptToken);
    }
    return kept;
  }

  /** "the till part stresses me out": what the clause said so far is what it rules out. */
  #ruledOutBefore(i: number): number {
    const after = cueLength(this.#words, i, this.#grammar.cues.ruleOutAfter);
    if (after === 0) return 0;
    const clause = this.#clause;
    if (!this.#scope && clause.length > 0) {
      this.#wanted.length -= clause.length;
      this.#ruledOut.push({
        said: this.#slice(clause[0]!, this.#sentence[i + after - 1]!),
        what: this.#slice(clause[0]!, clause.at(-1)!),
      });
    }
    this.#closeScope();
    this.#clause = [];
    return after;
  }

  #negation(i: number): number {
    const negation = cueLength(this.#words, i, this.#grammar.cues.ruleOut);
    if (negation === 0) return 0;
    this.#closeScope();
    this.#clause = [];
    const token = this.#sentence[i]!;
    // "but not the bar" is said "not the bar": the joining word belongs to the sentence, not to the idea.
    const cueStart = negation > 1 && token.word === 'but' ? this.#sentence[i + 1]! : token;
    this.#scope = { cue: cueStart, what: [] };
    return negation;
  }

  /** "never the strimmer or the mower" rules out both; "no cooking and I like serving" only cooking. */
  #join(i: number): number {
    const scope = this.#scope;
    if (!scope || !this.#grammar.joins.has(this.#words[i]!) || scope.what.length === 0) return 0;
    this.#closeScope();
    const next = this.#words[i + 1];
    if (next !== undefined && !this.#grammar.clauseStarts.has(next) && !clauseEnd.test(next))
      this.#scope = { cue: scope.cue, what: [] };
    return 1;
  }

  #clauseBreak(i: number): number {
    const broken = clauseEnd.test(this.#words[i]!) ? 1 : cueLength(this.#words, i, this.#grammar.breaks);
    if (broken > 0) {
      this.#closeScope();
      this.#clause = [];
    }
    return broken;
  }
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

/** A young person's words for matching, read once per set of words (see `readPersonWords`): the sentence and each liked task. */
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
