/**
 * The project's folder (the one holding `package.json`, `locales/` and `drizzle/`), found
 * from this module's own place. The app runs from the sources (`src/`, through tsx) and
 * from the bundle `npm start` builds (`dist/`), at different depths: walking up to the
 * package file works from both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the nearest `package.json` at or above `from`. */
export function findProjectRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json at or above ${from}`);
    dir = parent;
  }
}

/** The project's folder. */
export const PROJECT_ROOT: string = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
