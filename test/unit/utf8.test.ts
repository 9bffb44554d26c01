// The fast UTF-8 decoder reads exactly what TextDecoder reads, and refuses exactly what it refuses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8 } from '../../server/src/utf8';
import { readText } from '../../server/src/io';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const reference = (bytes: Uint8Array): string | undefined => {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
};

test('well-formed text of every plane decodes as TextDecoder decodes it (BOM kept)', () => {
  // Full Unicode: ASCII, 2-, 3- and 4-byte sequences (𠀀, emoji); lone surrogates become U+FFFD when encoded.
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (s, bom) => {
      const bytes = Buffer.from((bom ? '\ufeff' : '') + s, 'utf8');
      assert.equal(decodeUtf8(bytes), reference(bytes));
    }),
    { numRuns: 2000, seed: 20261202 },
  );
  for (const s of ['', 'a', '政府工作报告', '𠀀𪚥🎉', '\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}']) assert.equal(decodeUtf8(Buffer.from(s, 'utf8')), s);
});

test('bytes that are not UTF-8 are refused, as TextDecoder refuses them', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => assert.equal(decodeUtf8(bytes), reference(bytes))),
    { numRuns: 5000, seed: 20261202 },
  );
  // Overlong, a surrogate, past U+10FFFF, truncated, a lone continuation byte.
  for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe6, 0x94], [0x80]]) {
    assert.equal(decodeUtf8(Uint8Array.from(bad)), undefined, bad.join(' '));
  }
});

test('a file that is not UTF-8 still reads, flagged, with U+FFFD for the bad bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-utf8-'));
  try {
    writeFileSync(join(dir, 'gbk.md'), Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0x0a]));
    const read = readText(join(dir, 'gbk.md'));
    assert.equal(read.validUtf8, false);
    assert.equal(read.text, new TextDecoder().decode(Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0x0a])));
    writeFileSync(join(dir, 'bom.md'), Buffer.from('\ufeff# 政府工作报告\n', 'utf8'));
    assert.deepEqual(readText(join(dir, 'bom.md')), { text: '# 政府工作报告\n', bom: true, validUtf8: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
