import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, DependencyUnavailableError, forbidden, notFound } from '../../src/core/errors.js';
import { unlessAbsent } from '../../src/web/refusals.js';

const src = path.resolve(import.meta.dirname, '../../src');

describe('a page leaving out what is absent', () => {
  it('reads not found and forbidden as absent', async () => {
    expect(await unlessAbsent(Promise.reject(notFound('That placement')))).toBeUndefined();
    expect(await unlessAbsent(Promise.reject(forbidden()), [])).toEqual([]);
    expect(await unlessAbsent(Promise.resolve('found'), [])).toBe('found');
  });

  it('lets a store that is down, another refusal or a bug reach the error page', async () => {
    const down = new DependencyUnavailableError('mongodb');
    await expect(unlessAbsent(Promise.reject(down))).rejects.toBe(down);
    const refused = new ApiError('conflict', 'Someone changed it first.');
    await expect(unlessAbsent(Promise.reject(refused))).rejects.toBe(refused);
    const bug = new TypeError('x is undefined');
    await expect(unlessAbsent(Promise.reject(bug), [])).rejects.toBe(bug);
  });

  it('no page swallows every failure with .catch(() => …)', () => {
    const swallowing = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.pages.tsx'))
      .filter((file) => /\.catch\(\s*\(\)\s*=>/.test(readFileSync(path.join(src, file), 'utf8')));
    expect(swallowing).toEqual([]);
  });
});
