// The clean-up rules on the sample report's real PDF-conversion artifacts: every finding at its
// exact place, each quick fix on its own, and fix-all to a fixed point with a diff check.
// Places read `line:column-line:column`, both 1-based as an editor shows them (columns count
// UTF-16 code units), then the finding's source text and the fix's replacement text(s).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { applyEdits, fixAllEdits } from '../../server/src/core/findings/fixes';
import { ALL_RULES } from '../../server/src/core/rules/index';
import type { Finding, TextEdit } from '../../server/src/core/types';
import { readSample } from '../support/corpus';
import { renderOutline } from '../support/render';

// The clean-up rules: structure and typography.
const RULES = ALL_RULES.filter((r) => r.category === 'structure' || r.category === 'typography');

function run(text: string): Analysis {
  return analyze(text, { rules: RULES, fileName: 'xinshi-2023.md' });
}

function place(a: Analysis, f: Finding): string {
  const r = f.range;
  const where = `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
  const fix = f.fix ? ` → ${JSON.stringify(f.fix.edits.map((e) => e.newText).join('|'))}` : '';
  return `${where} ${JSON.stringify(a.text.slice(f.start, f.end))}${fix}`;
}

function places(a: Analysis, rule: string): string[] {
  return a.findings.filter((f) => f.ruleId === rule).map((f) => place(a, f));
}

const sample = readSample();
const before = run(sample);

test('sample: the 13 page-break joins, including the subtitle split at lines 5/7', () => {
  // Line 5/7 is the subtitle's date line broken in two (`…人民代表大会⏎⏎第三次会议上`): one
  // phrase in two paragraphs, so it is reported and joined like the page breaks in the body.
  assert.deepEqual(places(before, 'broken-paragraph'), [
    '5:24-7:2 "会\\n\\n第" → ""',
    '21:86-23:2 "签\\n\\n订" → ""',
    '53:30-55:2 "2\\n\\n所" → ""',
    '63:197-67:2 "风\\n\\n\\n\\n持" → ""',
    '85:54-87:2 "，\\n\\n集" → ""',
    '97:198-101:2 "集\\n\\n\\n\\n成" → ""',
    '107:86-109:2 "消\\n\\n费" → ""',
    '111:58-113:2 "快\\n\\n推" → ""',
    '117:66-119:2 "菜\\n\\n6" → ""',
    '129:31-133:2 "，\\n\\n\\n\\n以" → ""',
    '139:145-143:2 "点\\n\\n\\n\\n领" → ""',
    '151:351-153:2 "，\\n\\n实" → ""',
    '163:92-165:2 "0\\n\\n个" → ""',
  ]);
  const first = before.findings.find((f) => f.ruleId === 'broken-paragraph')!;
  assert.equal(first.severity, 'information');
  assert.equal(first.message, '句子被空行断开（PDF 分页残留）：“…五届人民代表大会”与“第三次会议上”应接排为一段');
});

test('sample: the 一、 sections at ##/###/#### become ### under the ## parts, keeping ** wrappers', () => {
  assert.deepEqual(places(before, 'heading-level'), [
    '31:1-31:16 "## 二、发展动力活力不断增强" → "###"',
    '41:1-41:16 "## 三、城区功能品质持续优化" → "###"',
    '49:1-49:21 "#### **四、群众获得感更加充实**" → "###"',
    '89:1-89:33 "## **二、着力维护社会和谐稳定，持之以恒防范化解重大风险**" → "###"',
    '93:1-93:34 "## **三、着力构建现代产业体系，坚定不移推动经济高质量发展**" → "###"',
    '123:1-123:35 "#### **四、着力增强科技创新能力，不断塑造发展新动能新优势**" → "###"',
    '145:1-145:30 "## **五、着力加强现代化城区建设，用心打造品质城区**" → "###"',
    '157:1-157:42 "## **六、着力保障和改善民生，在增进民生福祉中实现各族群众对美好生活的向往**" → "###"',
    '173:1-173:32 "## **七、着力加强政府自身建设，提升政府履职能力和水平**" → "###"',
  ]);
  const msgs = before.findings.filter((f) => f.ruleId === 'heading-level').map((f) => f.message);
  assert.equal(msgs[0], '“二、发展动力活力不断增强”是2级标题（##），不低于所属的“2022年工作回顾”（##），应为3级（###）');
  assert.equal(msgs[2], '“四、群众获得感更加充实”是4级标题（####），同级标题多为3级（###）');
  // The fix touches the `#` run only: the heading's text and its ** stay as they are.
  for (const f of before.findings.filter((x) => x.ruleId === 'heading-level')) {
    assert.match(sample.slice(f.fix!.edits[0].start, f.fix!.edits[0].end), /^#{2,4}$/);
  }
});

test('sample: the half-width , ; ! of the two 各位代表 paragraphs (lines 69 and 71), nothing else', () => {
  const p = places(before, 'punctuation-width');
  assert.equal(p.length, 31);
  assert.deepEqual(p.slice(0, 6), [
    '69:7-69:8 "!" → "！"',
    '69:15-69:16 "," → "，"',
    '69:35-69:36 "," → "，"',
    '69:76-69:77 "," → "，"',
    '69:102-69:103 "," → "，"',
    '69:120-69:121 ";" → "；"',
  ]);
  // Every half-width mark of the report is on those two lines, and each is reported once.
  const lines = sample.split('\n');
  const expected: string[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/[,;:?!()]/g)) expected.push(`${i + 1}:${m.index! + 1}`);
  });
  assert.deepEqual(
    p.map((s) => s.split('-')[0]),
    expected,
  );
  assert.deepEqual([...new Set(expected.map((e) => e.split(':')[0]))], ['69', '71']);
  assert.equal(before.findings.find((f) => f.ruleId === 'punctuation-width')!.message, '半角叹号“!”应为全角“！”');
});

test('sample: the stray `and` in line 17 is the only stray Latin word (IT, KL, 1+3+N pass)', () => {
  assert.deepEqual(places(before, 'stray-latin'), ['17:106-17:109 "and"']);
  assert.equal(before.findings.find((f) => f.ruleId === 'stray-latin')!.message, '中文语句中夹有英文单词“and”，不是缩写或专名，可能是转换残留');
});

test('sample: 50 numbers with PDF spaces (`53 家` beside `24个`), none glued to Latin (3088 街区 is, KL 星品汇 is not)', () => {
  const p = places(before, 'digit-spacing');
  assert.deepEqual(p, [
    '23:33-23:38 "长 10%" → ""',
    '23:97-23:99 " 家" → ""',
    '23:111-23:113 " 家" → ""',
    '25:16-25:18 " 家" → ""',
    '25:44-25:46 " 家" → ""',
    '25:97-25:105 "额 1000 余" → "|"',
    '25:157-25:165 "至 6800 余" → "|"',
    '25:204-25:210 "等 50 项" → "|"',
    '25:221-25:226 "造 5 条" → "|"',
    '25:240-25:247 "客 589 万" → "|"',
    '27:31-27:39 "物 8786 亩" → "|"',
    '27:54-27:60 "目 10 个" → "|"',
    '27:68-27:75 "田 1.1 万" → "|"',
    '29:110-29:116 "等 98 个" → "|"',
    '33:66-33:73 "到 97.3%" → ""',
    '33:83-33:88 "到 30%" → ""',
    '33:153-33:155 " 家" → ""',
    '35:43-35:45 " 家" → ""',
    '35:64-35:66 " 家" → ""',
    '35:90-35:96 "业 53 家" → "|"',
    '35:100-35:107 "到 216 家" → "|"',
    '37:49-37:56 "达 117 亿" → "|"',
    '37:78-37:84 "目 88 个" → "|"',
    '37:92-37:99 "金 359 亿" → "|"',
    '39:26-39:32 "境 87 条" → "|"',
    '39:44-39:50 "施 65 项" → "|"',
    '39:81-39:86 "至 2 个" → "|"',
    '39:130-39:137 "体 1.1 万" → "|"',
    '75:8-75:10 " 年" → ""',
    '77:5-77:7 " 年" → ""',
    '79:7-79:9 " 年" → ""',
    '109:119-109:124 "优 5 条" → "|"',
    '109:197-109:205 "科 3088 街" → "|"',
    '109:338-109:343 "构 3 家" → "|"',
    '109:411-109:416 "资 2 亿" → "|"',
    '113:9-113:15 "产 20 万" → "|"',
    '117:40-117:48 "田 3500 亩" → "|"',
    '117:56-117:64 "物 7500 亩" → "|"',
    '133:130-133:136 "于 20 项" → "|"',
    '133:169-133:174 "破 5 亿" → "|"',
    '133:179-133:184 "长 35%" → ""',
    '135:68-135:75 "破 100 家" → "|"',
    '155:180-155:185 "园 5 个" → "|"',
    '161:48-161:55 "业 2.5 万" → "|"',
    '161:83-161:89 "区 10 个" → "|"',
    '163:52-163:57 "快 5 所" → "|"',
    '163:72-163:77 "学 3 所" → "|"',
    // `学位 6600⏎⏎个`: the join (broken-paragraph) removes the blank lines, this the space.
    '163:87-163:93 "位 6600" → ""',
    '165:8-165:16 "位 1470 个" → "|"',
    '167:128-167:134 "造 10 个" → "|"',
  ]);
  assert.equal(before.findings.find((f) => f.ruleId === 'digit-spacing')!.message, '数字与汉字之间不空格：“长 10%”应为“长10%”');
  // A hint: 50 of them would drown the number and target findings in Problems (which lists no hints).
  assert.equal(before.findings.find((f) => f.ruleId === 'digit-spacing')!.severity, 'hint');
});

test('sample: numbering, sequence and pairs are right, so those rules stay quiet', () => {
  const counts: Record<string, number> = {};
  for (const f of before.findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  assert.deepEqual(counts, { 'broken-paragraph': 13, 'stray-latin': 1, 'digit-spacing': 50, 'heading-level': 9, 'punctuation-width': 31 });
});

test('sample: each quick fix alone removes exactly its own finding and nothing else changes', () => {
  const count = (a: Analysis) => {
    const c: Record<string, number> = {};
    for (const f of a.findings) c[f.ruleId] = (c[f.ruleId] ?? 0) + 1;
    return c;
  };
  const base = count(before);
  const fixable = before.findings.filter((f) => f.fix);
  assert.equal(fixable.length, 103);
  for (const f of fixable) {
    const after = run(applyEdits(sample, f.fix!.edits));
    const expected = { ...base, [f.ruleId]: base[f.ruleId] - 1 };
    if (expected[f.ruleId] === 0) delete expected[f.ruleId];
    assert.deepEqual(count(after), expected, `fix of ${f.ruleId} at ${place(before, f)}`);
  }
});

/** Fix-all to a fixed point; returns the text, the passes and every applied edit mapped back to the original. */
function fixAll(text: string): { text: string; passes: number; spans: TextEdit[] } {
  const history: TextEdit[][] = [];
  let passes = 0;
  for (; passes < 10; passes++) {
    const edits = fixAllEdits(run(text).findings.filter((f) => f.fix));
    if (edits.length === 0) break;
    history.push(edits);
    text = applyEdits(text, edits);
  }
  // An edit of a later pass is mapped back through the earlier passes; a position inside text
  // an earlier edit inserted widens to that edit's whole span.
  const spans: TextEdit[] = [];
  history.forEach((edits, k) => {
    for (const e of edits) {
      let start = e.start;
      let end = e.end;
      for (let j = k - 1; j >= 0; j--) {
        start = mapBack(start, history[j], 'start');
        end = mapBack(end, history[j], 'end');
      }
      spans.push({ start, end, newText: e.newText });
    }
  });
  return { text, passes, spans };
}

function mapBack(pos: number, edits: TextEdit[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of edits) {
    const newStart = e.start + delta;
    const newEnd = newStart + e.newText.length;
    if (pos < newStart || (pos === newStart && side === 'end' && e.newText.length > 0)) return pos - delta;
    if (pos <= newEnd) return side === 'start' ? e.start : e.end;
    delta += e.newText.length - (e.end - e.start);
  }
  return pos - delta;
}

/** Changed regions of `a` → `b` (Myers' O(ND) diff): [start, end) in `a`, replaced by `inserted`. */
function diffRegions(a: string, b: string): { start: number; end: number; inserted: string }[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 3);
  // trace[d] keeps v[k] for k in [-d-1, d+1], enough to walk back from round d.
  const trace: Int32Array[] = [];
  let last = -1;
  for (let d = 0; d <= max && last < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) last = d;
    }
    trace.push(v.slice(max - d - 1, max + d + 2));
  }
  const at = (d: number, k: number) => trace[d][k + d + 1];
  const keptA = new Uint8Array(n);
  const keptB = new Uint8Array(m);
  let x = n;
  let y = m;
  for (let d = last; d >= 0; d--) {
    const k = x - y;
    let prevX = 0;
    let prevY = 0;
    if (d > 0) {
      const prevK = k === -d || (k !== d && at(d - 1, k - 1) < at(d - 1, k + 1)) ? k + 1 : k - 1;
      prevX = at(d - 1, prevK);
      prevY = prevX - prevK;
    }
    // The diagonal run (equal characters) that follows round d's one insertion or deletion.
    while (x > prevX && y > prevY) {
      keptA[--x] = 1;
      keptB[--y] = 1;
    }
    x = prevX;
    y = prevY;
  }
  const regions: { start: number; end: number; inserted: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && keptA[i] && keptB[j]) {
      i++;
      j++;
      continue;
    }
    const start = i;
    const jStart = j;
    while (i < n && !keptA[i]) i++;
    while (j < m && !keptB[j]) j++;
    regions.push({ start, end: i, inserted: b.slice(jStart, j) });
  }
  return regions;
}

test('the diff helper finds exactly the changed regions', () => {
  assert.deepEqual(diffRegions('abcdef', 'abXdf'), [
    { start: 2, end: 3, inserted: 'X' },
    { start: 4, end: 5, inserted: '' },
  ]);
  assert.deepEqual(diffRegions('签\n\n订', '签订'), [{ start: 1, end: 3, inserted: '' }]);
  assert.deepEqual(diffRegions('', 'ab'), [{ start: 0, end: 0, inserted: 'ab' }]);
  assert.deepEqual(diffRegions('same', 'same'), []);
  // Rebuilding the new text from the regions gives it back.
  const a = sample.slice(0, 3000);
  const b = a.replace(/ /g, '').replace(/,/g, '，').replace('\n\n订', '订');
  let rebuilt = '';
  let pos = 0;
  for (const r of diffRegions(a, b)) {
    rebuilt += a.slice(pos, r.start) + r.inserted;
    pos = r.end;
  }
  assert.equal(rebuilt + a.slice(pos), b);
});

function digitStrings(text: string): string[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).sort();
}

test('sample: fix-all reaches a fixed point; a fresh check finds none of the fixed findings; only fixed spans changed; numbers keep their values', () => {
  const { text, passes, spans } = fixAll(sample);
  assert.equal(passes, 1, 'one pass applies every fix: none of them overlap');
  const after = run(text);
  // Only the stray `and` is left: it has no automatic fix (deleting or translating a word is the drafter's call).
  assert.deepEqual(
    after.findings.map((f) => `${f.ruleId} ${JSON.stringify(text.slice(f.start, f.end))}`),
    ['stray-latin "and"'],
  );
  // Every fix was applied whole in that pass (35 digit-spacing fixes remove a space on each side).
  const allEdits = before.findings.filter((f) => f.fix).reduce((n, f) => n + f.fix!.edits.length, 0);
  assert.equal(allEdits, 13 + 9 + 31 + 50 + 35);
  assert.equal(spans.length, allEdits);

  const regions = diffRegions(sample, text);
  assert.ok(regions.length > 0);
  for (const r of regions) {
    const inside = spans.some((s) => s.start <= r.start && r.end <= s.end);
    assert.ok(inside, `change at ${r.start}–${r.end} (${JSON.stringify(sample.slice(r.start, r.end))} → ${JSON.stringify(r.inserted)}) lies outside every fix`);
  }
  // Every fix shows up in the diff: nothing was applied that the diff cannot see.
  const touches = (r: { start: number; end: number }, s: TextEdit) =>
    r.start === r.end ? s.start <= r.start && r.start <= s.end : r.start < s.end && s.start < r.end;
  for (const s of spans) {
    assert.ok(
      regions.some((r) => touches(r, s)),
      `fix ${s.start}–${s.end} changed nothing`,
    );
  }

  assert.deepEqual(digitStrings(text), digitStrings(sample), 'the multiset of numbers is unchanged');
  // Same report structure, read the same way: names of every outline node are unchanged.
  const names = (a: Analysis) =>
    renderOutline(a)
      .split('\n')
      .map((l) => l.replace(/ \d+-\d+$/, ''));
  assert.deepEqual(names(analyze(text, { rules: [] })), names(analyze(sample, { rules: [] })));
  assert.match(text, /\n### \*\*四、着力增强科技创新能力，不断塑造发展新动能新优势\*\*\n/);
  assert.match(text, /新奇康药业与广药集团签订战略合作协议/);
  assert.match(text, /新增义务教育阶段学位6600个、学前教育园位1470个/);
  assert.match(text, /\*\*各位代表！\*\*过去的一年，我们坚定不移/);
});

test('sample: fixing twice changes nothing more (idempotent)', () => {
  const once = fixAll(sample).text;
  assert.equal(fixAll(once).text, once);
});
