/**
 * Training sessions as CSV files for programme staff (issue 15). Reads the same
 * environment as the bot (DATABASE_URL or DATA_DIR); on embedded PGlite stop the bot first.
 *
 *   npm run import:pelatihan <file.csv>        all rows or none; one line per bad row
 *   npm run export:pelatihan [-- --out <file>] every session (default DATA_DIR/exports)
 *   npm run export:kehadiran <session id> [-- --out <file>]
 */
import 'dotenv/config';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { loadVillageDirectory } from './domain/villages.js';
import { exportAttendance, exportSessions } from './export/training.js';
import { importSessions, readSessionsCsv } from './export/training-import.js';
import { createTrainingSchedule } from './runtime/jobs/training.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' } },
    allowPositionals: true,
  });
  const [command, argument] = positionals;
  const config = loadConfig(process.env);
  const exports = path.join(config.dataDir, 'exports');
  const [directory, database] = await Promise.all([
    loadVillageDirectory(),
    openDatabase(config.database),
  ]);
  try {
    if (command === 'import' && argument) {
      const read = await readSessionsCsv(
        database.db,
        await fs.readFile(argument, 'utf8'),
        directory,
      );
      if (read.type === 'bad') {
        process.stderr.write(`Nothing imported.\n${read.problems.join('\n')}\n`);
        process.exitCode = 1;
        return;
      }
      const count = await importSessions(database.db, {
        sessions: read.sessions,
        timers: createTrainingSchedule(config.training),
        newId: () => crypto.randomUUID(),
        now: new Date(),
      });
      process.stdout.write(`${count} session(s) imported.\n`);
      return;
    }
    if (command === 'export') {
      const out = path.resolve(values.out ?? path.join(exports, 'pelatihan.csv'));
      const { csv, count } = await exportSessions(database.db);
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, csv);
      process.stdout.write(`${count} session(s) → ${out}\n`);
      return;
    }
    if (command === 'attendance' && argument) {
      const out = path.resolve(values.out ?? path.join(exports, `kehadiran-${argument}.csv`));
      const result = await exportAttendance(database.db, { sessionId: argument, directory });
      if (!result) throw new Error(`no session ${argument}`);
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, result.csv);
      process.stdout.write(
        `${result.count} row(s) → ${out}\nVillage names: idn-area-data (ODbL-1.0).\n`,
      );
      return;
    }
    throw new Error('usage: import <file.csv> | export | attendance <session id>');
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
