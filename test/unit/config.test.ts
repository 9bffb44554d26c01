// Configuration: one schema for `.govreport.json` and the editor settings, validated with
// errors that name the file and the key; merged in one order (defaults ← editor ← file).
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { DEFAULT_CONFIG, mergeConfig, validateConfig } from '../../server/src/core/config';
import { findConfigFile, loadConfigFile } from '../../server/src/configFile';
import { SettingsStore } from '../../server/src/settings';

test('a valid config passes unchanged', () => {
  const raw = {
    $schema: 'x',
    rules: { 'digit-spacing': 'off', 'stray-latin': 'hint' },
    synonyms: [['能耗强度', '单位国内生产总值能耗']],
    latinAllowlist: ['app'],
    maxFileSize: 5000,
    approxRatePoints: 0.3,
    approxRelative: 0.1,
  };
  const { config, problems } = validateConfig(raw);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    rules: { 'digit-spacing': 'off', 'stray-latin': 'hint' },
    synonyms: [['能耗强度', '单位国内生产总值能耗']],
    latinAllowlist: ['app'],
    maxFileSize: 5000,
    approxRatePoints: 0.3,
    approxRelative: 0.1,
  });
});

test('problems name the key; the valid rest is kept', () => {
  const { config, problems } = validateConfig({
    rules: { 'no-such-rule': 'off', 'digit-spacing': 'loud', 'stray-latin': 'off' },
    synonyms: [['只有一个']],
    maxFileSize: 'big',
    colour: 'red',
  });
  assert.deepEqual(problems, [
    { key: 'rules.no-such-rule', message: 'unknown key' },
    { key: 'rules.digit-spacing', message: 'expected one of "off", "hint", "information", "warning", "error", found "loud"' },
    { key: 'synonyms[0]', message: 'needs at least 2 items' },
    { key: 'maxFileSize', message: 'expected integer, found string' },
    { key: 'colour', message: 'unknown key' },
  ]);
  assert.deepEqual(config, { rules: { 'stray-latin': 'off' }, synonyms: [] });
});

test('.govreport.json: the nearest one up the folders is used; errors name the file and the key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-cfg-'));
  try {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ rules: { 'stray-latin': 'off' } }));
    assert.equal(findConfigFile(join(dir, 'a', 'b')), join(dir, '.govreport.json'));
    writeFileSync(join(dir, 'a', '.govreport.json'), '{ "rules": { "stray-latin": 3 } }');
    const loaded = loadConfigFile(findConfigFile(join(dir, 'a', 'b'))!);
    assert.deepEqual(loaded.problems, [
      `${join(dir, 'a', '.govreport.json')}: rules.stray-latin: expected one of "off", "hint", "information", "warning", "error", found 3`,
    ]);
    writeFileSync(join(dir, 'a', '.govreport.json'), '{ rules: }');
    assert.match(
      loadConfigFile(join(dir, 'a', '.govreport.json')).problems[0],
      new RegExp(`^${join(dir, 'a', '.govreport.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the workspace file wins over editor settings, key by key; client-only settings are not errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-cfg-'));
  try {
    writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ rules: { 'digit-spacing': 'error' } }));
    const problems: string[] = [];
    const store = new SettingsStore((p) => problems.push(p));
    store.setEditorSettings({ rules: { 'digit-spacing': 'off', 'stray-latin': 'hint' }, autoDetect: true, trace: { server: 'off' } });
    const cfg = store.configFor(join(dir, 'report.md'));
    assert.deepEqual(cfg.rules, { 'digit-spacing': 'error', 'stray-latin': 'hint' });
    assert.deepEqual(problems, []);
    assert.equal(cfg.maxFileSize, DEFAULT_CONFIG.maxFileSize);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('severity settings change what is reported', () => {
  const text = '# 政府工作报告\n\n## 2022年工作回顾\n\n新增企业 53 家,总数达到 216 家。\n';
  const ids = (rules: Record<string, 'off' | 'hint' | 'information' | 'warning' | 'error'>) =>
    analyze(text, { config: mergeConfig({ rules }) })
      .findings.map((f) => `${f.ruleId}:${f.severity}`)
      .sort();
  assert.deepEqual(ids({}), ['digit-spacing:hint', 'digit-spacing:hint', 'punctuation-width:information']);
  assert.deepEqual(ids({ 'digit-spacing': 'off', 'punctuation-width': 'error' }), ['punctuation-width:error']);
});

test('keys are matched as own keys: __proto__, constructor and toString are unknown, and nothing reaches a prototype', () => {
  const raw = JSON.parse(
    '{"__proto__": {"x": 1}, "constructor": 1, "toString": "a", "rules": {"constructor": "off", "__proto__": "off", "hasOwnProperty": "off", "stray-latin": "off"}}',
  );
  const { config, problems } = validateConfig(raw);
  assert.deepEqual(
    problems.map((p) => p.key),
    ['__proto__', 'constructor', 'toString', 'rules.constructor', 'rules.__proto__', 'rules.hasOwnProperty'],
  );
  assert.deepEqual(config, { rules: { 'stray-latin': 'off' } });
  assert.equal(Object.getPrototypeOf(config), Object.prototype);
  assert.equal(Object.getPrototypeOf(config.rules), Object.prototype);
});

test('a config is merged once: analyze() uses a merged config as it is, and stray-latin builds its allowlist once per list', () => {
  const words = Array.from({ length: 200_000 }, (_, i) => `w${i.toString(36)}x`);
  const merged = mergeConfig({ latinAllowlist: words });
  // The file's list is shared, never copied.
  assert.equal(merged.latinAllowlist, words);
  const text = '# 政府工作报告\n\n## 2022年工作回顾\n\n推进 w1x 和 abc 工作。\n';
  const a = analyze(text, { config: merged });
  assert.equal(a.config, merged);
  assert.deepEqual(
    a.findings.filter((f) => f.ruleId === 'stray-latin').map((f) => text.slice(f.start, f.end)),
    ['abc'],
  );
  // Later analyses pay nothing for the 200,000 words: no merge, no new set.
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) analyze(text, { config: merged });
  const perAnalysis = (performance.now() - t0) / 20;
  const t1 = performance.now();
  for (let i = 0; i < 20; i++) analyze(text, { config: mergeConfig() });
  const plain = (performance.now() - t1) / 20;
  assert.ok(perAnalysis < plain * 3 + 1, `${perAnalysis.toFixed(2)} ms with the list vs ${plain.toFixed(2)} ms without`);
});
