/**
 * A broadcast being composed on the web: the form's fields, the audience as the chat's
 * actions take it, the recipient count box (swapped by htmx as the form changes), and the
 * draft carried on as hidden fields from the preview.
 */
import { type Text, t } from '../../../core/messages.js';
import { ROLES, type Role } from '../../../domain/roles.js';
import type { Viewer } from '../types.js';
import { plain } from './words.js';

/** Channels a broadcast may be limited to. */
export const CHANNELS = ['telegram', 'whatsapp', 'whatsapp-cloud', 'console'] as const;

/** What the compose form holds. */
export interface Draft {
  main: string;
  second: string;
  roles: Role[];
  region: string;
  language: '' | 'id' | 'en';
  channel: string;
  urgent: boolean;
  when: string;
}

type Body = Record<string, string | File | (string | File)[]>;
const one = (value: Body[string] | undefined) => (typeof value === 'string' ? value.trim() : '');

/** Reads a posted compose form (parsed with `all: true` for the roles' boxes). */
export function readDraft(body: Body): Draft {
  const roles = (Array.isArray(body.roles) ? body.roles : [body.roles]).flatMap((value) => {
    const role = ROLES.find((r) => r === value);
    return role ? [role] : [];
  });
  const language = one(body.language);
  return {
    main: one(body.main),
    second: one(body.second),
    roles,
    region: one(body.region),
    language: language === 'id' || language === 'en' ? language : '',
    channel: CHANNELS.find((c) => c === one(body.channel)) ?? '',
    urgent: one(body.urgent) === '1',
    when: one(body.when),
  };
}

/** The audience as the chat's actions take it. */
export function audienceOf(draft: Draft) {
  return {
    roles: draft.roles.length > 0 ? draft.roles : null,
    regionCode: draft.region || null,
    language: draft.language || null,
    channel: draft.channel || null,
  };
}

/** What the chat's `broadcast.count` says. */
export type Counted =
  | { outcome: 'refused' }
  | { outcome: 'empty'; summary: Text }
  | { outcome: 'counted'; recipients: number; summary: Text };

/** The count of the draft's audience, as a fragment htmx swaps into the form. */
export function CountBox(props: { viewer: Viewer; counted: Counted | undefined }) {
  const { viewer, counted } = props;
  const tr = viewer.tr;
  const recipients = counted?.outcome === 'counted' ? counted.recipients : 0;
  const summary =
    counted?.outcome === 'counted' || counted?.outcome === 'empty'
      ? counted.summary
      : t('broadcasts:submitted.refused');
  return (
    <div id="count" class="card" aria-live="polite">
      <p>
        {tr(t('web:broadcasts.recipients'))}: <strong id="recipients">{recipients}</strong>
      </p>
      <p class="muted" style="white-space:pre-line">
        {plain(tr(summary))}
      </p>
    </div>
  );
}

/** The draft as hidden fields: the preview's form sends it on. */
export function Hidden(props: { draft: Draft }) {
  const { draft } = props;
  return (
    <>
      {(['main', 'second', 'region', 'language', 'channel', 'when'] as const).map((name) => (
        <input type="hidden" name={name} value={draft[name]} />
      ))}
      {draft.roles.map((role) => (
        <input type="hidden" name="roles" value={role} />
      ))}
      {draft.urgent ? <input type="hidden" name="urgent" value="1" /> : null}
    </>
  );
}
