// The workspace walk and the reads behind it trust nothing the file system says: FIFOs never
// block, links to devices are never read, loops end, links out of the workspace are not followed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { walkMarkdownFiles } from '../../server/src/walk';
import { NotReadable, readRegularText } from '../../server/src/io';
import { SettingsStore } from '../../server/src/settings';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { mergeConfig } from '../../server/src/core/config';

const REPORT = '# 2023年新市区政府工作报告\n\n——2023年1月13日在新市区第十五届人民代表大会第三次会议上\n\n各位代表：\n\n## 2022年工作回顾\n\n增长5%。\n';

let top: string;
let ws: string;
before(() => {
  top = realpathSync(mkdtempSync(join(tmpdir(), 'govreport-walk-')));
  ws = join(top, 'ws');
  mkdirSync(join(ws, 'a', 'b'), { recursive: true });
  writeFileSync(join(ws, 'a', '2023.md'), REPORT);
  writeFileSync(join(ws, 'a', 'b', '2024.md'), REPORT.replace(/2023/g, '2024').replace('2022', '2023'));
  execFileSync('mkfifo', [join(ws, 'fifo.md')]);
  execFileSync('mkfifo', [join(ws, 'a', 'b', 'pipe.markdown')]);
  symlinkSync('/dev/zero', join(ws, 'zero.md'));
  symlinkSync('.', join(ws, 'self1'));
  symlinkSync('..', join(ws, 'a', 'up'));
  symlinkSync(join(ws, 'a'), join(ws, 'a', 'b', 'loop'));
  symlinkSync(join(ws, 'a', '2023.md'), join(ws, 'alias.md'));
  // Outside the workspace: a report a link points at, which must not be indexed.
  writeFileSync(join(top, 'outside.md'), REPORT);
  symlinkSync(join(top, 'outside.md'), join(ws, 'outside-link.md'));
  symlinkSync(top, join(ws, 'parent-link'));
  symlinkSync('/', join(ws, 'root-link'));
});
after(() => rmSync(top, { recursive: true, force: true }));

test('the walk finds each regular report once, by its real path, and nothing outside the workspace', async () => {
  const r = await walkMarkdownFiles([ws]);
  assert.deepEqual(r.files, [join(ws, 'a', '2023.md'), join(ws, 'a', 'b', '2024.md')]);
  assert.equal(r.truncated, undefined);
  // Two folders and a handful of links: the loops were not walked round.
  assert.ok(r.entries < 30, `${r.entries} entries`);
});

test('the walk stops at its bounds and says so; progress is reported', async () => {
  const seen: number[] = [];
  const r = await walkMarkdownFiles([ws], { maxFiles: 1 });
  assert.equal(r.truncated, 'files');
  assert.equal(r.files.length, 1);
  const e = await walkMarkdownFiles([ws], { maxEntries: 3, onProgress: (s) => seen.push(s.entries), progressEvery: 1 });
  assert.equal(e.truncated, 'entries');
  assert.deepEqual(seen, [1, 2, 3, 3]);
});

test('a FIFO or a device is refused before a byte is read, and a large file before it is loaded', () => {
  assert.throws(
    () => readRegularText(join(ws, 'fifo.md'), 1000),
    (e) => e instanceof NotReadable && /not a regular file/.test(e.message),
  );
  assert.throws(
    () => readRegularText(join(ws, 'zero.md'), 1000),
    (e) => e instanceof NotReadable && /not a regular file/.test(e.message),
  );
  assert.throws(
    () => readRegularText(join(ws, 'a', '2023.md'), 10),
    (e) => e instanceof NotReadable && /more than 10/.test(e.message),
  );
  assert.equal(readRegularText(join(ws, 'a', '2023.md'), 10_000).text, REPORT);
});

test('indexFile on a FIFO or a link to /dev/zero returns at once and indexes nothing', () => {
  const logs: string[] = [];
  const index = new WorkspaceIndex(
    () => mergeConfig(),
    () => 'zh',
    (m) => logs.push(m),
  );
  assert.equal(index.indexFile(join(ws, 'fifo.md')), false);
  assert.equal(index.indexFile(join(ws, 'zero.md')), false);
  assert.equal(index.indexFile(join(ws, 'a', '2023.md')), true);
  assert.equal(index.entries.size, 1);
});

test('a FIFO .govreport.json in the workspace is reported, not waited on; one above the workspace is not read at all', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'govreport-fifo-cfg-')));
  try {
    const inner = join(dir, 'ws', 'reports');
    mkdirSync(inner, { recursive: true });
    execFileSync('mkfifo', [join(dir, '.govreport.json')]);
    const problems: string[] = [];
    const notices: string[] = [];
    const store = new SettingsStore(
      (p) => problems.push(p),
      (n) => notices.push(n),
    );
    store.setWorkspaceFolders([join(dir, 'ws')]);
    assert.deepEqual(store.configFor(join(inner, 'r.md')).rules, {});
    assert.deepEqual(problems, []);
    assert.deepEqual(store.sourceOf(join(inner, 'r.md')), { file: undefined, ignored: join(dir, '.govreport.json') });
    assert.equal(notices.length, 1);
    execFileSync('mkfifo', [join(dir, 'ws', '.govreport.json')]);
    store.invalidateFiles();
    store.configFor(join(inner, 'r.md'));
    assert.deepEqual(problems, [`${join(dir, 'ws', '.govreport.json')}: cannot read (${join(dir, 'ws', '.govreport.json')}: not a regular file)`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
