import { BoundedCache } from '../core/bounded-cache.js';
import {
  type AdjustmentCategory,
  type EnvironmentFactor,
  environmentFactorLabels,
  environmentFactors,
  type Level,
  levelRank,
  levels,
  type Sector,
} from '../domain/vocabulary.js';
import { capitalised, jobsWantedMessage } from '../domain/words.js';
import { distanceKm } from '../geo/postcodes.js';
import type { PersonFacts, ScoringFacts } from './facts.js';
import { type HardLimit, hardLimitsOf } from './hard-limits.js';
import {
  type CompiledPhrase,
  compileConcepts,
  compilePhrases,
  compileWish,
  conceptFound,
  countWishMatches,
  type PlacementWords,
  phraseMatch,
  placementWords,
  type WordMatchKind,
  wishMatches,
} from './job-words.js';
import { readPersonWords } from './phrases.js';

/**
 * How much each part of the fit counts, out of 100. Hard limits are not here: a placement that
 * breaks one is never shown, so these only order placements that could all work. The order
 * follows how a job coach weighs a match (DOMAIN.md): the workplace and adjustments first,
 * then what the young person wants to do, then the practicalities.
 */
export const fitWeights = {
  /** Environment: each factor the young person limited earns full marks below the limit and half at it (it works with support). No limits set: full marks. */
  environment: 17,
  /** Adjustments: the share of the young person's preferred adjustments the employer offers (required ones are a hard limit). None preferred: full marks. */
  adjustments: 12,
  /** Interests: the placement is in a sector the young person named (any of them). */
  sectorInterest: 20,
  /**
   * First choice: on top of `sectorInterest`, the placement is in the sector the young person put
   * first. Four fifths of the distance part: another chosen sector overtakes the first choice on
   * distance alone only when it is nearer by more than four fifths of the young person's travel
   * limit, never by a few hundred metres.
   */
  firstChoiceSector: 8,
  /**
   * Tasks: liked tasks (1 each) and strengths or skills (1/2 each) found in the placement's title and tasks, compared
   * by word stem and through the job-word groups in search-config/job-words.json; full marks at 2. Where job carving starts.
   */
  tasks: 12,
  /** Jobs they would like to do, in their own words: the ideas of that sentence found in the title and tasks (stem or job-word group); full marks at 2. */
  jobsWanted: 8,
  /** Distance: full marks next door, none at the young person's travel limit, straight line in between. */
  distance: 10,
  /** Hours: the placement uses at least three quarters of the hours the young person can give (paid-work outcomes start around 16 hours a week). */
  hours: 8,
  /** Disability Confident: none 0, Committed 1/3, Employer 2/3, Leader full marks. */
  disabilityConfident: 5,
  /**
   * Taken off, not added: for each task the young person dislikes that the placement includes, at most two. Found
   * by concept (`compileConcepts`): "sweeping up" is found in "keep the salon floor tidy" through the job words, and
   * "being really cold" in "work in the freezer store" through the job word it holds. More than half the points of
   * `jobsWanted`: a job coach does not let one of their wished-for words outweigh a task they said they dislike.
   */
  dislikedTaskPenalty: 8,
  /**
   * Taken off, once: the placement holds something the young person ruled out in their own words ("a bowling alley,
   * but not the bar", "the till part stresses me out"; see search-config/phrases.json), found by concept like a
   * disliked task. Enough to put it below the placements they did not rule out,
   * as a job coach would, never to hide it: only a limit they set hides a placement.
   */
  ruledOutPenalty: 45,
  /** Added, once: the placement is like work they tried and said went well ("I helped at my uncle's barber shop and loved it"). */
  triedAndLiked: 8,
  /** Taken off, once: the placement is like work they tried and said went badly ("it was too hot for me"). */
  triedAndDislikedPenalty: 15,
} as const;

/** The weights that add to or take from the 100 of the fit parts, each with a reason of its own. */
const scoreAdjustments = [
  'dislikedTaskPenalty',
  'ruledOutPenalty',
  'triedAndLiked',
  'triedAndDislikedPenalty',
] as const;
type ScoreAdjustment = (typeof scoreAdjustments)[number];
export type FitPart = Exclude<keyof typeof fitWeights, ScoreAdjustment>;
const fitParts = Object.keys(fitWeights).filter(
  (key): key is FitPart => !(scoreAdjustments as readonly string[]).includes(key),
);

export interface EnvironmentNote {
  factor: EnvironmentFactor;
  level: Level;
  limit?: Level;
  message: string;
}

export interface MatchReasons {
  distanceKm: number;
  interests: {
    sectors: Sector[];
    /** The placement is in the sector the young person put first. */
    firstChoice: boolean;
    likedTasks: string[];
    strengths: string[];
    skills: string[];
    /** How each liked task, strength or skill above was found: the same words, a word stem ("cooking" in "cook meals") or a job-word synonym. */
    wordMatches: { said: string; matchedBy: WordMatchKind }[];
  };
  /** What the young person said they would like to do, in their own words, and which of its ideas this placement holds. */
  jobsWanted?: { said: string; matched: string[]; message: string };
  /** Tasks the young person dislikes that the placement includes. */
  dislikedTasks: string[];
  /** What the young person ruled out in their own words ("but not the bar") and the words the placement has for it. */
  ruledOut: { said: string; found: string }[];
  /** Work they tried before that this placement is like ("I did work experience at a laundrette..."), and how it went. */
  triedBefore: { said: string; went: 'well' | 'badly'; found: string }[];
  /** Rotation departments whose names hold what the young person likes or wants to do. */
  rotations: string[];
  /** Required and preferred adjustment categories the employer offers, and those it does not. */
  adjustments: { met: AdjustmentCategory[]; notMet: AdjustmentCategory[] };
  /** VocFit style: below the limit (pros), demanding where no limit was set (cons), at the limit (support needed). */
  environment: { pros: EnvironmentNote[]; cons: EnvironmentNote[]; supportNeeded: EnvironmentNote[] };
  hardLimitsChecked: HardLimit[];
  /**
   * The employer's record with adjustments, when they have one: of the adjustments they agreed to on
   * placements whose first two weeks are over, how many were in place within those two weeks.
   */
  employerAdjustments?: { agreed: number; inPlaceWithinTwoWeeks: number };
  /** Points earned by each part, so the score can be explained line by line. */
  scoreParts: Record<FitPart | ScoreAdjustment, number>;
}

export interface Fit {
  /** 0 to 100. */
  fitScore: number;
  reasons: MatchReasons;
}

const levelName = (rank: number): Level => levels[rank] ?? 'high';
/** Each factor's label as a note starts it ("Noise"), worked out once. */
const noteLabels = Object.fromEntries(
  environmentFactors.map((factor) => [factor, capitalised(environmentFactorLabels[factor])]),
) as Record<EnvironmentFactor, string>;

function environmentFit(person: PersonFacts, placement: ScoringFacts) {
  const notes: MatchReasons['environment'] = { pros: [], cons: [], supportNeeded: [] };
  let earned = 0;
  let limited = 0;
  for (const factor of environmentFactors) {
    const rank = placement.environment[factor];
    const label = noteLabels[factor];
    const limitRank = person.environmentLimits[factor];
    if (limitRank === undefined) {
      if (rank === levelRank.high) {
        notes.cons.push({ factor, level: 'high', message: `${label}: high. No limit was set for it; check it suits.` });
      }
      continue;
    }
    limited += 1;
    const note = { factor, level: levelName(rank), limit: levelName(limitRank) };
    if (rank < limitRank) {
      earned += 1;
      notes.pros.push({ ...note, message: `${label}: ${note.level}, below the limit (${note.limit}).` });
    } else if (rank === limitRank) {
      earned += 0.5;
      notes.supportNeeded.push({ ...note, message: `${label}: ${note.level}, at the limit; plan support for it.` });
    } else {
      notes.cons.push({ ...note, message: `${label}: ${note.level}, above the limit (${note.limit}).` });
    }
  }
  return { share: limited === 0 ? 1 : earned / limited, notes };
}

const disabilityConfidentShare = { none: 0, committed: 1 / 3, employer: 2 / 3, leader: 1 } as const;
const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * How well a placement fits a young person, 0-100, with the reasons a job coach would give.
 * Pure: the same facts always give the same score, so rankings and tests are reproducible.
 */
export function scoreFit(person: PersonFacts, placement: ScoringFacts): Fit {
  return fitScorer(person)(placement);
}

/**
 * `scoreFit` for one young person and many placements: what depends only on the person is worked
 * out once. `scoreOnly` gives the same `fitScore` without the reasons, for ordering a whole pool
 * when only the page returned needs them (a pool holds up to about 450 placements, a page 20).
 */
export interface FitScorer {
  (placement: ScoringFacts): Fit;
  scoreOnly(placement: ScoringFacts): number;
}

/**
 * What a young person's own words compile to for scoring. It depends on their words alone, so it is
 * kept by those words (a bounded cache): a coach paging through matches, or many coaches matching
 * one person, reads the words once, and a changed profile is a different key, never a stale entry.
 */
function compilePersonWords(person: PersonFacts) {
  const words = readPersonWords(person);
  return {
    liked: compilePhrases(words.likedTasks),
    strengths: compilePhrases(person.strengths),
    skills: compilePhrases(person.skills),
    disliked: compileConcepts(person.dislikedTasks),
    // The sentence's ideas are what it wants; the reason still quotes the whole sentence as they wrote it.
    wish: words.wish ? { ...compileWish(words.wish), sentence: person.jobsWanted! } : undefined,
    ruledOut: words.ruledOut.flatMap(({ said, what }) => compileConcepts([what]).map((concept) => ({ said, concept }))),
    tried: words.tried
      .filter((experience) => experience.went !== 'unsaid')
      .map((experience) => ({ ...experience, wish: compileWish(experience.what) })),
  };
}

const compiledWords = new BoundedCache<string, ReturnType<typeof compilePersonWords>>({ limit: 5_000 });

/** What scoring needs of one young person, worked out once for every placement scored for them. */
interface PersonScoring {
  person: PersonFacts;
  words: ReturnType<typeof compilePersonWords>;
  firstChoice: Sector | undefined;
  /** Required and preferred adjustments, each once. */
  needed: AdjustmentCategory[];
  hardLimitsChecked: HardLimit[];
  /** The environment factors they set a limit on, and each limit's rank, in the same order. */
  limitedFactors: EnvironmentFactor[];
  limitRanks: number[];
}

export function fitScorer(person: PersonFacts): FitScorer {
  const limitedFactors = environmentFactors.filter((factor) => person.environmentLimits[factor] !== undefined);
  const scoring: PersonScoring = {
    person,
    words: compiledWords.getOrMake(
      JSON.stringify([person.jobsWanted, person.likedTasks, person.dislikedTasks, person.strengths, person.skills]),
      () => compilePersonWords(person),
    ),
    firstChoice: person.interests[0],
    needed: [...new Set([...person.requiredAdjustments, ...person.preferredAdjustments])],
    hardLimitsChecked: hardLimitsOf(person),
    limitedFactors,
    limitRanks: limitedFactors.map((factor) => person.environmentLimits[factor]!),
  };
  return Object.assign((placement: ScoringFacts) => reasonedFit(scoring, placement), {
    scoreOnly: (placement: ScoringFacts) => countedScore(scoring, placement),
  });
}

const placementText = (placement: ScoringFacts) =>
  placementWords([placement.title, ...placement.tasks, ...placement.departments]);

/** What the young person likes that the placement holds, and how each was found. */
function interestsIn(scoring: PersonScoring, placement: ScoringFacts, text: PlacementWords): MatchReasons['interests'] {
  const { person, words } = scoring;
  const wordMatches: MatchReasons['interests']['wordMatches'] = [];
  const found = (phrases: CompiledPhrase[]) =>
    phrases.flatMap((phrase) => {
      const matchedBy = phraseMatch(phrase, text);
      if (!matchedBy) return [];
      wordMatches.push({ said: phrase.text, matchedBy });
      return [phrase.text];
    });
  return {
    sectors: person.interests.includes(placement.sector) ? [placement.sector] : [],
    firstChoice: placement.sector === scoring.firstChoice,
    likedTasks: found(words.liked),
    strengths: found(words.strengths),
    skills: found(words.skills),
    wordMatches,
  };
}

/** What they ruled out, and the work they tried before, that the placement's words name. */
function polarityIn({ words }: PersonScoring, text: PlacementWords) {
  return {
    dislikedTasks: words.disliked.filter((concept) => conceptFound(concept, text)).map((concept) => concept.said),
    ruledOut: words.ruledOut.flatMap(({ said, concept }) => {
      const found = conceptFound(concept, text);
      return found ? [{ said, found }] : [];
    }),
    triedBefore: words.tried.flatMap(({ said, went, wish: ideas }) => {
      const found = wishMatches(ideas, text);
      return found.length > 0 ? [{ said, went: went as 'well' | 'badly', found: found.join(', ') }] : [];
    }),
  };
}

/** The rotation departments whose names hold a liked task or an idea of what they want to do. */
function rotationsLiked({ words }: PersonScoring, placement: ScoringFacts): string[] {
  return placement.departments.filter((department) => {
    const departmentWords = placementWords([department]);
    return (
      words.liked.some((phrase) => phraseMatch(phrase, departmentWords)) ||
      (words.wish !== undefined && countWishMatches(words.wish, departmentWords) > 0)
    );
  });
}

/** The fit with every reason a job coach would give: for the placements a page shows. */
function reasonedFit(scoring: PersonScoring, placement: ScoringFacts): Fit {
  const { person, words } = scoring;
  const km = distanceKm(person.coordinates, placement._geo);
  const text = placementText(placement);
  const interests = interestsIn(scoring, placement, text);
  const polarity = polarityIn(scoring, text);
  const wished = words.wish ? wishMatches(words.wish, text) : [];
  const offered = new Set(placement.adjustmentsOffered);
  const preferredOffered = person.preferredAdjustments.filter((category) => offered.has(category));
  const environment = environmentFit(person, placement);

  const shares: Record<FitPart, number> = {
    environment: environment.share,
    adjustments:
      person.preferredAdjustments.length === 0 ? 1 : preferredOffered.length / person.preferredAdjustments.length,
    sectorInterest: interests.sectors.length > 0 ? 1 : 0,
    firstChoiceSector: interests.firstChoice ? 1 : 0,
    tasks: tasksShare(interests.likedTasks.length, interests.strengths.length + interests.skills.length),
    jobsWanted: Math.min(1, wished.length / 2),
    distance: distanceShare(person, km),
    hours: hoursShare(person, placement),
    disabilityConfident: disabilityConfidentShare[placement.disabilityConfident],
  };
  const scoreParts = {} as Record<FitPart, number>;
  for (const part of fitParts) scoreParts[part] = round1(shares[part] * fitWeights[part]);
  const added = scoreAdjustmentsFor(
    polarity.dislikedTasks.length,
    polarity.ruledOut.length,
    polarity.triedBefore.some((found) => found.went === 'well'),
    polarity.triedBefore.some((found) => found.went === 'badly'),
  );
  const total = fitParts.reduce((sum, part) => sum + shares[part] * fitWeights[part], 0) + added.total;
  const wish = words.wish;

  return {
    fitScore: clampScore(total),
    reasons: {
      distanceKm: round1(km),
      interests,
      ...(wish
        ? { jobsWanted: { said: wish.sentence, matched: wished, message: jobsWantedMessage(wish.sentence, wished) } }
        : {}),
      ...polarity,
      rotations: rotationsLiked(scoring, placement),
      adjustments: {
        met: scoring.needed.filter((category) => offered.has(category)),
        notMet: scoring.needed.filter((category) => !offered.has(category)),
      },
      environment: environment.notes,
      hardLimitsChecked: scoring.hardLimitsChecked,
      scoreParts: { ...scoreParts, ...added.parts },
    },
  };
}

const countMatches = (phrases: CompiledPhrase[], text: PlacementWords) => {
  let n = 0;
  for (const phrase of phrases) if (phraseMatch(phrase, text)) n += 1;
  return n;
};

/**
 * The same arithmetic as `reasonedFit`, in the same order (so the same floating-point total),
 * counting instead of listing: no reasons, notes or word-match objects for placements off the page.
 */
function countedScore(scoring: PersonScoring, placement: ScoringFacts): number {
  const { person, words, limitedFactors, limitRanks } = scoring;
  const preferred = person.preferredAdjustments;
  const km = distanceKm(person.coordinates, placement._geo);
  const text = placementText(placement);
  let earned = 0;
  for (let i = 0; i < limitedFactors.length; i++) {
    const rank = placement.environment[limitedFactors[i]!];
    const limitRank = limitRanks[i]!;
    if (rank < limitRank) earned += 1;
    else if (rank === limitRank) earned += 0.5;
  }
  let preferredOffered = 0;
  for (const category of preferred) if (placement.adjustmentsOffered.includes(category)) preferredOffered += 1;

  let total = 0;
  total += (limitedFactors.length === 0 ? 1 : earned / limitedFactors.length) * fitWeights.environment;
  total += (preferred.length === 0 ? 1 : preferredOffered / preferred.length) * fitWeights.adjustments;
  total += (person.interests.includes(placement.sector) ? 1 : 0) * fitWeights.sectorInterest;
  total += (placement.sector === scoring.firstChoice ? 1 : 0) * fitWeights.firstChoiceSector;
  total +=
    tasksShare(
      countMatches(words.liked, text),
      countMatches(words.strengths, text) + countMatches(words.skills, text),
    ) * fitWeights.tasks;
  total += Math.min(1, (words.wish ? countWishMatches(words.wish, text) : 0) / 2) * fitWeights.jobsWanted;
  total += distanceShare(person, km) * fitWeights.distance;
  total += hoursShare(person, placement) * fitWeights.hours;
  total += disabilityConfidentShare[placement.disabilityConfident] * fitWeights.disabilityConfident;
  return clampScore(total + countedAdjustments(words, text));
}

/** `scoreAdjustmentsFor(...).total` for the placement's words, counting rather than listing. */
function countedAdjustments(words: PersonScoring['words'], text: PlacementWords): number {
  let ruledOutCount = 0;
  for (const { concept } of words.ruledOut) if (conceptFound(concept, text)) ruledOutCount += 1;
  let triedWell = false;
  let triedBadly = false;
  for (const experience of words.tried)
    if (countWishMatches(experience.wish, text) > 0) {
      if (experience.went === 'well') triedWell = true;
      else triedBadly = true;
    }
  let dislikedCount = 0;
  for (const concept of words.disliked) if (conceptFound(concept, text)) dislikedCount += 1;
  return scoreAdjustmentsFor(dislikedCount, ruledOutCount, triedWell, triedBadly).total;
}

const tasksShare = (liked: number, strengthsAndSkills: number) => Math.min(1, (liked + 0.5 * strengthsAndSkills) / 2);
const distanceShare = (person: PersonFacts, km: number) =>
  person.maxDistanceKm > 0 ? Math.max(0, 1 - km / person.maxDistanceKm) : 0;
const hoursShare = (person: PersonFacts, placement: ScoringFacts) =>
  Math.min(1, placement.hoursPerWeek / (0.75 * person.maxHoursPerWeek));

/** The points each adjustment adds (or takes off, as a negative number), and their sum. */
function scoreAdjustmentsFor(disliked: number, ruledOut: number, triedWell: boolean, triedBadly: boolean) {
  const parts: Record<ScoreAdjustment, number> = {
    dislikedTaskPenalty: -fitWeights.dislikedTaskPenalty * Math.min(2, disliked),
    ruledOutPenalty: ruledOut > 0 ? -fitWeights.ruledOutPenalty : 0,
    triedAndLiked: triedWell ? fitWeights.triedAndLiked : 0,
    triedAndDislikedPenalty: triedBadly ? -fitWeights.triedAndDislikedPenalty : 0,
  };
  return {
    parts,
    total: parts.dislikedTaskPenalty + parts.ruledOutPenalty + parts.triedAndLiked + parts.triedAndDislikedPenalty,
  };
}

const clampScore = (total: number) => Math.max(0, Math.min(100, Math.round(total)));
