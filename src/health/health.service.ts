import type { Db } from 'mongodb';
import type { Search } from '../core/search/meili.js';

export interface DependencyCheck {
  status: 'up' | 'down';
  latencyMs: number;
}

async function timed(probe: () => Promise<unknown>, timeoutMs: number): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: 'down', latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether MongoDB and Meilisearch answer, each within two seconds (or the time given). */
export class HealthService {
  private readonly db: Db;
  private readonly search: Search;

  constructor(options: { db: Db; search: Search }) {
    this.db = options.db;
    this.search = options.search;
  }

  async checkDependencies(timeoutMs = 2000): Promise<{ mongodb: DependencyCheck; meilisearch: DependencyCheck }> {
    const [mongodb, meilisearch] = await Promise.all([
      timed(() => this.db.command({ ping: 1 }), timeoutMs),
      timed(async () => {
        const health = await this.search.client.health();
        if (health.status !== 'available') throw new Error('not available');
      }, timeoutMs),
    ]);
    return { mongodb, meilisearch };
  }
}
