// Line breaks and NULs as CommonMark (and LSP) read them: \r\n and a lone \r end a line as \n does, and a
// NUL reads as U+FFFD. parseBlocks normalises only a text that has them (markdown-it's own pass
// copied every text); the blocks must be those of the normalised text, with exact offsets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseBlocks } from '../../server/src/core/structure/parse';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { markdownish } from '../support/fuzz';

const blocksOf = (text: string) => parseBlocks(text, new LineIndex(text));
/** What a block is, whatever the line breaks: its type, level, lines and each line's content. */
const shape = (text: string) =>
  blocksOf(text).map((b) => [
    b.type,
    b.level,
    b.startLine,
    b.endLine,
    b.inList,
    b.inQuote,
    b.listMarker?.ordinal,
    b.lines.map((l) => text.slice(l.start, l.end)),
  ]);

test('CRLF and a lone CR end lines as LF does', () => {
  fc.assert(
    fc.property(markdownish, fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }), (raw, breaks) => {
      const text = raw.replace(/\r\n?/g, '\n');
      let k = 0;
      // A lone \r right before another line break would make a \r\n of the two: there it is \r\n.
      const other = text.replace(/\n/g, (_, at: number) => {
        const b = breaks[k++ % breaks.length];
        return b === '\r' && text[at + 1] === '\n' ? '\r\n' : b;
      });
      assert.deepEqual(shape(other), shape(text));
    }),
    { numRuns: 500, seed: 20261202 },
  );
});

test('a NUL reads as U+FFFD, at the same offsets', () => {
  fc.assert(
    fc.property(markdownish, fc.nat(), (text, at) => {
      const i = text.length ? at % text.length : 0;
      const withNul = `${text.slice(0, i)}\0${text.slice(i)}`;
      assert.deepEqual(blocksOf(withNul), blocksOf(withNul.replace(/\0/g, '\ufffd')));
    }),
    { numRuns: 500, seed: 20261202 },
  );
});

test('line starts: LF, CRLF and a lone CR each end a line, in a text with CRs or without', () => {
  const reference = (text: string) => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
    }
    return starts;
  };
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', '政', '\n', '\r\n', '\r', '\n\n'), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(new LineIndex(text).lineStarts, reference(text));
      const lf = text.replace(/\r/g, '');
      assert.deepEqual(new LineIndex(lf).lineStarts, reference(lf));
    }),
    { numRuns: 1000, seed: 20261202 },
  );
});
