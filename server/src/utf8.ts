// UTF-8 bytes to a string, fast. Node 20's decoders (TextDecoder, Buffer#toString) take ~4 ns a
// byte on Chinese text: 210 ms of indexing a 1,000-report workspace (50 MB), a fifth of it. The
// bytes are checked first (isUtf8: simdutf, 0.2 ns a byte); well-formed UTF-8 is then converted
// to UTF-16 by ICU (buffer.transcode) and read as UTF-16, a copy: 34 ms for the same 50 MB.
// Anything else goes to TextDecoder, which reads each invalid sequence as U+FFFD.
import { isUtf8, transcode } from 'node:buffer';

/** A Node built without ICU has no transcode (official builds and VS Code's have it). */
const slow = typeof transcode === 'function' ? undefined : new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of well-formed UTF-8, a BOM kept as U+FEFF; undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  return slow ? slow.decode(bytes) : transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}
