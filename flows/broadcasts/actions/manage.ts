/**
 * The start of /siaran (who may send, the recent broadcasts) and what can be done to one
 * not finished: a scheduled one moved or cancelled until it starts, a running one stopped.
 * Each re-reads the broadcast under a row lock: the start job holds the same lock, so a
 * change and a start never cross.
 */
import { type Text, t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import type { Db } from '../../../src/db/client.js';
import { tallyBroadcast } from '../../../src/db/queries/broadcast-report.js';
import {
  type BroadcastRow,
  getBroadcast,
  listRecentBroadcasts,
  moveJobByKey,
  updateBroadcast,
} from '../../../src/db/queries/broadcasts.js';
import { stopBulkSend } from '../../../src/db/queries/bulk.js';
import type { Contact } from '../../../src/db/queries/contacts.js';
import { formatLocalTime, parseLocalTime } from '../../../src/domain/local-time.js';
import { type IndonesianZone, zoneOfVillage } from '../../../src/domain/time-zones.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { placeOf } from '../../../src/domain/village-place.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import { startJobKey } from '../../../src/runtime/jobs/broadcasts.js';
import {
  type BroadcastDraft,
  beginBroadcasts,
  cancelBroadcast,
  changeBroadcast,
  openBroadcast,
  rescheduleBroadcast,
  stopBroadcast,
} from '../declarations.js';
import { SCHEDULE_MAX_AHEAD_MS, scopedAudience, sendScope } from './compose.js';

/** Broadcasts listed by /siaran. */
export const RECENT_BROADCASTS = 5;

const zoneOf = (row: BroadcastRow): IndonesianZone =>
  row.zone === 'WITA' || row.zone === 'WIT' ? row.zone : 'WIB';

/** One line of the list: number, state, and its numbers or time. */
async function lineOf(tx: Db, row: BroadcastRow): Promise<Text> {
  const zone = zoneOf(row);
  const number = row.number;
  switch (row.state) {
    case 'scheduled':
      return t('broadcasts:line.scheduled', { number, at: formatLocalTime(row.startAt, zone) });
    case 'cancelled':
      return t('broadcasts:line.cancelled', { number });
    default: {
      const tally = await tallyBroadcast(tx, { bulkId: row.id });
      const total = (row.counts as { recipients?: number } | null)?.recipients ?? 0;
      const at = formatLocalTime(row.finishedAt ?? row.updatedAt, zone);
      if (row.state === 'running') {
        return t('broadcasts:line.running', {
          number,
          sent: tally.sent,
          total,
          failed: tally.failed,
        });
      }
      const state = row.state === 'stopped' ? 'stopped' : 'done';
      return t(`broadcasts:line.${state}`, { number, at, sent: tally.sent, failed: tally.failed });
    }
  }
}

/** Loads a broadcast the contact may manage (their own, or any for an admin), locked. */
async function managed(tx: Db, contact: Contact, id: string) {
  const row = await getBroadcast(tx, { id, lock: true });
  if (!row) return undefined;
  const scope = sendScope(contact);
  if (!scope) return undefined;
  return scope.type === 'everywhere' || row.senderId === contact.id ? row : undefined;
}

/** The managing actions, and the start of /siaran. */
export function manageActions(villages: VillageIndexSource): ActionImplementation[] {
  return [
    implement(beginBroadcasts, async ({ tx, contact }) => {
      const scope = sendScope(contact);
      if (!scope) return { outcome: 'refused' };
      const admin = scope.type === 'everywhere';
      const rows = await listRecentBroadcasts(tx, {
        senderId: admin ? undefined : contact.id,
        limit: RECENT_BROADCASTS,
      });
      const lines = await Promise.all(rows.map((row) => lineOf(tx, row)));
      let area = t('broadcasts:region.everywhere');
      if (!admin && contact.villageCode) {
        const village = (await villages()).directory.get(contact.villageCode);
        if (village) area = t('broadcasts:region.regency', { name: placeOf(village).regency });
      }
      return {
        outcome: 'ok',
        admin,
        area,
        zone: zoneOfVillage(contact.villageCode),
        list:
          lines.length > 0
            ? joinTexts([t('broadcasts:home.recent'), ...lines], t('broadcasts:home.none'))
            : t('broadcasts:home.none'),
        open: rows
          .filter((row) => row.state === 'scheduled' || row.state === 'running')
          .map((row) => ({
            value: row.id,
            label: t('broadcasts:home.manage', { number: row.number }),
          })),
      };
    }),
    implement(openBroadcast, async ({ tx, contact }, { id }) => {
      const row = await managed(tx, contact, id);
      if (row?.state === 'scheduled') {
        const texts = row.texts as { main: string };
        const at = formatLocalTime(row.startAt, zoneOf(row));
        const text = t('broadcasts:manage.scheduled', { number: row.number, at, text: texts.main });
        const draft = draftOf(row);
        return { outcome: 'scheduled', id, number: row.number, text, zone: zoneOf(row), draft };
      }
      if (row?.state === 'running') {
        const tally = await tallyBroadcast(tx, { bulkId: id });
        const total = (row.counts as { recipients?: number } | null)?.recipients ?? 0;
        const text = t('broadcasts:manage.running', {
          number: row.number,
          sent: tally.sent,
          total,
          failed: tally.failed,
        });
        return { outcome: 'running', id, number: row.number, text, zone: zoneOf(row) };
      }
      return { outcome: 'gone' };
    }),
    implement(cancelBroadcast, async ({ tx, contact, clock }, { id }) => {
      const row = await managed(tx, contact, id);
      if (!row) return { outcome: 'gone', number: 0 };
      if (row.state !== 'scheduled') return { outcome: 'too_late', number: row.number };
      const now = clock.now();
      await updateBroadcast(tx, { id, now, state: 'cancelled', finishedAt: now });
      return { outcome: 'cancelled', number: row.number };
    }),
    implement(rescheduleBroadcast, async ({ tx, contact, clock }, { id, when }) => {
      const row = await managed(tx, contact, id);
      if (!row) return { outcome: 'gone', number: 0 };
      if (row.state !== 'scheduled') return { outcome: 'too_late', number: row.number };
      const now = clock.now();
      const zone = zoneOf(row);
      const at = parseLocalTime(when, { now, zone, maxAheadMs: SCHEDULE_MAX_AHEAD_MS });
      if (!at) return { outcome: 'invalid' };
      await updateBroadcast(tx, { id, now, startAt: at });
      await moveJobByKey(tx, { dedupeKey: startJobKey(id), dueAt: at });
      return { outcome: 'rescheduled', number: row.number, at: formatLocalTime(at, zone) };
    }),
    implement(changeBroadcast, async ({ tx, contact, clock }, input) => {
      const row = await managed(tx, contact, input.id);
      if (!row) return { outcome: 'gone', number: 0 };
      if (row.state !== 'scheduled') return { outcome: 'too_late', number: row.number };
      const scope = sendScope(contact);
      const audience = scopedAudience(scope, input.audience);
      if (!audience) return { outcome: 'refused', number: row.number };
      await updateBroadcast(tx, {
        id: row.id,
        now: clock.now(),
        texts: { main: input.main, second: input.second },
        audience,
        urgent: input.urgent && scope?.type === 'everywhere',
      });
      const at = formatLocalTime(row.startAt, zoneOf(row));
      return { outcome: 'changed', number: row.number, at };
    }),
    implement(stopBroadcast, async ({ tx, contact, clock }, { id }) => {
      const row = await managed(tx, contact, id);
      if (row?.state !== 'running') return { outcome: 'gone', number: row?.number ?? 0 };
      const now = clock.now();
      // The progress job sees the rest skipped and writes the report.
      await stopBulkSend(tx, { bulkId: id, now });
      await updateBroadcast(tx, { id, now, state: 'stopped' });
      return { outcome: 'stopped', number: row.number };
    }),
  ];
}

/** What a scheduled broadcast says and to whom, as the changing steps start from. */
function draftOf(row: BroadcastRow): BroadcastDraft {
  const texts = row.texts as { main: string; second: string | null };
  const audience = row.audience as BroadcastDraft['audience'];
  return {
    main: texts.main,
    second: texts.second ?? null,
    mainLanguage: row.mainLanguage === 'en' ? 'en' : 'id',
    photo: row.photoMediaId,
    audience,
    urgent: row.urgent,
  };
}
