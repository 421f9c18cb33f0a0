/**
 * Writes the questionnaire export for programme staff: `kuesioner-jawaban.csv` (one row
 * per answer) and `kuesioner-desa.csv` (one row per village and pillar), with Kemendagri
 * codes and names. Reads the same environment as the bot (DATABASE_URL or DATA_DIR).
 *
 *   npm run export:kuesioner [-- --out <folder>]
 *
 * The folder defaults to `<DATA_DIR>/exports`. On embedded PGlite, stop the bot first:
 * one process at a time may open its data folder.
 */
import 'dotenv/config';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { questionnaireRegistry } from '../flows/questionnaires/banks/index.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { loadVillageDirectory } from './domain/villages.js';
import { exportQuestionnaire } from './export/questionnaire.js';

/** File names of the export, in the output folder. */
export const EXPORT_FILES = {
  answers: 'kuesioner-jawaban.csv',
  villages: 'kuesioner-desa.csv',
} as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig(process.env);
  const out = path.resolve(values.out ?? path.join(config.dataDir, 'exports'));
  const [directory, database] = await Promise.all([
    loadVillageDirectory(),
    openDatabase(config.database),
  ]);
  try {
    const result = await exportQuestionnaire(database.db, {
      registry: questionnaireRegistry,
      directory,
    });
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, EXPORT_FILES.answers), result.answers);
    await fs.writeFile(path.join(out, EXPORT_FILES.villages), result.villages);
    process.stdout.write(
      `${result.counts.answers} answers → ${path.join(out, EXPORT_FILES.answers)}\n` +
        `${result.counts.villages} village(s), a row per pillar → ${path.join(out, EXPORT_FILES.villages)}\n` +
        'Village names: idn-area-data (ODbL-1.0).\n',
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
