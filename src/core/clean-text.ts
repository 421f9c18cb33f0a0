import type { Inbound, InboundPayload } from './messages.js';

/**
 * Characters no person means to send and PostgreSQL or a screen cannot take: C0 controls
 * except tab and newline (NUL is refused by PostgreSQL's UTF-8 text), DEL, C1 controls,
 * the bidirectional overrides and isolates (they turn a staff view's text around), and
 * the noncharacters U+FFFE/U+FFFF. Zero-width joiners stay: emoji need them.
 */
const UNWANTED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/gu;

/** A UTF-16 surrogate with no partner: not text, and invalid in UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes a person's text safe to store and show: line breaks become `\n`, lone
 * surrogates and the {@link UNWANTED} characters are removed. Everything else,
 * emoji and every script included, is kept as typed.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(LONE_SURROGATE, '').replace(UNWANTED, '');
}

/** The payload with every text a person typed cleaned by {@link cleanText}. */
export function cleanPayload(payload: InboundPayload): InboundPayload {
  switch (payload.type) {
    case 'text':
      return { ...payload, text: cleanText(payload.text) };
    case 'command':
      return { ...payload, name: cleanText(payload.name), args: cleanText(payload.args) };
    case 'photo':
      return payload.caption === undefined
        ? payload
        : { ...payload, caption: cleanText(payload.caption) };
    case 'location':
      return payload.label === undefined
        ? payload
        : { ...payload, label: cleanText(payload.label) };
    case 'choice':
      return { ...payload, token: cleanText(payload.token) };
    case 'unsupported':
      return payload;
  }
}

/**
 * The inbound message with its payload cleaned; every channel's message passes through
 * here on its way into the runtime, so no channel can forget it.
 */
export function cleanInbound(inbound: Inbound): Inbound {
  return { ...inbound, payload: cleanPayload(inbound.payload) };
}
