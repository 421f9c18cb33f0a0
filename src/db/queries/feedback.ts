import type { Db } from '../client.js';
import { feedback } from '../schema/index.js';

/** Stores one suggestion about Sapa Desa. */
export async function insertFeedback(
  db: Db,
  params: {
    id: string;
    contactId: string;
    topic: string;
    message: string;
    rating: number;
    wantsReply: boolean;
    mediaIds: string[];
    now: Date;
  },
): Promise<void> {
  await db.insert(feedback).values({ ...params, createdAt: params.now });
}
