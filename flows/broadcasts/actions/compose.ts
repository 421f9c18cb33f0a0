/**
 * Composing /siaran: who may send and where (admins everywhere, duta digital their
 * kabupaten), the areas around a picked village, the count, the time, and the submit,
 * which records the broadcast and schedules its start job (at once, or at its time).
 */

import type { z } from 'zod';
import { type Text, t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import { type Audience, countAudience } from '../../../src/db/queries/broadcast-audience.js';
import { insertBroadcast } from '../../../src/db/queries/broadcasts.js';
import type { Contact } from '../../../src/db/queries/contacts.js';
import { formatLocalTime, parseLocalTime } from '../../../src/domain/local-time.js';
import { zoneOfVillage } from '../../../src/domain/time-zones.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { searchVillages } from '../../../src/domain/village-picker.js';
import { placeOf } from '../../../src/domain/village-place.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import { scheduleBroadcastStart } from '../../../src/runtime/jobs/broadcasts.js';
import {
  type AUDIENCE_INPUT,
  countBroadcast,
  readWhen,
  regionLevels,
  searchBroadcastVillage,
  submitBroadcast,
} from '../declarations.js';

/** How far ahead a broadcast may be scheduled. */
export const SCHEDULE_MAX_AHEAD_MS = 30 * 24 * 60 * 60_000;
/** Characters of a village code that name its kabupaten (`PP.KK`). */
const REGENCY_CODE_LENGTH = 5;

/** Where a person may send: everywhere, a kabupaten (a duta with a village), or nowhere. */
export type SendScope = { type: 'everywhere' } | { type: 'regency'; code: string } | undefined;

/** The sending scope of a contact. */
export function sendScope(contact: Contact): SendScope {
  if (contact.role === 'admin') return { type: 'everywhere' };
  if (contact.role === 'duta_digital' && contact.villageCode) {
    return { type: 'regency', code: contact.villageCode.slice(0, REGENCY_CODE_LENGTH) };
  }
  return undefined;
}

/** True when `code` lies inside the area `area` (a code prefix, whole parts only). */
export function inside(code: string, area: string): boolean {
  return code === area || code.startsWith(`${area}.`);
}

/** The audience as sent: the sender's whole area when none was picked; undefined when out of scope. */
export function scopedAudience(
  scope: SendScope,
  input: z.infer<typeof AUDIENCE_INPUT>,
): Audience | undefined {
  if (!scope) return undefined;
  if (scope.type === 'regency') {
    const region = input.regionCode ?? scope.code;
    if (!inside(region, scope.code)) return undefined;
    return { ...input, regionCode: region };
  }
  return { ...input, regionCode: input.regionCode || null };
}

const CHANNEL_NAMES = ['telegram', 'whatsapp', 'whatsapp-cloud', 'console'] as const;

/** A channel's name as people read it. */
export function channelName(channel: string): Text {
  const known = CHANNEL_NAMES.find((name) => name === channel);
  return t(`broadcasts:channels.${known ?? 'other'}`);
}

/** The composing actions. */
export function composeActions(villages: VillageIndexSource): ActionImplementation[] {
  return [
    implement(searchBroadcastVillage, async (_ctx, { query }) => searchVillages(villages, query)),
    implement(regionLevels, async ({ contact }, { code }) => {
      const scope = sendScope(contact);
      const { directory } = await villages();
      const village = directory.get(code);
      if (!scope || !village) return { outcome: 'outside' };
      if (scope.type === 'regency' && !inside(code, scope.code)) return { outcome: 'outside' };
      const place = placeOf(village);
      const options = [
        { value: village.code, label: t('broadcasts:region.village', { name: place.name }) },
        {
          value: village.district.code,
          label: t('broadcasts:region.district', { name: place.district }),
        },
        {
          value: village.regency.code,
          label: t('broadcasts:region.regency', { name: place.regency }),
        },
        ...(scope.type === 'everywhere'
          ? [
              {
                value: village.province.code,
                label: t('broadcasts:region.province', { name: place.province }),
              },
            ]
          : []),
      ];
      return { outcome: 'levels', options };
    }),
    implement(countBroadcast, async ({ tx, contact }, { audience: input }) => {
      const audience = scopedAudience(sendScope(contact), input);
      if (!audience) return { outcome: 'refused' };
      const count = await countAudience(tx, audience);
      const excluded = t('broadcasts:count.excluded', { ...count.excluded });
      if (count.recipients === 0) {
        return {
          outcome: 'empty',
          summary: joinTexts([t('broadcasts:count.empty'), excluded], excluded, 'paragraph'),
        };
      }
      const channels = Object.entries(count.byChannel).sort((a, b) => b[1] - a[1]);
      const summary = joinTexts(
        [
          t('broadcasts:count.summary', {
            count: count.recipients,
            channels: channels.map(([name, n]) =>
              t('broadcasts:count.channel', { name: channelName(name), count: n }),
            ),
          }),
          excluded,
        ],
        excluded,
        'paragraph',
      );
      return {
        outcome: 'counted',
        recipients: count.recipients,
        summary,
        channels: [
          { value: 'all', label: t('broadcasts:channel.all', { count: count.recipients }) },
          ...channels.map(([name, n]) => ({
            value: name,
            label: t('broadcasts:channel.one', { name: channelName(name), count: n }),
          })),
        ],
      };
    }),
    implement(readWhen, async ({ contact, clock }, { text }) => {
      const zone = zoneOfVillage(contact.villageCode);
      const at = parseLocalTime(text, {
        now: clock.now(),
        zone,
        maxAheadMs: SCHEDULE_MAX_AHEAD_MS,
      });
      if (!at) return { outcome: 'invalid' };
      return { outcome: 'ok', at: at.toISOString(), label: formatLocalTime(at, zone) };
    }),
    implement(submitBroadcast, async ({ tx, contact, clock, ids }, input) => {
      const scope = sendScope(contact);
      const audience = scopedAudience(scope, input.audience);
      if (!audience) return { outcome: 'refused' };
      const now = clock.now();
      const at = input.at ? new Date(input.at) : now;
      const zone = zoneOfVillage(contact.villageCode);
      const id = ids.next();
      const number = await insertBroadcast(tx, {
        id,
        senderId: contact.id,
        senderRole: contact.role,
        audience,
        texts: { main: input.main, second: input.second },
        mainLanguage: contact.language === 'en' ? 'en' : 'id',
        photoMediaId: input.photo,
        // Urgent broadcasts are for admins only.
        urgent: input.urgent && scope?.type === 'everywhere',
        state: 'scheduled',
        startAt: at,
        zone,
        now,
      });
      await scheduleBroadcastStart(tx, { broadcastId: id, at, now });
      if (!input.at) {
        const count = await countAudience(tx, audience);
        return { outcome: 'started', number, count: count.recipients };
      }
      return { outcome: 'scheduled', number, at: formatLocalTime(at, zone) };
    }),
  ];
}
