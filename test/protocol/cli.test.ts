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
  assert.deepEqual(lines.slice(0, 5), [
    '新市区 2023年 政府工作报告',
    '年份：2023（据副标题）；政府：新市区（据署名行）',
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
  // The category in `source`, so Problems can be filtered without rule ids; clean-up is information.
  assert.equal(latin.source, 'govreport·清理');
  assert.equal(latin.severity, 3);
  const sources = new Set(json.files[0].diagnostics.map((d: { source: string }) => d.source));
  assert.deepEqual([...sources].sort(), ['govreport·数字', 'govreport·清理']);
  const en = JSON.parse(run(['check', 'examples/xinshi-2023.md', '--format', 'json', '--locale', 'en']).out);
  assert.equal(en.files[0].diagnostics.find((d: { code: string }) => d.code === 'stray-latin').source, 'govreport·cleanup');
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
  // The severity names of VS Code's Chinese UI, in house style.
  assert.equal(r.out.trim().split('\n').pop()!, '1个文件，1个问题（错误1，警告0，信息0，提示0）');
  assert.equal(run(['check', file, '--locale', 'en']).out.trim().split('\n').pop()!, '1 file(s), 1 finding(s) (1 errors, 0 warnings, 0 infos, 0 hints)');
  const sample = run(['check', 'examples/xinshi-2023.md']).out.split('\n');
  assert.ok(
    sample.some((l) => / 提示 数字与汉字之间不空格/.test(l)),
    'digit-spacing is a hint: 提示',
  );
  assert.ok(
    sample.some((l) => / 信息 .*\[punctuation-width\]$/.test(l)),
    'clean-up is information: 信息',
  );
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
  assert.equal(latin.level, 'note');
  assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'stray-latin'));
});

test('exit status 2 with one line naming the file or the problem', () => {
  const missing = run(['check', 'no/such/file.md']);
  assert.equal(missing.code, 2);
  assert.equal(missing.err, 'govreport: no/such/file.md：无法读取（文件不存在）\n');
  assert.equal(run(['check', 'no/such/file.md', '--locale', 'en']).err, 'govreport: no/such/file.md: cannot read (no such file)\n');
  assert.equal(run(['check', 'examples', '--locale', 'en']).err, 'govreport: examples: cannot read (is a directory)\n');
  const usage = run(['frobnicate']);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /^govreport: 未知命令 frobnicate（可用：outline、check、targets）\n用法：/);
  assert.match(run(['frobnicate', '--locale', 'en']).err, /^govreport: unknown command frobnicate \(one of outline, check, targets\)\nusage:/);
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

test('--help, -h and --version answer on stdout with status 0; an unknown locale is an error, not silently Chinese', () => {
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.equal(help.err, '');
  assert.match(help.out, /^用法：\n {2}govreport outline 文件 \[--format text\|json\]\n/);
  assert.match(help.out, /退出状态：0 无错误级问题；1 有错误级问题；2 用法错误或文件无法读取；3 --fix 无法写回文件。/);
  assert.equal(run(['-h']).out, help.out);
  assert.equal(run(['check', '-h']).out, help.out, 'help after a command too');
  const en = run(['--help', '--locale', 'en']);
  assert.equal(en.code, 0);
  assert.match(en.out, /^usage:\n {2}govreport outline FILE \[--format text\|json\]\n/);
  const version = run(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.out, `govreport ${JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version}\n`);
  const fr = run(['check', SAMPLE_PATH, '--locale', 'fr']);
  assert.equal(fr.code, 2);
  assert.match(fr.err, /^govreport: --locale 只能是 zh 或 en，不是“fr”\n用法：/);
  const env = spawnSync(process.execPath, [CLI, 'check', SAMPLE_PATH], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, GOVREPORT_LOCALE: 'de' } });
  assert.equal(env.status, 2);
  assert.match(env.stderr, /^govreport: GOVREPORT_LOCALE 只能是 zh 或 en，不是“de”/);
  assert.equal(run(['check', SAMPLE_PATH, '--locale', 'en-US', '--format', 'json']).code, 0, 'a region tag is fine');
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
  // What it did, as the editor's Fix All says it: on stderr beside JSON, after the report in text.
  assert.equal(r.err, `${file}：已修复103处，剩余${left.length}处需人工核对\n`);
  const again = run(['check', '--fix', file, '--locale', 'en']);
  assert.equal(again.out.trim().split('\n').pop(), `${file}: nothing to fix automatically, ${left.length} left to check by hand`);
});

test('a file that is not valid UTF-8 is reported and never rewritten', () => {
  const file = join(dir, 'bad.md');
  const bytes = Buffer.concat([Buffer.from('# 政府工作报告\n\n## 2022年工作回顾\n\n新增企业 53 家'), Buffer.from([0xff, 0xfe]), Buffer.from('。\n')]);
  writeFileSync(file, bytes);
  const r = run(['check', '--fix', file]);
  assert.equal(r.err, `govreport: ${file}：不是有效的 UTF-8，无效字节按 U+FFFD 读取，文件未改动\n`);
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
  assert.equal(r.err, `govreport: ${locked}：无法写入修复（read-only），文件未改动\n`);
  assert.equal(readFileSync(locked, 'utf8'), text);
  assert.equal(readFileSync(open, 'utf8'), '# 政府工作报告\n\n## 2022年工作回顾\n\n新增企业53家，完成投资3500万元。\n');
  assert.equal(statSync(open).mode & 0o777, 0o640, 'the mode is kept');
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
    'no temporary file left',
  );
});
