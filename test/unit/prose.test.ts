// Where a page break split a sentence: two paragraphs are joined when the first does not end a
// sentence (an end mark, then only closing marks, in its last 24 characters; a `.` after a digit
// is a split decimal) and the second reads like its middle. The end is read backwards now; it
// must decide as the pattern it replaced did.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildPassages } from '../../server/src/core/structure/prose';
import { parseBlocks } from '../../server/src/core/structure/parse';
import { LineIndex } from '../../server/src/core/text/lineIndex';

const OLD_END = /(?:[。！？!?：:；;…]|(?<![0-9０-９])\.)[”’」』）)》\]】]*$/;

test('a paragraph is continued across a blank line exactly when its end, read as the old pattern read it, ends no sentence', () => {
  const any = fc.constantFrom('。', '！', '?', '：', '；', '…', '.', '”', '’', '）', ')', '】', '》', '1', '９', '工', '作', 'a', '，');
  // Anything, then a digit or not, a mark, and a run of closing marks long enough to reach past the window.
  const tail = fc
    .tuple(
      fc.array(any, { maxLength: 10 }),
      fc.constantFrom('', '1', '９', '工'),
      fc.constantFrom('。', '.', '…', '！', '工', '1'),
      fc.array(fc.constantFrom('”', '）', ')', '】'), { maxLength: 30, size: 'max' }),
    )
    .map(([head, before, mark, closers]) => [...head, before, mark, ...closers]);
  fc.assert(
    fc.property(tail, (chars) => {
      const first = `全年新增${chars.join('')}`;
      const text = `${first}\n\n继续推进重点项目建设。\n`;
      const passages = buildPassages(text, parseBlocks(text, new LineIndex(text)));
      const ends = OLD_END.test(first.length > 24 ? first.slice(-24) : first);
      assert.equal(passages.length, ends ? 2 : 1, first);
    }),
    { numRuns: 2000, seed: 20261202 },
  );
});

test('a digit on both sides of the blank line is never joined', () => {
  const text = '全年城镇新增就业1200\n\n3个重点项目开工。\n';
  assert.equal(buildPassages(text, parseBlocks(text, new LineIndex(text))).length, 2);
  const joined = '全年城镇新增就业1200\n\n个，比上年增长5%。\n';
  assert.equal(buildPassages(joined, parseBlocks(joined, new LineIndex(joined))).length, 1);
});
