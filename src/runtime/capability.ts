/**
 * A capability (account, reports, questionnaires, feedback, ...) is one folder under
 * `flows/` exporting one {@link Capability}: everything the rest of the program needs from
 * it. The registry (`flows/index.ts`) lists them; the main menu, /datasaya, /hapusdata, the
 * consent gate and start-up validation loop over that list.
 */

import type { VillageCharts } from '../charts/village-chart.js';
import type { IdleWords } from '../core/engine/idle-words.js';
import type { MenuEntry } from '../core/flow/menu.js';
import type { FlowDefinition } from '../core/flow/types.js';
import type { Text, TextResources } from '../core/messages.js';
import type { Db } from '../db/client.js';
import type { Contact } from '../db/queries/contacts.js';
import type { RandomInt } from '../domain/report/ticket.js';
import type { VillageIndexSource } from '../domain/village-index.js';
import type { ActionImplementation } from './action.js';
import type { ReportTimers } from './jobs/report-sla.js';
import type { TrainingTimers } from './jobs/training.js';

/** What start-up gives every capability's actions: shared services, built once. */
export interface CapabilityServices {
  /** The village directory and search index. */
  villages: VillageIndexSource;
  /** Deletes a stored photo's file by its SHA-256 (for /hapusdata). */
  removeMediaFile(sha256: string): Promise<void>;
  /** Randomness (report tickets). */
  random: RandomInt;
  /** Starts a report's service-level timers, in the transaction of its filing or move. */
  reportTimers: ReportTimers;
  /** /datasaya and /hapusdata over every registered capability. */
  personalData: PersonalData;
  /** The admin web's base URL (no trailing slash), for the sign-in links `/web` sends. */
  adminWebUrl(): string;
  /** Chart pictures for the chat (/skor's radar); absent where no photo store is set up. */
  charts?: VillageCharts;
  /** Training reminders, ends and feedback (jobs planned per session); the defaults when absent. */
  trainingTimers?: TrainingTimers;
}

/** What a part of /datasaya is built from. */
export interface MyDataSource {
  tx: Db;
  contact: Contact;
  villages: VillageIndexSource;
}

/** One part of /datasaya: a title and its lines, at `order` among every capability's parts. */
export interface MyDataSection {
  order: number;
  build(source: MyDataSource): Promise<{ title: Text; body: Text }>;
}

/** What a capability's erasure leaves to the shared steps (src/db/queries/erasure.ts). */
export interface Erased {
  /** Photos its rows used: deleted where nothing else uses them. */
  mediaIds?: string[];
  /** Photo files it deleted the rows of already (SHA-256). */
  mediaFiles?: string[];
  /** Ids that other people's messages and state carry under a param name: they go too. */
  about?: Record<string, string[]>;
}

/** /datasaya and /hapusdata across the registry. */
export interface PersonalData {
  /** Every part of /datasaya, in order. */
  collect(tx: Db, contact: Contact): Promise<{ title: Text; body: Text }[]>;
  /** Removes everything about the contact; returns the photo files to delete. */
  erase(tx: Db, params: { contactId: string; now: Date }): Promise<{ mediaFiles: string[] }>;
}

/** Everything a capability brings. */
export interface Capability {
  /** Unique, kebab-case: the folder's name. */
  id: string;
  flows: readonly FlowDefinition[];
  /** The implementations of its declared actions, bound to the start-up services. */
  actions(services: CapabilityServices): ActionImplementation[];
  menu?: readonly MenuEntry[];
  /** Ids of its flows a person may use before consenting (onboarding, the rights). */
  openBeforeConsent?: readonly string[];
  myData?: readonly MyDataSection[];
  /**
   * Removes or anonymises its rows about the contact, in the transaction of their
   * /hapusdata, before their profile and channel identities go.
   */
  erase?(tx: Db, params: { contactId: string; now: Date }): Promise<Erased>;
  /**
   * Its locale namespaces (`locales/<lng>/<namespace>.json`), each declared in its
   * `texts.ts` so that the compiler checks its text keys.
   */
  namespaces: readonly (keyof TextResources & string)[];
  /** Whole messages that start one of its flows while no flow runs (BERHENTI). */
  idleWords?: readonly IdleWords[];
  /** More start-up checks of its own (its question banks): problems found, none when fine. */
  problems?(check: { hasKey(key: string): boolean }): string[];
}

/** Declares a capability; identity function that gives the definition its type. */
export function defineCapability(capability: Capability): Capability {
  return capability;
}
