import type { Outbound } from '../../core/messages.js';

/**
 * Kinds of message the bot sends without being asked, by the text keys that start them.
 * Outside the 24-hour window such a message goes out as its kind's approved template.
 * Reminders and broadcasts join here when those capabilities land.
 */
export const PROACTIVE_KINDS = {
  /** A report of theirs moved (verified, in progress, done, rejected) or got a staff note. */
  report_status: [{ namespace: 'report', prefix: 'notify.' }],
  /** A report arrived for staff, or needs them (new, overdue). */
  report_staff: [{ namespace: 'report-staff', prefix: 'notify.' }],
} as const satisfies Record<string, readonly { namespace: string; prefix: string }[]>;

/** A kind of proactive message. */
export type ProactiveKind = keyof typeof PROACTIVE_KINDS;

/** An approved template registered in WhatsApp Manager for one kind. */
export interface CloudTemplate {
  /** The template's name as registered. */
  name: string;
  /**
   * Meta's language code per bot language (`{ "id": "id", "en": "en_US" }`); the bot's own
   * code when missing.
   */
  languages?: Record<string, string>;
}

/** Templates per kind (`WHATSAPP_CLOUD_TEMPLATES`). */
export type CloudTemplates = Partial<Record<ProactiveKind, CloudTemplate>>;

/** Longest text put in the template's one body parameter. */
export const TEMPLATE_PARAM_MAX_CHARS = 900;

/** The error recorded for a message that may not be sent now and has no template. */
export const OUTSIDE_WINDOW_ERROR = 'outside the 24-hour window';

/** The proactive kind of a message, from the key of its first text; undefined for replies. */
export function proactiveKindOf(outbound: Outbound | undefined): ProactiveKind | undefined {
  const key = outbound?.texts[0]?.key;
  if (!key) return undefined;
  for (const [kind, starts] of Object.entries(PROACTIVE_KINDS)) {
    const matches = starts.some((s) => key.startsWith(`${s.namespace}:${s.prefix}`));
    if (matches) return kind as ProactiveKind;
  }
  return undefined;
}

/**
 * The template message for a proactive message: the template's body takes one parameter,
 * `{{1}}`, filled with the message's own text in the person's language (line breaks and
 * long runs of spaces, which Meta refuses in parameters, made into " · " and one space).
 */
export function templateBody(
  template: CloudTemplate,
  language: string,
  texts: string[],
): Record<string, unknown> {
  const flat = texts
    .join('\n')
    .split(/\s*\n+\s*/)
    .filter((line) => line.length > 0)
    .join(' · ')
    .replace(/[\t ]{2,}/g, ' ');
  const text =
    flat.length > TEMPLATE_PARAM_MAX_CHARS
      ? `${flat.slice(0, TEMPLATE_PARAM_MAX_CHARS - 1)}…`
      : flat;
  return {
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.languages?.[language] ?? language },
      components: [{ type: 'body', parameters: [{ type: 'text', text }] }],
    },
  };
}
