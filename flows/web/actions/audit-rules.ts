/**
 * What the audit log records of staff actions, by action name (the names are the
 * capabilities' declarations; they are matched as strings so no capability imports another).
 */
import type { Json } from '../../../src/core/messages.js';
import type { AuditRecord, AuditRule } from '../../../src/runtime/audit.js';

type Fields = Record<string, Json | undefined>;

const fields = (value: unknown): Fields =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};

const text = (value: Json | undefined): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** Outcomes that change nothing: no entry. */
const NOTHING_DONE = new Set([
  'refused',
  'not_staff',
  'not_admin',
  'gone',
  'not_found',
  'invalid',
  'empty',
]);

/** A staff action of training or broadcasts: its outcome, on the session or broadcast named. */
function outcomeRule(action: string): AuditRule {
  return {
    action,
    record(input, result): AuditRecord | undefined {
      const out = fields(result);
      const outcome = text(out.outcome);
      if (!outcome || NOTHING_DONE.has(outcome)) return undefined;
      const given = fields(input);
      const subject =
        text(out.id) ??
        text(out.sessionId) ??
        text(out.broadcastId) ??
        text(given.id) ??
        text(given.sessionId) ??
        text(given.broadcastId) ??
        '-';
      return { action, subject, after: { outcome } };
    },
  };
}

/** The audited actions. */
export const AUDIT_RULES: readonly AuditRule[] = [
  {
    action: 'report.move',
    record(input, result) {
      const out = fields(result);
      if (out.outcome !== 'moved') return undefined;
      const given = fields(input);
      return {
        action: 'report.move',
        subject: text(out.ticket) ?? '-',
        before: { status: out.from ?? null },
        // Whether a note went, not its words: they may name the reporter, whose /hapusdata
        // removes them from the report's history and must find no copy here.
        after: { status: out.to ?? null, reason: given.reason ?? null, noted: Boolean(given.note) },
      };
    },
  },
  {
    action: 'roles.decide',
    record(_input, result) {
      const out = fields(result);
      if (out.outcome !== 'confirmed' && out.outcome !== 'rejected') return undefined;
      const about = text(out.about);
      return {
        action: 'role.decide',
        subject: about ?? '-',
        subjectContactId: about,
        before: { name: out.name ?? null, requested: out.role ?? null },
        after: { decision: out.outcome },
      };
    },
  },
  ...[
    'training.save',
    'training.move',
    'training.relocate',
    'training.cancel',
    'broadcast.submit',
    'broadcast.cancel',
    'broadcast.stop',
    'broadcast.reschedule',
  ].map(outcomeRule),
];
