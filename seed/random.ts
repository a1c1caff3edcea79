/**
 * Seeded randomness for the demo data. Every record draws from its own generator, keyed by the
 * seed, the kind of record and its number, so no record depends on how many random numbers the
 * ones before it used, and any record can be made without making the ones before it.
 */

/** cyrb128: a fast string hash with four 32-bit outputs, used to seed sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A 32-bit hash of the parts, e.g. to fold a seed into record ids. */
export function hash32(...parts: (string | number)[]): number {
  return hash128(parts.join('\u0001'))[0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): passes PractRand, four words of state. */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(...key: (string | number)[]) {
    [this.#a, this.#b, this.#c, this.#d] = hash128(key.join('\u0001'));
    // The first outputs of a freshly seeded sfc32 are still close to the seed; skip them.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the choices, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [choice, weight] of choices) {
      point -= weight;
      if (point < 0) return choice;
    }
    return choices[choices.length - 1]![0];
  }

  /** `count` different choices (fewer if there are not enough), each drawn as likely as its weight among those left. */
  weightedSample<T>(choices: readonly (readonly [T, number])[], count: number): T[] {
    const pool = [...choices];
    const taken: T[] = [];
    while (taken.length < count && pool.length > 0) {
      const choice = this.weighted(pool);
      taken.push(choice);
      pool.splice(
        pool.findIndex(([candidate]) => candidate === choice),
        1,
      );
    }
    return taken;
  }

  /** `count` different items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const taken: T[] = [];
    while (taken.length < count && pool.length > 0) {
      taken.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    }
    return taken;
  }
}
