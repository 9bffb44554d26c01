// The server as any LSP client sees it: spawned `node dist/server.js --stdio`, spoken to in
// JSON-RPC. Requires `npm run build` first (the test script does it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { readSample, REPO_ROOT } from '../support/corpus';
import { LspClient } from '../support/lspClient';

/** Year N+1's report, made from the sample by moving it a year on (a realistic edit). */
function nextYearOf(sample: string): string {
  return sample
    .replace('2023年1月13日在新市区第十五届人民代表大会', '2024年1月12日在新市区第十五届人民代表大会')
    .replace('第三次会议上', '第四次会议上')
    .replace('## 2022年工作回顾', '## 2023年工作回顾')
    .replace('## 2023 年主要工作', '## 2024年主要工作');
}

const sample = readSample();
let dir: string;
/** The text in a file outside the workspace (so the server's index does not see it). */
function writeTemp(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'govreport-edit-')), 'xinshi-2023.md');
  writeFileSync(file, text);
  return file;
}
let client: LspClient;
let sampleUri: string;

describe('language server over stdio', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'govreport-ws-'));
    writeFileSync(join(dir, 'xinshi-2023.md'), sample);
    writeFileSync(join(dir, 'xinshi-2024.md'), nextYearOf(sample));
    writeFileSync(join(dir, 'notes.md'), '# 会议纪要\n\n这不是报告。\n');
    writeFileSync(join(dir, 'broken.md'), Buffer.from([0x23, 0x20, 0xe6, 0x94, 0xbf, 0xff, 0xfe, 0x0a, 0xc3, 0x28, 0x0a]));
    writeFileSync(join(dir, 'binary.md'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    sampleUri = pathToFileURL(join(dir, 'xinshi-2023.md')).href;
    client = new LspClient();
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('initialize announces the features', async () => {
    const result = await client.initialize(dir, { locale: 'zh-cn' });
    const caps = result.capabilities;
    assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(caps.documentSymbolProvider.label, 'GovReport');
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.govreport']);
  });

  test('publishes on open the same diagnostics as `govreport check --format json`', async () => {
    client.open(sampleUri, sample, 'markdown', 1);
    const published = await client.diagnostics(sampleUri, 1);
    const cli = JSON.parse(
      execFileSync(
        process.execPath,
        [join(REPO_ROOT, 'dist', 'cli.js'), 'check', join(dir, 'xinshi-2023.md'), join(dir, 'xinshi-2024.md'), '--format', 'json'],
        { encoding: 'utf8' },
      ).toString(),
    ).files[0].diagnostics;
    // Once the workspace is indexed, last/next year's report is known to both.
    const settled = await client.waitDiagnostics(sampleUri, (p) => JSON.stringify(p.diagnostics) === JSON.stringify(cli));
    assert.deepEqual(settled.diagnostics, cli);
    for (const d of published.diagnostics) {
      assert.match(d.source ?? '', /^govreport·(数字|目标|清理)$/);
      assert.equal(typeof d.code, 'string');
    }
  });

  test('documentSymbol: the logical outline with 着力 sections marked, names without # or **', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: sampleUri } });
    assert.equal(symbols.length, 1);
    const [title] = symbols;
    assert.equal(title.name, '政府工作报告');
    assert.equal(title.kind, 1);
    assert.deepEqual(
      title.children.map((p: any) => [p.name, p.kind, p.range.start.line, p.range.end.line]),
      [
        ['2022年工作回顾', 2, 14, 72],
        ['2023年主要工作', 2, 74, 186],
      ],
    );
    const plan = title.children[1];
    assert.deepEqual(
      plan.children.filter((s: any) => s.kind === 5).map((s: any) => [s.name.slice(0, 12), s.detail]),
      [
        ['一、深入学习宣传贯彻党的二十', ''],
        ['二、着力维护社会和谐稳定，持', '着力'],
        ['三、着力构建现代产业体系，坚', '着力'],
        ['四、着力增强科技创新能力，不', '着力'],
        ['五、着力加强现代化城区建设，', '着力'],
        ['六、着力保障和改善民生，在增', '着力'],
        ['七、着力加强政府自身建设，提', '着力'],
      ].map(([n, d]) => [n.slice(0, 12), d]),
    );
    const leadin = plan.children[3].children[0];
    assert.equal(leadin.name, '以更优服务提升营商环境');
    assert.equal(leadin.kind, 8);
    assert.deepEqual(leadin.selectionRange, { start: { line: 96, character: 2 }, end: { line: 96, character: 13 } });
    const all = JSON.stringify(symbols);
    assert.ok(!/[#*]/.test(all.replace(/"kind":\d+/g, '')), 'no Markdown markup in names');
  });

  test('foldingRange: one per part, section and multi-line lead-in', async () => {
    const ranges = await client.request('textDocument/foldingRange', { textDocument: { uri: sampleUri } });
    const has = (s: number, e: number) => ranges.some((r: any) => r.startLine === s && r.endLine === e);
    assert.ok(has(2, 186), 'title');
    assert.ok(has(14, 72), 'part 2022年工作回顾');
    assert.ok(has(74, 186), 'part 2023年主要工作');
    assert.ok(has(18, 28), 'section 一、经济发展取得新成效');
    assert.ok(has(96, 100), 'lead-in split by a page break');
    assert.equal(ranges.length, 24, 'title, 2 parts, 11 sections, 10 lead-ins over several lines');
  });

  test('workspace/symbol: 着力 lists each year’s 着力 sections, with the report’s year in the container', async () => {
    // The index settles after start-up; wait until both years are there.
    let result: any[] = [];
    for (let i = 0; i < 200; i++) {
      result = await client.request('workspace/symbol', { query: '着力' });
      if (new Set(result.map((s) => s.location.uri)).size === 2) break;
      await new Promise((r) => setImmediate(r));
    }
    const sections = result.filter((s) => s.kind === 5 && /^[一二三四五六七]、着力/.test(s.name));
    assert.equal(sections.length, 12, '6 着力 sections in each of the two years');
    const containers = new Set(sections.map((s) => s.containerName.split(' · ')[0]));
    assert.deepEqual([...containers].sort(), ['2023年 新市区', '2024年 新市区']);
    assert.ok(sections.every((s) => / · 20(23|24)年主要工作$/.test(s.containerName)));
    assert.ok(!result.some((s) => s.location.uri.endsWith('notes.md')), 'notes.md is not a report');
  });

  test('hover on a number: its reading, role and the other mentions of its metric', async () => {
    const lines = sample.split('\n');
    const line = lines.findIndex((l) => l.includes('新增高新技术企业 53 家'));
    const character = lines[line].indexOf('53');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: sampleUri }, position: { line, character } });
    assert.deepEqual(hover.range, { start: { line, character }, end: { line, character: character + 4 } });
    assert.equal(hover.contents.kind, 'markdown');
    // The figure first, in house style (the report's converted `53 家` without its stray space).
    assert.match(hover.contents.value, /^\*\*53家\*\* · 高新技术企业 · 2022年实际/);
    assert.ok(hover.contents.value.includes(`[第127行](${sampleUri}#L127)：总数突破260家（2023年目标）`), 'mentions link to their line');
    const title = await client.request('textDocument/hover', { textDocument: { uri: sampleUri }, position: { line: 2, character: 3 } });
    assert.equal(title.contents.value, '年份：2023（据副标题）；政府：新市区（据署名行）', 'the title tells what the report was read as');
    const none = await client.request('textDocument/hover', { textDocument: { uri: sampleUri }, position: { line: 3, character: 0 } });
    assert.equal(none, null, 'no hover on a blank line');
  });

  test('code actions at a finding: its fix, fix-all by the rule’s name, disable on this line, the rule’s page', async () => {
    const lines = sample.split('\n');
    const line = lines.findIndex((l) => l.includes('各位代表!'));
    const character = lines[line].indexOf('!');
    const range = { start: { line, character }, end: { line, character: character + 1 } };
    const diagnostics = (await client.diagnostics(sampleUri)).diagnostics.filter((d: any) => d.range.start.line === line);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri: sampleUri }, range, context: { diagnostics } });
    const punct = (await client.diagnostics(sampleUri)).diagnostics.filter((d: any) => d.code === 'punctuation-width').length;
    assert.deepEqual(
      actions.map((a: any) => [a.title, a.kind]),
      [
        ['改为“！”', 'quickfix'],
        [`修复本文全部${punct}处“中文标点应为全角”问题`, 'quickfix'],
        ['在此行禁用“中文标点应为全角”', 'quickfix'],
        ['查看规则说明：中文标点应为全角', 'quickfix'],
        ['GovReport：修复全部可自动修复的问题', 'source.fixAll.govreport'],
      ],
    );
    // No rule id inside a Chinese label.
    for (const a of actions) assert.doesNotMatch(a.title, /[a-z]+-[a-z]+/, a.title);
    const disable = actions[2];
    const edit = disable.edit.changes[sampleUri];
    assert.deepEqual(edit, [
      {
        range: { start: { line, character: lines[line].length }, end: { line, character: lines[line].length } },
        newText: ' <!-- govreport-disable-line punctuation-width -->',
      },
    ]);
    assert.deepEqual(actions[3].command, { title: '查看规则说明：中文标点应为全角', command: 'govreport.openRuleDoc', arguments: ['punctuation-width'] });
    // Applied, the comment silences that rule on that line only.
    const text = lines.map((l, i) => (i === line ? l + edit[0].newText : l)).join('\n');
    const silenced = JSON.parse(
      execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'check', writeTemp(text), '--format', 'json'], { encoding: 'utf8' }),
    ).files[0].diagnostics;
    assert.deepEqual(
      silenced.filter((d: any) => d.range.start.line === line).map((d: any) => d.code),
      diagnostics.filter((d: any) => d.code !== 'punctuation-width').map((d: any) => d.code),
    );
    assert.equal(
      silenced.filter((d: any) => d.code === 'punctuation-width').length,
      punct - diagnostics.filter((d: any) => d.code === 'punctuation-width').length,
    );
  });

  test('the review checklist is our own output: marked, never linted, linking the report relatively', async () => {
    const checklist: string = await client.request('govreport/checklist', { uri: sampleUri });
    const [marker, title] = checklist.split('\n');
    assert.equal(marker, '<!-- govreport: generated document, not a report -->');
    assert.equal(title, '# 2024年工作回顾核对清单');
    assert.match(checklist, /^> 对照2023年政府工作报告（\[xinshi-2023\.md\]\(xinshi-2023\.md\)）的\d+项目标/m);
    const uri = pathToFileURL(join(dir, 'checklist.md')).href;
    client.open(uri, checklist, 'markdown', 1);
    assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, [], 'no finding on our own text');
    const info = await client.request('govreport/reportInfo', { uri: sampleUri });
    assert.deepEqual(Object.keys(info.targetStatus).sort(), ['met', 'missed', 'pending', 'total', 'unreported', 'year']);
    assert.equal(info.targetStatus.year, 2023);
    assert.equal(info.targetStatus.total, info.targetStatus.met + info.targetStatus.missed + info.targetStatus.unreported + info.targetStatus.pending);
  });

  test('the index follows files on disk: a new report is found, a deleted one forgotten', async () => {
    const file = join(dir, 'xinshi-2025.md');
    writeFileSync(
      file,
      nextYearOf(sample)
        .replace('2024年1月12日', '2025年1月10日')
        .replace('第四次会议上', '第五次会议上')
        .replace('## 2023年工作回顾', '## 2024年工作回顾')
        .replace('## 2024年主要工作', '## 2025年主要工作')
        .replace('二、着力维护社会和谐稳定', '二、着力推进平安新市区建设'),
    );
    const uri = pathToFileURL(file).href;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    const found = await client.request('workspace/symbol', { query: '平安新市区' });
    assert.deepEqual(
      found.map((s: any) => [s.name, s.location.uri, s.containerName]),
      [['二、着力推进平安新市区建设，持之以恒防范化解重大风险', uri, '2025年 新市区 · 2025年主要工作']],
    );
    rmSync(file);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    assert.deepEqual(await client.request('workspace/symbol', { query: '平安新市区' }), []);
  });

  test('an edit that renames a section gives the new outline', async () => {
    const line = sample.split('\n').findIndex((l) => l.includes('二、着力维护社会和谐稳定'));
    const col = sample.split('\n')[line].indexOf('和谐稳定');
    client.change(sampleUri, 2, [{ range: { start: { line, character: col }, end: { line, character: col + 4 } }, text: '安全稳定' }]);
    await client.diagnostics(sampleUri, 2);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: sampleUri } });
    assert.equal(symbols[0].children[1].children[2].name, '二、着力维护社会安全稳定，持之以恒防范化解重大风险');
    const found = await client.request('workspace/symbol', { query: '安全稳定' });
    assert.deepEqual(
      found.map((s: any) => [s.name, s.location.uri]),
      [['二、着力维护社会安全稳定，持之以恒防范化解重大风险', sampleUri]],
    );
  });
});

describe('bad input never takes the server down', () => {
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    await c.initialize();
  });
  after(() => c.shutdown());

  const cases: [string, () => string][] = [
    ['empty file', () => ''],
    ['binary bytes', () => Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('')],
    ['invalid UTF-8 decoded by the client (U+FFFD)', () => '# 政府工作报告\n\n\ufffd\ufffd(\n\n## 2022年工作回顾\n'],
    ['a 10 MB report', () => sample.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(sample)))],
    ['a 1,000,000-character line', () => '# 政府工作报告\n\n' + '经济发展，'.repeat(200_000) + '\n'],
    ['CRLF and a BOM', () => '\ufeff' + sample.replace(/\n/g, '\r\n')],
  ];
  cases.forEach(([name, make], i) => {
    test(name, async () => {
      const uri = `untitled:bad-${i}.md`;
      const text = make();
      c.open(uri, text, 'markdown', 1);
      const d = await c.diagnostics(uri, 1);
      assert.ok(Array.isArray(d.diagnostics));
      const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      const folds = await c.request('textDocument/foldingRange', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols) && Array.isArray(folds));
      if (name === 'CRLF and a BOM') {
        // Same lines and characters as the LF text: the part heading's name starts after "## ".
        const part = symbols[0].children[0];
        assert.equal(part.name, '2022年工作回顾');
        assert.deepEqual(part.selectionRange.start, { line: 14, character: 3 });
        assert.equal(part.range.end.line, 72);
      }
      assert.equal(c.exited, undefined, 'server still running');
    });
  });
});
