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
  closeTurn,
  isInboundRecorded,
  openTurn,
  recordInbound,
} from '../db/queries/conversations.js';
import {
  enqueueMessages,
  failPendingForAddress,
  type OutboxRow,
  wasQueuedIn,
} from '../db/queries/outbox.js';
import type { Translator } from '../i18n.js';
import type { Logger } from '../logger.js';
import type { ActionImplementation } from './action.js';
import { createFlowRunner } from './flow-runner.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createOutboxSender, OUTBOX_LEASE_MS, type OutboxSender } from './outbox-sender.js';
import type { RuntimeChannel, TriggerOutcome, TriggerRequest } from './types.js';

/** How one inbound message ended. */
export type ReceiveOutcome =
  | { type: 'handled'; contactId: string }
  | { type: 'duplicate' }
  /** A bug or an outage; the person was told, their earlier answers are kept. */
  | { type: 'failed'; contactId?: string };

/** A message handled: its replies, claimed when written, to send after the commit. */
type Handled = {
  type: 'handled';
  contactId: string;
  /** Messages were written for other people too (a role decision, a report move). */
  queuedForOthers: boolean;
  /** Absent when an older message of theirs waits: the usual flush sends them in order. */
  send?: { rows: OutboxRow[]; language: string; claimer: number | null; purge: boolean };
};
type Duplicate = { type: 'duplicate' };
const DUPLICATE: Duplicate = { type: 'duplicate' };

/** Thrown inside a transaction to roll back a message recorded meanwhile by another delivery. */
class Redelivered extends Error {}

/** The outbox row `closeTurn` wrote for one reply, as the sender needs it. */
function claimedRow(
  params: {
    contactId: string;
    channel: string;
    externalId: string;
    message: unknown;
    now: Date;
    leaseUntil: Date;
    claimer: number | null;
  },
  id: number | undefined,
): OutboxRow {
  if (id === undefined) throw new Error('a reply was not written to the outbox');
  return {
    id,
    contactId: params.contactId,
    channel: params.channel,
    externalId: params.externalId,
    message: params.message,
    status: 'sending',
    attempts: 0,
    nextAttemptAt: params.now,
    claimedUntil: params.leaseUntil,
    claimedBy: params.claimer,
    lastError: null,
    priority: 0,
    bulkId: null,
    createdAt: params.now,
    sentAt: null,
    platformMessageId: null,
    deliveredAt: null,
    readAt: null,
  };
}

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
   * As `receive`, but resolves once the message is recorded, its replies committed to the
   * outbox, while they are still being sent: for a channel that confirms messages to the
   * platform (Telegram's update offset), which then need not wait for the sending. A crash
   * after that point sends the replies from the outbox when the bot starts again.
   */
  accept(inbound: Inbound): Promise<ReceiveOutcome>;
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

  /**
   * The person's turn: one statement when they have a conversation already (the usual
   * case), else the contact found or created without one. Undefined for a redelivery.
   */
  async function beginTurn(
    tx: Db,
    inbound: Inbound,
  ): Promise<{ contact: Contact; state: unknown } | undefined> {
    const turn = await openTurn(tx, inbound);
    if (turn) {
      if (turn.seen) return undefined;
      if (turn.identity.unreachableSince) {
        await setIdentityReachability(tx, { ...inbound, unreachableSince: null });
      }
      return turn;
    }
    const contact = await resolveContact(tx, inbound);
    return contact && { contact, state: undefined };
  }

  async function handle(inbound: Inbound, log: Logger): Promise<Handled | Duplicate> {
    const claimer = deps.instance ? await deps.instance.current() : null;
    try {
      return await deps.db.transaction(async (tx) => {
        const turn = await beginTurn(tx, inbound);
        if (!turn) return DUPLICATE;
        const { contact } = turn;
        const now = deps.clock.now();
        const event: EngineEvent = { type: 'input', payload: inbound.payload };
        const context = { channel: inbound.channel, log };
        const ran = await runner.run(tx, contact, turn.state, event, context);
        const leaseUntil = new Date(now.getTime() + OUTBOX_LEASE_MS);
        const deleted = ran.contact.deletedAt !== null;
        const closed = await closeTurn(tx, {
          ...inbound,
          contactId: contact.id,
          // The person deleted their data, dedupe keys included: the key of this message
          // stays, linked to nobody, so that a redelivery of it does not onboard them again.
          recordFor: deleted ? null : contact.id,
          state: ran.state,
          messages: ran.messages,
          now,
          leaseUntil,
          claimer,
        });
        // A redelivery raced this one and was recorded first: undo everything.
        if (!closed.fresh) throw new Redelivered();
        const claimed = closed.queued.every((q) => q.status === 'sending');
        const rows = ran.messages.map((message, index) =>
          claimedRow(
            { ...inbound, contactId: contact.id, message, now, leaseUntil, claimer },
            closed.queued[index]?.id,
          ),
        );
        return {
          type: 'handled',
          contactId: contact.id,
          queuedForOthers: wasQueuedIn(tx),
          send: claimed
            ? { rows, language: ran.contact.language, claimer, purge: deleted }
            : undefined,
        } as const;
      });
    } catch (error) {
      if (error instanceof Redelivered) return DUPLICATE;
      throw error;
    }
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

  /** Handles `inbound`; `recorded` is told the outcome once committed, before the sending. */
  async function process(
    inbound: Inbound,
    recorded: (outcome: ReceiveOutcome) => void,
  ): Promise<ReceiveOutcome> {
    const log = deps.logger.child({ channel: inbound.channel, messageId: inbound.messageId });
    let handled: Handled | Duplicate;
    try {
      handled = await handle(inbound, log);
    } catch (error) {
      log.error({ err: error }, 'message handling failed; apologising to the person');
      const failed = await apologise(inbound);
      recorded(failed);
      if (failed.type === 'failed' && failed.contactId) {
        await outbox.flushContact(failed.contactId);
      }
      return failed;
    }
    if (handled.type === 'duplicate') return handled;
    const { contactId, send } = handled;
    recorded({ type: 'handled', contactId });
    log.debug({ contactId }, 'message handled');
    if (send) await outbox.sendClaimed(contactId, send.rows, send);
    else await outbox.flushContact(contactId);
    // Actions wrote messages for other people (a role decision, a report move): send them
    // now rather than at the next periodic sweep.
    if (handled.queuedForOthers) void outbox.flushDue();
    return { type: 'handled', contactId };
  }

  /** One message after the earlier ones of its sender; see `receive` and `accept`. */
  function run(
    inbound: Inbound,
    recorded: (outcome: ReceiveOutcome) => void,
  ): Promise<ReceiveOutcome> {
    if (stopping) return Promise.resolve({ type: 'failed' });
    // People's text is cleaned once, here, whatever channel it came from.
    const clean = cleanInbound(inbound);
    return queue.run(`${clean.channel}\u0000${clean.externalId}`, () => process(clean, recorded));
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
    receive: (inbound) => run(inbound, () => {}),
    accept: (inbound) =>
      new Promise((resolve, reject) => {
        run(inbound, resolve).then(resolve, reject);
      }),
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
