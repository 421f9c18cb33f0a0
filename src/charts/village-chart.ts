/**
 * The picture /skor sends: the village's radar against its kabupaten's average, drawn on
 * the server in the reader's language and stored like any photo, so every channel sends
 * it as it sends a report's photos.
 */
import type { Text } from '../core/messages.js';
import type { Db } from '../db/client.js';
import { PILLAR_IDS, pillarName } from '../domain/questionnaire/index.js';
import { radarOption } from './radar.js';
import { renderChartPng } from './render.js';

/** What a radar picture shows. */
export interface VillageRadarRequest {
  /** The reader's language: the labels are drawn in it. */
  language: string;
  villageName: string;
  /** Scores per pillar in canonical order (null: not enough data). */
  village: readonly (number | null)[];
  average: readonly (number | null)[];
}

/** Draws and stores radar pictures; see {@link createVillageCharts}. */
export interface VillageCharts {
  /**
   * The stored picture's media id, or undefined when it could not be stored; stored in
   * `tx`, the transaction of the action that asks (the outer database may not be used there).
   */
  radarPhoto(tx: Db, request: VillageRadarRequest): Promise<string | undefined>;
}

/**
 * Builds {@link VillageCharts} over the translator (the labels) and the photo store
 * (`save` answers the media id, or undefined when refused).
 */
export function createVillageCharts(deps: {
  translate(text: Text, language: string): string;
  averageLabel: Text;
  save(tx: Db, png: Buffer): Promise<string | undefined>;
}): VillageCharts {
  return {
    async radarPhoto(tx, request) {
      const option = radarOption({
        labels: PILLAR_IDS.map((pillar) => deps.translate(pillarName(pillar), request.language)),
        village: request.village,
        average: request.average,
        villageName: request.villageName,
        averageName: deps.translate(deps.averageLabel, request.language),
      });
      return deps.save(tx, renderChartPng(option));
    },
  };
}
