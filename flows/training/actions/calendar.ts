/** "Tambahkan ke kalender": a session's `.ics` file, sent as a document where the channel can. */
import { t } from '../../../src/core/messages.js';
import { getSession } from '../../../src/db/queries/training.js';
import { ICS_MIME_TYPE, icsFileName, icsOf } from '../../../src/domain/training/ics.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import { calendarFile } from '../declarations.js';

/** The calendar action. */
export const calendarActions: ActionImplementation[] = [
  implement(calendarFile, async ({ tx, clock }, { sessionId }) => {
    const session = await getSession(tx, { id: sessionId });
    if (!session) return { text: t('training:detail.gone'), attachments: [] };
    const file = icsFileName(session.title);
    const content = icsOf({
      id: session.id,
      title: session.title,
      description: [session.topic, session.materialsUrl].filter(Boolean).join('\n'),
      location: session.onlineUrl ?? session.venue ?? '',
      url: session.onlineUrl,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      cancelled: session.status === 'dibatalkan',
      stamp: clock.now(),
      sequence: Math.max(
        0,
        Math.round((session.updatedAt.getTime() - session.createdAt.getTime()) / 1000),
      ),
    });
    return {
      text: t('training:calendar.sent', { file }),
      attachments: [{ type: 'document', fileName: file, mimeType: ICS_MIME_TYPE, content }],
    };
  }),
];
