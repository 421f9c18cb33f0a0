/**
 * What a report is (DOMAIN.md §4.2): its LAPOR-style type and its category, each
 * category tagged with the Desa Cerdas pillar it concerns (for analytics next to the
 * pillar scores). Eight categories and "lainnya": with "lainnya" they fill one
 * numbered list of nine, which fits a WhatsApp list message.
 */
import type { PillarId } from '../questionnaire/types.js';

/** The LAPOR! report types: a complaint, a proposal, a question. */
export const REPORT_TYPES = ['pengaduan', 'aspirasi', 'informasi'] as const;

/** A report type. */
export type ReportType = (typeof REPORT_TYPES)[number];

/** Every category in the order offered, with its pillar. */
export const REPORT_CATEGORIES = [
  { id: 'jalan', pillar: 'mobilitas' },
  { id: 'air_lingkungan', pillar: 'lingkungan' },
  { id: 'bencana', pillar: 'lingkungan' },
  { id: 'kesehatan', pillar: 'hidup' },
  { id: 'pendidikan', pillar: 'masyarakat' },
  { id: 'bansos_ekonomi', pillar: 'ekonomi' },
  { id: 'layanan_desa', pillar: 'tata_kelola' },
  { id: 'internet_listrik', pillar: 'mobilitas' },
  { id: 'lainnya', pillar: 'tata_kelola' },
] as const satisfies readonly { id: string; pillar: PillarId }[];

/** A report category id. */
export type ReportCategory = (typeof REPORT_CATEGORIES)[number]['id'];

/** Every category id, in the order offered. */
export const REPORT_CATEGORY_IDS: readonly ReportCategory[] = REPORT_CATEGORIES.map((c) => c.id);

/**
 * The category whose reporters are shown the emergency numbers (112, BPBD) first: the
 * bot is not an emergency service.
 */
export const EMERGENCY_CATEGORY: ReportCategory = 'bencana';

/** True for a known category id. */
export function isReportCategory(value: unknown): value is ReportCategory {
  return typeof value === 'string' && (REPORT_CATEGORY_IDS as readonly string[]).includes(value);
}

/** True for a known report type. */
export function isReportType(value: unknown): value is ReportType {
  return typeof value === 'string' && (REPORT_TYPES as readonly string[]).includes(value);
}

/** The pillar a category is tagged with. */
export function pillarOf(category: ReportCategory): PillarId {
  const found = REPORT_CATEGORIES.find((c) => c.id === category);
  if (!found) throw new Error(`unknown report category ${category}`);
  return found.pillar;
}
