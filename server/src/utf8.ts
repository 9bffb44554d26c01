// UTF-8 bytes to a string, fast. Node 20's decoders (TextDecoder, Buffer#toString) take ~4 ns a
// byte on Chinese text: 210 ms of indexing a 1,000-report workspace (50 MB), a fifth of it. The
// bytes are checked first (isUtf8: simdutf, 0.2 ns a byte); well-formed UTF-8 then decodes to
// UTF-16 in a plain loop and becomes a string as UTF-16, a copy (60 ms for the same 50 MB).
// Anything else goes to TextDecoder, which reads each invalid sequence as U+FFFD.
import { isUtf8 } from 'node:buffer';

/** The text of well-formed UTF-8, a BOM kept as U+FEFF; undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  // At most one UTF-16 unit a byte (a 4-byte sequence gives 2).
  const out = new Uint16Array(bytes.length);
  const n = bytes.length;
  let j = 0;
  for (let i = 0; i < n;) {
    const c = bytes[i];
    if (c < 0x80) {
      out[j++] = c;
      i++;
    } else if (c < 0xe0) {
      out[j++] = ((c & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      out[j++] = ((c & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      i += 3;
    } else {
      const cp = (((c & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f)) - 0x10000;
      out[j++] = 0xd800 + (cp >> 10);
      out[j++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
    }
  }
  return Buffer.from(out.buffer, 0, j * 2).toString('utf16le');
}
