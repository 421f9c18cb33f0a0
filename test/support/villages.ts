import { lazyVillageIndex } from '../../src/domain/village-index.js';

/** The village index of this test file, built on the first search (a few tenths of a second). */
export const testVillages = lazyVillageIndex();
