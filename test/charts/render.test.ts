import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type RadarInput, radarOption } from '../../src/charts/radar.js';
import { CHART_HEIGHT_PX, CHART_WIDTH_PX, renderChartPng } from '../../src/charts/render.js';

const PILLARS = [
  'Tata Kelola Cerdas',
  'Masyarakat Cerdas',
  'Lingkungan Cerdas',
  'Hidup Cerdas',
  'Ekonomi Cerdas',
  'Mobilitas Cerdas',
];
const INPUT: RadarInput = {
  labels: PILLARS,
  village: [60, 72, null, 40, 55, 81],
  average: [50, 50, 50, 50, 50, 50],
  villageName: 'Sukamaju',
  averageName: 'Rata-rata kabupaten',
};

/** The PNG's pixels, RGBA. */
async function pixels(png: Buffer): Promise<Buffer> {
  return sharp(png).ensureAlpha().raw().toBuffer();
}

/** How many pixels differ between two pictures of the same size. */
async function differing(a: Buffer, b: Buffer): Promise<number> {
  const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
  expect(pa.length).toBe(pb.length);
  let n = 0;
  for (let i = 0; i < pa.length; i += 4) {
    if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) n++;
  }
  return n;
}

/** Enough changed pixels for a word of a dozen letters at 13 px. */
const MIN_LABEL_PIXELS = 40;

describe('the radar chart drawn on the server (ECharts SVG, resvg, DejaVu Sans)', () => {
  const full = renderChartPng(radarOption(INPUT));

  it('is a PNG of the chart size', async () => {
    const meta = await sharp(full).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual([
      'png',
      CHART_WIDTH_PX,
      CHART_HEIGHT_PX,
    ]);
  });

  it('draws each of the six pillar labels (a render without that label differs)', async () => {
    for (const [index, label] of PILLARS.entries()) {
      const labels = PILLARS.map((name, i) => (i === index ? '' : name));
      const without = renderChartPng(radarOption({ ...INPUT, labels }));
      const changed = await differing(full, without);
      expect({ label, drawn: changed > MIN_LABEL_PIXELS }).toEqual({ label, drawn: true });
    }
  });

  it('loses the labels without the font file: the shipped font is what draws them', async () => {
    const fontless = renderChartPng(radarOption(INPUT), { fontFiles: [] });
    const blankLabels = radarOption({ ...INPUT, labels: PILLARS.map(() => '') });
    // Without a font the six labels add nothing: the picture is the one without labels.
    expect(await differing(fontless, renderChartPng(blankLabels, { fontFiles: [] }))).toBe(0);
    expect(await differing(full, fontless)).toBeGreaterThan(6 * MIN_LABEL_PIXELS);
  });
});
