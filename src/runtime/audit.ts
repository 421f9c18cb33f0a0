/**
 * The audit log of staff actions, kept where every action runs: the actions named by a
 * rule write one entry, in their own transaction, whether the chat's flows or the admin
 * web (perform.ts) called them. Who and where come from the action's context.
 */
import type { Json } from '../core/messages.js';
import { recordAudit } from '../db/queries/audit.js';
import type { ActionImplementation } from './action.js';

/** What one entry says besides who, where and when. */
export interface AuditRecord {
  action: string;
  subject: string;
  subjectContactId?: string | null;
  before?: Record<string, Json> | null;
  after?: Record<string, Json> | null;
}

/** Which action is audited, and what an entry of it says; undefined: nothing to record. */
export interface AuditRule {
  /** The declared action's name (`report.move`). */
  action: string;
  record(input: unknown, result: Json): AuditRecord | undefined;
}

/** `actions`, the ones a rule names wrapped so that each run writes its entry. */
export function withAudit(
  actions: readonly ActionImplementation[],
  rules: readonly AuditRule[],
): ActionImplementation[] {
  const byAction = new Map(rules.map((rule) => [rule.action, rule]));
  return actions.map((action) => {
    const rule = byAction.get(action.declaration.name);
    if (!rule) return action;
    return {
      declaration: action.declaration,
      async run(ctx, input) {
        const outcome = await action.run(ctx, input);
        const entry = rule.record(input, outcome.result);
        if (entry) {
          await recordAudit(ctx.tx, {
            ...entry,
            actor: ctx.contact,
            channel: ctx.channel,
            now: ctx.clock.now(),
          });
        }
        return outcome;
      },
    };
  });
}
