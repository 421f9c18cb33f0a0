import { cleanInbound } from '../core/clean-text.js';
import type { Engine, EngineEvent } from '../core/engine/engine.js';
import { readState } from '../core/engine/state.js';
import { FlowDefinitionError } from '../core/errors.js';
import type { ContactSnapshot } from '../core/flow/types.js';
import type { Inbound, Json, Outbound } from '../core/messages.js';
import type { Clock, Ids } from '../core/ports.js';
import type { Db } from '../db/client.js';
import type { InstanceLock } from '../db/instance-lock.js';
import {
  type Contact,
  createContact,
  findContactByIdentity,
  getContact,
  setIdentityReachability,
} from '../db/queries/contacts.js';
import {
  isInboundRecorded,
  loadConversationForUpdate,
  recordInbound,
  saveConversation,
} from '../db/queries/conversations.js';
import { enqueueToAddress, notificationAddressOf } from '../db/queries/notifications.js';
import { enqueueMessages, failPendingForAddress } from '../db/queries/outbox.js';
import type { Translator } from '../i18n.js';
import type { Logger } from '../logger.js';
import type { ActionImplementation } from './action.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createOutboxSender, type OutboxSender } from './outbox-sender.js';
import type { ActionContext, RuntimeChannel, StartFlowOutcome } from './types.js';

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
  const actions = new Map(deps.actions.map((a) => [a.declaration.name, a]));
  let stopping = false;

  async function resolveContact(tx: Db, inbound: Inbound): Promise<Contact> {
    const found = await findContactByIdentity(tx, inbound);
    if (found) {
      if (found.identity.unreachableSince) {
        await setIdentityReachability(tx, { ...inbound, unreachableSince: null });
      }
      return found.contact;
    }
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

  function envFor(contact: Contact) {
    const snapshot: ContactSnapshot = {
      id: contact.id,
      role: contact.role,
      language: contact.language,
      villageCode: contact.villageCode,
      displayName: contact.displayName,
    };
    return {
      contact: snapshot,
      entryFlow: deps.entryFlowFor(contact),
      translate: (text: Parameters<Translator['translate']>[0]) =>
        deps.translator.translate(text, contact.language),
    };
  }

  /**
   * Runs the engine, and every action it calls, until it waits for the person. `nested`
   * is set while running a flow started for someone else, which may not start another.
   */
  async function runEngine(
    tx: Db,
    contact: Contact,
    state: unknown,
    event: EngineEvent,
    context: { channel: string; log: Logger; nested?: boolean },
  ) {
    let current = contact;
    let result = deps.engine.handle(readState(state), event, envFor(current));
    const messages: Outbound[] = [];
    let calls = 0;
    for (; ; calls++) {
      let call: { action: string; input: unknown } | undefined;
      for (const effect of result.effects) {
        if (effect.type === 'send') messages.push(effect.message);
        else call = effect;
      }
      if (!call) return { state: result.state, messages, calls, contact: current };
      const action = actions.get(call.action);
      if (!action) throw new FlowDefinitionError(`no action named "${call.action}"`);
      // Built here, field by field: the outer database is out of reach of an action.
      const ctx: ActionContext = {
        tx,
        contact: current,
        channel: context.channel,
        clock: deps.clock,
        ids: deps.ids,
        logger: context.log,
        startFlow: (contactId, flow, args) =>
          startFlowFor(tx, { contactId, flow, args }, { ...context, callerId: contact.id }),
      };
      const value: Json = await action.run(ctx, call.input);
      current = (await getContact(tx, { contactId: current.id })) ?? current;
      result = deps.engine.handle(result.state, { type: 'call_result', value }, envFor(current));
    }
  }

  /** Opens `flow` for another contact, on top of what they are doing (see ActionContext). */
  async function startFlowFor(
    tx: Db,
    request: { contactId: string; flow: string; args?: string },
    caller: { callerId: string; log: Logger; nested?: boolean },
  ): Promise<StartFlowOutcome> {
    if (caller.nested) return { type: 'skipped', reason: 'nested' };
    if (request.contactId === caller.callerId) return { type: 'skipped', reason: 'self' };
    const contact = await getContact(tx, { contactId: request.contactId });
    const address = contact
      ? await notificationAddressOf(tx, { contactId: contact.id })
      : undefined;
    if (!contact || contact.deletedAt || !address) return { type: 'skipped', reason: 'gone' };
    // A question they cannot receive would silently take over their next message.
    if (address.unreachable) return { type: 'skipped', reason: 'unreachable' };
    const saved = await loadConversationForUpdate(tx, { contactId: contact.id });
    const event: EngineEvent = { type: 'start', ...request, mode: 'push' };
    const log = caller.log.child({ startedFor: contact.id, flow: request.flow });
    const context = { channel: address.channel, log, nested: true };
    const { state, messages } = await runEngine(tx, contact, saved?.state, event, context);
    const now = deps.clock.now();
    const channel = saved?.channel ?? address.channel;
    await saveConversation(tx, { contactId: contact.id, channel, state, now });
    await enqueueToAddress(tx, { contactId: contact.id, address, messages, now });
    return { type: 'started' };
  }

  async function handle(inbound: Inbound, log: Logger): Promise<ReceiveOutcome> {
    return deps.db.transaction(async (tx) => {
      // Before anything else: a redelivery must not create (or re-create) a contact.
      if (await isInboundRecorded(tx, inbound)) return { type: 'duplicate' } as const;
      const contact = await resolveContact(tx, inbound);
      const now = deps.clock.now();
      const fresh = await recordInbound(tx, { ...inbound, contactId: contact.id, now });
      if (!fresh) return { type: 'duplicate' } as const;
      const saved = await loadConversationForUpdate(tx, { contactId: contact.id });
      const event: EngineEvent = { type: 'input', payload: inbound.payload };
      const context = { channel: inbound.channel, log };
      const ran = await runEngine(tx, contact, saved?.state, event, context);
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
      if (await isInboundRecorded(tx, inbound)) return { type: 'duplicate' } as const;
      const contact = await resolveContact(tx, inbound);
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
