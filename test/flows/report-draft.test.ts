import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_KEEP_DAYS } from '../../src/core/engine/drafts.js';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  allReports,
  createReportHarness,
  registerStaff,
  scriptedTickets,
} from './report-support.js';

/** A report half-written is never dropped without a word: it is kept as a draft and offered back. */
describe('report drafts (transcript)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createReportHarness(scriptedTickets('DRF22', 'DRF33'));
  });
  afterAll(() => h.close());

  it('asks before menu drops a report, keeps it, and offers it back at /lapor, in Indonesian', async () => {
    await registerContact(h, 'sari', { name: 'Sari' });
    await playTranscript(
      h,
      'sari',
      `
      > /lapor
      < Jenis laporan apa?
      > 1
      < Tentang apa?
      > 1
      < Ceritakan masalahnya
      > menu
      < Laporan Anda belum terkirim. Simpan sebagai draf dulu?
      < 1. Ya, simpan draf
      < 2. Lanjutkan laporan
      <! Halo, Sari
      # "tidak": back to the question, nothing lost
      > tidak
      < Ceritakan masalahnya
      > Jalan desa berlubang besar di dekat masjid.
      < Kirim foto masalahnya
      > menu
      < Simpan sebagai draf dulu?
      > ya
      < Draf laporan disimpan 📝 Ketik /lapor kapan saja untuk melanjutkan.
      < Halo, Sari 👋
      > /lapor
      < Anda punya draf laporan yang belum terkirim: Jalan, jembatan & fasilitas umum. Lanjutkan draf?
      < 1. Lanjutkan draf
      < 2. Mulai baru
      > 1
      < Kirim foto masalahnya
      > lewati
      < Di mana tempatnya?
      > lewati
      < Bagaimana laporan ini dikirim?
      > 1
      < • Uraian: Jalan desa berlubang besar di dekat masjid.
      > 1
      < ✅ Laporan terkirim. Nomor tiket Anda: *LP-DRF22*
      # sent: no draft left to offer
      > /lapor
      <! draf
      < Jenis laporan apa?
      > batal
      <! draf
      `,
    );
    expect((await allReports(h)).map((r) => r.description)).toEqual([
      'Jalan desa berlubang besar di dekat masjid.',
    ]);
  });

  it('keeps a draft on another command and starts over on request, in English', async () => {
    await registerContact(h, 'sam', { name: 'Sam', language: 'en' });
    await playTranscript(
      h,
      'sam',
      `
      > /report
      > 1
      < What is it about?
      > 2
      < Describe the problem
      > /feedback
      < Your report has not been sent yet. Keep it as a draft?
      < 1. Yes, keep the draft
      < 2. Go on with the report
      > yes
      < Report draft kept 📝 Type /report any time to continue.
      < Thank you for sharing a suggestion
      > cancel
      > /report
      < You have a report draft that was not sent: Clean water, waste & environment. Continue the draft?
      < 1. Continue the draft
      < 2. Start over
      > start over
      < What kind of report?
      > 1
      > cancel
      < Your report has not been sent yet. Keep it as a draft?
      # a word for leaving at that question keeps the draft and leaves
      > cancel
      < Report draft kept
      > /report
      < Continue the draft?
      > 2
      < What kind of report?
      `,
    );
  });

  it('offers a kept draft for DRAFT_KEEP_DAYS and no longer after, in both languages', async () => {
    const DAY = 24 * 60 * 60_000;
    await registerContact(h, 'tuti', { name: 'Tuti' });
    await registerContact(h, 'tom', { name: 'Tom', language: 'en' });
    const keep = (who: string, words: string) =>
      playTranscript(h, who, `> /lapor\n> 1\n> 1\n> ${words}\n> menu\n> 1`);
    await keep('tuti', 'Lampu jalan mati.');
    await keep('tom', 'Street light is out.');
    h.clock.advance((DRAFT_KEEP_DAYS - 1) * DAY);
    await playTranscript(h, 'tuti', '> /lapor\n< Lanjutkan draf?\n> 1\n> menu\n> 1');
    await playTranscript(h, 'tom', '> /report\n< Continue the draft?\n> 1\n> menu\n> 1');
    // Kept again just now: the days count from the last keeping.
    h.clock.advance((DRAFT_KEEP_DAYS + 1) * DAY);
    await playTranscript(h, 'tuti', '> /lapor\n<! draf\n< Jenis laporan apa?\n> batal');
    await playTranscript(h, 'tom', '> /report\n<! draft\n< What kind of report?\n> cancel');
  });

  it("asks before menu drops an assisted resident's details, in both languages", async () => {
    await registerStaff(h, 'kader-draf', 'kader_digital', { name: 'Kader' });
    await registerStaff(h, 'cadre-draft', 'kader_digital', { name: 'Cadre', language: 'en' });
    await playTranscript(
      h,
      'kader-draf',
      `
      > /lapor
      > 2
      < Siapa nama warga yang Anda bantu?
      > Mbah Karto
      > menu
      < Laporan Anda belum terkirim. Simpan sebagai draf dulu?
      > 1
      > /lapor
      < Lanjutkan draf?
      > 1
      < punya nomor HP yang boleh dicatat
      > batal
      > 1
      `,
    );
    await playTranscript(
      h,
      'cadre-draft',
      `
      > /report
      > 2
      > Grandma Sri
      > menu
      < Your report has not been sent yet. Keep it as a draft?
      > yes
      > /report
      < Continue the draft?
      > 2
      < Who is this report for?
      > cancel
      `,
    );
  });
});
