import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import {
  type EnqueuedTaskPromise,
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type SearchParams,
  type SearchResponse,
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

const keptAlive = {
  'http:': { transport: http, agent: new http.Agent({ keepAlive: true }) },
  'https:': { transport: https, agent: new https.Agent({ keepAlive: true }) },
} as const;

/**
 * One search, as `client.index(indexUid).search(q, params)` sends it, with the same errors (so
 * `isSearchUnavailable` and the 503 work the same), over node:http on kept-alive connections
 * instead of the client's fetch. Fetch's web streams cost about 1 ms of CPU a search, half of it,
 * and the match endpoint is short of CPU at concurrency 32 (`npm run bench:match`). The timeout
 * is the client's, for the whole request. Node asks for no compression (see `createSearch`).
 */
export function searchIndex<T extends Record<string, unknown>>(
  client: Meilisearch,
  indexUid: string,
  params: SearchParams,
): Promise<SearchResponse<T>> {
  return postToSearch(client, `indexes/${encodeURIComponent(indexUid)}/search`, params);
}

/**
 * Several searches in one request (`POST /multi-search`), answered in the order sent, carried and
 * failing as `searchIndex`. Meilisearch runs them one after the other under one of its search
 * permits (one per core), so a caller that knows it needs them all waits in its queue once.
 */
export async function searchIndexes<T extends Record<string, unknown>>(
  client: Meilisearch,
  queries: (SearchParams & { indexUid: string })[],
): Promise<SearchResponse<T>[]> {
  const { results } = await postToSearch<{ results: SearchResponse<T>[] }>(client, 'multi-search', { queries });
  return results;
}

function postToSearch<T>(client: Meilisearch, route: string, payload: unknown): Promise<T> {
  const { host, apiKey, timeout } = client.config;
  const base = /^https?:\/\//.test(host) ? host : `http://${host}`;
  const url = new URL(route, base.endsWith('/') ? base : `${base}/`);
  const { transport, agent } = keptAlive[url.protocol === 'https:' ? 'https:' : 'http:'];
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const failed = (cause: unknown) => {
      clearTimeout(timer);
      reject(new MeilisearchRequestError(url.toString(), cause));
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', failed);
        response.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 500;
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch (error) {
            if (status < 300) return failed(error);
          }
          if (status >= 200 && status < 300) resolve(parsed as T);
          else reject(new MeilisearchApiError(new Response(text, { status }), parsed as never));
        });
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`Meilisearch did not answer within ${timeout} ms.`)),
      timeout ?? 30_000,
    );
    request.on('error', failed);
    request.end(body);
  });
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
 * The words of a job-word group that Meilisearch is given as synonyms: its single words ("till",
 * "checkout"), not its phrases ("working on the till"). Meilisearch searches every alternative of a
 * phrase as words in order, and the phrases of the job words made a worded search four to five
 * times the work (10 to 13 ms against 2.3 ms with none and 5 ms with the single words, the
 * relevance search of a match at 100,000 placements). Matching's fit score reads every member,
 * phrases included (`job-words.ts`), so a placement the search finds is scored by them all.
 */
export const searchedJobWords = (group: string[]): string[] => group.filter((member) => !member.includes(' '));

/**
 * Loads every `*.index.json` from `search-config/`; synonyms live in their own files and are merged in:
 * `synonyms.json` (the service's vocabulary) and the single words of the groups of `job-words.json`
 * (how people name jobs; matching's fit score uses the whole groups).
 */
export async function loadIndexConfigs(dir: string = searchConfigDir): Promise<IndexConfig[]> {
  const groupsIn = async (file: string) =>
    (JSON.parse(await readFile(path.join(dir, file), 'utf8')) as { groups: string[][] }).groups;
  const synonyms = expandSynonymGroups([
    ...(await groupsIn('synonyms.json')),
    ...(await groupsIn('job-words.json')).map(searchedJobWords).filter((group) => group.length > 1),
  ]);
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
    const task = await search.client.createIndex(uid, { primaryKey }).waitTask();
    // Instances starting together on an empty Meilisearch all see the index missing; one creates it.
    if (task.status === 'failed' && task.error?.code === 'index_already_exists') return;
    if (task.status !== 'succeeded') throw new SearchTaskFailedError(task, `create ${uid}`);
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
