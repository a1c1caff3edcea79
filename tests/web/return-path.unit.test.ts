import { describe, expect, it } from 'vitest';
import { knownRoutesOf, safeReturnPath } from '../../src/web/return-path.js';

const knownRoutes = knownRoutesOf([
  { method: 'ALL', path: '/*' },
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/passport' },
  { method: 'GET', path: '/young-people/:id{[0-9a-f]{24}}/delegates' },
  { method: 'POST', path: '/sign-out' },
]);
const id = '0123456789abcdef01234567';

/**
 * The classic open-redirect bypasses, as they arrive once the query string is decoded (so "%09"
 * is a tab here), and in their still-encoded forms.
 */
const bypasses = [
  'https://evil.example',
  'http:evil.example',
  '//evil.example',
  '///evil.example',
  '////evil.example/passport',
  '/\\evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\t\\evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/\0/evil.example',
  '/\u000b/evil.example',
  '/\u007f/evil.example',
  '/\u0085/evil.example',
  '/%09/evil.example',
  '/%5Cevil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  'javascript:alert(1)',
  '/javascript:alert(1)',
  ' /passport',
  'evil.example',
  '@evil.example',
  '/@evil.example',
  '/.evil.example',
  '/passport/../sign-out',
  '/sign-out',
  '/nowhere',
  `/young-people/${id}/delegates/extra`,
  `/${'a'.repeat(600)}`,
  '',
  undefined,
];

describe('safeReturnPath', () => {
  it.each(bypasses)('refuses %j', (value) => {
    expect(safeReturnPath(value, knownRoutes)).toBeUndefined();
  });

  it.each([
    ['/', '/'],
    ['/passport', '/passport'],
    ['/passport?saved=1', '/passport?saved=1'],
    [`/young-people/${id}/delegates`, `/young-people/${id}/delegates`],
    ['/passport/../', '/'],
    ['/passport#what-helps', '/passport'],
  ])('keeps the app’s own page %j as %j', (value, expected) => {
    expect(safeReturnPath(value, knownRoutes)).toBe(expected);
  });
});
