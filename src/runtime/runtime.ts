import { cleanInbound } from '../core/clean-text.js';
import type { Engine, EngineEvent } from '../core/engine/engine.js';
import type { Inbound, Outbound } from '../core/messages.js';
import type { Clock, Ids } from '../core/ports.js';
import type { Db } from '../db/client.js';
import type { InstanceLock } from '../db/instance-lock.js';
import {
  type Contact,
  createContact,
  findContactByIdentity,
  setIdentityReachability,
} from '../db/queries/contacts.js';
import {
  isInboundRecorded,
  loadConversationForUpdate,
  recordInbound,
  saveConversation,
} from '../db/queries/conversations.js';
import { enqueueMessages, failPendingForAddress } from '../db/queries/outbox.js';
import type { Translator } from '../i18n.js';
import type { Logger } from '../logger.js';
import type { ActionImplementation } from './action.js';
import { createFlowRunner } from './flow-runner.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createOutboxSender, type OutboxSender } from './outbox-sender.js';
import type { RuntimeChannel, TriggerOutcome, TriggerRequest } from './types.js';

/** How one inbound message ended. */
export type ReceiveOutcome =
  | { type: 'handled'; contactId: string; actionsRan?: boolean }
  | { type: 'duplicate' }
  /** A bug or an outage; the person was told, their earlier answers are kept. */
  | { type: 'failed'; contactId?: string };

/** Everything the runtime is built from. */
export interface RuntimeDeps {
  db: Db;
  engine: Engine;
  translator: Translator;
  /** Every action a flow may call, by its declaration (see Capability.actions). */
  actions: readonly ActionImplementation[];
  clock: Clock;
  ids: Ids;
  logger: Logger;
  defaultLanguage: string;
  /** True when this process is the only one on the database (embedded PGlite). */
  exclusiveDatabase?: boolean;
  /** This process's instance lock on PostgreSQL: what it claims is taken back when it dies. */
  instance?: InstanceLock;
  /** The flow an idle contact's message opens (onboarding until registered, then the menu). */
  entryFlowFor(contact: Contact): string;
}

/** The durable conversation runtime. */
export interface Runtime {
  /** Handles one message: dedupe, state, engine, outbox, then sends the replies. */
  receive(inbound: Inbound): Promise<ReceiveOutcome>;
  /**
   * Records a message key in the one dedupe without a conversation, for what a channel
   * answers itself (a group invitation, a refused photo): true the first time, false
   * when the key was recorded before, by this or by `receive`.
   */
  recordOnce(key: Pick<Inbound, 'channel' | 'messageId'>): Promise<boolean>;
  /** True when a message key was recorded already: a redelivery a channel can skip early. */
  wasReceived(key: Pick<Inbound, 'channel' | 'messageId'>): Promise<boolean>;
  addChannel(channel: RuntimeChannel): void;
  /**
   * Records that a person cannot be reached on a channel (they blocked the bot): their
   * waiting messages there are given up. Writing again makes them reachable.
   */
  markUnreachable(address: { channel: string; externalId: string }): Promise<void>;
  outbox: OutboxSender;
  /**
   * Starts a flow for a contact from outside their messages (the scheduler's reminders, a
   * report's question), in a transaction of its own, and sends its messages after the
   * commit. Nothing starts for someone deleted, without a current consent and a confirmed
   * profile, or unreachable on their best channel. `push` resumes what they were doing,
   * its question asked again, once the flow ends. Actions ask for the same within their
   * message's transaction by returning a `trigger` effect (src/runtime/action.ts).
   */
  trigger(request: TriggerRequest): Promise<TriggerOutcome>;
  /** Sends messages a crash left behind now, then keeps sweeping periodically. */
  start(): Promise<void>;
  /** Stops taking work, finishes what is in flight. */
  stop(): Promise<void>;
}

/** Builds the runtime; call `start` once channels are added. */
export function createRuntime(deps: RuntimeDeps): Runtime {
  const channels = new Map<string, RuntimeChannel>();
  const queue = createKeyedQueue();
  const outbox = createOutboxSender({ ...deps, channels, exclusive: deps.exclusiveDatabase });
  const runner = createFlowRunner(deps);
  let stopping = false;

  /**
   * The contact who sent `inbound`, created on first contact. Undefined for a redelivery
   * from nobody known (after /hapusdata): it must not create the person again. For a
   * known contact, a redelivery is caught when the message is recorded.
   */
  async function resolveContact(tx: Db, inbound: Inbound): Promise<Contact | undefined> {
    const found = await findContactByIdentity(tx, inbound);
    if (found) {
      // Only a new message, not a redelivery of an old one, says they can be reached again.
      if (found.identity.unreachableSince && !(await isInboundRecorded(tx, inbound))) {
        await setIdentityReachability(tx, { ...inbound, unreachableSince: null });
      }
      return found.contact;
    }
    if (await isInboundRecorded(tx, inbound)) return undefined;
    const admin = channels.get(inbound.channel)?.isAdmin?.(inbound) === true;
    const created = await createContact(tx, {
      contactId: deps.ids.next(),
      identityId: deps.ids.next(),
      channel: inbound.channel,
      externalId: inbound.externalId,
      phone: inbound.phone,
      language: deps.defaultLanguage,
      role: admin ? 'admin' : 'warga',
      now: deps.clock.now(),
    });
    return created.contact;
  }

  async function handle(inbound: Inbound, log: Logger): Promise<ReceiveOutcome> {
    return deps.db.transaction(async (tx) => {
      const contact = await resolveContact(tx, inbound);
      if (!contact) return { type: 'duplicate' } as const;
      const now = deps.clock.now();
      const fresh = await recordInbound(tx, { ...inbound, contactId: contact.id, now });
      if (!fresh) return { type: 'duplicate' } as const;
      const saved = await loadConversationForUpdate(tx, { contactId: contact.id });
      const event: EngineEvent = { type: 'input', payload: inbound.payload };
      const context = { channel: inbound.channel, log };
      const ran = await runner.run(tx, contact, saved?.state, event, context);
      const { state, messages, calls } = ran;
      await saveConversation(tx, { contactId: contact.id, channel: inbound.channel, state, now });
      await enqueueMessages(tx, { ...inbound, contactId: contact.id, messages, now });
      // The person deleted their data, dedupe keys included: the key of this message
      // stays, linked to nobody, so that a redelivery of it does not onboard them again.
      if (ran.contact.deletedAt) await recordInbound(tx, { ...inbound, now });
      return { type: 'handled', contactId: contact.id, actionsRan: calls > 0 } as const;
    });
  }

  /** After a bug: records the message as seen and apologises; the saved state is untouched. */
  async function apologise(inbound: Inbound): Promise<ReceiveOutcome> {
    return deps.db.transaction(async (tx) => {
      const contact = await resolveContact(tx, inbound);
      if (!contact) return { type: 'duplicate' } as const;
      const now = deps.clock.now();
      if (!(await recordInbound(tx, { ...inbound, contactId: contact.id, now }))) {
        return { type: 'duplicate' } as const;
      }
      const messages: Outbound[] = [{ texts: [{ key: 'common:error.internal' }] }];
      await enqueueMessages(tx, { ...inbound, contactId: contact.id, messages, now });
      return { type: 'failed', contactId: contact.id } as const;
    });
  }

  async function process(inbound: Inbound): Promise<ReceiveOutcome> {
    const log = deps.logger.child({ channel: inbound.channel, messageId: inbound.messageId });
    let outcome: ReceiveOutcome;
    try {
      outcome = await handle(inbound, log);
    } catch (error) {
      log.error({ err: error }, 'message handling failed; apologising to the person');
      outcome = await apologise(inbound);
    }
    if (outcome.type !== 'duplicate' && outcome.contactId) {
      log.debug({ contactId: outcome.contactId, outcome: outcome.type }, 'message handled');
      await outbox.flushContact(outcome.contactId);
    }
    // Actions may have written messages for other people (a role decision, a report
    // move): send them now rather than at the next periodic sweep.
    if (outcome.type === 'handled' && outcome.actionsRan) void outbox.sweep();
    return outcome;
  }

  return {
    outbox,
    addChannel: (channel) => channels.set(channel.name, channel),
    async markUnreachable(address) {
      await deps.db.transaction(async (tx) => {
        const unreachableSince = deps.clock.now();
        await setIdentityReachability(tx, { ...address, unreachableSince });
        await failPendingForAddress(tx, { ...address, error: 'unreachable' });
      });
    },
    async trigger(request) {
      if (stopping) return { type: 'skipped', reason: 'stopping' };
      const log = deps.logger.child({ trigger: request.flow });
      const outcome = await deps.db.transaction((tx) => runner.trigger(tx, request, { log }));
      if (outcome.type === 'started') await outbox.flushContact(request.contactId);
      return outcome;
    },
    recordOnce: (key) => recordInbound(deps.db, { ...key, now: deps.clock.now() }),
    wasReceived: (key) => isInboundRecorded(deps.db, key),
    receive(inbound) {
      if (stopping) return Promise.resolve({ type: 'failed' });
      // People's text is cleaned once, here, whatever channel it came from.
      const clean = cleanInbound(inbound);
      return queue.run(`${clean.channel}\u0000${clean.externalId}`, () => process(clean));
    },
    async start() {
      await outbox.start();
    },
    async stop() {
      stopping = true;
      await queue.drain();
      await outbox.stop();
    },
  };
}
