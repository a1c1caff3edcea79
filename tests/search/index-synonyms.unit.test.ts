import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIndexConfigs, searchConfigDir } from '../../src/core/search/meili.js';
import { loadJobWords } from '../../src/matching/job-words.js';

describe('the synonyms Meilisearch is given', () => {
  it('holds the single words of each job-word group, both ways, and none of its phrases', async () => {
    const placements = (await loadIndexConfigs()).find((config) => config.name === 'placements')!;
    const synonyms = placements.settings.synonyms as Record<string, string[]>;
    expect(synonyms.till).toEqual(expect.arrayContaining(['checkout']));
    expect(synonyms.checkout).toEqual(expect.arrayContaining(['till']));

    // The phrases ("cash desk", "taking payments") are for the fit score; the search gets only those the service's own vocabulary names.
    const serviceWords = new Set(
      (JSON.parse(readFileSync(`${searchConfigDir}/synonyms.json`, 'utf8')) as { groups: string[][] }).groups.flat(),
    );
    const phrases = loadJobWords().groups.flatMap((group) => group.filter((member) => member.includes(' ')));
    expect(phrases).toContain('cash desk');
    const given = new Set([...Object.keys(synonyms), ...Object.values(synonyms).flat()]);
    expect(phrases.filter((phrase) => given.has(phrase) && !serviceWords.has(phrase))).toEqual([]);
  });
});
