import type { Bank } from '../../../../src/domain/questionnaire/types.js';

/**
 * Earlier versions of the question banks, kept so that answers given under them are
 * still scored as they were asked. Before changing a bank in `flows/questionnaires/banks/`:
 * copy its file here as `<pillar>-v<version>.ts` (exporting e.g. `mobilitasBankV1`), add
 * it to this list, then raise the version in the original and edit it. An item whose
 * meaning changes gets a new id; start-up refuses an id that changes type or audience.
 */
export const frozenBanks: readonly Bank[] = [];
