/**
 * The message a broadcast's recipients get, built from what the sender wrote: the same
 * value is shown as the preview and written as the bulk send's message, so the preview is
 * exactly what people see. A second-language version is the message of the people who
 * read that language (chosen when the broadcast starts); the others get the main one. The
 * header and the footer are resolved when sent, in each person's language.
 */
import { type Outbound, type Text, t } from '../core/messages.js';

/** Languages a broadcast may be written in. */
export const BROADCAST_LANGUAGES = ['id', 'en'] as const;

/** A broadcast language. */
export type BroadcastLanguage = (typeof BROADCAST_LANGUAGES)[number];

/** The other broadcast language. */
export function otherLanguage(language: string): BroadcastLanguage {
  return language === 'en' ? 'id' : 'en';
}

/** The announcement's text as people read it, with its header and how to stop them. */
export function broadcastText(text: string, urgent: boolean): Text {
  return t(urgent ? 'broadcasts:message.urgent' : 'broadcasts:message.normal', {
    text,
    footer: t('broadcasts:message.footer'),
  });
}

/** The whole message a recipient gets: the text (as the preview shows it) and the photo. */
export function broadcastMessage(
  text: string,
  options: { urgent: boolean; photo: string | null },
): Outbound {
  return {
    texts: [broadcastText(text, options.urgent)],
    ...(options.photo ? { attachments: [{ type: 'photo', mediaId: options.photo }] } : {}),
  };
}
