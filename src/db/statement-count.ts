import fs from 'node:fs';
import type postgres from 'postgres';

/**
 * Statement counting for the comparison bench (`npm run bench -- --suite compare`): when
 * `BENCH_COUNT_SQL` names a file, every statement the postgres.js clients send (BEGIN and
 * COMMIT included, as `log_statement = all` would show them) is counted, and on SIGUSR2
 * the total is written to that file as `{"statements":n}`. Without the variable nothing
 * is installed and the clients are built exactly as before. Not a setting for operators.
 */
export const STATEMENT_COUNT_VARIABLE = 'BENCH_COUNT_SQL';

let counted: { statements: number } | undefined;

/**
 * The postgres.js options that count statements (`debug`), or none when counting is off.
 * The first call installs the SIGUSR2 reporter; every client of the process shares one total.
 */
export function statementCounting(
  env: Record<string, string | undefined> = process.env,
): Pick<postgres.Options<Record<string, postgres.PostgresType>>, 'debug'> {
  const file = env[STATEMENT_COUNT_VARIABLE];
  if (!file) return {};
  if (!counted) {
    const total = { statements: 0 };
    counted = total;
    process.on('SIGUSR2', () => {
      // Written whole, then renamed: the bench never reads half a file.
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(total));
      fs.renameSync(`${file}.tmp`, file);
    });
  }
  const total = counted;
  return {
    debug: () => {
      total.statements += 1;
    },
  };
}
