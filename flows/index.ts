/**
 * The registry of capabilities: adding one is a folder under `flows/` and a line in
 * {@link CAPABILITIES}. Everything else is derived from the list: the flows (with the
 * main menu made of every capability's entries), the actions, the flows open before
 * consent, /datasaya and /hapusdata.
 */
import { randomInt } from 'node:crypto';
import type { VillageCharts } from '../src/charts/village-chart.js';
import { DEFAULT_REPORT_SLA } from '../src/config.js';
import type { Engine } from '../src/core/engine/engine.js';
import { withIdleWords } from '../src/core/engine/idle-words.js';
import type { FlowDefinition } from '../src/core/flow/types.js';
import type { RandomInt } from '../src/domain/report/ticket.js';
import { lazyVillageIndex, type VillageIndexSource } from '../src/domain/village-index.js';
import { createWorkingCalendar } from '../src/domain/working-days.js';
import type { ActionImplementation } from '../src/runtime/action.js';
import { withAudit } from '../src/runtime/audit.js';
import type { Capability } from '../src/runtime/capability.js';
import { createReportSla, type ReportTimers } from '../src/runtime/jobs/report-sla.js';
import type { TrainingTimers } from '../src/runtime/jobs/training.js';
import { createPersonalData } from '../src/runtime/personal-data.js';
import { actionsOf, menuOf, openFlowsOf } from '../src/runtime/registry.js';
import { accountCapability, withConsentGate as gate, mainMenuFlow } from './account/index.js';
import { broadcastsCapability } from './broadcasts/index.js';
import { feedbackCapability } from './feedback/index.js';
import { questionnairesCapability } from './questionnaires/index.js';
import { reportsCapability } from './reports/index.js';
import { trainingCapability, withCheckInWords } from './training/index.js';
import { AUDIT_RULES } from './web/actions/audit-rules.js';
import { webCapability } from './web/index.js';

export { entryFlowFor, FLOW_IDS } from './account/index.js';

/** Every capability of Sapa Desa; their order is the order of /datasaya's parts and of erasure. */
export const CAPABILITIES: readonly Capability[] = [
  accountCapability,
  reportsCapability,
  questionnairesCapability,
  feedbackCapability,
  trainingCapability,
  webCapability,
  broadcastsCapability,
];

/** Every flow of `capabilities`, with the main menu made of their entries. */
export function flowsOf(capabilities: readonly Capability[]): FlowDefinition[] {
  return [
    ...capabilities.flatMap((capability) => capability.flows),
    mainMenuFlow(menuOf(capabilities)),
  ];
}

/** Every conversation flow of Sapa Desa. */
export const flows: FlowDefinition[] = flowsOf(CAPABILITIES);

/** Flows open to a person without a current consent or a confirmed profile. */
export const OPEN_FLOWS: ReadonlySet<string> = openFlowsOf(CAPABILITIES);

/**
 * The engine behind the consent gate, over the registered capabilities' open flows, with
 * their idle words (BERHENTI) in front.
 */
export function withConsentGate(engine: Engine): Engine {
  return withIdleWords(
    gate(withCheckInWords(engine), OPEN_FLOWS),
    CAPABILITIES.flatMap((capability) => capability.idleWords ?? []),
  );
}

/** What the actions need from start-up. */
export interface ActionDeps {
  /** The village directory and search index, built once. */
  villages: VillageIndexSource;
  /** Deletes a stored photo's file by its SHA-256 (for /hapusdata). */
  removeMediaFile: (sha256: string) => Promise<void>;
  /** Randomness of report tickets; `crypto.randomInt` by default. */
  random?: RandomInt;
  /**
   * Report service-level timers; by default the thresholds and working days of an empty
   * environment (national holidays, no cuti bersama).
   */
  reportTimers?: ReportTimers;
  /** The capabilities to run; the registered ones by default. */
  capabilities?: readonly Capability[];
  /** Training reminders and cut-offs; the defaults (18.00 the day before, 2 h, 1 h) when absent. */
  trainingTimers?: TrainingTimers;
  /**
   * The admin web's base URL, asked when a link is made (the port may be known only once
   * the server listens); {@link DEFAULT_ADMIN_WEB_URL} by default.
   */
  adminWebUrl?: () => string;
  /** Chart pictures for the chat (/skor's radar); none by default (the text says it all). */
  charts?: VillageCharts;
}

/** The admin web's address when none is configured: the default port on this machine. */
export const DEFAULT_ADMIN_WEB_URL = 'http://localhost:3000';

/**
 * Every action of every capability, by name, bound to the start-up dependencies; staff
 * actions write their audit entries (flows/web/actions/audit-rules.ts).
 */
export function createActions(deps: ActionDeps): ActionImplementation[] {
  const capabilities = deps.capabilities ?? CAPABILITIES;
  const personalData = createPersonalData(capabilities, { villages: deps.villages });
  const actions = actionsOf(capabilities, {
    villages: deps.villages,
    removeMediaFile: deps.removeMediaFile,
    random: deps.random ?? randomInt,
    reportTimers:
      deps.reportTimers ??
      createReportSla({ calendar: createWorkingCalendar({}), config: DEFAULT_REPORT_SLA }),
    personalData,
    adminWebUrl: deps.adminWebUrl ?? (() => DEFAULT_ADMIN_WEB_URL),
    charts: deps.charts,
    trainingTimers: deps.trainingTimers,
  });
  return withAudit(actions, AUDIT_RULES);
}

/**
 * Every action, for tools and tests that need no start-up wiring: the village index is
 * built on first search, and no media folder is known, so /hapusdata leaves photo files.
 * The app builds its own with {@link createActions}.
 */
export const actions: ActionImplementation[] = createActions({
  villages: lazyVillageIndex(),
  removeMediaFile: async () => {},
});
