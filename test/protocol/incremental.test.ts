// Incremental sync = fresh analysis: replay random edits (insert, delete, paste a paragraph,
// undo) into one server with incremental didChange; after every step its published
// diagnostics and its outline must equal those of a second server that opens the same text
// from scratch. 1,000 steps in `npm test` and CI; `npm run fuzz` replays 10,000 (REPLAY_STEPS overrides).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { readSample } from '../support/corpus';
import { LspClient } from '../support/lspClient';

const STEPS = Number(process.env.REPLAY_STEPS ?? 1000);
const URI = 'file:///replay/xinshi-2023.md';
// prettier-ignore
const SNIPPETS = ['，', '。', '\n\n', '## 八、着力推进', '**以更优服务提升营商环境。**', '新增高新技术企业 53 家，总数达到 216 家', '力争实现城镇新增就业 2.5 万人', ' and ', '6600\n\n个', '(', '“', '一、', '（一）', '３５％', '\r\n'];

interface Edit {
  start: number;
  end: number;
  text: string;
}

let incremental: LspClient;
let fresh: LspClient;

before(async () => {
  incremental = new LspClient();
  fresh = new LspClient();
  await Promise.all([incremental.initialize(), fresh.initialize()]);
});
after(async () => {
  await Promise.all([incremental.shutdown(), fresh.shutdown()]);
});

/** Diagnostics without the document URI, so two documents with the same text compare equal. */
const normalise = (value: unknown, uri: string) => JSON.parse(JSON.stringify(value).split(uri).join('<doc>'));

test(`${STEPS} random incremental edits keep diagnostics and outline equal to a fresh analysis`, async () => {
  let text = readSample();
  const base = text.length;
  const rng = fc.sample(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { numRuns: STEPS * 4, seed: 42 });
  let r = 0;
  const next = (n: number) => rng[r++ % rng.length] % Math.max(1, n);
  const undo: Edit[] = [];
  incremental.open(URI, text, 'markdown', 1);
  await incremental.diagnostics(URI, 1);

  for (let version = 2; version <= STEPS + 1; version++) {
    // Pastes and deletions balance out around the report's length, as in a drafting session
    // (an ever-growing text would measure the text, not the edits).
    let kind = next(4);
    if (text.length > base * 1.3 && kind === 2) kind = 1;
    let edit: Edit;
    if (kind === 3 && undo.length) edit = undo.pop()!;
    else if (kind === 0) {
      const at = next(text.length + 1);
      edit = { start: at, end: at, text: SNIPPETS[next(SNIPPETS.length)] };
    } else if (kind === 1) {
      const at = next(text.length + 1);
      edit = { start: at, end: Math.min(text.length, at + next(text.length > base ? 400 : 60)), text: '' };
    } else {
      // Paste a paragraph copied from elsewhere in the text.
      const from = next(text.length + 1);
      const para = text.slice(from, text.indexOf('\n\n', from) === -1 ? text.length : text.indexOf('\n\n', from));
      const at = next(text.length + 1);
      edit = { start: at, end: at, text: para.slice(0, 400) };
    }
    // Never split a surrogate pair or a CRLF: an editor cannot place the cursor there.
    const safe = (o: number) =>
      o > 0 && o < text.length && ((/[\udc00-\udfff]/.test(text[o]) && /[\ud800-\udbff]/.test(text[o - 1])) || (text[o] === '\n' && text[o - 1] === '\r'))
        ? o - 1
        : o;
    edit = { ...edit, start: safe(Math.min(edit.start, text.length)), end: safe(Math.min(edit.end, text.length)) };
    if (edit.end < edit.start) edit.end = edit.start;
    const index = new LineIndex(text);
    const range = { start: index.positionAt(edit.start), end: index.positionAt(edit.end) };
    if (kind !== 3) undo.push({ start: edit.start, end: edit.start + edit.text.length, text: text.slice(edit.start, edit.end) });
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);

    incremental.change(URI, version, [{ range, text: edit.text }]);
    const freshUri = `file:///fresh-${version}/replay/xinshi-2023.md`; // same file and folder name: same meta
    fresh.open(freshUri, text, 'markdown', 1);
    const [a, b] = await Promise.all([incremental.diagnostics(URI, version), fresh.diagnostics(freshUri, 1)]);
    const [symA, symB] = await Promise.all([
      incremental.request('textDocument/documentSymbol', { textDocument: { uri: URI } }),
      fresh.request('textDocument/documentSymbol', { textDocument: { uri: freshUri } }),
    ]);
    void fresh.connection.sendNotification('textDocument/didClose', { textDocument: { uri: freshUri } });
    const same =
      JSON.stringify(normalise(a.diagnostics, URI)) === JSON.stringify(normalise(b.diagnostics, freshUri)) && JSON.stringify(symA) === JSON.stringify(symB);
    if (!same) {
      assert.deepEqual(
        normalise(a.diagnostics, URI),
        normalise(b.diagnostics, freshUri),
        `diagnostics differ after step ${version - 1} (${JSON.stringify(edit)})`,
      );
      assert.deepEqual(symA, symB, `outline differs after step ${version - 1}`);
    }
  }
  assert.equal(incremental.exited, undefined);
  assert.equal(fresh.exited, undefined);
});
