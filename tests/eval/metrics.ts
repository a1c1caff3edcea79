/** Ranking metrics for the match-quality evaluation. */

/** The share of the first k results that are relevant. */
export function precisionAt(k: number, ranked: string[], relevant: Set<string>): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/**
 * Normalised discounted cumulative gain over the first k results: 1 when the results come in
 * the order of their gains. `relevance` is either the relevant ids (each gains 1) or each id's gain.
 */
export function ndcgAt(k: number, ranked: string[], relevance: Set<string> | Map<string, number>): number {
  const gains = relevance instanceof Set ? new Map([...relevance].map((id) => [id, 1])) : relevance;
  const discounted = (values: number[]) =>
    values.slice(0, k).reduce((sum, gain, rank) => sum + gain / Math.log2(rank + 2), 0);
  const ideal = discounted([...gains.values()].filter((gain) => gain > 0).sort((a, b) => b - a));
  return ideal === 0 ? 0 : discounted(ranked.map((id) => gains.get(id) ?? 0)) / ideal;
}

/** Reciprocal rank of the first result that is one of `wanted` (0 when none is returned). */
export function reciprocalRank(ranked: string[], wanted: Set<string>): number {
  const rank = ranked.findIndex((id) => wanted.has(id));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

/**
 * The share of the orderings a job coach expects that the ranking keeps: every pair of a person's
 * placements of different gain where at least one was returned, kept when the higher gain comes
 * first (a placement not returned counts as after every returned one). 1 when no pair is counted.
 */
export function pairsHeld(ranked: string[], gains: Map<string, number>): number {
  const rank = (id: string) => {
    const at = ranked.indexOf(id);
    return at < 0 ? Number.POSITIVE_INFINITY : at;
  };
  let counted = 0;
  let held = 0;
  for (const [a, gainA] of gains)
    for (const [b, gainB] of gains) {
      if (gainA <= gainB || (rank(a) === Number.POSITIVE_INFINITY && rank(b) === Number.POSITIVE_INFINITY)) continue;
      counted += 1;
      if (rank(a) < rank(b)) held += 1;
    }
  return counted === 0 ? 1 : held / counted;
}
