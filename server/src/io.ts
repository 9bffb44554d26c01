// Reading and writing report files without losing the user's text: invalid UTF-8 is reported
// (and such a file is never rewritten), a BOM is kept out of the analysed text and restored on write.
import { readFileSync, writeFileSync } from 'node:fs';

export interface LoadedText {
  text: string;
  bom: boolean;
  /** False when the bytes were not valid UTF-8 (invalid sequences read as U+FFFD). */
  validUtf8: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decode(bytes: Uint8Array): LoadedText {
  let text: string;
  let validUtf8 = true;
  try {
    text = strict.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    validUtf8 = false;
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, validUtf8 };
}

export function readText(path: string): LoadedText {
  return decode(readFileSync(path));
}

export function writeText(path: string, text: string, bom: boolean): void {
  writeFileSync(path, (bom ? '\ufeff' : '') + text, 'utf8');
}
