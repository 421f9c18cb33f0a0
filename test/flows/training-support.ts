/** People and helpers shared by the training transcripts. */
import {
  CAPABILITIES,
  createActions,
  FLOW_IDS,
  flowsOf,
  withConsentGate,
} from '../../flows/index.js';
import { createEngine } from '../../src/core/engine/engine.js';
import { createFlowRunner } from '../../src/runtime/flow-runner.js';
import { createTrainingSchedule } from '../../src/runtime/jobs/training.js';
import { createScheduler, type JobTrigger, type Scheduler } from '../../src/runtime/scheduler.js';
import { createBulkFeedJob } from '../../src/runtime/scheduler-bulk.js';
import { createTestIds, type Harness, silentLogger } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import { testVillages } from '../support/villages.js';

/** Kuta, Kec. Kuta, Kab. Badung, Bali (WITA). */
export const KUTA = '51.03.01.1002';
/** Tuban, Kec. Kuta: the kader's village. */
export const TUBAN = '51.03.01.1001';
/** Kapal, Kec. Mengwi, Kab. Badung: same kabupaten, another kecamatan. */
export const KAPAL = '51.03.02.1004';
/** Baler Bale Agung, Kab. Jembrana: another kabupaten. */
export const JEMBRANA = '51.01.01.1006';

/** A WITA wall time as an instant: `wita('2026-03-02 18:00')`. */
export const wita = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

/** The people of the transcripts: a duta of Badung, kader of Kec. Kuta, a warga of Jembrana. */
export async function registerPeople(h: Harness): Promise<void> {
  await registerContact(h, 'duta', {
    name: 'Duta Badung',
    role: 'duta_digital',
    villageCode: KUTA,
  });
  for (const [id, name] of [
    ['kader-a', 'Ayu'],
    ['kader-b', 'Bagus'],
    ['kader-c', 'Citra'],
  ] as const) {
    await registerContact(h, id, { name, role: 'kader_digital', villageCode: TUBAN });
  }
  await registerContact(h, 'kader-en', {
    name: 'Dewi',
    role: 'kader_digital',
    villageCode: TUBAN,
    language: 'en',
  });
  await registerContact(h, 'warga-jembrana', { name: 'Made', villageCode: JEMBRANA });
}

/**
 * The duta creates "Bimtek Website Desa" for kader and warga of Kec. Kuta on Tuesday
 * 3 March 2026 at 09.00 WITA, 2 hours, at Balai Desa Tuban (no pin, unless `pin` is a
 * console `/lokasi` line), 2 seats, trained by themself.
 */
export async function createSession(
  h: Harness,
  { seats = '2', title = 'Bimtek Website Desa', start = '3/3/2026 09.00', pin = 'lewati' } = {},
): Promise<void> {
  await playTranscript(
    h,
    'duta',
    `
    > /pelatihanbaru
    < Judul pelatihan?
    > ${title}
    < Topik
    > Membuat dan mengisi website desa
    < pilar
    > 1
    < Untuk siapa?
    > 1,5
    < Untuk wilayah mana?
    < Kecamatan saya (Kuta)
    < Kabupaten saya (Kab. Badung)
    > 1
    < tatap muka atau daring?
    > 1
    < Di mana tempatnya?
    > Balai Desa Tuban
    < Bagikan titik lokasinya
    > ${pin}
    < Ketik tanggal dan jam WITA
    > ${start}
    < Berapa lama?
    > 2 jam
    < Berapa kursi?
    > ${seats}
    < Ada tautan materi?
    > tidak
    < Siapa pelatihnya?
    > 1
    < Periksa pelatihan ini
    < • Peserta: kader digital, warga
    < • Wilayah: 51.03.01
    < • tempat: Balai Desa Tuban
    < 1. Simpan
    > 1
    < Pelatihan *${title}* tersimpan
    `,
  );
}

/** How the app's jobs start flows (the feedback question), over the harness's clock. */
export function jobTrigger(h: Harness): JobTrigger {
  const flows = flowsOf(CAPABILITIES);
  const runner = createFlowRunner({
    engine: withConsentGate(
      createEngine({ flows, helpFlow: FLOW_IDS.help, languageFlow: FLOW_IDS.language }),
    ),
    translator: h.translator,
    actions: createActions({ villages: testVillages, removeMediaFile: async () => {} }),
    clock: h.clock,
    ids: createTestIds('job'),
    entryFlowFor: () => FLOW_IDS.menu,
  });
  return (tx, request, log) => runner.trigger(tx, request, { log });
}

/** A scheduler over the harness's database and clock, with the training jobs and the bulk lane. */
export function trainingScheduler(h: Harness): Scheduler {
  return createScheduler({
    db: h.db.db,
    clock: h.clock,
    logger: silentLogger,
    jobs: [...createTrainingSchedule().jobs, createBulkFeedJob()],
    trigger: jobTrigger(h),
  });
}

/** Moves the clock to `at` and runs what is due (the bulk feed runs right after the jobs). */
export async function runAt(h: Harness, scheduler: Scheduler, at: Date): Promise<void> {
  h.clock.advance(at.getTime() - h.clock.now().getTime());
  for (let round = 0; round < 5; round += 1) {
    if ((await scheduler.runDue()) === 0) break;
  }
}

/** What reached `who` proactively since last asked (sent by a sweep of the outbox). */
export async function newsFor(h: Harness, who: string): Promise<string> {
  await h.runtime.outbox.sweep();
  return h.channel.take(who).join('\n---\n');
}
