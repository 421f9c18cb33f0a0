/**
 * Benchmark of the village search: index build time and memory, latency of typed
 * queries, and how often a misspelled name still finds the intended village.
 * Run: `npx tsx test/bench/village-search.ts`. Queries are drawn from the data with a
 * seeded PRNG, so every run asks the same questions.
 */
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  createVillageSearch,
  normalizeName,
  type VillageSearch,
} from '../../src/domain/village-search.js';
import {
  loadVillageDirectory,
  type Village,
  type VillageDirectory,
} from '../../src/domain/villages.js';
import { percentile } from './support.js';

/** Timed queries, after {@link WARMUP_QUERIES} untimed ones so the JIT has compiled the search. */
const TIMED_QUERIES = 1_000;
const WARMUP_QUERIES = 200;
/** Misspelled names per hit-rate run, each asked plain and with its kecamatan. */
const HIT_RATE_QUERIES = 1_000;
const SEED = 20_260_214;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const PREFIXES = [
  'desa ',
  'Desa ',
  'ds. ',
  'kel. ',
  'kelurahan ',
  'kampung ',
  'nagari ',
  'gampong ',
];
const BYTES_PER_MB = 1024 * 1024;
/** Wait after a collection: V8 frees array buffers' memory after the collection itself. */
const BUFFER_FREE_WAIT_MS = 50;

/**
 * The figures one run measures; times in milliseconds, memory in MB: of V8 heap, and of
 * array buffers (the typed arrays the directory and the index are stored in, outside
 * the heap).
 */
export interface VillageSearchBenchFigures {
  loadMs: number;
  buildMs: number;
  directoryHeapMb: number;
  directoryBuffersMb: number;
  indexHeapMb: number;
  indexBuffersMb: number;
  queries: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  hitRate: {
    queries: number;
    plain: HitRateRow;
    withKecamatan: HitRateRow;
  };
}

/** Share of misspelled queries whose intended village is among the hits (top 8). */
export interface HitRateRow {
  overall: number;
  oneTypo: number;
  twoTypos: number;
}

type Random = () => number;
type Probe = { village: Village; typos: number; query: string };

/** Builds the index, times {@link TIMED_QUERIES} typed queries and measures the hit rate. */
export async function runVillageSearchBench(): Promise<VillageSearchBenchFigures> {
  const gc = exposeGc();
  const before = await memoryMb(gc);
  let started = performance.now();
  const directory = await loadVillageDirectory();
  const loadMs = performance.now() - started;
  const loaded = await memoryMb(gc);
  started = performance.now();
  const search = createVillageSearch(directory);
  const buildMs = performance.now() - started;
  const built = await memoryMb(gc);

  const warmupRandom = mulberry32(SEED + 1);
  for (let i = 0; i < WARMUP_QUERIES; i++)
    search.search(typedQuery(pick(directory, warmupRandom), warmupRandom));
  const random = mulberry32(SEED);
  const times: number[] = [];
  for (let i = 0; i < TIMED_QUERIES; i++) {
    const query = typedQuery(pick(directory, random), random);
    const start = performance.now();
    search.search(query);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);

  return {
    loadMs,
    buildMs,
    directoryHeapMb: loaded.heap - before.heap,
    directoryBuffersMb: loaded.buffers - before.buffers,
    indexHeapMb: built.heap - loaded.heap,
    indexBuffersMb: built.buffers - loaded.buffers,
    queries: times.length,
    medianMs: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    maxMs: times[times.length - 1] ?? 0,
    hitRate: measureHitRate(search, misspelledProbes(directory, mulberry32(SEED + 2))),
  };
}

/** One query as a person might type it: the name as is, respaced, prefixed or misspelled. */
function typedQuery(village: Village, random: Random): string {
  const variant = Math.floor(random() * 5);
  const name = village.name;
  let typed = name;
  if (variant === 1) typed = respace(name, random);
  if (variant === 2) typed = `${PREFIXES[Math.floor(random() * PREFIXES.length)]}${name}`;
  if (variant >= 3) typed = misspell(name, variant - 2, random);
  return random() < 0.5 ? `${typed}, ${village.district.name}` : typed;
}

/**
 * Misspelled names of villages with at least 4 letters (shorter ones get no typo
 * allowance): one typo, or two for names of 8 letters and more, as the search forgives.
 */
function misspelledProbes(directory: VillageDirectory, random: Random): Probe[] {
  const probes: Probe[] = [];
  while (probes.length < HIT_RATE_QUERIES) {
    const village = pick(directory, random);
    const length = normalizeName(village.name).length;
    if (length < 4) continue;
    const typos = length >= 8 && random() < 0.5 ? 2 : 1;
    probes.push({ village, typos, query: misspell(village.name, typos, random) });
  }
  return probes;
}

function measureHitRate(search: VillageSearch, probes: Probe[]) {
  const row = (withKecamatan: boolean): HitRateRow => {
    const found = probes.map((probe) => {
      const query = withKecamatan ? `${probe.query}, ${probe.village.district.name}` : probe.query;
      const result = search.search(query);
      return result.type === 'found' && result.hits.some((hit) => hit.code === probe.village.code);
    });
    const share = (typos?: number) => {
      const picked = probes.flatMap((probe, i) =>
        typos && probe.typos !== typos ? [] : [found[i]],
      );
      return picked.filter(Boolean).length / Math.max(1, picked.length);
    };
    return { overall: share(), oneTypo: share(1), twoTypos: share(2) };
  };
  return { queries: probes.length, plain: row(false), withKecamatan: row(true) };
}

/** Applies `count` typos (substitution, deletion, insertion or transposition) to letters. */
function misspell(name: string, count: number, random: Random): string {
  let typed = name.toLowerCase();
  for (let done = 0; done < count; ) {
    const next = typo(typed, random);
    if (normalizeName(next) !== normalizeName(typed)) {
      typed = next;
      done++;
    }
  }
  return typed;
}

function typo(text: string, random: Random): string {
  const letters = [...text].flatMap((char, i) => (/[a-z]/.test(char) ? [i] : []));
  const at = letters[Math.floor(random() * letters.length)] ?? 0;
  const letter = LETTERS[Math.floor(random() * LETTERS.length)] ?? 'a';
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.slice(0, at) + letter + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + letter + text.slice(at);
    default:
      return text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2);
  }
}

/** Removes the spaces of a name that has some, or splits a one-word name in two. */
function respace(name: string, random: Random): string {
  if (name.includes(' ')) return name.replaceAll(' ', '');
  const at = 1 + Math.floor(random() * Math.max(1, name.length - 2));
  return `${name.slice(0, at)} ${name.slice(at)}`;
}

function pick(directory: VillageDirectory, random: Random): Village {
  return directory.at(Math.floor(random() * directory.size)) as Village;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same queries. */
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** V8's garbage collector, so heap figures count live objects only. */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

async function memoryMb(gc: () => void): Promise<{ heap: number; buffers: number }> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, BUFFER_FREE_WAIT_MS));
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed / BYTES_PER_MB, buffers: arrayBuffers / BYTES_PER_MB };
}

/** Prints the figures as a plain two-column table. */
export function printVillageSearchFigures(figures: VillageSearchBenchFigures): void {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const mb = (value: number) => `${value.toFixed(1)} MB`;
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const { hitRate } = figures;
  const rows: [string, string][] = [
    ['load CSV (83,762 villages)', ms(figures.loadMs)],
    ['build index', ms(figures.buildMs)],
    [
      'heap + array buffers: directory',
      `${mb(figures.directoryHeapMb)} + ${mb(figures.directoryBuffersMb)}`,
    ],
    ['heap + array buffers: index', `${mb(figures.indexHeapMb)} + ${mb(figures.indexBuffersMb)}`],
    [`query median (${figures.queries} queries)`, ms(figures.medianMs)],
    ['query p99', ms(figures.p99Ms)],
    ['query max', ms(figures.maxMs)],
    [`hit rate, misspelled (${hitRate.queries}), plain`, pct(hitRate.plain.overall)],
    ['  1 typo / 2 typos', `${pct(hitRate.plain.oneTypo)} / ${pct(hitRate.plain.twoTypos)}`],
    ['hit rate, misspelled, with kecamatan', pct(hitRate.withKecamatan.overall)],
    [
      '  1 typo / 2 typos',
      `${pct(hitRate.withKecamatan.oneTypo)} / ${pct(hitRate.withKecamatan.twoTypos)}`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printVillageSearchFigures(await runVillageSearchBench());
}
