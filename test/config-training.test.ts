import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('training configuration', () => {
  it('reminds at 18.00 the day before and 2 hours before, and refuses cancelling within 1 hour, by default', () => {
    expect(loadConfig({}).training).toEqual({
      dayBeforeAt: { hour: 18, minute: 0 },
      reminderBeforeMinutes: 120,
      cancelCutoffMinutes: 60,
      feedbackAfterMinutes: 60,
      telegramBot: undefined,
    });
  });

  it('reads other times, and the bot username for check-in links', () => {
    const config = loadConfig({
      TRAINING_REMINDER_DAY_BEFORE_AT: '19.30',
      TRAINING_REMINDER_MINUTES_BEFORE: '90',
      TRAINING_CANCEL_CUTOFF_MINUTES: '180',
      TRAINING_FEEDBACK_AFTER_MINUTES: '30',
      TELEGRAM_BOT_USERNAME: 'SapaDesaBot',
    });
    expect(config.training).toEqual({
      dayBeforeAt: { hour: 19, minute: 30 },
      reminderBeforeMinutes: 90,
      cancelCutoffMinutes: 180,
      feedbackAfterMinutes: 30,
      telegramBot: 'SapaDesaBot',
    });
  });

  it('names a bad value', () => {
    for (const [variable, value] of [
      ['TRAINING_REMINDER_DAY_BEFORE_AT', '25:00'],
      ['TRAINING_CANCEL_CUTOFF_MINUTES', 'satu jam'],
      ['TELEGRAM_BOT_USERNAME', '@sapa'],
    ] as const) {
      let error: unknown;
      try {
        loadConfig({ [variable]: value });
      } catch (caught) {
        error = caught;
      }
      expect(error, variable).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
    }
  });
});
