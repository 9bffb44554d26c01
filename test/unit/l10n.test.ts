// Every string the client shows has its Chinese translation (l10n/bundle.l10n.zh-cn.json, VS Code's
// l10n: the English source string, or `message/comment`, is the key), the bundle holds nothing the
// code no longer says, and the manifest's English and Chinese nls files name the same keys.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/corpus';

const CLIENT = join(REPO_ROOT, 'client', 'src');

/** The l10n keys the client's code uses: `l10n.t('…', …)` and `l10n.t({ message: '…', comment: ['…'] })`. */
function keysInCode(): Set<string> {
  const keys = new Set<string>();
  for (const name of readdirSync(CLIENT).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(join(CLIENT, name), 'utf8');
    for (const m of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'"));
    for (const m of text.matchAll(/l10n\.t\(\s*\{\s*message:\s*'((?:[^'\\]|\\.)*)'[^}]*?comment:\s*\[\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(`${m[1]}/${m[2]}`);
  }
  return keys;
}

test('every client string has a zh-cn translation, and the bundle has no stale entry', () => {
  const bundle = JSON.parse(readFileSync(join(REPO_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const used = keysInCode();
  assert.ok(used.size > 10);
  assert.deepEqual(
    [...used].filter((k) => !(k in bundle)),
    [],
    'untranslated',
  );
  assert.deepEqual(
    Object.keys(bundle).filter((k) => !used.has(k)),
    [],
    'stale',
  );
  for (const [k, v] of Object.entries(bundle)) assert.match(v, /[\u4e00-\u9fff]/, `${k} is not translated`);
});

test('the manifest nls files name the same keys', () => {
  const en = JSON.parse(readFileSync(join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const zh = JSON.parse(readFileSync(join(REPO_ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
});
