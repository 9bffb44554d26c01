// Reading and writing report files without losing the user's text: invalid UTF-8 is reported
// (and such a file is never rewritten), a BOM is kept out of the analysed text and restored on
// write, and a rewrite replaces the file whole or not at all.
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeUtf8 } from './utf8';

export interface LoadedText {
  text: string;
  bom: boolean;
  /** False when the bytes were not valid UTF-8 (invalid sequences read as U+FFFD). */
  validUtf8: boolean;
}

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function decode(bytes: Uint8Array): LoadedText {
  let text = decodeUtf8(bytes);
  const validUtf8 = text !== undefined;
  text ??= lenient.decode(bytes);
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, validUtf8 };
}

export function readText(path: string): LoadedText {
  return decode(nodeFs.readFileSync(path));
}

/** Why a file found on a walk was not read: it is no regular file (a FIFO, a device) or too large. */
export class NotReadable extends Error {}

/**
 * Reads a file the workspace walk found, trusting nothing: opened without blocking (a FIFO named
 * `政府工作报告.md` or `.govreport.json` would otherwise wait for a writer for ever), then checked
 * on the open descriptor to be a regular file of at most `maxBytes` (a `*.md` link to /dev/zero
 * would otherwise fill the memory) before a byte is read.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const fd = nodeFs.openSync(path, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0));
  try {
    const st = nodeFs.fstatSync(fd);
    if (!st.isFile()) throw new NotReadable(`${path}: not a regular file`);
    if (st.size > maxBytes) throw new NotReadable(`${path}: ${st.size} bytes, more than ${maxBytes}`);
    const bytes = Buffer.alloc(st.size);
    let off = 0;
    // A file that grows while it is read is read up to its size at open.
    while (off < bytes.length) {
      const n = nodeFs.readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === bytes.length ? bytes : bytes.subarray(0, off);
  } finally {
    nodeFs.closeSync(fd);
  }
}

/** readText for a file the walk found: regular files only, size-checked first. */
export function readRegularText(path: string, maxBytes: number): LoadedText {
  return decode(readRegularFile(path, maxBytes));
}

/** The file-system calls a rewrite makes (tests pass one that fails halfway). */
export type WriteFs = Pick<
  typeof nodeFs,
  'realpathSync' | 'statSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'fchmodSync' | 'fchownSync' | 'renameSync' | 'unlinkSync'
>;

/** Why a file was left as it was: `read-only`, or the system's error code (`ENOSPC`, `EACCES` …). */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * Replaces the file's contents with `text`: written to a temporary file beside it, flushed, given
 * the file's mode (and owner, where allowed), then renamed over it. A full disk, a killed process
 * or any failure leaves the old text untouched and no temporary file behind. A file with no write
 * permission bits is read-only by its owner's choice and is not rewritten, even by root. A symlink
 * keeps pointing at its target, which is what gets rewritten.
 */
export function writeText(path: string, text: string, bom: boolean, fs: WriteFs = nodeFs): void {
  let real: string;
  let st: nodeFs.Stats;
  try {
    real = fs.realpathSync(path);
    st = fs.statSync(real);
  } catch (e) {
    throw new WriteError(path, codeOf(e));
  }
  if (!st.isFile()) throw new WriteError(path, 'not a regular file');
  if ((st.mode & 0o222) === 0) throw new WriteError(path, 'read-only');
  const temp = join(dirname(real), `.${basename(real)}.govreport-${process.pid}-${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', st.mode & 0o7777);
    const bytes = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
    for (let off = 0; off < bytes.length;) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fchmodSync(fd, st.mode & 0o7777);
    try {
      fs.fchownSync(fd, st.uid, st.gid);
    } catch {
      // Only root may give a file away; anyone else keeps ownership of what they rewrite.
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, real);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      /* never created, or already renamed */
    }
    throw new WriteError(path, codeOf(e));
  }
}

function codeOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? (err instanceof Error ? err.message : String(e));
}
