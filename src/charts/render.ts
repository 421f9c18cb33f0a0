/**
 * Charts drawn on the server: ECharts renders the option to SVG (no browser, no canvas),
 * resvg rasterises it to PNG with the DejaVu Sans font shipped in the project. resvg draws
 * no text at all without a font file, and the system may have none: the font is passed
 * explicitly and system fonts are not read, so the picture is the same on every machine.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type * as Echarts from 'echarts';

/** Size of the chat's chart picture, in pixels. */
export const CHART_WIDTH_PX = 720;
export const CHART_HEIGHT_PX = 560;

const require = createRequire(import.meta.url);

let echartsModule: typeof Echarts | undefined;

/** ECharts, loaded at the first chart: it costs about a second of CPU and 50 MB to load. */
function echarts(): typeof Echarts {
  echartsModule ??= require('echarts') as typeof Echarts;
  return echartsModule;
}

/** The shipped font file (the `dejavu-fonts-ttf` package). */
export const CHART_FONT_FILE: string = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** The SVG of an ECharts option, rendered on the server. */
export function renderChartSvg(
  option: object,
  size: { width: number; height: number } = { width: CHART_WIDTH_PX, height: CHART_HEIGHT_PX },
): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption(option as Echarts.EChartsCoreOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The PNG of an ECharts option on a white background. `fontFiles` is for tests: with none,
 * resvg draws no text (what a missing font does).
 */
export function renderChartPng(
  option: object,
  options: { fontFiles?: string[]; width?: number; height?: number } = {},
): Buffer {
  const width = options.width ?? CHART_WIDTH_PX;
  const height = options.height ?? CHART_HEIGHT_PX;
  const svg = renderChartSvg(option, { width, height });
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'original' },
    font: {
      fontFiles: options.fontFiles ?? [CHART_FONT_FILE],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
