import type { Inbound, Outbound, RenderedMessage } from '../core/messages.js';
import type { Clock, Ids } from '../core/ports.js';
import type { Db } from '../db/client.js';
import type { Contact } from '../db/queries/contacts.js';
import type { Logger } from '../logger.js';

/** How a platform answered one send. */
export type SendResult =
  | { type: 'sent' }
  /** Worth trying again: after `afterMs` when the platform said so, else with backoff. */
  | { type: 'retry'; error: string; afterMs?: number }
  /** Never worth retrying; `unreachable` when the person blocked the bot or is gone. */
  | { type: 'failed'; error: string; unreachable?: boolean };

/**
 * Which outbox row a send is for: lets a channel resume a message sent in several parts
 * where a failed attempt stopped, record the platform's message ids for status updates,
 * and choose a template from the message's text keys.
 */
export interface SendContext {
  outboxId: number;
  /** The message before rendering (its text keys and parameters). */
  outbound: Outbound;
}

/** What the runtime needs of a channel: sending, and who is an admin on first contact. */
export interface RuntimeChannel {
  name: string;
  send(externalId: string, message: RenderedMessage, context?: SendContext): Promise<SendResult>;
  /** True when this sender is a configured administrator of the bot. */
  isAdmin?(inbound: Inbound): boolean;
}

/**
 * What an action sees, built for each call: the transaction of the message (never the
 * outer database: on PGlite, using it inside the transaction hangs), the contact as
 * stored, the channel, time, ids and a logger. Its capability's own dependencies are bound
 * when its actions are created at start-up (Capability.actions).
 */
export interface ActionContext {
  tx: Db;
  contact: Contact;
  /** The channel the message that led here came in on. */
  channel: string;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  /**
   * Starts `flow` for another contact in this transaction, pushed on top of whatever they
   * are doing, which resumes (its question asked again) when it ends: a proactive question
   * such as "is your report fixed?". Its messages go to their best address and are sent
   * after the commit, with the rest of this transaction's outbox rows.
   */
  startFlow(contactId: string, flow: string, args?: string): Promise<StartFlowOutcome>;
}

/** How {@link ActionContext.startFlow} ended. */
export type StartFlowOutcome =
  | { type: 'started' }
  /**
   * Nothing was started: `self` (the contact of this message: answer in the flow instead),
   * `gone` (deleted, or no channel left), `unreachable` (blocked the bot), `nested`
   * (a flow started for someone else may not start another).
   */
  | { type: 'skipped'; reason: 'self' | 'gone' | 'unreachable' | 'nested' };
