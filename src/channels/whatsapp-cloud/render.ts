import type { RenderedMessage } from '../../core/messages.js';
import { neutraliseFormatting } from '../../i18n.js';
import { renderNumberedText, splitText } from '../text-render.js';
import { choiceId } from './parse.js';

/** Longest text message body of the Cloud API, in characters. */
export const CLOUD_TEXT_MAX_CHARS = 4_096;
/** Longest body of an interactive (buttons or list) message. */
export const CLOUD_INTERACTIVE_BODY_MAX_CHARS = 1_024;
/** Reply buttons: at most this many, titles at most {@link CLOUD_BUTTON_TITLE_MAX_CHARS}. */
export const CLOUD_BUTTONS_MAX = 3;
export const CLOUD_BUTTON_TITLE_MAX_CHARS = 20;
/** List message: at most this many rows, titles at most {@link CLOUD_ROW_TITLE_MAX_CHARS}. */
export const CLOUD_LIST_ROWS_MAX = 10;
export const CLOUD_ROW_TITLE_MAX_CHARS = 24;
/** The list's open button label. */
export const CLOUD_LIST_BUTTON_MAX_CHARS = 20;

/** One message the Cloud API is sent, before its picture is uploaded. */
export type CloudPart =
  | { type: 'body'; body: Record<string, unknown> }
  /** A stored photo: uploaded first, then sent by its new media id. */
  | { type: 'photo'; mediaId: string }
  /** A small text file (a calendar `.ics`): uploaded first, then sent as a document. */
  | { type: 'document'; fileName: string; mimeType: string; content: string };

/**
 * Renders a message as Cloud API messages: the numbered text always (split at
 * {@link CLOUD_TEXT_MAX_CHARS}), its last part carrying the choices as reply buttons
 * (at most 3, titles of at most 20 characters) or else as a list (at most 10 rows, titles
 * of at most 24), when they fit and the part fits an interactive body; otherwise text
 * alone, answered by number or label. Several-answer questions stay text. Then the
 * attachments: photos and documents (to upload) and map pins. `listButton` labels the list's button.
 */
export function renderCloudMessage(message: RenderedMessage, listButton: string): CloudPart[] {
  const text = renderNumberedText(message);
  const texts = text.length === 0 ? [] : splitText(text, CLOUD_TEXT_MAX_CHARS);
  const parts: CloudPart[] = texts.map((body) => ({
    type: 'body',
    body: { type: 'text', text: { body, preview_url: false } },
  }));
  const last = texts.at(-1);
  const interactive = last === undefined ? undefined : interactiveOf(message, last, listButton);
  if (interactive) parts[parts.length - 1] = { type: 'body', body: interactive };
  for (const attachment of message.attachments ?? []) {
    if (attachment.type === 'photo') parts.push({ type: 'photo', mediaId: attachment.mediaId });
    else if (attachment.type === 'document') parts.push(attachment);
    else if (attachment.type === 'location') {
      const { latitude, longitude } = attachment;
      parts.push({ type: 'body', body: { type: 'location', location: { latitude, longitude } } });
    }
  }
  return parts;
}

function interactiveOf(
  message: RenderedMessage,
  body: string,
  listButton: string,
): Record<string, unknown> | undefined {
  const choices = message.choices;
  if (!choices || choices.multiple || body.length > CLOUD_INTERACTIVE_BODY_MAX_CHARS) return;
  const options = choices.options.map((o) => ({
    id: choiceId(choices.token, o.number),
    title: neutraliseFormatting(o.label),
  }));
  const fits = (max: number) => options.every((o) => o.title.length <= max);
  if (options.length <= CLOUD_BUTTONS_MAX && fits(CLOUD_BUTTON_TITLE_MAX_CHARS)) {
    return {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: body },
        action: { buttons: options.map((reply) => ({ type: 'reply', reply })) },
      },
    };
  }
  if (options.length <= CLOUD_LIST_ROWS_MAX && fits(CLOUD_ROW_TITLE_MAX_CHARS)) {
    return {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: body },
        action: {
          button: listButton.slice(0, CLOUD_LIST_BUTTON_MAX_CHARS),
          sections: [{ rows: options }],
        },
      },
    };
  }
  return undefined;
}
