import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { questionnaireRegistry } from '../../flows/questionnaires/banks/index.js';
import type { Database } from '../../src/db/client.js';
import { allAnswers, villageAnswers } from '../../src/db/queries/questionnaire-village.js';
import {
  questionnaireAnswers,
  questionnaireRespondents,
  questionnaireResponses,
} from '../../src/db/schema/index.js';
import {
  type Answer,
  type Audience,
  applicableItems,
  type Bank,
  type Item,
  PILLAR_IDS,
  type StoredAnswer,
  scoreVillageAnswers,
  toStoredAnswer,
} from '../../src/domain/questionnaire/index.js';
import { loadVillageDirectory } from '../../src/domain/villages.js';
import { openFreshDatabase } from './support.js';

/** Responses stored, unless told otherwise. */
export const DEFAULT_RESPONSES = 10_000;
/** Share of the responses in the one busy village that "one village" scores. */
const BUSY_VILLAGE_SHARE = 0.1;
/** Villages the other responses are spread over. */
const OTHER_VILLAGES = 450;
/** Share of respondents who are a confirmed kader or perangkat (audience K). */
const KADER_SHARE = 0.05;
/** Chance of "tidak tahu", and of "tidak berlaku" where an item allows it. */
const DONT_KNOW_CHANCE = 0.08;
const NOT_APPLICABLE_CHANCE = 0.1;
/** Largest synthetic number answer: typical minutes and counts. */
const NUMBER_ANSWER_MAX = 120;
/** Timed repetitions per measure, after one untimed run. */
const REPEATS = 5;
/** Rows per insert statement. */
const INSERT_CHUNK = 1_000;
const SEED = 20_260_302;

/** Options of {@link runQuestionnaireScoringBench}; `url` names a PostgreSQL server. */
export interface QuestionnaireScoringBenchOptions {
  responses?: number;
  url?: string;
}

/** Median times in milliseconds, and what was scored. */
export interface QuestionnaireScoringFigures {
  driver: 'pglite' | 'postgres';
  responses: number;
  answers: number;
  villages: number;
  busyVillageResponses: number;
  setupMs: number;
  insertMs: number;
  /** One village: query its answers, then score its six pillars. */
  oneVillageMs: number;
  /** One village: scoring alone, answers in memory. */
  oneVillageScoreMs: number;
  /** Every village: query every answer, then score every village's six pillars. */
  allVillagesMs: number;
  /** Every village: scoring alone. */
  allVillagesScoreMs: number;
}

/** Stores the synthetic responses in a fresh database and times the scoring. */
export async function runQuestionnaireScoringBench(
  options: QuestionnaireScoringBenchOptions = {},
): Promise<QuestionnaireScoringFigures> {
  const responses = options.responses ?? DEFAULT_RESPONSES;
  const setupStart = performance.now();
  const driver = options.url ? 'postgres' : 'pglite';
  const database = await openFreshDatabase({ driver, url: options.url }, 'qbench');
  const setupMs = performance.now() - setupStart;
  try {
    const directory = await loadVillageDirectory();
    const codes = Array.from(
      { length: OTHER_VILLAGES + 1 },
      (_, position) => directory.at(position)?.code as string,
    );
    const busy = codes[0] as string;
    const insertStart = performance.now();
    const stored = await insertResponses(database, codes, responses);
    const insertMs = performance.now() - insertStart;
    const db = database.db;
    const scoreOne = (rows: StoredAnswer[]) => scoreVillageAnswers(questionnaireRegistry, rows);
    const oneRows = parseRows(await villageAnswers(db, { villageCode: busy }));
    const allRows = parseRows(await allAnswers(db));
    return {
      driver: database.driver,
      responses,
      answers: stored.answers,
      villages: codes.length,
      busyVillageResponses: stored.busy,
      setupMs,
      insertMs,
      oneVillageMs: await median(async () =>
        scoreOne(parseRows(await villageAnswers(db, { villageCode: busy }))),
      ),
      oneVillageScoreMs: await median(async () => scoreOne(oneRows)),
      allVillagesMs: await median(async () => scoreAll(parseRows(await allAnswers(db)))),
      allVillagesScoreMs: await median(async () => scoreAll(allRows)),
    };
  } finally {
    await database.close();
  }
}

function parseRows(rows: Parameters<typeof toStoredAnswer>[0][]): StoredAnswer[] {
  return rows.map(toStoredAnswer).filter((row): row is StoredAnswer => row !== undefined);
}

/** Groups answers by village and scores each, as the export does. */
function scoreAll(rows: (StoredAnswer & { villageCode?: string })[]): number {
  const byVillage = new Map<string, StoredAnswer[]>();
  for (const row of rows) {
    const code = row.villageCode ?? '';
    const list = byVillage.get(code) ?? [];
    list.push(row);
    byVillage.set(code, list);
  }
  for (const list of byVillage.values()) scoreVillageAnswers(questionnaireRegistry, list);
  return byVillage.size;
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

/** Mulberry32: a small seeded PRNG, uniform in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomAnswer(item: Item, random: () => number): Answer {
  if (random() < DONT_KNOW_CHANCE) return { type: 'dont_know' };
  if (item.notApplicable && random() < NOT_APPLICABLE_CHANCE) return { type: 'not_applicable' };
  const pick = (n: number) => Math.floor(random() * n);
  switch (item.type) {
    case 'yesno':
      return { type: 'yesno', value: random() < 0.5 };
    case 'choice':
      return { type: 'choice', value: item.options[pick(item.options.length)]?.value ?? '' };
    case 'scale':
      return { type: 'scale', value: 1 + pick(5) };
    case 'number':
      return {
        type: 'number',
        value: item.min + pick(Math.min(item.max, NUMBER_ANSWER_MAX) - item.min + 1),
      };
  }
}

/** Answers every item that applies to a person of `audience`, skips included. */
function randomResponse(
  bank: Bank,
  audience: Audience,
  random: () => number,
): Record<string, Answer> {
  const all: Record<string, Answer> = {};
  for (const item of bank.items) all[item.id] = randomAnswer(item, random);
  const kept: Record<string, Answer> = {};
  for (const item of applicableItems(bank, { audience, answers: all })) {
    kept[item.id] = all[item.id] as Answer;
  }
  return kept;
}

/** The rows of the three questionnaire tables. */
interface SyntheticRows {
  respondents: (typeof questionnaireRespondents.$inferInsert)[];
  responses: (typeof questionnaireResponses.$inferInsert)[];
  answers: (typeof questionnaireAnswers.$inferInsert)[];
  /** Responses in the busy village, `codes[0]`. */
  busy: number;
}

/** `count` responses: a respondent each, one pillar each in turn, the village drawn. */
function syntheticRows(codes: string[], count: number): SyntheticRows {
  const random = createRandom(SEED);
  const start = new Date('2026-03-02T01:00:00Z').getTime();
  const rows: SyntheticRows = { respondents: [], responses: [], answers: [], busy: 0 };
  for (let n = 0; n < count; n++) {
    const inBusy = random() < BUSY_VILLAGE_SHARE;
    rows.busy += inBusy ? 1 : 0;
    const villageCode = (inBusy ? codes[0] : codes[1 + (n % OTHER_VILLAGES)]) as string;
    const pillar = PILLAR_IDS[n % PILLAR_IDS.length] as (typeof PILLAR_IDS)[number];
    const audience: Audience = random() < KADER_SHARE ? 'K' : 'W';
    const role = audience === 'K' ? 'kader_digital' : 'warga';
    const at = new Date(start + n * 1000);
    const [respondentId, responseId] = [`r${n}`, `s${n}`];
    rows.respondents.push({ id: respondentId, contactId: null, createdAt: at });
    rows.responses.push({
      id: responseId,
      respondentId,
      villageCode,
      pillar,
      bankVersion: 1,
      startedAt: at,
      updatedAt: at,
      completedAt: at,
    });
    const answers = randomResponse(questionnaireRegistry.currentOf(pillar), audience, random);
    for (const [itemId, answer] of Object.entries(answers)) {
      rows.answers.push({
        responseId,
        itemId,
        answer,
        audience,
        role,
        createdAt: at,
        answeredAt: at,
      });
    }
  }
  return rows;
}

/** Inserts `count` synthetic responses in chunks. */
async function insertResponses(
  database: Database,
  codes: string[],
  count: number,
): Promise<{ answers: number; busy: number }> {
  const rows = syntheticRows(codes, count);
  for (const [table, list] of [
    [questionnaireRespondents, rows.respondents],
    [questionnaireResponses, rows.responses],
    [questionnaireAnswers, rows.answers],
  ] as const) {
    for (let i = 0; i < list.length; i += INSERT_CHUNK) {
      await database.db.insert(table).values(list.slice(i, i + INSERT_CHUNK) as never);
    }
  }
  return { answers: rows.answers.length, busy: rows.busy };
}

/** Prints the figures as a plain two-column table. */
export function printQuestionnaireScoringFigures(figures: QuestionnaireScoringFigures): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const rows: [string, string][] = [
    ['driver', figures.driver],
    ['responses / answers', `${figures.responses} / ${figures.answers}`],
    ['villages', `${figures.villages} (busy one: ${figures.busyVillageResponses} responses)`],
    ['open + migrate', ms(figures.setupMs)],
    ['insert synthetic data', ms(figures.insertMs)],
    [`one village: query + score (median of ${REPEATS})`, ms(figures.oneVillageMs)],
    ['one village: score only', ms(figures.oneVillageScoreMs)],
    ['all villages: query + score', ms(figures.allVillagesMs)],
    ['all villages: score only', ms(figures.allVillagesScoreMs)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { responses: { type: 'string' }, url: { type: 'string' } },
  });
  const responses = Number(values.responses ?? DEFAULT_RESPONSES);
  if (!Number.isInteger(responses) || responses < 1)
    throw new Error('--responses must be a whole number');
  printQuestionnaireScoringFigures(
    await runQuestionnaireScoringBench({ responses, url: values.url }),
  );
}
