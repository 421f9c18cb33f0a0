import 'dotenv/config';
import { startApp } from './app.js';
import { loadConfig } from './config.js';
import { ConfigError } from './errors.js';
import { createLogger } from './logger.js';

/**
 * Composition root: reads the environment, starts the bot, and owns the process:
 * SIGINT/SIGTERM (or the end of console input) stop it cleanly and exit 0; a second
 * signal exits at once.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  let shuttingDown = false;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;

  const shutdown = (reason: string, signal = true) => {
    if (shuttingDown && !signal) return;
    if (shuttingDown) {
      logger.warn({ reason }, 'second stop request: exiting now');
      process.exit(1);
    }
    shuttingDown = true;
    logger.info({ reason }, 'stopping');
    void (app?.stop() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    app = await startApp(config, {
      logger,
      onConsoleEnd: () => shutdown('console input ended', false),
    });
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    process.stderr.write(`Sapa Desa could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  if (shuttingDown) await app.stop();
}

await main();
