// The CLI as users run it: `node dist/cli.js …` (built by `npm run build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT, SAMPLE_PATH } from '../support/corpus';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const run = (args: string[], cwd = REPO_ROOT) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GOVREPORT_LOCALE: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'govreport-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('outline prints the logical tree', () => {
  const r = run(['outline', 'examples/xinshi-2023.md']);
  assert.equal(r.code, 0);
  const lines = r.out.split('\n');
  assert.deepEqual(lines.slice(0, 4), [
    '新市区 2023年 政府工作报告',
    '政府工作报告  [标题]  第3–187行',
    '  2022年工作回顾  [部分 · 2022]  第15–73行',
    '    一、经济发展取得新成效  [章节]  第19–29行',
  ]);
  assert.ok(lines.includes('    二、着力维护社会和谐稳定，持之以恒防范化解重大风险  [章节 · 着力]  第89–91行'));
  const json = JSON.parse(run(['outline', 'examples/xinshi-2023.md', '--format', 'json']).out);
  assert.equal(json[0].name, '政府工作报告');
  assert.deepEqual(
    json[0].children.map((c: { name: string }) => c.name),
    ['2022年工作回顾', '2023年主要工作'],
  );
});

test('check --format json: exactly {files:[{path, diagnostics}]}, LSP diagnostics with rule ids', () => {
  const r = run(['check', 'examples/xinshi-2023.md', '--format', 'json']);
  assert.equal(r.code, 0, 'no error-level finding in the sample');
  const json = JSON.parse(r.out);
  assert.deepEqual(Object.keys(json), ['files']);
  assert.equal(json.files.length, 1);
  assert.deepEqual(Object.keys(json.files[0]), ['path', 'diagnostics']);
  assert.equal(json.files[0].path, 'examples/xinshi-2023.md');
  const latin = json.files[0].diagnostics.find((d: { code: string }) => d.code === 'stray-latin');
  assert.deepEqual(latin.range, { start: { line: 16, character: 105 }, end: { line: 16, character: 108 } });
  assert.equal(latin.source, 'govreport');
  assert.equal(latin.severity, 2);
  assert.match(latin.codeDescription.href, /^file:\/\/.*\/docs\/rules\/stray-latin\.md$/);
  for (const d of json.files[0].diagnostics) {
    assert.deepEqual(
      Object.keys(d).filter((k) => !['codeDescription', 'relatedInformation'].includes(k)),
      ['range', 'severity', 'code', 'source', 'message'],
    );
  }
});

test('check text output and exit status 1 on an error-level finding', () => {
  const file = join(dir, 'rate.md');
  writeFileSync(file, '# 政府工作报告\n\n## 2022年工作回顾\n\n城镇生活垃圾无害化处理率达到120%。\n');
  const r = run(['check', file]);
  assert.equal(r.code, 1);
  assert.match(r.out, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+: 错误 .*\\[rate-range\\]$`, 'm'));
  assert.match(r.out.trim().split('\n').pop()!, /^1 个文件，1 个问题（1 个错误，0 个警告，0 个提示）$/);
  assert.match(run(['check', file, '--locale', 'en']).out.trim().split('\n').pop()!, /^1 file\(s\), 1 finding\(s\) \(1 errors, 0 warnings, 0 infos\)$/);
});

test('check --format sarif: SARIF 2.1.0 with UTF-16 columns', () => {
  const r = run(['check', 'examples/xinshi-2023.md', '--format', 'sarif']);
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'govreport');
  assert.equal(run0.columnKind, 'utf16CodeUnits');
  const latin = run0.results.find((x: { ruleId: string }) => x.ruleId === 'stray-latin');
  assert.deepEqual(latin.locations[0].physicalLocation.region, { startLine: 17, startColumn: 106, endLine: 17, endColumn: 109 });
  assert.equal(latin.level, 'warning');
  assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'stray-latin'));
});

test('exit status 2 with one line naming the file or the problem', () => {
  const missing = run(['check', 'no/such/file.md']);
  assert.equal(missing.code, 2);
  assert.equal(missing.err, 'govreport: no/such/file.md: cannot read (no such file)\n');
  assert.equal(run(['check', 'examples']).err, 'govreport: examples: cannot read (is a directory)\n');
  const usage = run(['frobnicate']);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /^govreport: unknown command frobnicate\nusage:/);
  assert.equal(run(['check', SAMPLE_PATH, '--format', 'xml']).code, 2);
  assert.equal(run(['check']).code, 2);
  const cfgDir = mkdtempSync(join(dir, 'cfg-'));
  writeFileSync(join(cfgDir, '.govreport.json'), '{"rules": {"digit-spacing": "loud"}}');
  copyFileSync(SAMPLE_PATH, join(cfgDir, 'r.md'));
  const bad = run(['check', join(cfgDir, 'r.md')]);
  assert.equal(bad.code, 2);
  assert.equal(
    bad.err,
    `govreport: ${join(cfgDir, '.govreport.json')}: rules.digit-spacing: expected one of "off", "hint", "information", "warning", "error", found "loud"\n`,
  );
});

test('.govreport.json is read by the CLI as by the editor', () => {
  const cfgDir = mkdtempSync(join(dir, 'cfg-'));
  writeFileSync(join(cfgDir, '.govreport.json'), '{"rules": {"digit-spacing": "off", "stray-latin": "error"}}');
  copyFileSync(SAMPLE_PATH, join(cfgDir, 'r.md'));
  const r = run(['check', join(cfgDir, 'r.md'), '--format', 'json']);
  assert.equal(r.code, 1, 'stray-latin is an error now');
  const codes = JSON.parse(r.out).files[0].diagnostics.map((d: { code: string }) => d.code);
  assert.ok(!codes.includes('digit-spacing'));
  assert.ok(codes.includes('stray-latin'));
});

test('check --fix rewrites in place, keeping BOM and CRLF; only unfixable findings remain', () => {
  const file = join(dir, 'fix.md');
  const original = '\ufeff' + readFileSync(SAMPLE_PATH, 'utf8').replace(/\n/g, '\r\n');
  writeFileSync(file, original);
  const r = run(['check', '--fix', file, '--format', 'json']);
  assert.equal(r.code, 0);
  const after = readFileSync(file, 'utf8');
  assert.ok(after.startsWith('\ufeff# 政府工作报告') || after.startsWith('\ufeff\r\n'), 'BOM kept');
  assert.ok(!/[^\r]\n/.test(after), 'CRLF kept');
  assert.notEqual(after, original);
  const left = JSON.parse(r.out).files[0].diagnostics.map((d: { code: string }) => d.code);
  assert.ok(left.includes('stray-latin'));
  for (const fixed of ['broken-paragraph', 'heading-level', 'punctuation-width', 'digit-spacing']) assert.ok(!left.includes(fixed), `${fixed} fixed`);
  assert.ok(after.includes('签订战略合作协议'));
});

test('a file that is not valid UTF-8 is reported and never rewritten', () => {
  const file = join(dir, 'bad.md');
  const bytes = Buffer.concat([Buffer.from('# 政府工作报告\n\n## 2022年工作回顾\n\n新增企业 53 家'), Buffer.from([0xff, 0xfe]), Buffer.from('。\n')]);
  writeFileSync(file, bytes);
  const r = run(['check', '--fix', file]);
  assert.equal(r.err, `govreport: ${file}: not valid UTF-8; invalid bytes read as U+FFFD, file left unchanged\n`);
  assert.deepEqual(readFileSync(file), bytes);
  assert.match(r.out, /\[digit-spacing\]/);
});

test('check --fix on a read-only file names it, leaves it, fixes the files after it, and exits 3', () => {
  const locked = join(dir, 'locked.md');
  const open = join(dir, 'open.md');
  const text = '# 政府工作报告\n\n## 2022年工作回顾\n\n新增企业 53 家，完成投资3千5百万元。\n';
  writeFileSync(locked, text);
  chmodSync(locked, 0o444);
  writeFileSync(open, text);
  chmodSync(open, 0o640);
  const r = run(['check', '--fix', locked, open]);
  assert.equal(r.code, 3);
  assert.equal(r.err, `govreport: ${locked}: cannot write the fixes (read-only); file left unchanged\n`);
  assert.equal(readFileSync(locked, 'utf8'), text);
  assert.equal(readFileSync(open, 'utf8'), '# 政府工作报告\n\n## 2022年工作回顾\n\n新增企业53家，完成投资3500万元。\n');
  assert.equal(statSync(open).mode & 0o777, 0o640, 'the mode is kept');
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
    'no temporary file left',
  );
});
