import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { whatsappAuth } from '../schema/index.js';

/** Rows written per statement: Baileys hands over 812 pre-keys at once on first login. */
export const WHATSAPP_AUTH_WRITE_BATCH = 200;

/** One entry of the stored login; `value` is JSON text, `null` deletes the entry. */
export interface WhatsappAuthRow {
  category: string;
  id: string;
  value: string | null;
}

/**
 * The entries of one category with these ids, as JSON text by id (missing ids are absent).
 * Values are read as `value::text` and parsed by the caller: drizzle's jsonb mapping on
 * postgres.js parses a JSON string a second time, turning a digit-only string
 * ("6281234567890") into a number.
 */
export async function readWhatsappAuth(
  db: Db,
  params: { category: string; ids: string[] },
): Promise<Map<string, string>> {
  if (params.ids.length === 0) return new Map();
  const rows = await db
    .select({ id: whatsappAuth.id, value: sql<string>`${whatsappAuth.value}::text` })
    .from(whatsappAuth)
    .where(and(eq(whatsappAuth.category, params.category), inArray(whatsappAuth.id, params.ids)));
  return new Map(rows.map((row) => [row.id, row.value]));
}

/** Upserts and deletes entries in one transaction, so a crash never keeps half a key set. */
export async function writeWhatsappAuth(
  db: Db,
  params: { rows: WhatsappAuthRow[]; now: Date },
): Promise<void> {
  const upserts = params.rows.filter(
    (r): r is WhatsappAuthRow & { value: string } => r.value !== null,
  );
  const deletes = params.rows.filter((r) => r.value === null);
  if (upserts.length === 0 && deletes.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < upserts.length; i += WHATSAPP_AUTH_WRITE_BATCH) {
      const batch = upserts.slice(i, i + WHATSAPP_AUTH_WRITE_BATCH);
      await tx
        .insert(whatsappAuth)
        .values(
          batch.map((row) => ({
            category: row.category,
            id: row.id,
            value: sql`${row.value}::jsonb`,
            updatedAt: params.now,
          })),
        )
        .onConflictDoUpdate({
          target: [whatsappAuth.category, whatsappAuth.id],
          set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
        });
    }
    for (const row of deletes) {
      await tx
        .delete(whatsappAuth)
        .where(and(eq(whatsappAuth.category, row.category), eq(whatsappAuth.id, row.id)));
    }
  });
}

/** Deletes the whole stored login (after WhatsApp logged the bot out). */
export async function clearWhatsappAuth(db: Db): Promise<void> {
  await db.delete(whatsappAuth);
}

/**
 * The three functions above bound to one database, in the shape the WhatsApp channel
 * takes as its auth store (the channel never imports the database layer).
 */
export function whatsappAuthStore(db: Db) {
  return {
    read: (params: { category: string; ids: string[] }) => readWhatsappAuth(db, params),
    write: (params: { rows: WhatsappAuthRow[]; now: Date }) => writeWhatsappAuth(db, params),
    clear: () => clearWhatsappAuth(db),
  };
}
