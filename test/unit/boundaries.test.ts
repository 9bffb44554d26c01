// Layer boundaries and what the product must never do, checked on the source:
// the core imports no vscode, LSP or fs; nothing of ours evaluates code, opens network
// connections or runs processes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/corpus';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2]);

test('the core imports no vscode, no LSP library and no file system', () => {
  const core = sources(join(REPO_ROOT, 'server', 'src', 'core'));
  assert.ok(core.length > 20);
  for (const file of core) {
    for (const spec of imports(file)) {
      assert.ok(spec.startsWith('.') || spec === 'markdown-it', `${relative(REPO_ROOT, file)} imports ${spec}`);
    }
  }
});

test('no eval, no new Function, no network, no child processes in shipped code', () => {
  const shipped = [...sources(join(REPO_ROOT, 'server', 'src')), ...sources(join(REPO_ROOT, 'client', 'src'))];
  for (const file of shipped) {
    const text = readFileSync(file, 'utf8');
    assert.ok(!/\beval\s*\(|new\s+Function\s*\(/.test(text), `${relative(REPO_ROOT, file)} evaluates code`);
    for (const spec of imports(file)) {
      assert.ok(!/^(node:)?(http|https|http2|net|dgram|tls|child_process|worker_threads|vm)$/.test(spec), `${relative(REPO_ROOT, file)} imports ${spec}`);
    }
  }
});

test('the client does no analysis: it reaches into the core only to recognise a report, and shares protocol types', () => {
  for (const file of sources(join(REPO_ROOT, 'client', 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const spec of imports(file).filter((s) => s.includes('server/src'))) {
      if (spec === '../../server/src/protocol') {
        assert.match(text, /import type \{[^}]*\} from '\.\.\/\.\.\/server\/src\/protocol'/, `${relative(REPO_ROOT, file)} imports protocol types only`);
        continue;
      }
      assert.equal(spec, '../../server/src/core/meta', `${relative(REPO_ROOT, file)} imports ${spec}`);
    }
  }
});
