import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contacts, media } from '../../src/db/schema/index.js';
import {
  createMediaStore,
  type MediaStoreDeps,
  type SaveMediaResult,
} from '../../src/media/store.js';
import { createTestDb, DRIVERS, NO_POSTGRES, type TestDatabase } from '../support/db.js';

const now = new Date('2026-01-05T03:00:00Z');
const MAX_BYTES = 1024 * 1024;

/** A raw picture, red on its left half and blue on its right, ready to encode. */
function picture(width: number, height: number) {
  const left = { r: 255, g: 0, b: 0 };
  const right = { r: 0, g: 0, b: 255 };
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const { r, g, b } = x < width / 2 ? left : right;
      raw.set([r, g, b], (y * width + x) * 3);
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => {
    return fs.statSync(path.join(dir, entry)).isFile();
  });
}

async function pixelAt(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [...data.subarray(offset, offset + 3)];
}

describe.each(DRIVERS)('media store on %s', (driver) => {
  let database: TestDatabase;
  let mediaDir: string;
  let deps: MediaStoreDeps;

  beforeAll(async () => {
    database = await createTestDb(driver);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.db.delete(media);
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-media-'));
    let counter = 0;
    deps = {
      db: database.db,
      mediaDir,
      maxBytes: MAX_BYTES,
      clock: { now: () => now },
      ids: { next: () => `m${++counter}` },
    };
  });
  afterEach(() => {
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('stores a picture once per content, at its hash path', async () => {
    const store = createMediaStore(deps);
    const bytes = await picture(64, 48).jpeg().toBuffer();

    const first = await store.save({ bytes, originChannel: 'telegram', originRef: 'file-1' });
    const second = await store.save({ bytes, originChannel: 'whatsapp' });

    expect(first).toMatchObject({
      type: 'stored',
      duplicate: false,
      media: { id: 'm1', mimeType: 'image/jpeg', width: 64, height: 48 },
    });
    if (first.type !== 'stored') throw new Error('not stored');
    expect(second).toEqual({ type: 'stored', duplicate: true, media: first.media });
    const file = store.pathOf(first.media.sha256);
    expect(file).toBe(
      path.join(mediaDir, first.media.sha256.slice(0, 2), `${first.media.sha256}.jpg`),
    );
    expect(fs.statSync(file).size).toBe(first.media.sizeBytes);
    expect(listFiles(mediaDir)).toEqual([path.relative(mediaDir, file)]);
    const rows = await database.db.select().from(media);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      originChannel: 'telegram',
      originRef: 'file-1',
      contactId: null,
      createdAt: now,
    });
  });

  it('treats the same photo with and without metadata as one', async () => {
    const store = createMediaStore(deps);
    const plain = await picture(32, 32).jpeg().toBuffer();
    const tagged = await picture(32, 32)
      .jpeg()
      .withExif({ IFD0: { Make: 'TestPhone' } })
      .toBuffer();
    expect(tagged.equals(plain)).toBe(false);

    const first = await store.save({ bytes: plain, originChannel: 'console' });
    const second = await store.save({ bytes: tagged, originChannel: 'console' });

    if (first.type !== 'stored') throw new Error(`rejected: ${first.reason}`);
    expect(second).toEqual({ type: 'stored', duplicate: true, media: first.media });
  });

  it('removes EXIF, GPS included, when re-encoding', async () => {
    const store = createMediaStore(deps);
    const bytes = await picture(40, 30)
      .jpeg()
      .withExif({
        IFD0: { Make: 'TestPhone', Model: 'Sapa X1' },
        IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 10/1 0/1' },
      })
      .toBuffer();
    const before = await sharp(bytes).metadata();
    expect(before.exif?.toString('latin1')).toContain('TestPhone');

    const result = await store.save({ bytes, originChannel: 'telegram' });
    if (result.type !== 'stored') throw new Error(`rejected: ${result.reason}`);
    const stored = fs.readFileSync(store.pathOf(result.media.sha256));
    const after = await sharp(stored).metadata();

    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('TestPhone');
  });

  it('applies the EXIF orientation before storing', async () => {
    const store = createMediaStore(deps);
    // Orientation 6: the camera was turned; viewers rotate 90° clockwise.
    const bytes = await picture(40, 20).jpeg().withMetadata({ orientation: 6 }).toBuffer();

    const result = await store.save({ bytes, originChannel: 'telegram' });
    if (result.type !== 'stored') throw new Error(`rejected: ${result.reason}`);
    const stored = fs.readFileSync(store.pathOf(result.media.sha256));

    expect(result.media).toMatchObject({ width: 20, height: 40 });
    expect((await sharp(stored).metadata()).orientation).toBeUndefined();
    // The red left half is now on top, the blue right half below.
    const [topRed, , topBlue] = await pixelAt(stored, 10, 5);
    const [bottomRed, , bottomBlue] = await pixelAt(stored, 10, 35);
    expect(topRed).toBeGreaterThan(200);
    expect(topBlue).toBeLessThan(60);
    expect(bottomBlue).toBeGreaterThan(200);
    expect(bottomRed).toBeLessThan(60);
  });

  it('takes PNG, WebP and AVIF, and flattens transparency onto white', async () => {
    const store = createMediaStore(deps);
    const transparent = await sharp({
      create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const webp = await picture(10, 10).webp().toBuffer();
    const avif = await picture(12, 12).avif().toBuffer();

    const png = await store.save({ bytes: transparent, originChannel: 'console' });
    for (const bytes of [webp, avif]) {
      expect(await store.save({ bytes, originChannel: 'console' })).toMatchObject({
        type: 'stored',
        media: { mimeType: 'image/jpeg' },
      });
    }
    if (png.type !== 'stored') throw new Error(`rejected: ${png.reason}`);
    const stored = fs.readFileSync(store.pathOf(png.media.sha256));
    expect((await pixelAt(stored, 4, 4)).every((channel) => channel > 245)).toBe(true);
  });

  it('refuses input over the byte limit before decoding it', async () => {
    const store = createMediaStore({ ...deps, maxBytes: 100 });
    const bytes = await picture(64, 64).jpeg().toBuffer();
    expect(bytes.length).toBeGreaterThan(100);

    expect(await store.save({ bytes, originChannel: 'telegram' })).toEqual({
      type: 'rejected',
      reason: 'too_large',
    });
    expect(await store.save({ bytes: Buffer.alloc(101), originChannel: 'telegram' })).toEqual({
      type: 'rejected',
      reason: 'too_large',
    });
    expect(await database.db.select().from(media)).toEqual([]);
    expect(listFiles(mediaDir)).toEqual([]);
  });

  it('refuses a decompression bomb by its pixel count', async () => {
    const store = createMediaStore({ ...deps, maxInputPixels: 1_000_000 });
    const bytes = await sharp({
      create: { width: 2000, height: 2000, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    expect(bytes.length).toBeLessThan(MAX_BYTES);

    expect(await store.save({ bytes, originChannel: 'telegram' })).toEqual({
      type: 'rejected',
      reason: 'too_large',
    });
  });

  it('refuses what is not an image, and images of types it does not take', async () => {
    const store = createMediaStore(deps);
    const gif = await picture(8, 8).gif().toBuffer();
    const jpeg = await picture(64, 64).jpeg().toBuffer();
    const cases = [
      { bytes: Buffer.from('halo, ini bukan gambar'), reason: 'not_an_image' },
      { bytes: Buffer.from('%PDF-1.7\n%...'), mimeType: 'application/pdf', reason: 'not_an_image' },
      { bytes: Buffer.alloc(0), reason: 'not_an_image' },
      { bytes: jpeg.subarray(0, 40), mimeType: 'image/jpeg', reason: 'not_an_image' },
      { bytes: gif, mimeType: 'image/gif', reason: 'unsupported_type' },
      {
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        reason: 'unsupported_type',
      },
      { bytes: Buffer.from('garbage'), mimeType: 'image/x-unknown', reason: 'unsupported_type' },
    ];
    for (const { bytes, mimeType, reason } of cases) {
      expect(await store.save({ bytes, mimeType, originChannel: 'whatsapp' })).toEqual({
        type: 'rejected',
        reason,
      });
    }
    expect(await database.db.select().from(media)).toEqual([]);
    expect(listFiles(mediaDir)).toEqual([]);
  });

  it('reads stored bytes back by id', async () => {
    const store = createMediaStore(deps);
    const result = await store.save({
      bytes: await picture(16, 16).png().toBuffer(),
      originChannel: 'console',
    });
    if (result.type !== 'stored') throw new Error(`rejected: ${result.reason}`);

    const bytes = await store.read(result.media.id);
    expect(bytes?.equals(fs.readFileSync(store.pathOf(result.media.sha256)))).toBe(true);
    expect(await store.read('unknown')).toBeUndefined();
    fs.rmSync(store.pathOf(result.media.sha256));
    expect(await store.read(result.media.id)).toBeUndefined();
  });

  it('writes a missing file again when a duplicate is saved', async () => {
    const store = createMediaStore(deps);
    const bytes = await picture(16, 16).jpeg().toBuffer();
    const first = await store.save({ bytes, originChannel: 'console' });
    if (first.type !== 'stored') throw new Error(`rejected: ${first.reason}`);
    fs.rmSync(store.pathOf(first.media.sha256));

    expect(await store.save({ bytes, originChannel: 'console' })).toMatchObject({
      duplicate: true,
    });
    expect(fs.existsSync(store.pathOf(first.media.sha256))).toBe(true);
  });

  it('works inside a transaction, and a rollback leaves no row', async () => {
    await database.db
      .insert(contacts)
      .values({ id: 'c1', language: 'id', createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    const kept = await picture(20, 10).jpeg().toBuffer();
    const dropped = await picture(10, 20).jpeg().toBuffer();

    await database.db.transaction(async (tx) => {
      const store = createMediaStore({ ...deps, db: tx });
      await store.save({ bytes: kept, originChannel: 'telegram', contactId: 'c1' });
    });
    await expect(
      database.db.transaction(async (tx) => {
        const store = createMediaStore({ ...deps, db: tx });
        await store.save({ bytes: dropped, originChannel: 'telegram' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    const rows = await database.db.select().from(media);
    expect(rows.map((row) => [row.width, row.height, row.contactId])).toEqual([[20, 10, 'c1']]);
  });

  it('refuses a path for anything but a SHA-256 digest', () => {
    const store = createMediaStore(deps);
    expect(() => store.pathOf('../../etc/passwd')).toThrow('SHA-256');
  });
});

describe.skipIf(NO_POSTGRES)('media store under concurrent saves (PostgreSQL)', () => {
  it('answers the later of two concurrent saves of one picture with the first row', async () => {
    const database = await createTestDb('postgres');
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-media-'));
    let counter = 0;
    const deps: MediaStoreDeps = {
      db: database.db,
      mediaDir,
      maxBytes: MAX_BYTES,
      clock: { now: () => now },
      ids: { next: () => `m${++counter}` },
    };
    try {
      const bytes = await picture(24, 24).jpeg().toBuffer();
      let commit = () => {};
      const committed = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let first: SaveMediaResult | undefined;
      const transaction = database.db.transaction(async (tx) => {
        first = await createMediaStore({ ...deps, db: tx }).save({ bytes, originChannel: 'a' });
        await committed;
      });
      await expect.poll(() => first).toBeDefined();
      // The second save cannot see the uncommitted row; its insert waits on the unique index.
      const second = createMediaStore(deps).save({ bytes, originChannel: 'b' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      commit();
      await transaction;

      if (first?.type !== 'stored') throw new Error('first save not stored');
      expect(await second).toEqual({ type: 'stored', duplicate: true, media: first.media });
      expect(await database.db.select().from(media)).toHaveLength(1);
    } finally {
      await database.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    }
  });
});
