/**
 * Runs conversations inside a transaction the caller opened: the engine, each action it
 * calls (with a context built for the call), and the effects actions return, of which
 * `trigger` starts a flow for another person in the same transaction.
 */
import type { Engine, EngineEvent } from '../core/engine/engine.js';
import { readState } from '../core/engine/state.js';
import { FlowDefinitionError } from '../core/errors.js';
import type { ContactSnapshot } from '../core/flow/types.js';
import { appendMessage, type Json, type Outbound } from '../core/messages.js';
import type { Clock, Ids } from '../core/ports.js';
import type { Db } from '../db/client.js';
import {
  type Contact,
  contactWritesIn,
  getContact,
  lastContactWritten,
} from '../db/queries/contacts.js';
import { loadConversationForUpdate, saveConversation } from '../db/queries/conversations.js';
import {
  enqueueToAddress,
  type NotificationAddress,
  notificationAddressOf,
} from '../db/queries/notifications.js';
import { isRegistered } from '../domain/privacy.js';
import type { Translator } from '../i18n.js';
import type { Logger } from '../logger.js';
import type { ActionEffect, ActionImplementation } from './action.js';
import type { ActionContext, TriggerOutcome, TriggerRequest } from './types.js';

/** What the runner is built from. */
export interface FlowRunnerDeps {
  engine: Engine;
  translator: Translator;
  actions: readonly ActionImplementation[];
  clock: Clock;
  ids: Ids;
  /** The flow an idle contact's message opens (onboarding until registered, then the menu). */
  entryFlowFor(contact: Contact): string;
}

/** Who a run is for: the channel to answer on, the log, whether it was triggered. */
export interface RunContext {
  channel: string;
  log: Logger;
  /** Set while running a flow started for someone else, which may not start another. */
  nested?: boolean;
}

/** What a run ended with: the state to save and the messages to write. */
export interface RunResult {
  state: unknown;
  messages: Outbound[];
  /** How many actions ran (they may have written messages for other people). */
  calls: number;
  /** The contact as the last action left it (deleted, language changed, ...). */
  contact: Contact;
}

/** Runs conversations and triggers inside the caller's transaction. */
export interface FlowRunner {
  /** Handles `event` for `contact`, and every action it calls, until it waits for them. */
  run(
    tx: Db,
    contact: Contact,
    state: unknown,
    event: EngineEvent,
    context: RunContext,
  ): Promise<RunResult>;
  /**
   * Starts a flow for a contact in `tx`, under the rules of `Runtime.trigger`; its messages
   * go to their best address, sent after the commit. `callerId`: the contact whose message
   * is being handled, if any.
   */
  trigger(
    tx: Db,
    request: TriggerRequest,
    caller: { log: Logger; nested?: boolean; callerId?: string },
  ): Promise<TriggerOutcome>;
  /**
   * Runs one declared action as `contact` outside any conversation (the admin web) in
   * `tx`, and applies its effects as when a flow of theirs calls it; returns its result.
   */
  perform(
    tx: Db,
    contact: Contact,
    call: { action: string; input: unknown },
    context: RunContext,
  ): Promise<Json>;
}

/** Builds the runner over the engine and the actions. */
export function createFlowRunner(deps: FlowRunnerDeps): FlowRunner {
  const actions = new Map(deps.actions.map((a) => [a.declaration.name, a]));

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
      now: deps.clock.now(),
      translate: (text: Parameters<Translator['translate']>[0]) =>
        deps.translator.translate(text, contact.language),
    };
  }

  async function run(
    tx: Db,
    contact: Contact,
    state: unknown,
    event: EngineEvent,
    context: RunContext,
  ): Promise<RunResult> {
    let current = contact;
    let result = deps.engine.handle(readState(state), event, envFor(current));
    const messages: Outbound[] = [];
    let calls = 0;
    for (; ; calls++) {
      let call: { action: string; input: unknown } | undefined;
      for (const effect of result.effects) {
        if (effect.type === 'send') appendMessage(messages, effect.message);
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
      };
      const writes = contactWritesIn(tx);
      const done = await action.run(ctx, call.input);
      for (const effect of done.effects) {
        await apply(tx, effect, { ...context, callerId: contact.id });
      }
      // Read again only what an action changed (its language, consent, village, erasure).
      if (contactWritesIn(tx) !== writes) {
        // The row the last write returned, when it was theirs; else read it.
        const written = lastContactWritten(tx);
        current =
          written?.id === current.id
            ? written
            : ((await getContact(tx, { contactId: current.id })) ?? current);
      }
      const value = done.result;
      result = deps.engine.handle(result.state, { type: 'call_result', value }, envFor(current));
    }
  }

  /** Does what an action asked besides its result. */
  async function apply(
    tx: Db,
    effect: ActionEffect,
    caller: RunContext & { callerId: string },
  ): Promise<void> {
    const { otherwise, ...request } = effect;
    const outcome = await trigger(tx, request, caller);
    if (outcome.type === 'started' || !otherwise || otherwise.length === 0) return;
    // Someone gone or without consent gets nothing, not even the word instead.
    if (outcome.reason === 'gone' || outcome.reason === 'unconsented') return;
    const address = await notificationAddressOf(tx, { contactId: request.contactId });
    if (!address) return;
    const now = deps.clock.now();
    await enqueueToAddress(tx, { contactId: request.contactId, address, messages: otherwise, now });
  }

  /** Why a flow may not be started for `contact` now, if it may not. */
  function refusal(
    contact: Contact | undefined,
    address: NotificationAddress | undefined,
  ): Exclude<TriggerOutcome, { type: 'started' }>['reason'] | undefined {
    if (!contact || contact.deletedAt || !address) return 'gone';
    if (!isRegistered(contact)) return 'unconsented';
    // A question they cannot receive would silently take over their next message.
    if (address.unreachable) return 'unreachable';
    return undefined;
  }

  async function trigger(
    tx: Db,
    request: TriggerRequest,
    caller: { log: Logger; nested?: boolean; callerId?: string },
  ): Promise<TriggerOutcome> {
    if (caller.nested) return { type: 'skipped', reason: 'nested' };
    if (request.contactId === caller.callerId) return { type: 'skipped', reason: 'self' };
    // Their conversation first, then the contact: the order their own messages lock in.
    const saved = await loadConversationForUpdate(tx, { contactId: request.contactId });
    const contact = await getContact(tx, { contactId: request.contactId });
    const address = contact
      ? await notificationAddressOf(tx, { contactId: contact.id })
      : undefined;
    const reason = refusal(contact, address);
    if (reason || !contact || !address) return { type: 'skipped', reason: reason ?? 'gone' };
    const mode = request.mode === 'push' ? 'push' : 'reset';
    const event: EngineEvent = { type: 'start', flow: request.flow, args: request.args, mode };
    const log = caller.log.child({ startedFor: contact.id, flow: request.flow });
    const context = { channel: address.channel, log, nested: true };
    const ran = await run(tx, contact, saved?.state, event, context);
    const now = deps.clock.now();
    const channel = saved?.channel ?? address.channel;
    await saveConversation(tx, { contactId: contact.id, channel, state: ran.state, now });
    await enqueueToAddress(tx, {
      contactId: contact.id,
      address,
      messages: ran.messages,
      now,
      priority: request.priority,
    });
    log.debug({ mode: request.mode }, 'flow triggered');
    return { type: 'started' };
  }

  async function perform(
    tx: Db,
    contact: Contact,
    call: { action: string; input: unknown },
    context: RunContext,
  ): Promise<Json> {
    const action = actions.get(call.action);
    if (!action) throw new FlowDefinitionError(`no action named "${call.action}"`);
    const ctx: ActionContext = {
      tx,
      contact,
      channel: context.channel,
      clock: deps.clock,
      ids: deps.ids,
      logger: context.log,
    };
    const done = await action.run(ctx, call.input);
    for (const effect of done.effects) {
      await apply(tx, effect, { ...context, callerId: contact.id });
    }
    return done.result;
  }

  return { run, trigger, perform };
}
