/**
 * Writes the "not reached" list of a broadcast (siaran) per village for programme staff:
 * `siaran-<number>-desa.csv`, with Kemendagri codes and names. Reads the same environment
 * as the bot (DATABASE_URL or DATA_DIR).
 *
 *   npm run export:siaran <number> [-- --out <folder>]
 *
 * The folder defaults to `<DATA_DIR>/exports`. On embedded PGlite, stop the bot first:
 * one process at a time may open its data folder.
 */
import 'dotenv/config';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { loadVillageDirectory } from './domain/villages.js';
import { exportBroadcastReach } from './export/broadcast.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' } },
    allowPositionals: true,
  });
  const number = Number(String(positionals[0] ?? '').replace(/^#/, ''));
  if (!Number.isInteger(number) || number < 1) {
    throw new Error('give the broadcast number, e.g. npm run export:siaran 12');
  }
  const config = loadConfig(process.env);
  const out = path.resolve(values.out ?? path.join(config.dataDir, 'exports'));
  const [directory, database] = await Promise.all([
    loadVillageDirectory(),
    openDatabase(config.database),
  ]);
  try {
    const result = await exportBroadcastReach(database.db, { number, directory });
    if (!result) throw new Error(`there is no broadcast #${number}`);
    const file = path.join(out, `siaran-${number}-desa.csv`);
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(file, result.csv);
    process.stdout.write(
      `${result.villages} village(s) → ${file}\nVillage names: idn-area-data (ODbL-1.0).\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Export failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
