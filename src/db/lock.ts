import fs from 'node:fs';
import { DatabaseError } from '../errors.js';

/** A held lock file; `release` removes it (only if it is still ours). */
export interface DataDirLock {
  release(): void;
}

/**
 * Takes an exclusive lock file holding this process id. PGlite has no lock between
 * processes and a second writer corrupts the folder, so a live holder stops start-up
 * with a clear message; a file left by a dead process is taken over.
 */
export function acquireDataDirLock(lockPath: string): DataDirLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return {
        release: () => {
          if (readHolder(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseError(
          `the data folder is in use by another Sapa Desa process (pid ${holder}); stop it first or set DATA_DIR to another folder (lock file ${lockPath})`,
        );
      }
      if (holder === process.pid) {
        throw new DatabaseError(`the data folder is already open in this process (${lockPath})`);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseError(`could not take the data folder lock ${lockPath}`);
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
