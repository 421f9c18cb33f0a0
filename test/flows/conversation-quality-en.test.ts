import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  createReportHarness,
  newsFor,
  registerStaff,
  scriptedTickets,
  sendPin,
} from './report-support.js';

/** Pamoyanan, Kec. Cianjur: a village with no staff but the one who files. */
const PAMOYANAN = '32.03.01.1006';
const BOJONGSOANG = '32.04.08.2002';

/**
 * The examples of issue 14 in English, where the Indonesian transcripts live beside the
 * feature (report-reach, role-request-notice, report-workflow, village-search, broadcasts).
 */
describe('conversation quality, in English', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createReportHarness(scriptedTickets('ENA22', 'ENB33', 'ENC44', 'END55'));
    await registerStaff(h, 'kades', 'perangkat_desa', { name: 'Kades', language: 'en' });
    await registerStaff(h, 'lone', 'perangkat_desa', {
      name: 'Lone',
      language: 'en',
      villageCode: PAMOYANAN,
    });
    await registerStaff(h, 'op', 'admin', { name: 'Op', language: 'en', villageCode: BOJONGSOANG });
    await registerContact(h, 'ed', { name: 'Ed', language: 'en' });
  });
  afterAll(() => h.close());

  it('a report by the only staff of a village reaches the admins, the village named', async () => {
    await playTranscript(
      h,
      'lone',
      `
      > /report
      > for myself
      > complaint
      > roads
      > The hanging bridge is broken
      > skip
      > skip
      > normal
      > send
      < ✅ Report sent. Your ticket number: *LP-ENA22*
      `,
    );
    expect(await newsFor(h, 'op')).toEqual([
      expect.stringContaining('🆕 New report *LP-ENA22* in the village of Pamoyanan'),
    ]);
    expect((await newsFor(h, 'lone')).join()).not.toContain('New report');
  });

  it('asks "is it fixed?" and understands "not yet" and "yes"', async () => {
    await playTranscript(
      h,
      'ed',
      `
      > /report
      > complaint
      > water
      > The well water smells
      > skip
      > skip
      > normal
      > send
      < *LP-ENB33*
      `,
    );
    expect(await newsFor(h, 'kades')).toEqual([
      expect.stringContaining('🆕 New report *LP-ENB33* in the village of Sukamaju'),
    ]);
    await playTranscript(
      h,
      'kades',
      `
      > /manage LP-ENB33
      > verified
      > Checked on site
      > /manage LP-ENB33
      > start working
      > Cleaning tomorrow
      > /manage LP-ENB33
      # "done" is the move "Mark as done", not "Close"
      > done
      < Type what was done
      > The well was cleaned
      `,
    );
    expect((await newsFor(h, 'ed')).join('\n')).toContain('Is the problem fixed?');
    await playTranscript(
      h,
      'ed',
      `
      > not yet
      < What is not fixed yet?
      > It still smells
      < Report *LP-ENB33* is reopened
      `,
    );
    expect((await newsFor(h, 'kades')).join('\n')).toContain('says the problem is not fixed');
    await playTranscript(
      h,
      'kades',
      '> /manage LP-ENB33\n> 1\n> Cleaned again\n> /manage LP-ENB33\n> done\n> Checked twice',
    );
    expect((await newsFor(h, 'ed')).join('\n')).toContain('Is the problem fixed?');
    await playTranscript(h, 'ed', '> yes\n< closed');
  });

  it('keeps the kabupaten when the kecamatan typed does not match, and says so', async () => {
    await playTranscript(
      h,
      'ed',
      `
      > /editdata
      > village
      > Sukamaju, Cibadak, Kabupaten Sukabumi
      < “Cibadak” did not match
      < Kab. Sukabumi, Jawa Barat
      <! Aceh
      > batal
      `,
    );
  });

  it('cancels a flow on "stop" and says how announcements are stopped; STOP alone opts out', async () => {
    await playTranscript(
      h,
      'ed',
      `
      > /feedback
      > stop
      < cancelled
      < STOP
      > STOP
      < you will not receive announcements any more
      > RESUME
      `,
    );
  });

  it('tells the admins of a new role request as a message, with the English command', async () => {
    await playTranscript(
      h,
      'yuli',
      `
      > hello
      > english
      > yes
      > agree
      > Yuli
      < What is your role in the village?
      > cadre
      > bojongsoang
      > 1
      > yes
      < has been sent to an admin
      `,
    );
    expect(await newsFor(h, 'op')).toEqual([
      '🙋 A new role request is waiting: Digital cadre (kader digital). Decide with /roles',
    ]);
  });

  it('tells only the staff member who asked that the reporter answered "your question"', async () => {
    await registerStaff(h, 'kader', 'kader_digital', { name: 'Kader', language: 'en' });
    await playTranscript(
      h,
      'ed',
      `
      > /report
      > proposal
      > education
      > A reading corner at the village hall
      > skip
      > skip
      > normal
      > send
      < *LP-ENC44*
      `,
    );
    await newsFor(h, 'kader');
    await newsFor(h, 'kades');
    await playTranscript(h, 'kades', '> /manage LP-ENC44\n> ask the reporter\n> Which room?');
    expect((await newsFor(h, 'ed')).join('\n')).toContain('Which room?');
    await playTranscript(h, 'ed', '> 1\n> The small room upstairs\n< Thank you');
    expect(await newsFor(h, 'kades')).toEqual([
      expect.stringContaining(
        'in Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat answered your question',
      ),
    ]);
    expect(await newsFor(h, 'kader')).toEqual([
      expect.stringContaining("answered a staff member's question"),
    ]);
  });

  it('shows a pin as a short link, a one-page list without "(1–1 of 1)", villages by name', async () => {
    await playTranscript(
      h,
      'ed',
      `
      > /myreports
      < Your reports, newest first. Choose one to see it:
      <! of 2)
      > cancel
      > /mydata
      < (Sukamaju, Kec. Cibeber, Kab. Cianjur): Clean water
      > /report
      > request
      > other
      > Where is the new posyandu?
      > skip
      `,
    );
    await sendPin(h, 'ed', -6.9123, 107.1234);
    await playTranscript(
      h,
      'ed',
      `
      > yes
      > normal
      < • Location: a pin on the map: https://osm.org/go/tbQM5xrUd--?m
      <! openstreetmap.org/?
      > cancel
      `,
    );
  });
});
