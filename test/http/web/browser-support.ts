/**
 * Real Chromium for the admin web's browser tests (playwright-core drives Debian's
 * `chromium`; browsers cannot be downloaded here). Without Chromium the tests are skipped
 * with the reason, unless `BROWSER_TESTS_REQUIRED=1` (CI sets it): then they fail.
 */
import fs from 'node:fs';

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
