import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActions } from '../../flows/index.js';
import { CHART_HEIGHT_PX, CHART_WIDTH_PX } from '../../src/charts/render.js';
import { createVillageCharts } from '../../src/charts/village-chart.js';
import { t } from '../../src/core/messages.js';
import { createTranslator } from '../../src/i18n.js';
import { createMediaStore } from '../../src/media/store.js';
import { createHarness, createTestIds, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { testVillages } from '../support/villages.js';

let h: Harness;
let mediaDir: string;
let read: (id: string) => Promise<Buffer | undefined>;
beforeAll(async () => {
  mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sapa-chart-'));
  const translator = await createTranslator('id');
  const storeFor = (db: Parameters<typeof createMediaStore>[0]['db']) =>
    createMediaStore({
      db,
      mediaDir,
      maxBytes: 10_000_000,
      clock: { now: () => new Date('2026-03-02T01:00:00Z') },
      ids: createTestIds('chart'),
    });
  const charts = createVillageCharts({
    translate: translator.translate,
    averageLabel: t('web:villages.average'),
    save: async (tx, png) => {
      const saved = await storeFor(tx).save({ bytes: png, originChannel: 'chart' });
      return saved.type === 'stored' ? saved.media.id : undefined;
    },
  });
  const actions = createActions({
    villages: testVillages,
    removeMediaFile: async () => {},
    charts,
  });
  h = await createHarness({ onboarding: true, actions });
  read = (id) => storeFor(h.db.db).read(id);
  await registerContact(h, 'dewi', { name: 'Dewi', role: 'kader_digital' });
});
afterAll(async () => {
  await h.close();
  await fs.rm(mediaDir, { recursive: true, force: true });
});

describe('/skor sends the radar chart as a picture', () => {
  it('comes with the numbers in the text and a stored chart picture', async () => {
    await h.say('dewi', '/kuesioner');
    for (const line of ['2', '1', 'ya', '5', '25', 'ya', 'tidak', 'ya']) await h.say('dewi', line);
    const replies = await h.say('dewi', '/skor');
    expect(replies.join('\n')).toContain('*Masyarakat Cerdas*');
    const sent = h.channel.sent.at(-1);
    const photo = sent?.message.attachments?.find((a) => a.type === 'photo');
    expect(photo?.type).toBe('photo');
    const bytes = photo?.type === 'photo' ? await read(photo.mediaId) : undefined;
    if (!bytes) throw new Error('the chart picture is not stored');
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height]).toEqual([CHART_WIDTH_PX, CHART_HEIGHT_PX]);
  });
});
