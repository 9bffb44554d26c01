// An archive of one government (every report since 1954, or many drafts): a keystroke needs only
// last year's and next year's report, one each, kept compact and cached, whatever the archive's size.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { mergeConfig } from '../../server/src/core/config';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';

const report = (year: number, draft = '') =>
  `# 政府工作报告${draft}\n\n——${year}年1月13日在新市区第十五届人民代表大会第三次会议上\n\n新市区人民政府区长 张三\n\n各位代表：\n\n## ${year - 1}年工作回顾\n\n全年城镇新增就业2.7万人。\n\n## ${year}年主要工作\n\n城镇新增就业2.5万人。\n`;

let dir: string;
const sizes = [16, 48, 200];
before(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'govreport-archive-')));
  for (const n of sizes) {
    mkdirSync(join(dir, `${n}`));
    // n reports of one government: years from 1954 on, and beyond 72 years more drafts of the same years.
    for (let i = 0; i < n; i++) {
      writeFileSync(join(dir, `${n}`, `r-${String(i).padStart(4, '0')}.md`), report(1954 + (i % 72), i >= 72 ? '（征求意见稿）' : ''));
    }
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const n of sizes) {
  // The report in the middle of the years: 1962 of 16, 1990 of 48 and 200.
  const mid = Math.min(36, n / 2);
  const year = 1954 + mid;
  const name = (i: number) => `r-${String(i).padStart(4, '0')}.md`;
  test(`${n} reports of one government: the ${year} report's peers are ${year - 1}'s and ${year + 1}'s, one each, read once`, () => {
    const logs: string[] = [];
    const index = new WorkspaceIndex(
      () => mergeConfig(),
      () => 'zh',
      (m) => logs.push(m),
    );
    for (let i = 0; i < n; i++) assert.equal(index.indexFile(join(dir, `${n}`, `r-${String(i).padStart(4, '0')}.md`)), true);
    const self = pathToFileURL(join(dir, `${n}`, name(mid))).href;
    const meta = index.entries.get(self)!.meta;
    assert.equal(meta.year, year);
    const peers = index.peersFor(self, meta);
    assert.deepEqual(peers.map((p) => p.meta.year).sort(), [year - 1, year + 1]);
    // The first of each year (by name), the final report rather than a later draft of it.
    assert.deepEqual(peers.map((p) => p.uri.split('/').pop()).sort(), [name(mid - 1), name(mid + 1)]);
    // Cached: a second keystroke reads nothing from disk (the files may even be gone).
    unlinkSync(join(dir, `${n}`, name(mid - 1)));
    writeFileSync(join(dir, `${n}`, name(mid - 1)), report(year - 1));
    assert.equal(index.peersFor(self, meta)[0], peers[0]);
    assert.deepEqual(logs, []);
    // Re-checked after an edit: only the adjacent years' reports (drafts included).
    const years = index.dependentsOf(self, meta).map((u) => index.entries.get(u)!.meta.year);
    assert.deepEqual([...new Set(years)].sort(), [year - 1, year + 1]);
    assert.equal(years.length, Array.from({ length: n }, (_, i) => 1954 + (i % 72)).filter((y) => Math.abs(y - year) === 1).length);
  });
}

test('workspace/symbol lists every match, best first: the exact name, then a name it starts, then one it is inside', () => {
  const index = new WorkspaceIndex(
    () => mergeConfig(),
    () => 'zh',
    () => undefined,
  );
  for (let i = 0; i < 200; i++) index.indexFile(join(dir, '200', `r-${String(i).padStart(4, '0')}.md`));
  // 200 titles, 400 parts: more than the 500 the search once stopped at.
  assert.equal(index.search('').length, 600);
  const titles = index.search('政府工作报告');
  assert.equal(titles.length, 200);
  // 72 final reports named exactly 政府工作报告, then the 128 drafts 政府工作报告（征求意见稿）.
  assert.deepEqual([...new Set(titles.map((t) => t.entry.symbols.name(t.index)))], ['政府工作报告', '政府工作报告（征求意见稿）']);
  assert.equal(
    titles.findIndex((t) => t.entry.symbols.name(t.index) !== '政府工作报告'),
    72,
  );
  const parts = index.search('年工作回顾').map((t) => t.entry.symbols.name(t.index));
  assert.equal(parts.length, 200);
  assert.ok(parts.every((n) => /^\d{4}年工作回顾$/.test(n)));
});
