import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A journey reaches a route or a page already shaped and redacted for the caller (issue 23): the
 * service's view(), viewOf() and viewsOf() are the one place that asks which sides of the journey
 * the caller acts for and shapes the match for them. A route or a page that did it itself could
 * forget a redaction the service makes.
 */
const src = path.resolve(import.meta.dirname, '../../src');
const routesAndPages = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(routes\.ts|pages\.tsx)$/.test(entry.name))
  .map((entry) => path.join(entry.parentPath, entry.name));

describe('journey views', () => {
  it('finds the routes and pages it checks', () => {
    const names = routesAndPages.map((file) => path.relative(src, file).split(path.sep).join('/'));
    expect(names).toEqual(expect.arrayContaining(['journey/journey.routes.ts', 'journey/proposals.pages.tsx']));
  });

  it('are shaped by the journey service, never by a route or a page', () => {
    const shaping = routesAndPages.filter((file) => /\b(matchView|partiesOf)\(/.test(readFileSync(file, 'utf8')));
    expect(shaping.map((file) => path.relative(src, file))).toEqual([]);
  });
});
