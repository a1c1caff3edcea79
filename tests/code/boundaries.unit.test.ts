import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Feature boundaries (issue 11): a feature's service never holds another feature's repository.
 * It reads across through the other feature's service (acting for a user, so the policy applies)
 * or through a read model in src/read-models/ made for it, and writes to another feature's store
 * inside its own transaction only through a narrow interface it declares, which the owning
 * repository implements (services.ts passes the repository). A type-only import of a record's
 * shape (`Placement`, `Account`) is allowed; a repository class, a stored document type or any
 * value from another feature's repository module is not.
 */

const src = path.resolve(import.meta.dirname, '../../src');

/** Services not named *.service.ts. */
const otherServices = ['auth/invitations.ts', 'notifications/daily.ts'];

/**
 * Services still holding other features' repositories, each with the reason. Remove an entry when
 * its service is moved over.
 */
const pending: Record<string, string> = {};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(src, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const featureOf = (file: string) => file.split('/')[0]!;

interface Import {
  from: string;
  typeOnly: boolean;
  names: { name: string; typeOnly: boolean }[];
}

/** The static imports of a module (`import ... from '...'`), with which names are type-only. */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  const pattern = /^import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)';/gms;
  for (const [, type, clause, from] of text.matchAll(pattern)) {
    const typeOnly = type !== undefined;
    const braces = /\{([^}]*)\}/s.exec(clause!)?.[1] ?? '';
    const outside = clause!
      .replace(/\{[^}]*\}/s, '')
      .replace(/,/g, ' ')
      .trim();
    const names = [
      ...braces
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => ({
          name: part
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0]!
            .trim(),
          typeOnly: typeOnly || part.startsWith('type '),
        })),
      ...(outside ? [{ name: outside, typeOnly }] : []),
    ];
    found.push({ from: from!, typeOnly, names });
  }
  return found;
}

const files = filesUnder(src);
const repositoryModules = new Set(
  files.filter((file) => /export class \w+Repository\b/.test(readFileSync(path.join(src, file), 'utf8'))),
);
const services = files.filter(
  (file) => (file.endsWith('.service.ts') || otherServices.includes(file)) && featureOf(file) !== 'read-models',
);

/** What a service imports from another feature's repository module that it may not. */
function crossings(file: string): string[] {
  const text = readFileSync(path.join(src, file), 'utf8');
  return importsOf(text).flatMap(({ from, names }) => {
    if (!from.startsWith('.')) return [];
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), from)).replace(/\.js$/, '.ts');
    if (!repositoryModules.has(target) || featureOf(target) === featureOf(file)) return [];
    return names
      .filter(({ name, typeOnly }) => !typeOnly || /(Repository|Doc)$/.test(name))
      .map(({ name, typeOnly }) => `${file} imports ${typeOnly ? 'type ' : ''}${name} from ${target}`);
  });
}

describe('feature boundaries', () => {
  it('finds the repositories and services it checks', () => {
    expect([...repositoryModules]).toEqual(
      expect.arrayContaining([
        'auth/accounts.ts',
        'young-people/young-people.repository.ts',
        'placements/placements.repository.ts',
        'passports/passports.repository.ts',
      ]),
    );
    expect(services).toEqual(
      expect.arrayContaining([
        'journey/journey.service.ts',
        'passports/passports.service.ts',
        'notifications/daily.ts',
      ]),
    );
  });

  it('reads type-only imports and single-line and multi-line import lists', () => {
    const text = [
      "import type { A, BRepository } from './a.js';",
      "import { type C, d as e } from './c.js';",
      "import {\n  type F,\n  G,\n} from './f.js';",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      {
        from: './a.js',
        typeOnly: true,
        names: [
          { name: 'A', typeOnly: true },
          { name: 'BRepository', typeOnly: true },
        ],
      },
      {
        from: './c.js',
        typeOnly: false,
        names: [
          { name: 'C', typeOnly: true },
          { name: 'd', typeOnly: false },
        ],
      },
      {
        from: './f.js',
        typeOnly: false,
        names: [
          { name: 'F', typeOnly: true },
          { name: 'G', typeOnly: false },
        ],
      },
    ]);
  });

  it("no feature's service imports another feature's repository (read models and record types excepted)", () => {
    const found = services.filter((file) => !(file in pending)).flatMap(crossings);
    expect(found).toEqual([]);
  });
});

/**
 * Pages (issue 23): a page module takes values only from its own feature folder, src/web/ and
 * src/domain/, so a newcomer finds a page's words and helpers in one of three places and no
 * feature's pages lean on another's. Anything else reaches a page as a type, through a src/web/
 * helper, or in the view a service hands it.
 */
const pageModules = files.filter((file) => file.endsWith('.pages.tsx'));
const pageHomes = (file: string) => new Set([featureOf(file), 'web', 'domain']);

/** The values a page module imports from a folder it may not. */
function sidewaysFromPage(file: string): string[] {
  const text = readFileSync(path.join(src, file), 'utf8');
  return importsOf(text).flatMap(({ from, names }) => {
    if (!from.startsWith('.')) return [];
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), from));
    if (pageHomes(file).has(featureOf(target))) return [];
    return names.filter(({ typeOnly }) => !typeOnly).map(({ name }) => `${file} imports ${name} from ${target}`);
  });
}

describe('page boundaries', () => {
  it('finds the page modules it checks', () => {
    expect(pageModules).toEqual(
      expect.arrayContaining(['journey/journey.pages.tsx', 'passports/passports.pages.tsx', 'auth/auth.pages.tsx']),
    );
  });

  it('no page module imports a value from outside its own feature folder, src/web/ and src/domain/', () => {
    expect(pageModules.flatMap(sidewaysFromPage)).toEqual([]);
  });
});
