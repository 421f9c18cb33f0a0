import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Clock, Ids } from '../core/ports.js';
import type { Db } from '../db/client.js';
import {
  findMediaById,
  findMediaBySha256,
  insertMediaIfNew,
  type MediaRow,
} from '../db/queries/media.js';

/** JPEG quality of stored pictures: small files, still sharp enough to read a signboard. */
export const STORED_JPEG_QUALITY = 82;

/**
 * Largest decoded picture accepted, in pixels (width × height). Guards against
 * decompression bombs: a few kilobytes of PNG can claim gigapixels. 100 MP is
 * above any phone camera's output that fits under the byte limit.
 */
export const DEFAULT_MAX_INPUT_PIXELS = 100_000_000;

/** Every stored picture is re-encoded to this type. */
export const STORED_MIME_TYPE = 'image/jpeg';

/**
 * Why a file was not stored. `too_large`: more bytes than `maxBytes`, or more
 * pixels than `maxInputPixels`; `unsupported_type`: a picture of a kind we do not
 * read (GIF, SVG, HEVC-coded HEIC...); `not_an_image`: anything else.
 */
export type MediaRejection = 'too_large' | 'not_an_image' | 'unsupported_type';

/** What the rest of the bot needs to know about a stored picture. */
export interface StoredMedia {
  id: string;
  /** SHA-256 (hex) of the stored, re-encoded bytes. */
  sha256: string;
  mimeType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
}

/** The outcome of {@link MediaStore.save}: a rejection is expected, never an exception. */
export type SaveMediaResult =
  | { type: 'stored'; media: StoredMedia; duplicate: boolean }
  | { type: 'rejected'; reason: MediaRejection };

/** A file a person sent, as the channel received it. */
export interface SaveMediaInput {
  bytes: Uint8Array;
  /**
   * The type the platform declared. Only a hint: the bytes decide. It tells an
   * image we cannot read (`unsupported_type`) from something that is no image.
   */
  mimeType?: string;
  /** Channel the file came from: telegram, whatsapp, console. */
  originChannel: string;
  /** The platform's own id for the file (Telegram file_id), when it has one. */
  originRef?: string;
  contactId?: string;
}

/** Pictures on disk by content hash, metadata in the `media` table. */
export interface MediaStore {
  /**
   * Re-encodes a picture (EXIF orientation applied, all metadata such as GPS
   * dropped) and stores it once per content: the same picture saved again
   * returns the existing row with `duplicate: true`.
   */
  save(input: SaveMediaInput): Promise<SaveMediaResult>;
  /** The stored bytes of a media row, or undefined if the row or its file is missing. */
  read(id: string): Promise<Buffer | undefined>;
  /** Where the bytes with this SHA-256 live: `mediaDir/<first 2 hex>/<sha256>.jpg`. */
  pathOf(sha256: string): string;
}

/** Dependencies of {@link createMediaStore}. */
export interface MediaStoreDeps {
  /** The database or a transaction on it; the store is cheap, so build one per transaction. */
  db: Db;
  mediaDir: string;
  /** Largest input accepted, in bytes; checked before any decoding. */
  maxBytes: number;
  clock: Clock;
  ids: Ids;
  /** Defaults to {@link DEFAULT_MAX_INPUT_PIXELS}. */
  maxInputPixels?: number;
}

type Encoded =
  | { type: 'encoded'; data: Buffer; width: number; height: number }
  | { type: 'rejected'; reason: MediaRejection };

type SniffedFormat = 'jpeg' | 'png' | 'webp' | 'heif' | 'other_image';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** GIF, TIFF (both byte orders), BMP, Photoshop, icons, JPEG XL (bare and boxed). */
const OTHER_IMAGE_SIGNATURES = [
  [0x47, 0x49, 0x46, 0x38],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
  [0x42, 0x4d],
  [0x38, 0x42, 0x50, 0x53],
  [0x00, 0x00, 0x01, 0x00],
  [0xff, 0x0a],
  [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20],
];
const SVG_START = /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i;
const UTF8_BOM = /^\xef\xbb\xbf/;

/**
 * Builds the media store. Files are written before their row, through a temporary
 * file and a rename, so a crash leaves either no file or a whole one. A file whose
 * transaction rolls back stays on disk without a row; a later save of the same
 * picture reuses it.
 */
export function createMediaStore(deps: MediaStoreDeps): MediaStore {
  const maxInputPixels = deps.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;

  function pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('pathOf expects a lowercase SHA-256 hex digest');
    return path.join(deps.mediaDir, sha256.slice(0, 2), `${sha256}.jpg`);
  }

  async function save(input: SaveMediaInput): Promise<SaveMediaResult> {
    if (input.bytes.byteLength > deps.maxBytes) return { type: 'rejected', reason: 'too_large' };
    const encoded = await reencode(input, maxInputPixels);
    if (encoded.type === 'rejected') return encoded;
    const sha256 = createHash('sha256').update(encoded.data).digest('hex');
    const file = pathOf(sha256);

    const existing = await findMediaBySha256(deps.db, { sha256 });
    if (existing) {
      await writeIfMissing(file, encoded.data);
      return { type: 'stored', media: toStoredMedia(existing), duplicate: true };
    }
    await writeIfMissing(file, encoded.data);
    const inserted = await insertMediaIfNew(deps.db, {
      row: {
        id: deps.ids.next(),
        sha256,
        mimeType: STORED_MIME_TYPE,
        sizeBytes: encoded.data.byteLength,
        width: encoded.width,
        height: encoded.height,
        originChannel: input.originChannel,
        originRef: input.originRef ?? null,
        contactId: input.contactId ?? null,
        createdAt: deps.clock.now(),
      },
    });
    if (inserted) return { type: 'stored', media: toStoredMedia(inserted), duplicate: false };
    // Another save of the same picture committed between our lookup and insert.
    const winner = await findMediaBySha256(deps.db, { sha256 });
    if (!winner) throw new Error(`media ${sha256} conflicted on insert but cannot be found`);
    return { type: 'stored', media: toStoredMedia(winner), duplicate: true };
  }

  async function read(id: string): Promise<Buffer | undefined> {
    const row = await findMediaById(deps.db, { id });
    if (!row) return undefined;
    try {
      return await fs.readFile(pathOf(row.sha256));
    } catch (error) {
      if (isMissingFile(error)) return undefined;
      throw error;
    }
  }

  return { save, read, pathOf };
}

/**
 * Decodes, applies the EXIF orientation, flattens transparency onto white and
 * encodes a metadata-free JPEG. Anything sharp cannot read is a rejection.
 */
async function reencode(input: SaveMediaInput, maxInputPixels: number): Promise<Encoded> {
  const format = sniffFormat(input.bytes);
  if (format === undefined) {
    const declaredImage = input.mimeType?.toLowerCase().startsWith('image/') === true;
    return { type: 'rejected', reason: declaredImage ? 'unsupported_type' : 'not_an_image' };
  }
  if (format === 'other_image') return { type: 'rejected', reason: 'unsupported_type' };
  // An undecodable HEIF is most likely HEVC-coded HEIC, which sharp's prebuilt libvips lacks.
  const unreadable: MediaRejection = format === 'heif' ? 'unsupported_type' : 'not_an_image';
  // Loaded at the first picture: libvips costs ~25 MB of memory from the moment it is imported.
  const { default: sharp } = await import('sharp');
  try {
    const header = await sharp(input.bytes).metadata();
    if (header.width * header.height > maxInputPixels) {
      return { type: 'rejected', reason: 'too_large' };
    }
    const { data, info } = await sharp(input.bytes, {
      limitInputPixels: maxInputPixels,
      failOn: 'truncated',
    })
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: STORED_JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return { type: 'encoded', data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      return { type: 'rejected', reason: 'too_large' };
    }
    return { type: 'rejected', reason: unreadable };
  }
}

/** Reads the file signature; the declared type is not trusted for this. */
function sniffFormat(bytes: Uint8Array): SniffedFormat | undefined {
  const ascii = (start: number, end: number) =>
    Buffer.from(bytes.subarray(start, end)).toString('latin1');
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (HEIF_BRANDS.has(brand) || AVIF_BRANDS.has(brand)) return 'heif';
  }
  if (OTHER_IMAGE_SIGNATURES.some((signature) => startsWith(bytes, signature))) {
    return 'other_image';
  }
  return SVG_START.test(ascii(0, 256).replace(UTF8_BOM, '')) ? 'other_image' : undefined;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

async function writeIfMissing(file: string, data: Buffer): Promise<void> {
  try {
    await fs.access(file);
    return;
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

function toStoredMedia(row: MediaRow): StoredMedia {
  return {
    id: row.id,
    sha256: row.sha256,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
  };
}

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
