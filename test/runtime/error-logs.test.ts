import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flows as appFlows, createActions } from '../../flows/index.js';
import { call, defineAction, returns } from '../../src/core/flow/action.js';
import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { createLogger } from '../../src/logger.js';
import { implement } from '../../src/runtime/action.js';
import { createHarness, type Harness } from '../support/harness.js';
import { testVillages } from '../support/villages.js';

/** The person's words; none of them may reach a log line. */
const NAME = 'Siti Rahmawati';
const WORDS = 'rumah saya di gang Kenanga nomor 12, telepon 081234567890';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A JSON logger at every level, writing into a string. */
function captureLogs() {
  let text = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return {
    logger: createLogger({ level: 'trace', format: 'json', destination }),
    text: () => text,
  };
}

/**
 * A flow that keeps the person's words in its state, then calls an action whose query
 * fails on them: PostgreSQL names the value in its message, Drizzle lists the parameters.
 */
const failingSave = defineAction('failing.save', {
  input: z.object({ words: z.string() }),
  result: returns<null>(),
});

const failing = defineFlow({
  id: 'failing',
  version: 1,
  commands: ['gagal'],
  steps: [
    { id: 'name', kind: 'text', prompt: t('common:yes') },
    { id: 'words', kind: 'text', prompt: t('common:no') },
    call('save', failingSave, { input: (ctx) => ({ words: ctx.answers.words ?? null }) }),
  ],
});

describe('logs of a failing run', () => {
  it('carry what failed but none of the words the person sent, at any level', async () => {
    const logs = captureLogs();
    const actions = [
      ...createActions({ villages: testVillages, removeMediaFile: async () => {} }),
      implement(failingSave, async ({ tx }, { words }) => {
        await tx.execute(sql`select ${words}::integer as n`);
        return null;
      }),
    ];
    h = await createHarness({ flows: [...appFlows, failing], actions, logger: logs.logger });
    await h.say('siti', '/gagal');
    await h.say('siti', NAME);
    const replies = await h.say('siti', WORDS);
    expect(replies.join('\n')).toContain('Maaf, ada gangguan');

    const text = logs.text();
    expect(text).toContain('message handling failed');
    expect(text).toContain('22P02'); // invalid_text_representation: what failed is still said
    expect(text).toContain('::integer');
    for (const fragment of [NAME, 'Siti', 'Kenanga', '081234567890', '6281234567890']) {
      expect(text, `the logs name "${fragment}"`).not.toContain(fragment);
    }
  });
});
