import type { Json } from '../../../src/core/messages.js';
import type { Clock, Ids } from '../../../src/core/ports.js';
import type { Db } from '../../../src/db/client.js';
import type { Contact } from '../../../src/db/queries/contacts.js';
import {
  answersOf,
  copyAnswers,
  createResponse,
  ensureRespondent,
  markResponse,
  type ResponseAnswerRow,
  type ResponseRow,
  respondentOf,
  responsesOf,
  saveAnswer,
} from '../../../src/db/queries/questionnaire.js';
import {
  type Answer,
  type AnswerMap,
  type Audience,
  answerFits,
  answerOptions,
  audienceOf,
  type Bank,
  type BankRegistry,
  type Item,
  PILLAR_IDS,
  type PillarId,
  type PillarProgress,
  parseAnswer,
  pillarProgress,
} from '../../../src/domain/questionnaire/index.js';

/** Where a person stands in one pillar, for their village. */
export interface PillarState {
  pillar: PillarId;
  /** The bank the answers belong to: the response's version, else the current one. */
  bank: Bank;
  /** The person's response on the current bank version, once started. */
  response?: ResponseRow;
  /**
   * The response's answers; before it starts, the answers an older response would carry
   * over (items the current bank still has, answers that still fit).
   */
  answers: AnswerMap;
  /** The older response `answers` come from, until the current one starts. */
  carriedFrom?: string;
  audience: Audience;
  progress: PillarProgress;
}

/** What loading a person's questionnaire needs. */
export interface StateDeps {
  tx: Db;
  registry: BankRegistry;
  contact: Contact;
}

/** The person's state in every pillar for their village, in the canonical order. */
export async function loadPillars(deps: StateDeps): Promise<PillarState[]> {
  const { tx, contact } = deps;
  const respondentId = await respondentOf(tx, { contactId: contact.id });
  const villageCode = contact.villageCode;
  const responses =
    respondentId && villageCode ? await responsesOf(tx, { respondentId, villageCode }) : [];
  const rows = await answersOf(tx, { responseIds: responses.map((r) => r.id) });
  return PILLAR_IDS.map((pillar) =>
    pillarState(
      deps,
      pillar,
      responses.filter((r) => r.pillar === pillar),
      rows,
    ),
  );
}

function pillarState(
  deps: StateDeps,
  pillar: PillarId,
  responses: ResponseRow[],
  rows: ResponseAnswerRow[],
): PillarState {
  const bank = deps.registry.currentOf(pillar);
  const audience = audienceOf(deps.contact);
  const current = responses.find((r) => r.bankVersion === bank.version);
  const older = responses.filter((r) => r.bankVersion < bank.version).at(-1);
  const source = current ?? older;
  const sourceBank = source ? deps.registry.at(pillar, source.bankVersion) : undefined;
  const own = source && sourceBank ? answerMap(sourceBank, rows, source.id) : {};
  const answers = current ? own : carried(bank, own);
  return {
    pillar,
    bank,
    response: current,
    answers,
    carriedFrom: current ? undefined : older?.id,
    audience,
    progress: pillarProgress(bank, answers, audience),
  };
}

/** The answers of one response that fit its bank, by item id. */
function answerMap(bank: Bank, rows: ResponseAnswerRow[], responseId: string): AnswerMap {
  const answers: Record<string, Answer> = {};
  for (const row of rows) {
    if (row.responseId !== responseId) continue;
    const item = bank.items.find((i) => i.id === row.itemId);
    const answer = parseAnswer(row.answer);
    if (item && answer && answerFits(item, answer)) answers[row.itemId] = answer;
  }
  return answers;
}

/** Answers of an older version that the current bank still asks and that still fit. */
function carried(bank: Bank, answers: AnswerMap): AnswerMap {
  const kept: Record<string, Answer> = {};
  for (const item of bank.items) {
    const answer = answers[item.id];
    if (answer && answerFits(item, answer)) kept[item.id] = answer;
  }
  return kept;
}

/**
 * The person's state in `pillar` with its response on the current bank version started:
 * created when missing, with the answers an older version carries over copied in.
 */
export async function openPillar(
  deps: StateDeps & { pillar: PillarId; clock: Clock; ids: Ids },
): Promise<PillarState | undefined> {
  const { tx, contact, clock, ids } = deps;
  const villageCode = contact.villageCode;
  if (!villageCode) return undefined;
  const state = (await loadPillars(deps)).find((s) => s.pillar === deps.pillar);
  if (!state || state.response) return state;
  const now = clock.now();
  const respondentId = await ensureRespondent(tx, { contactId: contact.id, id: ids.next(), now });
  const response = await createResponse(tx, {
    id: ids.next(),
    respondentId,
    villageCode,
    pillar: state.pillar,
    bankVersion: state.bank.version,
    now,
  });
  if (state.carriedFrom) {
    await copyAnswers(tx, {
      fromResponseId: state.carriedFrom,
      toResponseId: response.id,
      itemIds: Object.keys(state.answers),
    });
  }
  return { ...state, response, carriedFrom: undefined };
}

/** Saves the answer to `item` of the state's response and returns the state after it. */
export async function recordAnswer(
  deps: StateDeps & { state: PillarState; item: Item; answer: Answer; now: Date },
): Promise<PillarState> {
  const { state, item, answer, now } = deps;
  const response = state.response;
  if (!response) throw new Error('an answer needs a started response');
  await saveAnswer(deps.tx, {
    ...answerFacts(deps.contact),
    responseId: response.id,
    itemId: item.id,
    answer,
    now,
  });
  const answers = { ...state.answers, [item.id]: answer };
  const progress = pillarProgress(state.bank, answers, state.audience);
  await markResponse(deps.tx, { responseId: response.id, completed: !progress.next, now });
  return { ...state, answers, progress };
}

function answerFacts(contact: Contact): { audience: Audience; role: string } {
  return { audience: audienceOf(contact), role: contact.role };
}

/**
 * The answer a flow value stands for at `item`: true/false from a yes/no question, a
 * number from a number question, an option's value otherwise. Undefined when it fits not.
 */
export function answerFromValue(item: Item, value: Json): Answer | undefined {
  let answer: Answer | undefined;
  if (typeof value === 'boolean') answer = { type: 'yesno', value };
  else if (typeof value === 'number') answer = { type: 'number', value };
  else answer = answerOptions(item).find((option) => option.value === value)?.answer;
  return answer && answerFits(item, answer) ? answer : undefined;
}
