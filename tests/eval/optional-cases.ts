import { existsSync } from 'node:fs';

/**
 * The cases a module exports under `name`, or none when the module is not there: a held-out set
 * the lead adds later is a file of its own, so the runner works without it and whoever tunes the
 * scorer never needs to open it.
 */
export async function optionalCases<Case>(file: URL, name: string): Promise<Case[]> {
  if (!existsSync(file)) return [];
  const module = (await import(file.href)) as Record<string, Case[] | undefined>;
  const cases = module[name];
  if (!Array.isArray(cases)) throw new Error(`${file.pathname} does not export ${name} as a list of cases`);
  return cases;
}
