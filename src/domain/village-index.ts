import { createVillageSearch, type VillageSearch } from './village-search.js';
import { loadVillageDirectory, type VillageDirectory } from './villages.js';

/** The village directory with its search index, built once and shared read-only. */
export interface VillageIndex {
  directory: VillageDirectory;
  search: VillageSearch;
}

/** Where actions get the village index from; the app hands over one built at start-up. */
export type VillageIndexSource = () => Promise<VillageIndex>;

/** Loads the directory and builds the search index (0.2-0.4 s on a 2-core machine, under 10 MB). */
export async function loadVillageIndex(dataDir?: string): Promise<VillageIndex> {
  const directory = await loadVillageDirectory(dataDir);
  return { directory, search: createVillageSearch(directory) };
}

/**
 * A source that builds the index on first use and then returns the same one: for tools
 * and tests that may never search.
 */
export function lazyVillageIndex(dataDir?: string): VillageIndexSource {
  let index: Promise<VillageIndex> | undefined;
  return () => {
    index ??= loadVillageIndex(dataDir);
    return index;
  };
}
