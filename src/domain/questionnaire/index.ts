/**
 * The Desa Cerdas pillar questionnaires: bank types, validation and pure scoring. The
 * banks themselves are data in `flows/questionnaires/banks/`.
 */
export * from './answers.js';
export * from './applicable.js';
export * from './area-scores.js';
export * from './audience.js';
export * from './bands.js';
export * from './item-score.js';
export * from './pillar-score.js';
export * from './progress.js';
export * from './registry.js';
export * from './texts.js';
export * from './types.js';
export * from './validate.js';
export * from './village-answers.js';
export * from './village-score.js';
export * from './weakest-items.js';
