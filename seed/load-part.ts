import type { Progress } from '../src/core/progress.js';
import type { System } from '../src/services.js';
import type { Dataset } from './generate.js';
import type { SearchFeed } from './search-feed.js';

export interface LoadCounts {
  providers: number;
  staff: number;
  employers: number;
  placements: number;
  youngPeople: number;
  passports: number;
  /** Every account written: staff, employers' staff, young people and delegates. */
  accounts: number;
}

/** What each part of the loader works with. */
export interface LoadContext {
  services: System;
  dataset: Dataset;
  now: Date;
  /** The hash of the demo password, made once and shared by every demo account. */
  passwordHash: string;
  batchSize: number;
  counts: LoadCounts;
  /** Where written records go to be made searchable, when the load builds the search indexes. */
  searchFeed?: SearchFeed;
}

/** One step of loading: writes some kinds of record, referring only to records written by earlier parts. */
export interface LoadPart {
  label: string;
  /** How many items the part will write, for its progress bar. */
  total(dataset: Dataset): number;
  run(context: LoadContext, progress: Progress): Promise<void>;
}
