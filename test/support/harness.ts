import {
  CAPABILITIES,
  createActions,
  entryFlowFor,
  FLOW_IDS,
  flowsOf,
  withConsentGate,
} from '../../flows/index.js';
import { parseConsoleLine } from '../../src/channels/console/parse.js';
import { renderNumberedText } from '../../src/channels/text-render.js';
import { createEngine } from '../../src/core/engine/engine.js';
import type { FlowDefinition } from '../../src/core/flow/types.js';
import { validateFlows } from '../../src/core/flow/validate.js';
import type { Inbound, InboundPayload, RenderedMessage } from '../../src/core/messages.js';
import type { Ids } from '../../src/core/ports.js';
import { createTranslator, type Translator } from '../../src/i18n.js';
import type { Logger } from '../../src/logger.js';
import type { ActionImplementation } from '../../src/runtime/action.js';
import type { Capability } from '../../src/runtime/capability.js';
import { createRuntime, type Runtime } from '../../src/runtime/runtime.js';
import type { RuntimeChannel, SendResult } from '../../src/runtime/types.js';
import { createTestClock, type TestClock } from './clock.js';
import { createTestDb, type TestDatabase } from './db.js';
import { silentLogger } from './logger.js';
import { testVillages } from './villages.js';

export { createTestClock, type TestClock } from './clock.js';
export { silentLogger } from './logger.js';

/** Ids `id-1`, `id-2`, ... */
export function createTestIds(prefix = 'id'): Ids {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
}

/** A channel that keeps what it is asked to send; `respond` decides each send's result. */
export interface RecordingChannel extends RuntimeChannel {
  sent: { externalId: string; message: RenderedMessage; text: string }[];
  respond: (externalId: string, message: RenderedMessage) => SendResult;
  /** Texts sent to one person, in order, since the last `take`. */
  take(externalId: string): string[];
}

/** Creates a {@link RecordingChannel} named `name` (its text is the numbered rendering). */
export function createRecordingChannel(name = 'test', admins: string[] = []): RecordingChannel {
  const cursor = new Map<string, number>();
  const channel: RecordingChannel = {
    name,
    sent: [],
    respond: () => ({ type: 'sent' }),
    isAdmin: (inbound: Inbound) => admins.includes(inbound.externalId),
    async send(externalId, message) {
      const result = channel.respond(externalId, message);
      if (result.type === 'sent') {
        channel.sent.push({ externalId, message, text: renderNumberedText(message) });
      }
      return result;
    },
    take(externalId) {
      const mine = channel.sent.filter((s) => s.externalId === externalId);
      const from = cursor.get(externalId) ?? 0;
      cursor.set(externalId, mine.length);
      return mine.slice(from).map((s) => s.text);
    },
  };
  return channel;
}

/** A runtime on a fresh test database, with a recording channel. */
export interface Harness {
  db: TestDatabase;
  runtime: Runtime;
  channel: RecordingChannel;
  clock: TestClock;
  translator: Translator;
  /** SHA-256 of the photo files /hapusdata asked to remove. */
  removedMediaFiles: string[];
  /** Sends a text (or any payload) as `from` and returns the bot's replies as text. */
  say(from: string, input: string | InboundPayload, messageId?: string): Promise<string[]>;
  /**
   * Builds a runtime again on the same database, as a restarted process would. With
   * `crashed`, the old runtime is abandoned mid-work instead of stopped, like a killed process.
   */
  restart(options?: { crashed?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link createHarness}. */
export interface HarnessOptions {
  flows?: FlowDefinition[];
  actions?: ActionImplementation[];
  /** The flow every idle contact opens (default the menu), unless `onboarding` is set. */
  entryFlow?: string;
  /**
   * As in the app: idle contacts open onboarding until they have consented and confirmed
   * a profile (see test/support/register.ts to start from a registered person), and flows
   * that need consent are closed to them. Off by default, so that runtime tests start at
   * the menu.
   */
  onboarding?: boolean;
  db?: TestDatabase;
  admins?: string[];
  /** Run as the only process on the database (as on embedded PGlite). */
  exclusive?: boolean;
  /** Where the runtime logs; nothing by default. */
  logger?: Logger;
  /** More channels (a Telegram channel on a fake server), added to every runtime built. */
  channels?: RuntimeChannel[];
  /** The capabilities whose flows and actions run; the registered ones by default. */
  capabilities?: readonly Capability[];
  /** Ids of this harness (a second one on the same database needs its own prefix). */
  ids?: Ids;
}

/** Builds a {@link Harness} on the app's flows (or the given ones). */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = options.db ?? (await createTestDb());
  const translator = await createTranslator('id');
  const capabilities = options.capabilities ?? CAPABILITIES;
  const flows = options.flows ?? flowsOf(capabilities);
  const removedMediaFiles: string[] = [];
  const actions =
    options.actions ??
    createActions({
      villages: testVillages,
      removeMediaFile: async (sha256) => {
        removedMediaFiles.push(sha256);
      },
      capabilities,
    });
  validateFlows(flows, {
    requiredFlows: [FLOW_IDS.help, FLOW_IDS.language],
    actions: actions.map((action) => action.declaration),
    hasKey: translator.hasKey,
  });
  const clock = createTestClock();
  const ids = options.ids ?? createTestIds();
  const channel = createRecordingChannel('test', options.admins);
  let counter = 0;
  const build = () => {
    const engine = withConsentGate(
      createEngine({ flows, helpFlow: FLOW_IDS.help, languageFlow: FLOW_IDS.language }),
    );
    const runtime = createRuntime({
      db: db.db,
      engine,
      translator,
      actions,
      clock,
      ids,
      logger: options.logger ?? silentLogger,
      defaultLanguage: 'id',
      exclusiveDatabase: options.exclusive ?? false,
      entryFlowFor: options.onboarding ? entryFlowFor : () => options.entryFlow ?? FLOW_IDS.menu,
    });
    runtime.addChannel(channel);
    for (const extra of options.channels ?? []) runtime.addChannel(extra);
    return runtime;
  };
  const harness: Harness = {
    db,
    runtime: build(),
    channel,
    clock,
    translator,
    removedMediaFiles,
    async say(from, input, messageId) {
      const payload = typeof input === 'string' ? payloadOf(input) : input;
      await harness.runtime.receive({
        channel: channel.name,
        messageId: messageId ?? `m-${++counter}`,
        externalId: from,
        receivedAt: clock.now(),
        payload,
      });
      return channel.take(from);
    },
    async restart({ crashed = false } = {}) {
      if (!crashed) await harness.runtime.stop();
      harness.runtime = build();
      await harness.runtime.start();
    },
    async close() {
      await harness.runtime.stop();
      if (!options.db) await db.close();
    },
  };
  await harness.runtime.start();
  return harness;
}

/** A typed line as the console reads it: `/lapor` is a command, anything else text. */
function payloadOf(line: string): InboundPayload {
  const parsed = parseConsoleLine(line);
  return parsed.type === 'message' ? parsed.payload : { type: 'text', text: line };
}
