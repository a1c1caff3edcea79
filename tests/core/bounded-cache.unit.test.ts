import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/core/bounded-cache.js';

describe('BoundedCache', () => {
  it('keeps at most its limit, dropping the entry least recently used', () => {
    const cache = new BoundedCache<string, number>({ limit: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // "a" is now the most recently used
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('treats an entry older than its maximum age as absent, and makes it again', () => {
    let now = 1_000;
    const cache = new BoundedCache<string, number>({ limit: 10, maxAgeMs: 60_000, now: () => now });
    let made = 0;
    const make = () => ++made;
    expect(cache.getOrMake('k', make)).toBe(1);
    now += 60_000;
    expect(cache.getOrMake('k', make)).toBe(1);
    now += 1;
    expect(cache.getOrMake('k', make)).toBe(2);
  });

  it('keeps values that are falsy but defined', () => {
    const cache = new BoundedCache<string, number>({ limit: 10 });
    let made = 0;
    const makeZero = () => {
      made += 1;
      return 0;
    };
    expect(cache.getOrMake('zero', makeZero)).toBe(0);
    expect(cache.getOrMake('zero', makeZero)).toBe(0);
    expect(made).toBe(1);
  });
});

describe('BoundedCache, at a larger limit', () => {
  it('keeps an entry read recently over older ones, whether or not the read moved it', () => {
    const cache = new BoundedCache<string, number>({ limit: 10 });
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i);
    expect(cache.get('k0')).toBe(0); // used long enough ago to be moved to the back
    expect(cache.get('k9')).toBe(9); // used just now: a hit, nothing moved
    cache.set('k10', 10);
    cache.set('k11', 11);
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k2')).toBeUndefined();
    expect(cache.get('k0')).toBe(0);
    expect(cache.get('k9')).toBe(9);
    expect(cache.size).toBe(10);
  });
});
