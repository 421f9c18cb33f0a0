/**
 * The flow runner reads a person again after an action only when the action changed a
 * contact row, which it learns from `noteContactWrite` (src/db/queries/contacts.ts). A
 * query that changes contacts without noting it would leave the runner with a stale
 * person (a consent not seen by the gate, an old language): every one must note it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const WRITE = /\.(update|delete)\(contacts\)/g;
const NOTE = /noteContactWrite\(/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') || entry.name.endsWith('.tsx') ? [full] : [];
  });
}

describe('changes to contact rows', () => {
  it('are each noted for the flow runner', () => {
    const files = [
      ...sourceFiles(path.join(ROOT, 'src')),
      ...sourceFiles(path.join(ROOT, 'flows')),
    ];
    const counted = files.map((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const writes = text.match(WRITE)?.length ?? 0;
      const notes = text.match(NOTE)?.length ?? 0;
      return { file: path.relative(ROOT, file), writes, notes };
    });
    const unnoted = counted
      .filter((c) => c.writes > c.notes)
      .map((c) => `${c.file}: ${c.writes} writes, ${c.notes} noted`);
    expect(unnoted).toEqual([]);
    // The scan itself finds the writes it guards (updateContact, erasure, WhatsApp merges).
    expect(counted.reduce((sum, c) => sum + c.writes, 0)).toBeGreaterThanOrEqual(3);
  });
});
