import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import type { Migration } from '../../src/core/db/migrations.js';
import { projectRoot } from '../../src/core/project-root.js';

it("migrations/README.md's example is a migration that compiles and loads", async () => {
  const readme = readFileSync(path.join(projectRoot, 'migrations', 'README.md'), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example, 'a ```ts block in migrations/README.md').toBeDefined();
  // One level below the project root, as migrations/ is, so that its `../src/...` imports resolve.
  const dir = mkdtempSync(path.join(projectRoot, '.migrations-readme-'));
  try {
    const file = path.join(dir, '0000-example.ts');
    writeFileSync(file, example!);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { noEmit: true }, include: ['0000-example.ts'] }),
    );
    const tsc = path.join(projectRoot, 'node_modules', '.bin', 'tsc');
    await expect(promisify(execFile)(tsc, ['-p', dir]), 'tsc on the example').resolves.toBeDefined();
    const loaded = (await import(file)) as { default: Migration };
    expect(loaded.default.description.length).toBeGreaterThan(10);
    expect(typeof loaded.default.up).toBe('function');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('migrations import only the Migration type and the helpers from src/, never a live declaration', () => {
  const allowed = new Set(['../src/core/db/migrations.js', '../src/core/db/mongo.js']);
  const dir = path.join(projectRoot, 'migrations');
  const imports = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) =>
      [...readFileSync(path.join(dir, name), 'utf8').matchAll(/from '([^']+)'/g)].map(
        (match) => `${name}: ${match[1]}`,
      ),
    );
  expect(imports.filter((line) => !allowed.has(line.split(': ')[1]!))).toEqual([]);
});
