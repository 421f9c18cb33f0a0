/**
 * What became of a broadcast, counted from its rows (never from a counter): each
 * recipient row of its bulk send, and the outbox row written for it. A broadcast marked
 * done never hides unsent people: they are here, by reason and by village.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { rowsOf } from './broadcast-audience.js';

/** A broadcast's numbers. */
export interface BroadcastTally {
  /** Every person of the audience (recipient rows), those left out included. */
  audience: number;
  /** Recipients not fed into the outbox yet. */
  waiting: number;
  /** Their messages waiting in the outbox or being sent. */
  open: number;
  sent: number;
  failed: number;
  /** Failures by the platform's reason, most frequent first. */
  failedReasons: { reason: string; count: number }[];
  /** People given nothing, by reason (see `SkipReason`). */
  skipped: Record<string, number>;
}

/** Counts a broadcast's bulk send from its rows. */
export async function tallyBroadcast(db: Db, params: { bulkId: string }): Promise<BroadcastTally> {
  const rows = await rowsOf<{
    status: string;
    reason: string | null;
    outbox: string | null;
    error: string | null;
    n: number | string;
  }>(
    db,
    sql`select r.status, r.skip_reason as reason, o.status as outbox, o.last_error as error,
          count(*) as n
        from bulk_recipients r
        left join outbox o on o.bulk_id = r.bulk_id and o.contact_id = r.contact_id
        where r.bulk_id = ${params.bulkId}
        group by r.status, r.skip_reason, o.status, o.last_error`,
  );
  const tally: BroadcastTally = {
    audience: 0,
    waiting: 0,
    open: 0,
    sent: 0,
    failed: 0,
    failedReasons: [],
    skipped: {},
  };
  const reasons = new Map<string, number>();
  for (const row of rows) {
    const n = Number(row.n);
    tally.audience += n;
    if (row.status === 'waiting') tally.waiting += n;
    else if (row.status === 'skipped') {
      const reason = row.reason ?? 'gone';
      tally.skipped[reason] = (tally.skipped[reason] ?? 0) + n;
    } else if (row.outbox === 'sent') tally.sent += n;
    else if (row.outbox === 'failed') {
      tally.failed += n;
      const reason = row.error ?? 'unknown';
      reasons.set(reason, (reasons.get(reason) ?? 0) + n);
    } else if (row.outbox !== null) tally.open += n;
  }
  tally.failedReasons = [...reasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count);
  return tally;
}

/** One village's part of a broadcast's audience. */
export interface VillageReach {
  villageCode: string | null;
  audience: number;
  sent: number;
  /** Everyone of the audience who did not get it (the sum of the reasons below). */
  notReached: number;
  failed: number;
  unreachable: number;
  optedOut: number;
  /** No current consent, or deleted. */
  noConsent: number;
  noAddress: number;
  /** Not sent because the broadcast was stopped, or still waiting. */
  notSentYet: number;
}

/** Per village, how many of the audience were reached and why the others were not; most not reached first. */
export async function reachByVillage(db: Db, params: { bulkId: string }): Promise<VillageReach[]> {
  const rows = await rowsOf<Record<string, string | number | null>>(
    db,
    sql`select c.village_code as village_code, count(*) as audience,
          count(*) filter (where o.status = 'sent') as sent,
          count(*) filter (where o.status = 'failed') as failed,
          count(*) filter (where r.skip_reason = 'unreachable') as unreachable,
          count(*) filter (where r.skip_reason = 'opted_out') as opted_out,
          count(*) filter (where r.skip_reason in ('no_consent', 'gone')) as no_consent,
          count(*) filter (where r.skip_reason = 'no_address') as no_address,
          count(*) filter (where r.skip_reason = 'stopped' or r.status = 'waiting'
            or (r.status = 'queued' and o.status is distinct from 'sent'
              and o.status is distinct from 'failed')) as not_sent_yet
        from bulk_recipients r
        join contacts c on c.id = r.contact_id
        left join outbox o on o.bulk_id = r.bulk_id and o.contact_id = r.contact_id
        where r.bulk_id = ${params.bulkId}
        group by c.village_code`,
  );
  return rows
    .map((row) => {
      const n = (key: string) => Number(row[key] ?? 0);
      const reach: VillageReach = {
        villageCode: (row.village_code as string | null) ?? null,
        audience: n('audience'),
        sent: n('sent'),
        notReached: n('audience') - n('sent'),
        failed: n('failed'),
        unreachable: n('unreachable'),
        optedOut: n('opted_out'),
        noConsent: n('no_consent'),
        noAddress: n('no_address'),
        notSentYet: n('not_sent_yet'),
      };
      return reach;
    })
    .sort(
      (a, b) =>
        b.notReached - a.notReached || (a.villageCode ?? '').localeCompare(b.villageCode ?? ''),
    );
}
