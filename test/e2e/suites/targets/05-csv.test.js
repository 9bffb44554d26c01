// @ts-check
// 5. Export for the office's spreadsheet: govreport.exportTargetsCsv writes every target of the
//    reports the view shows (2024's 4, then 2023's 29) as UTF-8 CSV with a BOM (Excel reads the
//    Chinese), one row per target; parsed back, it says what the view and the CLI say.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { show } = require('../helpers');
const { api, parseCsv, setup } = require('./setup');

const HEADER = [
  '报告年份 year',
  '报告文件 file',
  '章节 section',
  '目标 target',
  '目标原文 clause',
  '数值 value',
  '上限 high',
  '单位 unit',
  '限定词 qualifier',
  '状态 status',
  '完成情况 outcome',
  '完成情况位置 outcome location',
];

describe('targets 5. CSV export', () => {
  /** @type {import('./setup').Context} */
  let ctx;
  /** @type {string} */
  let csvFile;
  /** @type {string[][]} */
  let rows;
  before(async () => {
    ctx = await setup();
    csvFile = path.join(ctx.dir, 'targets-2023.csv');
    fs.rmSync(csvFile, { force: true });
  });
  after(async () => {
    fs.rmSync(csvFile, { force: true });
    await show(ctx.doc);
  });

  it('with a file Uri it writes the file and returns the Uri (no dialog), and says so: `Exported 34 targets to …` [Open]', async () => {
    const before = api().notices.length;
    const uri = await vscode.commands.executeCommand('govreport.exportTargetsCsv', vscode.Uri.file(csvFile));
    assert.ok(uri instanceof vscode.Uri, 'returns a Uri');
    assert.equal(uri.fsPath, csvFile);
    assert.ok(fs.existsSync(csvFile), 'the file exists');
    const total = api().targets.reduce((n, r) => n + r.targets.length, 0);
    assert.deepEqual(api().notices.slice(before), [`Exported ${total} targets to ${path.basename(csvFile)}.`]);
  });

  it('the dialog proposes a name after the reports it holds: `新市区 targets 2023-2024.csv`', () => {
    assert.equal(api().csvFileName, '新市区 targets 2023-2024.csv');
  });

  it('UTF-8 with a BOM, CRLF rows, the header, 34 rows (2024’s 4 targets, then 2023’s 30)', () => {
    const bytes = fs.readFileSync(csvFile);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
    const text = bytes.toString('utf8');
    assert.equal(Buffer.from(text, 'utf8').equals(bytes), true, 'valid UTF-8');
    const [header, ...body] = parseCsv(text.slice(1));
    assert.deepEqual(header, HEADER);
    assert.equal(body.length, 4 + 30);
    assert.ok(
      body.every((r) => r.length === HEADER.length),
      'every row has every column',
    );
    rows = body;
  });

  it('each row = the view’s target (section, label, clause, value, unit, qualifier, status, outcome) and the CLI’s (year, file, label, status, outcome and its line, quantity)', () => {
    const view = api().targets;
    assert.deepEqual(
      view.map((r) => [r.year, r.targets.length]),
      [
        [2024, 4],
        [2023, 30],
      ],
    );
    const items = view.flatMap((r) => r.targets.map((t) => ({ report: r, t })));
    const cli = [...ctx.n1, ...ctx.n];
    for (const [i, { report, t }] of items.entries()) {
      const c = cli[i];
      // Paths relative to the workspace folder, as a spreadsheet shared by the office needs them.
      const outcomeAt = t.outcome ? `${path.basename(vscode.Uri.parse(t.outcome.uri).fsPath)}:${t.outcome.range.start.line + 1}` : '';
      // As the view holds it…
      assert.deepEqual(
        rows[i],
        [
          String(report.year),
          path.basename(vscode.Uri.parse(report.uri).fsPath),
          t.section,
          t.label,
          t.clause,
          String(t.value),
          t.high === undefined ? '' : String(t.high),
          t.unit,
          t.qualifier ?? '',
          t.statusName,
          t.outcome ? t.outcome.text : '',
          outcomeAt,
        ],
        `row ${i + 2}`,
      );
      // …and as the CLI says it.
      const [year, file, , label, clause, value, , unit, qualifier, status, outcome, where] = rows[i];
      assert.deepEqual([+year, file, label, qualifier, status], [c.year, path.basename(c.file), c.label, c.qualifier ?? '', c.status], `row ${i + 2}`);
      assert.ok(clause.replace(/\s+/g, '').includes(c.text.replace(/\s+/g, '')), `row ${i + 2}: the clause “${clause}” holds “${c.text}”`);
      if (c.outcomeFigure !== null) {
        assert.deepEqual([outcome, where], [c.outcome?.text, `xinshi-2024.md:${c.outcomeLine}`], `row ${i + 2}: the outcome`);
      } else {
        assert.deepEqual([outcome, where], ['', ''], `row ${i + 2}: no outcome`);
      }
      // The figure as written, as the CLI gives it: 360 亿元.
      assert.deepEqual([+value, unit], [Array.isArray(c.value) ? c.value[0] : c.value, c.unit], `row ${i + 2}: ${value} ${unit} = ${c.value} ${c.unit}`);
    }
    const statusCol = rows.map((r) => r[9]);
    assert.deepEqual(
      ['met', 'missed', 'unreported', 'pending'].map((s) => statusCol.filter((x) => x === s).length),
      [12, 6, 12, 4],
    );
  });
});
