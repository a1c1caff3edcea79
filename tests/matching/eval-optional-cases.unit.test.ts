import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { optionalCases } from '../eval/optional-cases.js';

describe('an evaluation set the lead adds later', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'optional-cases-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read from its module when the file is there', async () => {
    const file = path.join(dir, 'held-out.mjs');
    writeFileSync(file, 'export const heldOut = [{ cause: "ruled_out" }];\n');
    expect(await optionalCases(pathToFileURL(file), 'heldOut')).toEqual([{ cause: 'ruled_out' }]);
  });

  it('is skipped without a word when the file is not there', async () => {
    expect(await optionalCases(pathToFileURL(path.join(dir, 'absent.mjs')), 'heldOut')).toEqual([]);
  });

  it('says so when the file does not export the cases by that name', async () => {
    const file = path.join(dir, 'misnamed.mjs');
    writeFileSync(file, 'export const other = [];\n');
    await expect(optionalCases(pathToFileURL(file), 'heldOut')).rejects.toThrow('does not export heldOut');
  });
});
