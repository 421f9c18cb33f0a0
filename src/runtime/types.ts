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
  /**
   * The message's outbox priority (0: a reply to a person chatting; the bulk lane's is
   * higher): a channel's send pace lets lower go first.
   */
  priority?: number;
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
}

/**
 * A flow to start for a contact from outside their messages: a proactive question ("is
 * your report fixed?"), a reminder. `push` opens it on top of what they are doing, which
 * resumes (its question asked again) when it ends; `replace` drops what they were doing.
 */
export interface TriggerRequest {
  contactId: string;
  flow: string;
  /** Words handed to the flow as if typed after its command (a ticket). */
  args?: string;
  mode: 'push' | 'replace';
  /**
   * Outbox priority of the messages it opens with: 0 (as a reply) by default; a job asking
   * many people at once gives the bulk lane's, so people chatting are served first.
   */
  priority?: number;
}

/** How a trigger ended. */
export type TriggerOutcome =
  | { type: 'started' }
  /**
   * Nothing was started: `gone` (deleted, or no channel left), `unconsented` (no current
   * consent or no confirmed profile: processing for them stops), `unreachable` (they
   * blocked the bot: a question would silently take over their next message), `self`
   * (the person of the message being handled: answer in the flow instead), `nested` (a
   * flow started for someone else may not start another), `stopping` (the runtime stops).
   */
  | {
      type: 'skipped';
      reason: 'gone' | 'unconsented' | 'unreachable' | 'self' | 'nested' | 'stopping';
    };
