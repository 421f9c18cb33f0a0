/**
 * The neutral message values every channel converts to and from. Nothing here knows
 * Telegram, WhatsApp or the console.
 */

/** A JSON value, as stored in conversation state and the outbox. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A parameter of a text: a plain value, other texts resolved in the same language (a list
 * is joined with commas), or a {@link Link}.
 */
export type TextParam = string | number | Text | Text[] | Link;

/**
 * A link inside a text: its words and where it goes. The translator writes it as
 * `[label](url)`; each channel shows it its own way (Telegram as the words, linked; plain
 * text platforms as the address alone), so flows never know which platform reads it.
 */
export type Link = {
  link: { url: string; label: Text };
};

/** Builds a {@link Link} parameter. */
export function link(url: string, label: Text): Link {
  return { link: { url, label } };
}

/**
 * Text a person reads: an i18next key (`namespace:path`) and its parameters, resolved
 * in the person's current language when it is sent, never when it is written. Plain JSON,
 * so it can travel in a stored answer or an outbox row as it is.
 */
export type Text = {
  key: string;
  params?: Record<string, TextParam>;
};

/**
 * The locale namespaces, each as the shape of its `locales/id/<namespace>.json`: filled in
 * by declaration merging where each namespace is owned (a capability's `texts.ts`,
 * src/text-resources.ts for the shared ones), so that text keys are checked by the compiler.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging.
export interface TextResources {}

/** The paths of the string leaves of a locale file: `a.b` for `{ "a": { "b": "..." } }`. */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the known namespaces, `namespace:path`. */
export type TextKey = {
  [N in keyof TextResources & string]: `${N}:${LeafPaths<TextResources[N]>}`;
}[keyof TextResources & string];

/** The rest of the keys under `prefix` (`KeysUnder<'report:statuses.'>` is every status). */
export type KeysUnder<Prefix extends string> = TextKey extends infer K
  ? K extends `${Prefix}${infer Rest}`
    ? Rest
    : never
  : never;

/**
 * A key `t` accepts: in a known namespace it must exist there (a computed key is checked
 * for each value its parts can take, so they must be unions of literals, not `string`);
 * other namespaces (test texts) are not checked.
 */
export type CheckedKey<K extends string> = K extends `${infer Namespace}:${string}`
  ? Namespace extends keyof TextResources
    ? K extends TextKey
      ? K
      : TextKey
    : K
  : TextKey;

/** Builds a {@link Text}; the compiler checks the key (see {@link CheckedKey}). */
export function t<const K extends string>(
  key: K & CheckedKey<K>,
  params?: Record<string, TextParam>,
): Text {
  return params ? { key, params } : { key };
}

/** Kinds of message the bot cannot use yet; named back to the person. */
export type UnsupportedKind =
  | 'sticker'
  | 'voice'
  | 'audio'
  | 'video'
  | 'document'
  | 'contact'
  | 'poll'
  | 'other';

/** What a person sent, once a channel has parsed it. */
export type InboundPayload =
  | { type: 'text'; text: string }
  /** A button press: the token of the question it belongs to and the option number (1-based). */
  | { type: 'choice'; token: string; number: number }
  | { type: 'photo'; mediaId: string; caption?: string }
  | { type: 'location'; latitude: number; longitude: number; label?: string }
  | { type: 'command'; name: string; args: string }
  | { type: 'unsupported'; kind: UnsupportedKind };

/** One message from a person, as the runtime receives it from any channel. */
export interface Inbound {
  channel: string;
  /** The platform's id of this message; with the channel, the key that drops redeliveries. */
  messageId: string;
  /** Who sent it on that channel: a chat id, a LID, a console name. */
  externalId: string;
  /** E.164 phone number when the platform tells it. */
  phone?: string;
  receivedAt: Date;
  payload: InboundPayload;
}

/** A numbered option of a question. */
export interface OutboundOption {
  number: number;
  label: Text;
}

/**
 * Something shown with a message besides its text: a stored photo (by media id), a map
 * pin, or a small text file sent as a document (a calendar `.ics`). Channels that cannot
 * show it rely on the text, which always says it in words.
 */
export type Attachment =
  | { type: 'photo'; mediaId: string }
  | { type: 'location'; latitude: number; longitude: number }
  | { type: 'document'; fileName: string; mimeType: string; content: string };

/** One message the bot sends, before rendering for a platform. */
export interface Outbound {
  /** Paragraphs, shown in order. */
  texts: Text[];
  /** Options of the question this message asks; `token` ties button presses to it. */
  choices?: { token: string; options: OutboundOption[]; multiple?: boolean };
  /** The question waits for a photo or a location (channels may offer a share button). */
  expect?: 'photo' | 'location';
  /** Shown after the text, in order. */
  attachments?: Attachment[];
  /**
   * One message kept up to date (a broadcast's progress): the messages to one person with
   * the same key are shown as one, edited in place where the platform can (Telegram); other
   * platforms send each as a new message.
   */
  inPlace?: { key: string };
}

/** An {@link Outbound} after i18n: plain strings a channel renders. */
export interface RenderedMessage {
  texts: string[];
  choices?: { token: string; options: { number: number; label: string }[]; multiple?: boolean };
  expect?: 'photo' | 'location';
  attachments?: Attachment[];
  /** The hint under numbered options, already in the person's language. */
  choiceHint?: string;
  /** The language the texts were resolved in, for words a channel adds itself (button labels). */
  language?: string;
}

/**
 * Adds `next` to the messages of one reply, joined to the message before when that one is
 * text alone (no question, attachment, expected share or in-place key): "Bahasa diubah."
 * and the question after it arrive as one message, one send and one outbox row. A message
 * shown in place is never joined.
 */
export function appendMessage(messages: Outbound[], next: Outbound): void {
  const last = messages[messages.length - 1];
  if (last && isTextAlone(last) && !next.inPlace) {
    messages[messages.length - 1] = { ...next, texts: [...last.texts, ...next.texts] };
    return;
  }
  messages.push(next);
}

function isTextAlone(message: Outbound): boolean {
  return (
    !message.choices &&
    !message.expect &&
    !message.inPlace &&
    (message.attachments?.length ?? 0) === 0
  );
}
