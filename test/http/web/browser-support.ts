/**
 * Real Chromium for the admin web's browser tests (playwright-core drives Debian's
 * `chromium`; browsers cannot be downloaded here). Without Chromium the tests are skipped
 * with the reason, unless `BROWSER_TESTS_REQUIRED=1` (CI sets it): then they fail.
 */
import fs from 'node:fs';
import { createBroadcastJobs } from '../../../src/runtime/jobs/broadcasts.js';
import { createScheduler, type Scheduler } from '../../../src/runtime/scheduler.js';
import { createBulkFeedJob } from '../../../src/runtime/scheduler-bulk.js';
import { type Harness, silentLogger } from '../../support/harness.js';
import { testVillages } from '../../support/villages.js';

/** Where Debian's package installs Chromium; `CHROMIUM_PATH` may point elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** True when the browser tests must run (CI). */
export const BROWSER_TESTS_REQUIRED = process.env.BROWSER_TESTS_REQUIRED === '1';

/** Why the browser tests are skipped here, or undefined when they run. */
export function browserSkipReason(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined;
  if (BROWSER_TESTS_REQUIRED) return undefined;
  return `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH): the admin web's browser tests are skipped`;
}

/** Seconds of the broadcast jobs' progress checks in the browser tests. */
const PROGRESS_CHECK_MS = 10_000;

/** A scheduler with the broadcast jobs and the bulk lane, over the harness's clock. */
export function broadcastScheduler(h: Harness): Scheduler {
  return createScheduler({
    db: h.db.db,
    clock: h.clock,
    logger: silentLogger,
    jobs: [
      ...createBroadcastJobs({
        villages: testVillages,
        checkIntervalMs: PROGRESS_CHECK_MS,
        messageIntervalMs: 6 * PROGRESS_CHECK_MS,
      }).jobs,
      createBulkFeedJob(),
    ],
  });
}

/** Runs what is due and sends it, a few times, moving the clock past each progress check. */
export async function settle(h: Harness, scheduler: Scheduler): Promise<void> {
  for (let round = 0; round < 4; round += 1) {
    await scheduler.runDue();
    for (let i = 0; i < 3; i++) await h.runtime.outbox.sweep();
    h.clock.advance(PROGRESS_CHECK_MS + 1_000);
  }
}
