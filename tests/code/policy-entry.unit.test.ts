import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every route, page and service asks the one policy module, src/auth/policy.ts (issue 23 split its
 * decisions into one module per resource under src/auth/policy/): nothing else reaches past it.
 */

const src = path.resolve(import.meta.dirname, '../../src');
const files = readdirSync(src, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
  .map((entry) => path.relative(src, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));

describe('the one policy module', () => {
  it('keeps each resource’s decisions in its own module under src/auth/policy/', () => {
    expect(files).toEqual(expect.arrayContaining(['auth/policy/passport.ts', 'auth/policy/journey.ts']));
  });

  it('is the only module outside src/auth/policy/ that imports from it', () => {
    const reachingPast = files
      .filter((file) => file !== 'auth/policy.ts' && !file.startsWith('auth/policy/'))
      .filter((file) => /from '[./]*(auth\/)?policy\//.test(readFileSync(path.join(src, file), 'utf8')));
    expect(reachingPast).toEqual([]);
  });
});
