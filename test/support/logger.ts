import { createLogger, type Logger } from '../../src/logger.js';

/** A logger that writes nothing (its own module: no flows loaded for it). */
export const silentLogger: Logger = createLogger({
  level: 'silent',
  format: 'json',
  destination: { write: () => {} },
});
