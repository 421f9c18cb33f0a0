import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import {
  CAPABILITIES,
  createActions,
  entryFlowFor,
  FLOW_IDS,
  flows,
  withConsentGate,
} from '../flows/index.js';
import { frozenBanks } from '../flows/questionnaires/banks/frozen/index.js';
import { questionnaireBanks } from '../flows/questionnaires/banks/index.js';
import { type ConsoleChannel, createConsoleChannel } from './channels/console/index.js';
import { createTelegramChannel, TELEGRAM_CHANNEL } from './channels/telegram/index.js';
import { WHATSAPP_CHANNEL } from './channels/whatsapp/name.js';
import {
  createWhatsappCloudChannel,
  WHATSAPP_CLOUD_CHANNEL,
} from './channels/whatsapp-cloud/index.js';
import { createVillageCharts } from './charts/village-chart.js';
import { type Config, LANGUAGES, textVariables } from './config.js';
import { createEngine } from './core/engine/engine.js';
import { t } from './core/messages.js';
import type { Clock, Ids } from './core/ports.js';
import { type Database, openDatabase } from './db/client.js';
import { acquireInstanceLock } from './db/instance-lock.js';
import { findMediaById } from './db/queries/media.js';
import { inPlaceMessageId, recordPlatformMessageId } from './db/queries/outbox-in-place.js';
import { whatsappAuthStore } from './db/queries/whatsapp-auth.js';
import { lastInboundAt, recordDeliveryStatus } from './db/queries/whatsapp-cloud.js';
import {
  languageOfIdentity,
  linkCloudIdentity,
  linkWhatsappIdentity,
} from './db/queries/whatsapp-identities.js';
import { createBankRegistry } from './domain/questionnaire/index.js';
import { loadVillageIndex } from './domain/village-index.js';
import { createWorkingCalendar } from './domain/working-days.js';
import {
  createHealthCheck,
  createHttpApp,
  type HttpServer,
  startHttpServer,
} from './http/server.js';
import { mountAdminWeb } from './http/web/index.js';
import { createTranslator } from './i18n.js';
import type { Logger } from './logger.js';
import { photoSource } from './media/photo-source.js';
import { createMediaStore } from './media/store.js';
import { createFlowRunner } from './runtime/flow-runner.js';
import { createBroadcastJobs } from './runtime/jobs/broadcasts.js';
import { createReportSla } from './runtime/jobs/report-sla.js';
import { createRetentionJob } from './runtime/jobs/retention.js';
import { createTrainingSchedule } from './runtime/jobs/training.js';
import { createPerformer } from './runtime/perform.js';
import { namespacesIn, validateCapabilities } from './runtime/registry.js';
import { createRuntime, type Runtime } from './runtime/runtime.js';
import { createScheduler } from './runtime/scheduler.js';
import { createBulkFeedJob } from './runtime/scheduler-bulk.js';

/** The `origin_channel` of chart pictures in the media table. */
const CHART_ORIGIN = 'chart';

/** The running bot, as `main.ts` and the process tests see it. */
export interface App {
  runtime: Runtime;
  database: Database;
  http: HttpServer;
  console?: ConsoleChannel;
  /** Stops intake, finishes work in flight, closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** What the composition root is given besides the configuration. */
export interface AppDeps {
  logger: Logger;
  clock?: Clock;
  ids?: Ids;
  /** Terminal streams of the console chat. */
  stdin?: Readable;
  stdout?: Writable;
  /** Called when the console's input ends, so the process can shut down. */
  onConsoleEnd?: () => void;
}

/** Wires config → db (migrate) → i18n → flows → runtime → channels → http, and starts them. */
export async function startApp(config: Config, deps: AppDeps): Promise<App> {
  const { logger } = deps;
  const clock = deps.clock ?? { now: () => new Date() };
  const ids = deps.ids ?? { next: () => crypto.randomUUID() };
  const translator = await createTranslator(config.defaultLanguage, textVariables(config));
  const started = performance.now();
  const villages = await loadVillageIndex();
  const villageMs = Math.round(performance.now() - started);
  logger.info({ villages: villages.directory.size, ms: villageMs }, 'village index ready');
  const database = await openDatabase(config.database);
  logger.info({ driver: database.driver }, 'database ready');
  // On PostgreSQL, who sends what: the claims of a process that died are taken back at once.
  const instance = database.openSession
    ? await acquireInstanceLock(database.openSession)
    : undefined;
  const media = createMediaStore({
    db: database.db,
    mediaDir: config.mediaDir,
    maxBytes: config.mediaMaxBytes,
    clock,
    ids,
  });
  const removeMediaFile = (sha256: string) => fs.rm(media.pathOf(sha256), { force: true });
  const calendar = createWorkingCalendar({ cutiBersama: config.cutiBersama });
  // The web's address for /web's links: configured, else this machine once the port is known.
  let httpPort = config.port;
  const adminWebUrl = () => config.adminWebUrl ?? `http://localhost:${httpPort}`;
  const reportSla = createReportSla({
    calendar,
    config: config.reportSla,
  });
  const training = createTrainingSchedule(config.training);
  const actions = createActions({
    trainingTimers: training,
    villages: async () => villages,
    removeMediaFile,
    adminWebUrl,
    charts: createVillageCharts({
      translate: translator.translate,
      averageLabel: t('web:villages.average'),
      // In the transaction of the /skor that asks: a store on it (the outer database would wait).
      save: async (tx, png) => {
        const saved = await createMediaStore({
          db: tx,
          mediaDir: config.mediaDir,
          maxBytes: config.mediaMaxBytes,
          clock,
          ids,
        }).save({ bytes: png, originChannel: CHART_ORIGIN });
        return saved.type === 'stored' ? saved.media.id : undefined;
      },
    }),
    random: crypto.randomInt,
    reportTimers: reportSla,
  });
  validateCapabilities(CAPABILITIES, {
    flows,
    requiredFlows: Object.values(FLOW_IDS),
    actions,
    hasKey: translator.hasKey,
    namespaces: namespacesIn(translator.keysOf(config.defaultLanguage)),
  });
  const engine = withConsentGate(
    createEngine({ flows, helpFlow: FLOW_IDS.help, languageFlow: FLOW_IDS.language }),
  );
  const runtime = createRuntime({
    db: database.db,
    engine,
    translator,
    actions,
    clock,
    ids,
    logger,
    defaultLanguage: config.defaultLanguage,
    exclusiveDatabase: database.driver === 'pglite',
    instance,
    entryFlowFor,
  });

  // Jobs and the admin web start flows (a feedback question) in their own transactions.
  const runner = createFlowRunner({ engine, translator, actions, clock, ids, entryFlowFor });
  const retention = createRetentionJob({ retention: config.retention, removeMediaFile });
  const broadcastJobs = createBroadcastJobs({
    villages: async () => villages,
    // Telegram edits a broadcast's progress in place (its channel keeps the message ids).
    editsInPlace: (channel) => channel === TELEGRAM_CHANNEL,
  });
  const scheduler = createScheduler({
    db: database.db,
    clock,
    logger,
    jobs: [
      ...reportSla.jobs,
      ...training.jobs,
      retention.job,
      // An unofficial WhatsApp number sending in bulk gets banned: a daily cap.
      createBulkFeedJob({
        dailyCaps: config.whatsapp ? { [WHATSAPP_CHANNEL]: config.whatsapp.bulkDailyCap } : {},
      }),
      ...broadcastJobs.jobs,
    ],
    recurring: [retention],
    // Jobs write outbox rows (escalations, bulk batches): send them now, not at the next sweep.
    afterRun: () => void runtime.outbox.sweep(),
    trigger: (tx, request, log) => runner.trigger(tx, request, { log }),
  });

  const platformConfigured =
    config.telegram !== undefined ||
    config.whatsapp !== undefined ||
    config.whatsappCloud !== undefined;
  const consoleOn = config.console === 'on' || (config.console === 'auto' && !platformConfigured);
  const chat = consoleOn
    ? createConsoleChannel({
        input: deps.stdin ?? process.stdin,
        output: deps.stdout ?? process.stdout,
        receive: runtime.receive,
        savePhoto: async (bytes, from) => {
          const saved = await media.save({ bytes, originChannel: 'console', originRef: from });
          return saved.type === 'stored'
            ? { type: 'stored', mediaId: saved.media.id }
            : { type: 'rejected', reason: saved.reason };
        },
        clock,
        ids,
        logger,
        onEnd: deps.onConsoleEnd,
        whoFile: path.join(config.dataDir, 'console-speaker'),
        photoPath: async (mediaId) => {
          const row = await findMediaById(database.db, { id: mediaId });
          return row ? media.pathOf(row.sha256) : undefined;
        },
      })
    : undefined;
  if (chat) runtime.addChannel(chat.channel);
  const telegram = config.telegram
    ? createTelegramChannel({
        ...config.telegram,
        // An update is confirmed to Telegram once its replies are committed, not sent.
        receive: runtime.accept,
        recordOnce: runtime.recordOnce,
        wasReceived: runtime.wasReceived,
        markUnreachable: runtime.markUnreachable,
        savePhoto: async ({ bytes, fileId }) => {
          const saved = await media.save({
            bytes,
            originChannel: TELEGRAM_CHANNEL,
            originRef: fileId,
          });
          return saved.type === 'stored' ? { type: 'stored', mediaId: saved.media.id } : saved;
        },
        loadPhoto: photoSource({ db: database.db, store: media }, TELEGRAM_CHANNEL),
        inPlace: {
          find: async (params) => {
            const id = await inPlaceMessageId(database.db, params);
            return id === undefined ? undefined : Number(id);
          },
          record: ({ outboxId, messageId }) =>
            recordPlatformMessageId(database.db, {
              outboxId,
              platformMessageId: String(messageId),
            }),
        },
        maxPhotoBytes: config.mediaMaxBytes,
        translate: translator.translate,
        languages: LANGUAGES,
        defaultLanguage: config.defaultLanguage,
        clock,
        logger,
      })
    : undefined;
  if (telegram) runtime.addChannel(telegram.channel);
  // Baileys is loaded only when WhatsApp is configured: ~80 MB and ~1.7 s of CPU otherwise.
  const baileys = config.whatsapp ? await import('./channels/whatsapp/index.js') : undefined;
  const whatsapp =
    config.whatsapp && baileys
      ? baileys.createWhatsappChannel({
          config: { ...config.whatsapp, mediaMaxBytes: config.mediaMaxBytes },
          authStore: whatsappAuthStore(database.db),
          linkIdentity: (sender) =>
            linkWhatsappIdentity(database.db, sender, {
              adminPhones: config.whatsapp?.adminNumbers,
              siblings: { channels: [WHATSAPP_CLOUD_CHANNEL], newId: ids.next, now: clock.now },
            }),
          media,
          loadPhoto: (mediaId) => media.read(mediaId),
          receive: runtime.receive,
          recordOnce: runtime.recordOnce,
          translate: translator.translate,
          languageOf: (externalId) =>
            languageOfIdentity(database.db, { channel: WHATSAPP_CHANNEL, externalId }),
          defaultLanguage: config.defaultLanguage,
          // One process per number: on PostgreSQL an advisory lock; on PGlite the data-folder lock.
          lock: database.sql ? baileys.createAdvisoryLock(database.sql) : undefined,
          clock,
          logger,
        })
      : undefined;
  if (whatsapp) runtime.addChannel(whatsapp.channel);
  const cloudDb = database.db;
  const cloud = config.whatsappCloud
    ? createWhatsappCloudChannel({
        config: config.whatsappCloud,
        mediaMaxBytes: config.mediaMaxBytes,
        receive: runtime.receive,
        wasReceived: runtime.wasReceived,
        linkIdentity: ({ waId }) =>
          linkCloudIdentity(
            cloudDb,
            { channel: WHATSAPP_CLOUD_CHANNEL, waId },
            {
              adminPhones: config.whatsappCloud?.adminNumbers,
              siblings: { channels: [WHATSAPP_CHANNEL], newId: ids.next, now: clock.now },
            },
          ),
        lastInboundAt: (externalId) =>
          lastInboundAt(cloudDb, { channel: WHATSAPP_CLOUD_CHANNEL, externalId }),
        recordPlatformId: (outboxId, platformMessageId) =>
          recordPlatformMessageId(cloudDb, { outboxId, platformMessageId }),
        recordStatus: async ({ messageId, ...status }) => {
          await recordDeliveryStatus(cloudDb, { platformMessageId: messageId, ...status });
        },
        media,
        loadPhoto: (mediaId) => media.read(mediaId),
        translate: translator.translate,
        defaultLanguage: config.defaultLanguage,
        clock,
        logger,
      })
    : undefined;
  if (cloud) runtime.addChannel(cloud.channel);

  const health = createHealthCheck({
    database: () => database.ping(),
    console: async () => (chat ? { status: 'up' } : { status: 'disabled' }),
    telegram: async () => (telegram ? telegram.health() : { status: 'disabled' }),
    whatsapp: async () => (whatsapp ? whatsapp.health() : { status: 'disabled' }),
    whatsappCloud: async () => ({ status: cloud ? 'up' : 'disabled' }),
  });
  const http = await startHttpServer({
    app: createHttpApp({
      health,
      logger,
      mount: (app) => {
        telegram?.mount(app);
        cloud?.mount(app);
        mountAdminWeb(app, {
          db: database.db,
          translator,
          villages: async () => villages,
          perform: createPerformer({
            db: database.db,
            runner,
            logger,
            afterCommit: () => void runtime.outbox.sweep(),
          }),
          clock,
          logger,
          registry: createBankRegistry(questionnaireBanks, frozenBanks),
          calendar,
          sla: config.reportSla,
          readMedia: (id) => media.read(id),
          secureCookies: config.adminWebUrl?.startsWith('https:') ?? false,
        });
      },
    }),
    port: config.port,
    logger,
  });
  httpPort = http.port;
  await runtime.start();
  await scheduler.start();
  chat?.start();
  // After the server listens: the webhook must answer as soon as Telegram knows it.
  await telegram?.start();
  await whatsapp?.start();

  let stopping: Promise<void> | undefined;
  return {
    runtime,
    database,
    http,
    console: chat,
    stop: () => {
      stopping ??= (async () => {
        // No new job claims; the job running now finishes (before the database closes).
        await scheduler.stop();
        await chat?.stop();
        await telegram?.stop();
        await whatsapp?.stop();
        await cloud?.stop();
        await http.close();
        await runtime.stop();
        await instance?.release();
        await database.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
