import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type EnqueuedTaskPromise,
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type Settings,
  type Task,
} from 'meilisearch';
import { projectRoot } from '../project-root.js';

export const searchConfigDir = path.join(projectRoot, 'search-config');

/** The search client plus the prefix that keeps one deployment's (or one test file's) indexes apart. */
export interface Search {
  client: Meilisearch;
  prefix: string;
  indexUid(name: IndexName): string;
}

export type IndexName = 'placements' | 'candidates';

/** One index's settings as kept in `search-config/<name>.json`. */
export interface IndexConfig {
  name: IndexName;
  primaryKey: string;
  settings: Settings;
}

export function createSearch(url: string, apiKey: string | undefined, prefix: string, timeoutMs: number): Search {
  const client = new Meilisearch({
    host: url,
    apiKey,
    timeout: timeoutMs,
    defaultWaitOptions: { timeout: 120_000, interval: 25 },
    // Uncompressed: Meilisearch streams a compressed response in small writes, and on a kept-alive
    // connection the last one waits for a delayed ACK, adding about 40 ms to every call.
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
  });
  return { client, prefix, indexUid: (name) => `${prefix}${name}` };
}

/**
 * The same Meilisearch and index prefix with another request timeout. The sync worker uses a long
 * one for its writes: a write the client gives up on may still be registered by Meilisearch later
 * (registering waits for the indexing in progress), after the retry that was meant to replace it,
 * and then the older document wins. Requests on the API's path keep the short timeout.
 */
export function withRequestTimeout(search: Search, timeoutMs: number): Search {
  const client = new Meilisearch({ ...search.client.config, timeout: timeoutMs });
  return { ...search, client };
}

/** Turns synonym groups (every member means the same) into Meilisearch's word -> alternatives map. */
export function expandSynonymGroups(groups: string[][]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) {
      const others = group.filter((other) => other !== word);
      synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...others])];
    }
  }
  return synonyms;
}

/**
 * Loads every `*.index.json` from `search-config/`; synonyms live in their own files and are merged in:
 * `synonyms.json` (the service's vocabulary) and the groups of `job-words.json` (how people name jobs),
 * which matching's fit score uses as well.
 */
export async function loadIndexConfigs(dir: string = searchConfigDir): Promise<IndexConfig[]> {
  const groupsIn = async (file: string) =>
    (JSON.parse(await readFile(path.join(dir, file), 'utf8')) as { groups: string[][] }).groups;
  const synonyms = expandSynonymGroups([...(await groupsIn('synonyms.json')), ...(await groupsIn('job-words.json'))]);
  const files = (await readdir(dir)).filter((file) => file.endsWith('.index.json')).sort();
  const configs: IndexConfig[] = [];
  for (const file of files) {
    const raw = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as IndexConfig & {
      useSynonyms?: boolean;
      $comment?: string;
    };
    const { useSynonyms, $comment: _comment, ...config } = raw;
    configs.push(useSynonyms ? { ...config, settings: { ...config.settings, synonyms } } : config);
  }
  return configs;
}

export class SearchTaskFailedError extends Error {
  constructor(task: Task, what: string) {
    super(`Meilisearch task ${task.uid} (${what}) ${task.status}: ${task.error?.message ?? 'no reason given'}`);
    this.name = 'SearchTaskFailedError';
  }
}

/** Waits for a task and throws if Meilisearch reports it failed or was cancelled. */
export async function waitForSuccess(enqueued: EnqueuedTaskPromise, what: string): Promise<Task> {
  const task = await enqueued.waitTask();
  if (task.status !== 'succeeded') throw new SearchTaskFailedError(task, what);
  return task;
}

/**
 * Creates each index if missing and applies its settings, waiting for every task.
 * Meilisearch treats an unchanged settings update as a no-op, so this is safe on every start.
 */
export async function applyIndexConfigs(search: Search, configs: IndexConfig[]): Promise<void> {
  for (const config of configs) {
    await ensureIndex(search, search.indexUid(config.name), config.primaryKey);
    await waitForSuccess(
      search.client.index(search.indexUid(config.name)).updateSettings(config.settings),
      `settings of ${search.indexUid(config.name)}`,
    );
  }
}

export async function ensureIndex(search: Search, uid: string, primaryKey: string): Promise<void> {
  try {
    await search.client.getRawIndex(uid);
  } catch (error) {
    if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'index_not_found') throw error;
    await waitForSuccess(search.client.createIndex(uid, { primaryKey }), `create ${uid}`);
  }
}

/** True when Meilisearch could not be reached or answered that it is not able to work. */
export function isSearchUnavailable(error: unknown): boolean {
  if (
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    error instanceof MeilisearchTaskTimeOutError
  ) {
    return true;
  }
  return error instanceof MeilisearchApiError && error.response.status >= 500;
}
