/**
 * The usual path of a message, a reply without actions, costs at most 5 statements and 2
 * commits on PostgreSQL (BEGIN with the SELECT that opens the turn, the statement that
 * closes it, COMMIT, then the UPDATE that records the reply sent): counted from what the
 * postgres.js client sends, as the comparison bench counts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, NO_POSTGRES } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';

/** Statements and commits the client sent, told apart by connection. */
function countStatements(h: Harness) {
  const counts = { statements: 0, commits: 0, texts: [] as string[] };
  const inTransaction = new Set<number>();
  const sql = h.db.sql;
  if (!sql) throw new Error('PostgreSQL only');
  sql.options.debug = (connection: number, text: string) => {
    const word = text.trim().split(/\s+/)[0]?.toLowerCase();
    counts.statements += 1;
    counts.texts.push(text.trim().slice(0, 40));
    if (word === 'begin') inTransaction.add(connection);
    else if (word === 'commit' || word === 'rollback') {
      inTransaction.delete(connection);
      counts.commits += 1;
    } else if (!inTransaction.has(connection)) counts.commits += 1;
  };
  return {
    counts,
    stop: () => {
      sql.options.debug = false;
    },
  };
}

describe.skipIf(NO_POSTGRES)('statements per message on PostgreSQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ db: await createTestDb('postgres'), onboarding: true });
    await registerContact(h, 'ani');
    await h.say('ani', 'menu');
  });
  afterAll(() => h.close());

  it('a reply without actions: at most 5 statements and 2 commits', async () => {
    const counting = countStatements(h);
    // An answer the menu does not know: asked again, no action runs.
    const replies = await h.say('ani', 'zzz');
    // The reply is recorded sent after it went out: wait for that statement too.
    const until = Date.now() + 5_000;
    while (counting.counts.commits < 2 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Anything later than the record of the sending would show here too.
    await new Promise((resolve) => setTimeout(resolve, 200));
    counting.stop();
    expect(replies.length).toBeGreaterThan(0);
    expect(counting.counts.statements, counting.counts.texts.join('\n')).toBeLessThanOrEqual(5);
    expect(counting.counts.commits, counting.counts.texts.join('\n')).toBeLessThanOrEqual(2);
  });
});
