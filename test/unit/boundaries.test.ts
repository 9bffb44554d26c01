// Layer boundaries and what the product must never do, checked on the source (every import is
// resolved to a file, type-only imports included):
// - the core reaches nothing outside server/src/core but markdown-it and the settings schema;
// - a core stage imports only stages before it (text → structure → numbers → facts → targets → rules);
// - no import cycle anywhere in shared/, server/src and client/src;
// - the client reaches the server only through shared/; only the adapter knows LSP;
// - nothing of ours evaluates code, opens network connections or runs processes.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { REPO_ROOT } from '../support/corpus';

const CORE = join(REPO_ROOT, 'server', 'src', 'core');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier a file names: imports, re-exports, import types, require(). */
function specifiers(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** The file a relative specifier names, or undefined when none exists. */
function resolveSpec(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * The pipeline's order. A file in a stage may import its own stage and earlier ones; the shared
 * top-level modules (types, messages, settings, caches) sit below every stage; analyze.ts
 * assembles the stages and features/ answer the editor from an analysis.
 * peers.ts is the cross-year data targets/ match against (it carries stated misses, targets/misses.ts).
 */
const RANK: Record<string, number> = {
  base: 0,
  text: 1,
  structure: 2,
  numbers: 3,
  facts: 4,
  targets: 5,
  rules: 6,
  findings: 6,
  'analyze.ts': 7,
  features: 8,
};

/** The shared modules every stage may use. */
const BASE = new Set(['types.ts', 'l10n.ts', 'config.ts', 'lru.ts']);

/** `numbers` for core/numbers/quantities.ts; `base` for core/types.ts; `targets` for core/peers.ts. */
function unitOf(file: string): string {
  const top = relative(CORE, file).split('/')[0];
  if (BASE.has(top)) return 'base';
  return top === 'peers.ts' ? 'targets' : top;
}

test('the core reaches nothing outside server/src/core but markdown-it and the settings schema; every import resolves', () => {
  const core = sources(CORE);
  assert.ok(core.length > 40);
  for (const file of core) {
    for (const spec of specifiers(file)) {
      const where = `${relative(REPO_ROOT, file)} imports ${spec}`;
      if (!spec.startsWith('.')) {
        assert.equal(spec, 'markdown-it', where);
        continue;
      }
      const target = resolveSpec(file, spec);
      assert.ok(target, `${where}: no such file`);
      const inside = !relative(CORE, target).startsWith('..');
      assert.ok(inside || relative(REPO_ROOT, target) === 'schemas/govreport.schema.json', `${where}: outside the core`);
    }
  }
});

test('a core stage imports only itself and the stages before it', () => {
  for (const file of sources(CORE)) {
    const from = unitOf(file);
    assert.ok(from in RANK, `${relative(REPO_ROOT, file)}: ${from} is not a known stage (add it to RANK and to ARCHITECTURE.md)`);
    for (const spec of specifiers(file).filter((s) => s.startsWith('.'))) {
      const target = resolveSpec(file, spec)!;
      if (target.endsWith('.json')) continue;
      const to = unitOf(target);
      if (to === from) continue;
      assert.ok(RANK[to] < RANK[from], `${relative(REPO_ROOT, file)} (${from}) imports ${to}, which is not an earlier stage`);
    }
  }
});

test('no import cycle in shared/, server/src and client/src (type-only imports included)', () => {
  const files = [...sources(join(REPO_ROOT, 'shared')), ...sources(join(REPO_ROOT, 'server', 'src')), ...sources(join(REPO_ROOT, 'client', 'src'))];
  const edges = new Map<string, string[]>();
  for (const f of files) {
    edges.set(
      f,
      specifiers(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => resolveSpec(f, s))
        .filter((t): t is string => !!t && t.endsWith('.ts')),
    );
  }
  // Tarjan's strongly connected components: any component of two or more files is a cycle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(relative(REPO_ROOT, w));
      } while (w !== v);
      if (scc.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(scc.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  assert.deepEqual(cycles, []);
});

test('the client reaches the server only through shared/, and shared/ through nothing of ours', () => {
  for (const file of sources(join(REPO_ROOT, 'client', 'src'))) {
    for (const spec of specifiers(file).filter((s) => s.startsWith('.'))) {
      const target = resolveSpec(file, spec);
      assert.ok(target, `${relative(REPO_ROOT, file)} imports ${spec}: no such file`);
      const rel = relative(REPO_ROOT, target);
      assert.ok(rel.startsWith('client/src/') || rel.startsWith('shared/'), `${relative(REPO_ROOT, file)} imports ${rel}`);
    }
  }
  for (const file of sources(join(REPO_ROOT, 'shared'))) {
    for (const spec of specifiers(file)) {
      assert.ok(
        spec === 'vscode-languageserver-protocol' || (spec.startsWith('./') && resolveSpec(file, spec)),
        `${relative(REPO_ROOT, file)} imports ${spec}`,
      );
    }
  }
});

test('only the adapter knows LSP: no core file names a SymbolKind, DiagnosticSeverity or CodeActionKind', () => {
  for (const file of sources(CORE)) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /\bSymbolKind\b|\bDiagnosticSeverity\b|\bCodeActionKind\b|vscode-languageserver/, `${relative(REPO_ROOT, file)} knows LSP`);
  }
});

test('no eval, no new Function, no network, no child processes in shipped code', () => {
  const shipped = [...sources(join(REPO_ROOT, 'shared')), ...sources(join(REPO_ROOT, 'server', 'src')), ...sources(join(REPO_ROOT, 'client', 'src'))];
  for (const file of shipped) {
    const text = readFileSync(file, 'utf8');
    assert.ok(!/\beval\s*\(|new\s+Function\s*\(/.test(text), `${relative(REPO_ROOT, file)} evaluates code`);
    for (const spec of specifiers(file)) {
      assert.ok(!/^(node:)?(http|https|http2|net|dgram|tls|child_process|worker_threads|vm)$/.test(spec), `${relative(REPO_ROOT, file)} imports ${spec}`);
    }
  }
});
