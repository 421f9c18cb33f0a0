/**
 * The radar chart of a village's six pillar scores against its kabupaten's average: one
 * ECharts option object, used as it is by the admin web's browser script and by the server
 * (render.ts) for the picture /skor sends in the chat.
 */

/** What the chart shows: six labelled axes, the village's scores and the average (0-100). */
export interface RadarInput {
  /** The pillars' names, in the reader's language. */
  labels: readonly string[];
  /** The village's score per pillar; null when not enough data (drawn at 0). */
  village: readonly (number | null)[];
  /** The kabupaten's average per pillar; null when no village of it has a score. */
  average: readonly (number | null)[];
  /** Series names: the village's name and "Rata-rata kabupaten". */
  villageName: string;
  averageName: string;
}

/** Font family of the chart's text: the DejaVu Sans the server renders with, else any sans. */
export const CHART_FONT_FAMILY = 'DejaVu Sans, sans-serif';

/** The highest score of an axis. */
const SCORE_MAX = 100;

/** Colours of the village and the average. */
const COLOURS = ['#0b5d4b', '#d08a12'];

const value = (score: number | null) => (score === null ? 0 : Math.round(score * 10) / 10);

/** The ECharts option of the radar; plain JSON (no functions), so it can be embedded in a page. */
export function radarOption(input: RadarInput) {
  return {
    animation: false,
    color: COLOURS,
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13 },
    legend: { bottom: 0, itemGap: 24, data: [input.villageName, input.averageName] },
    radar: {
      radius: '58%',
      center: ['50%', '48%'],
      indicator: input.labels.map((name) => ({ name, max: SCORE_MAX })),
      axisName: { color: '#1b2733', fontFamily: CHART_FONT_FAMILY, fontSize: 13 },
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: input.villageName,
            value: input.village.map(value),
            areaStyle: { opacity: 0.25 },
          },
          {
            name: input.averageName,
            value: input.average.map(value),
            lineStyle: { type: 'dashed' },
          },
        ],
      },
    ],
  };
}

/** The option type {@link radarOption} returns. */
export type RadarOption = ReturnType<typeof radarOption>;
