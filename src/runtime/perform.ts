/**
 * Actions run outside any conversation: the admin web moves a report or decides a role
 * request with the very action the chat's flows call, so the same rows are written and
 * the same people are told the same way.
 */
import type { Json } from '../core/messages.js';
import type { Db } from '../db/client.js';
import { getContact } from '../db/queries/contacts.js';
import type { Logger } from '../logger.js';
import type { FlowRunner } from './flow-runner.js';

/** One action to run as a contact. */
export interface PerformRequest {
  contactId: string;
  /** The declared action's name (`report.move`, ...). */
  action: string;
  input: unknown;
  /** Where the request came from (`web`): recorded in the action's context. */
  channel: string;
}

/** How it ended: the action's own result, or `gone` when the contact no longer exists. */
export type PerformOutcome = { type: 'done'; result: Json } | { type: 'gone' };

/** Runs one action as a contact, in a transaction of its own; see {@link createPerformer}. */
export type Perform = (request: PerformRequest) => Promise<PerformOutcome>;

/**
 * Builds {@link Perform}: the action and its effects (a question started for the reporter)
 * run in one transaction; `afterCommit` then sends what they wrote (the outbox sweep).
 */
export function createPerformer(deps: {
  db: Db;
  runner: Pick<FlowRunner, 'perform'>;
  logger: Logger;
  afterCommit: () => void;
}): Perform {
  return async (request) => {
    const log = deps.logger.child({ perform: request.action, channel: request.channel });
    const done = await deps.db.transaction(async (tx) => {
      const contact = await getContact(tx, { contactId: request.contactId });
      if (!contact || contact.deletedAt) return undefined;
      const context = { channel: request.channel, log };
      return { value: await deps.runner.perform(tx, contact, request, context) };
    });
    if (!done) return { type: 'gone' };
    deps.afterCommit();
    return { type: 'done', result: done.value };
  };
}
