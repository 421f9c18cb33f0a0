import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaireRegistry } from '../../flows/questionnaires/banks/index.js';
import type { Db } from '../../src/db/client.js';
import { createContact } from '../../src/db/queries/contacts.js';
import {
  createResponse,
  ensureRespondent,
  forgetRespondent,
  markResponse,
  saveAnswer,
} from '../../src/db/queries/questionnaire.js';
import type { Answer } from '../../src/domain/questionnaire/types.js';
import { parseCsv } from '../../src/domain/villages.js';
import { csvField, toCsv } from '../../src/export/csv.js';
import {
  ANSWER_COLUMNS,
  exportQuestionnaire,
  VILLAGE_COLUMNS,
} from '../../src/export/questionnaire.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { testVillages } from '../support/villages.js';

const SUKAMAJU = '32.03.03.2013';
const NOW = new Date('2026-03-02T01:00:00Z');
const LATER = new Date('2026-03-05T03:30:00Z');

/** Stores one person's answers to one pillar. */
async function answer(
  db: Db,
  who: string,
  facts: { role?: string; audience?: 'K' | 'W'; pillar?: string },
  answers: Record<string, Answer>,
): Promise<void> {
  await createContact(db, {
    contactId: `contact-${who}`,
    identityId: `identity-${who}`,
    channel: 'test',
    externalId: who,
    language: 'id',
    role: facts.role ?? 'warga',
    now: NOW,
  });
  const respondentId = await ensureRespondent(db, {
    contactId: `contact-${who}`,
    id: `key-${who}`,
    now: NOW,
  });
  const response = await createResponse(db, {
    id: `response-${who}`,
    respondentId,
    villageCode: SUKAMAJU,
    pillar: facts.pillar ?? 'masyarakat',
    bankVersion: 1,
    now: NOW,
  });
  for (const [itemId, given] of Object.entries(answers)) {
    await saveAnswer(db, {
      responseId: response.id,
      itemId,
      answer: given,
      audience: facts.audience ?? 'W',
      role: facts.role ?? 'warga',
      now: NOW,
    });
  }
  await markResponse(db, { responseId: response.id, completed: true, now: LATER });
}

const yes: Answer = { type: 'yesno', value: true };
const no: Answer = { type: 'yesno', value: false };

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(csvField('Lambang Sari I, II, III')).toBe('"Lambang Sari I, II, III"');
    expect(csvField('Soka"an')).toBe('"Soka""an"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect([csvField(null), csvField(undefined), csvField(0.5), csvField(true)]).toEqual([
      '',
      '',
      '0.5',
      'true',
    ]);
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
    expect(parseCsv(toCsv(['a'], [['Soka"an, "x"']]))).toEqual([['a'], ['Soka"an, "x"']]);
  });
});

describe.each(DRIVERS)('questionnaire export on %s', (driver) => {
  let database: TestDatabase;
  let answersCsv: string[][];
  let villagesCsv: string[][];
  beforeAll(async () => {
    database = await createTestDb(driver);
    const db = database.db;
    await answer(
      db,
      'kader',
      { role: 'kader_digital', audience: 'K' },
      {
        P1: { type: 'choice', value: 'all_adults' },
        P2: yes,
        P3: { type: 'scale', value: 5 },
        P4: { type: 'number', value: 25 },
        P5: yes,
        P6: no,
        P7: { type: 'dont_know' },
      },
    );
    await answer(db, 'warga', {}, { P1: { type: 'choice', value: 'none' }, P2: no, P7: yes });
    await answer(db, 'gone', { pillar: 'hidup' }, { L3: { type: 'not_applicable' } });
    await forgetRespondent(db, { contactId: 'contact-gone' });
    const { directory } = await testVillages();
    const result = await exportQuestionnaire(db, { registry: questionnaireRegistry, directory });
    expect(result.counts).toEqual({ answers: 11, villages: 1 });
    answersCsv = parseCsv(result.answers);
    villagesCsv = parseCsv(result.villages);
  });
  afterAll(() => database.close());

  const cell = (
    rows: string[][],
    columns: string[],
    match: (row: string[]) => boolean,
    name: string,
  ) => rows.find(match)?.[columns.indexOf(name)];

  it('writes one row per answer with codes, names, version, audience and item score', () => {
    const [header, ...rows] = answersCsv;
    expect(header).toEqual(ANSWER_COLUMNS);
    expect(rows).toHaveLength(11);
    const p4 = rows.find((row) => row[ANSWER_COLUMNS.indexOf('item_id')] === 'P4') ?? [];
    const get = (name: string) => p4[ANSWER_COLUMNS.indexOf(name)];
    expect(get('respondent_key')).toBe('key-kader');
    expect(get('province_code')).toBe('32');
    expect(get('province')).toBe('Jawa Barat');
    expect(get('regency_code')).toBe('32.03');
    expect(get('regency')).toMatch(/Cianjur/);
    expect(get('district_code')).toBe('32.03.03');
    expect(get('district')).toBe('Cibeber');
    expect(get('village_code')).toBe(SUKAMAJU);
    expect(get('village')).toBe('Sukamaju');
    expect([get('pillar'), get('bank_version'), get('item_type'), get('item_audience')]).toEqual([
      'masyarakat',
      '1',
      'number',
      'K',
    ]);
    expect([get('respondent_audience'), get('respondent_role')]).toEqual(['K', 'kader_digital']);
    expect([get('answer_type'), get('answer_value'), get('item_score')]).toEqual([
      'number',
      '25',
      '0.67',
    ]);
    expect([get('first_answered_at'), get('answered_at'), get('response_completed_at')]).toEqual([
      NOW.toISOString(),
      NOW.toISOString(),
      LATER.toISOString(),
    ]);
    const isItem = (id: string) => (row: string[]) => row[ANSWER_COLUMNS.indexOf('item_id')] === id;
    expect(cell(rows, ANSWER_COLUMNS, isItem('P7'), 'item_score')).toBe('');
    expect(cell(rows, ANSWER_COLUMNS, isItem('P7'), 'answer_type')).toBe('dont_know');
  });

  it('keeps the answers of a person who deleted their data, under their key alone', () => {
    const row = answersCsv.find((r) => r[ANSWER_COLUMNS.indexOf('item_id')] === 'L3') ?? [];
    expect(row[ANSWER_COLUMNS.indexOf('respondent_key')]).toBe('key-gone');
    expect(row.join(',')).not.toContain('contact-gone');
  });

  it('writes one row per village and pillar with the score, its parts and the pilar prioritas', () => {
    const [header, ...rows] = villagesCsv;
    expect(header).toEqual(VILLAGE_COLUMNS);
    expect(rows.map((row) => row[VILLAGE_COLUMNS.indexOf('pillar')])).toEqual([
      'tata_kelola',
      'masyarakat',
      'lingkungan',
      'hidup',
      'ekonomi',
      'mobilitas',
    ]);
    const masyarakat = rows[1] ?? [];
    const get = (name: string) => masyarakat[VILLAGE_COLUMNS.indexOf(name)];
    // K: P4 .67 × 2, P5 1, P6 0 → 58.5; only 2 residents: no W part.
    expect([get('village_code'), get('village'), get('score'), get('band'), get('basis')]).toEqual([
      SUKAMAJU,
      'Sukamaju',
      '59',
      'berkembang',
      'k_only',
    ]);
    expect(Number(get('score_exact'))).toBeCloseTo(58.5, 9);
    expect([get('k_scored_items'), get('k_applicable_items'), get('k_respondents')]).toEqual([
      '3',
      '3',
      '1',
    ]);
    expect([get('w_score'), get('w_respondents'), get('w_complete_respondents')]).toEqual([
      '',
      '2',
      '2',
    ]);
    expect(get('priority_pillar')).toBe('true');
    const hidup = rows[3] ?? [];
    expect(hidup[VILLAGE_COLUMNS.indexOf('score')]).toBe('');
    expect(hidup[VILLAGE_COLUMNS.indexOf('basis')]).toBe('none');
    expect(hidup[VILLAGE_COLUMNS.indexOf('priority_pillar')]).toBe('false');
  });
});
