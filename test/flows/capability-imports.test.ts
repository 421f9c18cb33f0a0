import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape of a capability, read from the files: flow files are pure (steps and texts:
 * src/core, src/domain and their own folder's flow files), the work is in `actions.ts` or
 * `actions/`, the definition is `index.ts`, and no capability imports another. Shared
 * needs go down into src/domain or src/db/queries.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const FLOWS = path.join(ROOT, 'flows');
const SRC = path.join(ROOT, 'src');
/** Locale files, which a capability's `texts.ts` imports as types (its text keys). */
const LOCALES = path.join(ROOT, 'locales');
/** What a flow file may import from src/. */
const PURE_SRC = ['core', 'domain'];
/** Packages a flow file may import. */
const PURE_PACKAGES = ['zod'];
/** What no capability file imports: the platforms, the web, the composition root. */
const NEVER_SRC = ['channels', 'http', 'media', 'app.ts', 'main.ts'];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The modules a file imports or re-exports: absolute paths (no extension), or package names. */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map(
    (match) => match[1] as string,
  );
  return specifiers.map((spec) =>
    spec.startsWith('.') ? path.resolve(path.dirname(file), spec).replace(/\.js$/, '') : spec,
  );
}

function capabilityOf(file: string): string | undefined {
  const relative = path.relative(FLOWS, file).split(path.sep);
  return relative.length > 1 ? relative[0] : undefined;
}

type Role = 'definition' | 'actions' | 'flow';

function roleOf(file: string): Role {
  const [, ...rest] = path.relative(FLOWS, file).split(path.sep);
  if (rest.join('/') === 'index.ts') return 'definition';
  if (rest[0] === 'actions.ts' || rest[0] === 'actions') return 'actions';
  return 'flow';
}

/** Why `file` may not import `target`, or undefined when it may. */
function problem(file: string, target: string): string | undefined {
  const role = roleOf(file);
  const own = capabilityOf(file);
  if (!path.isAbsolute(target)) {
    if (role !== 'flow' || PURE_PACKAGES.includes(target)) return undefined;
    return 'a flow file imports no package but zod';
  }
  if (target.startsWith(LOCALES)) {
    return path.basename(file) === 'texts.ts' ? undefined : 'only texts.ts imports locale files';
  }
  if (target.startsWith(FLOWS)) {
    const other = capabilityOf(`${target}.ts`);
    if (other !== own) return `imports ${other ? `capability "${other}"` : 'the registry'}`;
    const targetRole = roleOf(`${target}.ts`);
    if (targetRole === 'definition') return 'imports its own definition';
    if (role === 'flow' && targetRole === 'actions') return 'a flow file imports actions';
    return undefined;
  }
  const area = path.relative(SRC, target).split(path.sep)[0] ?? '';
  const under = NEVER_SRC.find((name) => area === name.replace(/\.ts$/, '') || area === name);
  if (under) return `imports src/${under}`;
  if (role === 'flow' && !PURE_SRC.includes(area)) return `a flow file imports src/${area}`;
  return undefined;
}

describe('capability folders', () => {
  const files = filesUnder(FLOWS).filter((file) => capabilityOf(file) !== undefined);

  it('are found', () => {
    expect(new Set(files.map(capabilityOf))).toEqual(
      new Set([
        'account',
        'reports',
        'questionnaires',
        'feedback',
        'training',
        'web',
        'broadcasts',
      ]),
    );
  });

  it('keep flow files pure and never import another capability', () => {
    const found = files.flatMap((file) =>
      importsOf(file).flatMap((target) => {
        const why = problem(file, target);
        return why ? [`${path.relative(ROOT, file)}: ${why} (${path.relative(ROOT, target)})`] : [];
      }),
    );
    expect(found).toEqual([]);
  });

  it('are what the checker says they are (it can fail)', () => {
    const flowFile = path.join(FLOWS, 'reports', 'report.ts');
    expect(problem(flowFile, path.join(SRC, 'db', 'client'))).toBe('a flow file imports src/db');
    expect(problem(flowFile, path.join(FLOWS, 'account', 'menu'))).toBe(
      'imports capability "account"',
    );
    expect(problem(flowFile, path.join(FLOWS, 'reports', 'actions', 'moves'))).toBe(
      'a flow file imports actions',
    );
    expect(
      problem(path.join(FLOWS, 'reports', 'actions', 'moves.ts'), path.join(FLOWS, 'index')),
    ).toBe('imports the registry');
    expect(problem(flowFile, 'drizzle-orm')).toBe('a flow file imports no package but zod');
  });
});

describe('src/core', () => {
  it('imports nothing of ours outside src/core', () => {
    const core = path.join(SRC, 'core');
    const found = filesUnder(core).flatMap((file) =>
      importsOf(file)
        .filter((target) => path.isAbsolute(target) && !target.startsWith(core))
        .map((target) => `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`),
    );
    expect(found).toEqual([]);
  });
});
