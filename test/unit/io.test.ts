// Rewriting a report never loses it: a failure at any step of the write leaves the old text
// and no temporary file; the file keeps its mode; a read-only file is not touched.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { writeText, WriteError, type WriteFs } from '../../server/src/io';

const dir = fs.mkdtempSync(join(tmpdir(), 'govreport-io-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const OLD = '# 政府工作报告\n\n' + '全年城镇新增就业2.5万人。\n'.repeat(2000);
const NEW = OLD.replace(/万人/g, '万人次');

function fresh(name: string, mode = 0o640): string {
  const p = join(dir, name);
  fs.writeFileSync(p, OLD);
  fs.chmodSync(p, mode);
  return p;
}

const leftovers = () => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** The real file system, but the call named fails (after writing part of the bytes, for writeSync). */
function failingAt(step: keyof WriteFs, code: string): WriteFs {
  const err = () => Object.assign(new Error(`${code}: injected`), { code });
  const real = fs as unknown as WriteFs;
  return new Proxy(real, {
    get(target, prop: keyof WriteFs) {
      if (prop !== step) return target[prop];
      if (prop === 'writeSync') {
        return (fd: number, buf: Buffer, off: number, len: number) => {
          // The disk fills up after the first 4 KB.
          if (off >= 4096) throw err();
          return fs.writeSync(fd, buf, off, Math.min(len, 4096 - off));
        };
      }
      return () => {
        throw err();
      };
    },
  });
}

for (const [step, code] of [
  ['openSync', 'EACCES'],
  ['writeSync', 'ENOSPC'],
  ['fsyncSync', 'EIO'],
  ['renameSync', 'EXDEV'],
] as const) {
  test(`a failing ${step} (${code}) leaves the old text and no temporary file`, () => {
    const p = fresh(`fail-${step}.md`);
    assert.throws(
      () => writeText(p, NEW, false, failingAt(step, code)),
      (e: unknown) => e instanceof WriteError && e.reason === code && e.path === p,
    );
    assert.equal(fs.readFileSync(p, 'utf8'), OLD);
    assert.deepEqual(leftovers(), []);
  });
}

test('a rewrite keeps the mode and writes through a symlink to its target', () => {
  const p = fresh('mode.md', 0o604);
  writeText(p, NEW, true);
  assert.equal(fs.readFileSync(p, 'utf8'), '\ufeff' + NEW);
  assert.equal(fs.statSync(p).mode & 0o777, 0o604);
  const link = join(dir, 'link.md');
  fs.symlinkSync(p, link);
  writeText(link, OLD, false);
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.equal(fs.readFileSync(p, 'utf8'), OLD);
  assert.deepEqual(leftovers(), []);
});

test('a file without write permission is never rewritten, not even by root', () => {
  const p = fresh('readonly.md', 0o444);
  assert.throws(
    () => writeText(p, NEW, false),
    (e: unknown) => e instanceof WriteError && e.reason === 'read-only',
  );
  assert.equal(fs.readFileSync(p, 'utf8'), OLD);
});
