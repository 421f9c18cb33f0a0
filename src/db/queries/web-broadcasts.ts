/** The admin web's look-ups of broadcasts (the broadcasts capability writes them). */
import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { broadcasts } from '../schema/index.js';
import type { BroadcastRow } from './broadcasts.js';

/** The broadcast people know as `#number`. */
export async function getBroadcastByNumber(
  db: Db,
  params: { number: number },
): Promise<BroadcastRow | undefined> {
  const [row] = await db.select().from(broadcasts).where(eq(broadcasts.number, params.number));
  return row;
}
