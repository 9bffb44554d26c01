// Our parser reads bold as the editor's preview renders it: markdown-it with the
// markdown-it-cjk-friendly plugin the extension contributes (`markdown.markdownItPlugins`). Under
// plain CommonMark `**以更优服务提升营商环境。**认真落实…` is not bold (a `**` after `。` before a CJK
// character does not close), so the preview showed every lead-in with literal asterisks while the
// outline read it as a lead-in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { analyze } from '../../server/src/core/analyze';
import { CORPUS_REPORTS, corpusTest, readCorpus, readSample } from '../support/corpus';

const preview = new MarkdownIt().use(cjkFriendly as unknown as MarkdownIt.PluginSimple);
const commonMark = new MarkdownIt();

/** The bold runs markdown-it renders for one paragraph's source, as text. */
function renderedBold(md: MarkdownIt, source: string): string[] {
  const out: string[] = [];
  for (const block of md.parseInline(source, {})) {
    let depth = 0;
    let text = '';
    for (const t of block.children ?? []) {
      if (t.type === 'strong_open') depth++;
      else if (t.type === 'strong_close') {
        depth--;
        if (depth === 0) {
          out.push(text);
          text = '';
        }
      } else if (depth > 0 && (t.type === 'text' || t.type === 'code_inline')) text += t.content;
    }
  }
  return out;
}

/** Our bold runs, paragraph by paragraph, beside the preview's, for paragraphs of plain inline text. */
function compare(text: string): { ours: string[]; theirs: string[]; paragraphs: number } {
  const a = analyze(text, { rules: [] });
  const ours: string[] = [];
  const theirs: string[] = [];
  let paragraphs = 0;
  for (const p of a.passages) {
    if (p.blocks.length !== 1) continue;
    const block = p.blocks[0];
    const source = block.lines.map((l) => text.slice(l.start, l.end)).join('\n');
    // Links, code, HTML and escapes are read differently on purpose; compare plain prose only.
    if (/[[\]`<>\\]/.test(source) || !source.includes('**')) continue;
    paragraphs++;
    ours.push(...p.bold.map((b) => p.text.text.slice(b.start, b.end)));
    theirs.push(...renderedBold(preview, p.kind === 'heading' ? source.replace(/^#+\s*/, '') : source));
  }
  return { ours, theirs, paragraphs };
}

test('the lead-in `**…。**` followed by CJK text is bold in the preview, and not under plain CommonMark', () => {
  const lead = '**以更优服务提升营商环境。**认真落实优化营商环境条例。';
  assert.deepEqual(renderedBold(preview, lead), ['以更优服务提升营商环境。']);
  assert.deepEqual(renderedBold(commonMark, lead), []);
  const a = analyze(`# 政府工作报告\n\n${lead}\n`, { rules: [] });
  const p = a.passages.find((x) => x.text.text.startsWith('以更优'))!;
  assert.deepEqual(
    p.bold.map((b) => p.text.text.slice(b.start, b.end)),
    ['以更优服务提升营商环境。'],
  );
});

test('a `**` beside a space opens or closes as the preview reads it', () => {
  for (const [source, bold] of [
    ['**要点** 正文', ['要点']],
    ['正文 ** 不是加粗 ** 正文', []],
    ['**加粗 **不闭合**', ['不闭合']],
    ['前文**中间**后文', ['中间']],
    ['（**括号内**）正文', ['括号内']],
  ] as const) {
    assert.deepEqual(renderedBold(preview, source), [...bold], `preview: ${source}`);
    const a = analyze(`# 政府工作报告\n\n${source}\n`, { rules: [] });
    const p = a.passages[a.passages.length - 1];
    assert.deepEqual(
      p.bold.map((b) => p.text.text.slice(b.start, b.end)),
      [...bold],
      `ours: ${source}`,
    );
  }
});

test('on the sample every bold run is the preview’s', () => {
  const { ours, theirs, paragraphs } = compare(readSample());
  assert.ok(paragraphs >= 40, `${paragraphs} paragraphs with bold`);
  assert.deepEqual(ours, theirs);
});

test('on the corpus every bold run is the preview’s', corpusTest(), () => {
  let compared = 0;
  for (const name of CORPUS_REPORTS) {
    const { ours, theirs, paragraphs } = compare(readCorpus(name));
    assert.deepEqual(ours, theirs, name);
    compared += paragraphs;
  }
  assert.ok(compared > 30, `${compared} paragraphs compared`);
});
