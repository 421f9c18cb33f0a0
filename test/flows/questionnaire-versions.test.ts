import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../flows/index.js';
import { questionnaireBanks } from '../../flows/questionnaires/banks/index.js';
import { mobilitasBank } from '../../flows/questionnaires/banks/mobilitas.js';
import { createQuestionnairesCapability } from '../../flows/questionnaires/index.js';
import { t } from '../../src/core/messages.js';
import {
  questionnaireAnswers,
  questionnaireRespondents,
  questionnaireResponses,
} from '../../src/db/schema/index.js';
import {
  bankProblems,
  createBankRegistry,
  validateBankHistory,
} from '../../src/domain/questionnaire/registry.js';
import type { Bank, Item } from '../../src/domain/questionnaire/types.js';
import { parseCsv } from '../../src/domain/villages.js';
import { exportQuestionnaire } from '../../src/export/questionnaire.js';
import { createHarness, createTestIds, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import { testVillages } from '../support/villages.js';

const itemOf = (id: string): Item => {
  const item = mobilitasBank.items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

/**
 * Mobilitas version 2: M7 (minutes to the market) has stricter bands, 15 minutes now
 * scores .5 instead of 1; M6 is retired and M8 is new (reusing M6's text for the test).
 */
const mobilitasV2: Bank = {
  pillar: 'mobilitas',
  version: 2,
  items: [
    ...['M1', 'M2', 'M3', 'M4', 'M5'].map(itemOf),
    {
      ...(itemOf('M7') as Extract<Item, { type: 'number' }>),
      bands: [
        { min: 0, max: 10, score: 1 },
        { min: 11, max: 45, score: 0.5 },
        { min: 46, max: 24 * 60, score: 0 },
      ],
    },
    {
      id: 'M8',
      type: 'yesno',
      audience: 'W',
      weight: 1,
      prompt: t('questionnaire:mobilitas.M6.prompt'),
    },
  ],
};
const currentV2 = questionnaireBanks.map((b) => (b.pillar === 'mobilitas' ? mobilitasV2 : b));
const registryV2 = createBankRegistry(currentV2, [mobilitasBank]);
const RESIDENTS = ['ani', 'budi', 'citra', 'dodi', 'eka'];

const questionnairesV2 = createQuestionnairesCapability({
  current: currentV2,
  frozen: [mobilitasBank],
});

describe('a bank version change', () => {
  let before: Harness;
  let after: Harness;
  beforeAll(async () => {
    before = await createHarness({ onboarding: true });
    for (const name of RESIDENTS) await registerContact(before, name, { name });
  });
  afterAll(async () => {
    await after?.close();
    await before.close();
  });

  it('is a sound history: version 1 frozen below version 2', () => {
    expect(validateBankHistory(currentV2, [mobilitasBank])).toEqual([]);
    expect(bankProblems(currentV2, [mobilitasBank], () => true)).toEqual([]);
  });

  it('keeps scoring old responses by their own version, and carries answers into the new one', async () => {
    // Under version 1: M1 stable, M4 24 hours, M6 ya, M7 15 minutes → 100 each.
    for (const name of RESIDENTS.slice(0, 4)) {
      await before.say(name, '/kuesioner');
      await before.say(name, '6');
      for (const line of ['1', '1', 'ya']) await before.say(name, line);
      expect((await before.say(name, '15')).join('\n')).toContain('*100* (Cerdas)');
    }
    // Eka stops at M4 when version 2 goes out.
    await before.say('eka', '/kuesioner');
    await before.say('eka', '6');
    expect((await before.say('eka', '1')).join('\n')).toContain('pertanyaan 2 dari 4');

    after = await createHarness({
      db: before.db,
      onboarding: true,
      // A second harness on the same database counts ids from 1 again: it gets its own.
      ids: createTestIds('v2'),
      capabilities: CAPABILITIES.map((c) => (c.id === 'questionnaires' ? questionnairesV2 : c)),
    });
    // Its message ids count from 1 again too: tag them.
    let sent = 0;
    const v2: Harness = { ...after, say: (from, input) => after.say(from, input, `v2-${++sent}`) };
    // Eka's answer to the question asked under version 1 lands in her version 2 response.
    await playTranscript(
      v2,
      'eka',
      `
      > 1
      < pertanyaan 3 dari 4
      < Berapa menit
      > 15
      < pertanyaan 4 dari 4
      > ya
      # Version 2: M1 2, M4 2, M7 .5, M8 1 → 5.5 / 6 = 91.7
      < Hasil Anda untuk *Mobilitas Cerdas*: *92* (Cerdas).
      `,
    );
    // Four residents at 100 under version 1 and Eka at 91.7 under version 2: 98.3.
    // Had version 2 re-scored the old answers, each would read 90.
    await playTranscript(
      v2,
      'ani',
      `
      > /skor
      < • *Mobilitas Cerdas*: *98* (Cerdas), dari jawaban warga saja
      > /kuesioner
      < 6. Mobilitas Cerdas (3/4)
      > 6
      < pertanyaan 4 dari 4
      > tidak
      < Hasil Anda untuk *Mobilitas Cerdas*: *75* (Maju).
      `,
    );
    const responses = await before.db.db
      .select({ version: questionnaireResponses.bankVersion, item: questionnaireAnswers.itemId })
      .from(questionnaireAnswers)
      .innerJoin(
        questionnaireResponses,
        eq(questionnaireResponses.id, questionnaireAnswers.responseId),
      )
      .innerJoin(
        questionnaireRespondents,
        eq(questionnaireRespondents.id, questionnaireResponses.respondentId),
      )
      .where(and(eq(questionnaireRespondents.contactId, 'contact-ani')));
    const byVersion = (v: number) =>
      responses
        .filter((r) => r.version === v)
        .map((r) => r.item)
        .sort();
    expect(byVersion(1)).toEqual(['M1', 'M4', 'M6', 'M7']);
    expect(byVersion(2)).toEqual(['M1', 'M4', 'M7', 'M8']);

    const { directory } = await testVillages();
    const exported = await exportQuestionnaire(before.db.db, { registry: registryV2, directory });
    const [header = [], ...rows] = parseCsv(exported.answers);
    const column = (name: string) => header.indexOf(name);
    const scores = (version: number) =>
      rows
        .filter(
          (row) =>
            row[column('item_id')] === 'M7' && row[column('bank_version')] === String(version),
        )
        .map((row) => row[column('item_score')]);
    expect(scores(1)).toEqual(['1', '1', '1', '1']);
    expect(scores(2)).toEqual(['0.5', '0.5']);
  });
});
