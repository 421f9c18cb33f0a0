/**
 * The questionnaire answers read across people: one village's (/skor), an area's (the admin
 * web) and everyone's (the export) are the same rows, narrowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaAnswers } from '../../src/db/queries/questionnaire-area.js';
import { allAnswers, villageAnswers } from '../../src/db/queries/questionnaire-village.js';
import {
  questionnaireAnswers,
  questionnaireRespondents,
  questionnaireResponses,
} from '../../src/db/schema/index.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';

const CIBEBER = '32.03.03.2013';
const CIANJUR_OTHER = '32.03.04.2001';
const JATENG = '33.01.01.2001';
const AT = new Date('2026-03-02T01:00:00Z');
/** The one answer each response holds. */
const ANSWER = {
  itemId: 'G1',
  answer: { type: 'choice', value: 'some' },
  audience: 'W',
  role: 'warga',
  createdAt: AT,
  answeredAt: AT,
};

describe.each(DRIVERS)('questionnaire answers on %s', (driver) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDb(driver);
    await db.db.insert(questionnaireRespondents).values({ id: 'r1', createdAt: AT });
    const villages = [CIBEBER, CIANJUR_OTHER, JATENG];
    await db.db.insert(questionnaireResponses).values(
      villages.map((villageCode, n) => ({
        id: `resp-${n}`,
        respondentId: 'r1',
        villageCode,
        pillar: 'tata_kelola',
        bankVersion: 1,
        startedAt: AT,
        updatedAt: AT,
        completedAt: n === 0 ? AT : null,
      })),
    );
    await db.db
      .insert(questionnaireAnswers)
      .values(villages.map((_, n) => ({ responseId: `resp-${n}`, ...ANSWER })));
  });
  afterAll(async () => {
    await db.close();
  });

  it("reads one village's, an area's and everyone's answers as the same rows", async () => {
    const village = await villageAnswers(db.db, { villageCode: CIBEBER });
    expect(village).toEqual([
      {
        respondentId: 'r1',
        responseId: 'resp-0',
        villageCode: CIBEBER,
        pillar: 'tata_kelola',
        bankVersion: 1,
        ...ANSWER,
        responseCompletedAt: AT,
      },
    ]);
    const codes = (rows: { villageCode: string }[]) => rows.map((r) => r.villageCode).sort();
    expect(codes(await areaAnswers(db.db, { areaCode: '32.03' }))).toEqual([
      CIBEBER,
      CIANJUR_OTHER,
    ]);
    expect(await areaAnswers(db.db, { areaCode: CIBEBER })).toEqual(village);
    expect(codes(await areaAnswers(db.db, {}))).toEqual([CIBEBER, CIANJUR_OTHER, JATENG]);
    expect((await allAnswers(db.db)).map((r) => r.villageCode)).toEqual([
      CIBEBER,
      CIANJUR_OTHER,
      JATENG,
    ]);
  });
});
