/** Ranking metrics for the match-quality evaluation (binary relevance). */

/** The share of the first k results that are relevant. */
export function precisionAt(k: number, ranked: string[], relevant: Set<string>): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** Normalised discounted cumulative gain over the first k results: 1 when every relevant result comes first. */
export function ndcgAt(k: number, ranked: string[], relevant: Set<string>): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, rank) => sum + (relevant.has(id) ? 1 / Math.log2(rank + 2) : 0), 0);
  let ideal = 0;
  for (let rank = 0; rank < Math.min(k, relevant.size); rank++) ideal += 1 / Math.log2(rank + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}
