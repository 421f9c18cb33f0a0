/**
 * The /hapusdata confirmation and /privasi say what happens to each kind of a person's data,
 * and the erasure does exactly that: each line of PROMISES is a kind of data, the words both
 * texts use for it in both languages, and a check of the database after the erasure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFeedback } from '../../src/db/queries/feedback.js';
import {
  createResponse,
  ensureRespondent,
  saveAnswer,
} from '../../src/db/queries/questionnaire.js';
import {
  feedback,
  questionnaireRespondents,
  questionnaireResponses,
} from '../../src/db/schema/index.js';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  addPhoto,
  createReportHarness,
  registerStaff,
  reportOf,
  SUKAMAJU,
  scriptedTickets,
  sendPhoto,
  sendPin,
  staffMove,
} from './report-support.js';

const TICKET = 'LP-ERP22';

/** What is left of Wulan's data after the erasure, read once for every promise. */
interface After {
  report: Awaited<ReturnType<typeof reportOf>>;
  responses: number;
  linkedRespondents: number;
  suggestions: number;
}

/** [kind, words of the Indonesian texts, words of the English texts, what the code did]. */
const PROMISES: [string, string[], string[], (after: After) => void][] = [
  [
    'reports stay for the village, unlinked',
    ['Laporan Anda tetap ada untuk desa', 'laporan Anda tetap ada untuk desa'],
    ['Your reports stay for the village', 'your reports stay for the village'],
    ({ report }) => {
      expect(report.report.contactId).toBeNull();
      expect(report.report.villageCode).toBe(SUKAMAJU);
    },
  ],
  [
    'photos are deleted',
    ['foto yang Anda kirim dihapus', 'foto'],
    ['photo you sent is deleted', 'photos'],
    ({ report }) => expect(report.photos).toEqual([]),
  ],
  [
    'the pin of a report about them goes',
    ['titik lokasi laporan tentang Anda dihapus', 'titik lokasi'],
    ['pin of a report about you is removed', 'exact pin'],
    ({ report }) => {
      expect(report.report.latitude).toBeNull();
      expect(report.report.longitude).toBeNull();
    },
  ],
  [
    'their own replies are emptied',
    ['balasan Anda untuk petugas dikosongkan', 'balasan'],
    ['your replies to staff are emptied', 'replies'],
    ({ report }) => {
      const replies = report.history.filter((row) => row.actorKind === 'reporter');
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.map((row) => row.note)).toEqual(replies.map(() => null));
    },
  ],
  [
    'questionnaire answers stay, anonymous, in the village score',
    [
      'Jawaban kuesioner Anda tetap dihitung dalam skor desa, tanpa nama',
      'jawaban kuesioner Anda tetap dihitung dalam skor desa tanpa nama',
    ],
    [
      'Your questionnaire answers still count in the village score, without your name',
      'your questionnaire answers still count in the village score without your name',
    ],
    ({ responses, linkedRespondents }) => {
      expect(responses).toBe(1);
      expect(linkedRespondents).toBe(0);
    },
  ],
  [
    'suggestions are deleted',
    ['saran Anda beserta fotonya', 'saran Anda dihapus'],
    ['your suggestions with their photos', 'your suggestions are deleted'],
    ({ suggestions }) => expect(suggestions).toBe(0),
  ],
];

function text(language: 'id' | 'en', namespace: string, key: string): string {
  const file = path.join(process.cwd(), 'locales', language, `${namespace}.json`);
  return JSON.parse(readFileSync(file, 'utf8'))[key];
}

describe('what /hapusdata and /privasi promise is what the erasure does', () => {
  let h: Harness;
  let after: After;
  let confirmShown = '';
  beforeAll(async () => {
    h = await createReportHarness(scriptedTickets('ERP22'));
    await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
    const wulan = await registerContact(h, 'wulan', { name: 'Wulan', phone: '+6281300001111' });
    await addPhoto(h, 'foto-wulan');
    await playTranscript(h, 'wulan', '> /lapor\n> 1\n> 2\n> Sampah menumpuk di tepi sungai desa');
    await sendPhoto(h, 'wulan', 'foto-wulan');
    await h.say('wulan', 'selesai');
    await sendPin(h, 'wulan', -6.9123, 107.1234);
    await playTranscript(h, 'wulan', `> ya\n> 1\n> 1\n< *${TICKET}*`);
    await staffMove(h, 'pak-kades', TICKET, {
      label: 'tanya pelapor (perlu informasi)',
      note: 'Di RT berapa?',
    });
    await playTranscript(h, 'wulan', `> /jawab ${TICKET}\n> 1\n> RT 02 dekat jembatan`);
    const db = h.db.db;
    const now = h.clock.now();
    const respondentId = await ensureRespondent(db, { contactId: wulan.id, id: 'resp-w', now });
    const response = await createResponse(db, {
      id: 'response-w',
      respondentId,
      villageCode: SUKAMAJU,
      pillar: 'lingkungan',
      bankVersion: 1,
      now,
    });
    await saveAnswer(db, {
      responseId: response.id,
      itemId: 'L1',
      answer: 'ya',
      audience: 'warga',
      role: 'warga',
      now,
    });
    await insertFeedback(db, {
      id: 'feedback-w',
      contactId: wulan.id,
      topic: 'problem',
      message: 'Tolong tambah jadwal posyandu',
      rating: 4,
      wantsReply: false,
      mediaIds: [],
      now,
    });
    confirmShown = (await h.say('wulan', '/hapusdata')).join('\n');
    await playTranscript(h, 'wulan', '> ya\n< Data Anda sudah dihapus');
    after = {
      report: await reportOf(h, TICKET),
      responses: (
        await db
          .select()
          .from(questionnaireResponses)
          .where(eq(questionnaireResponses.respondentId, respondentId))
      ).length,
      linkedRespondents: (
        await db
          .select()
          .from(questionnaireRespondents)
          .where(eq(questionnaireRespondents.contactId, wulan.id))
      ).length,
      suggestions: (await db.select().from(feedback).where(eq(feedback.contactId, wulan.id)))
        .length,
    };
  });
  afterAll(() => h.close());

  it.each(PROMISES)('%s: said in both texts and done', (_kind, id, en, check) => {
    const [confirmId = '', privacyId = ''] = id;
    const [confirmEn = '', privacyEn = ''] = en;
    expect(confirmShown).toContain(confirmId);
    expect(text('id', 'delete-data', 'confirm')).toContain(confirmId);
    expect(text('id', 'privacy', 'notice')).toContain(privacyId);
    expect(text('en', 'delete-data', 'confirm')).toContain(confirmEn);
    expect(text('en', 'privacy', 'notice')).toContain(privacyEn);
    check(after);
  });
});
