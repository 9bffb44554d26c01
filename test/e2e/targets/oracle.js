// The targets oracle: what `govreport targets` and `govreport check` (the CLI on the same core as
// the server) say of the reports, shaped the way the editor shows it. Plain Node (no `vscode`), so
// the page check (test/e2e/ui.js) uses it too; every function takes the CLI to run (`dist/cli.js`
// of the extension under test). Not a test file (mochaIndex loads only *.test.js).
//
// targetsOf(cli, files, texts) runs `targets --format json` and `targets --format text` (both
// --locale en) and joins them row by row: the JSON gives file, range (the target's clause, where
// its diagnostic and lens sit), status and the outcome's clause; the text gives the label and the
// figures as written (`new 38 家`, `up 16%`) and the outcome's line. From these it derives what a
// user should see: the code lens title (server/src/core/targets.ts targetLensTitle, English), which
// is also the view's description of the target.
'use strict';
const assert = require('assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const ROOT = path.resolve(__dirname, '..', '..', '..');

function run(cli, args) {
  try {
    return execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: ROOT });
  } catch (e) {
    if (e.status === 1 && e.stdout) return e.stdout; // `check` exits 1 when an error-level finding exists
    throw new Error(`node ${cli} ${args.join(' ')} failed (${e.status}): ${e.stderr || e.message}`);
  }
}

/**
 * Runs `fn(paths)` on the reports: the real files when `texts` is omitted, else copies in a
 * temporary folder of the same name holding `texts` ({ absolute path: text }, e.g. an unsaved
 * edit). `map(s)` turns the copies' paths and file URIs back into the real ones.
 */
function onTexts(files, texts, fn) {
  if (!texts) return fn(files, (s) => s);
  const dir = path.dirname(files[0]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-targets-'));
  try {
    const copyDir = path.join(tmp, path.basename(dir)); // the server reads the folder name too
    fs.mkdirSync(copyDir);
    const copies = files.map((f) => {
      const c = path.join(copyDir, path.basename(f));
      fs.writeFileSync(c, texts[f] ?? fs.readFileSync(f, 'utf8'));
      return c;
    });
    const fromUrl = pathToFileURL(copyDir).href + '/';
    const toUrl = pathToFileURL(dir).href + '/';
    const map = (s) => s.split(fromUrl).join(toUrl).split(copyDir + path.sep).join(dir + path.sep);
    return fn(copies, map);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** `govreport check FILES --format json --locale en` (of `texts` if given) → Map(absolute path → LSP Diagnostic[]). */
function checkOf(cli, files, texts) {
  return onTexts(files, texts, (paths, map) => {
    const report = JSON.parse(map(run(cli, ['check', ...paths, '--format', 'json', '--locale', 'en'])));
    assert.deepEqual(Object.keys(report), ['files']);
    return new Map(report.files.map((f) => [path.resolve(ROOT, f.path), f.diagnostics]));
  });
}

const MARK = { met: '✓', missed: '✗', unreported: '?', pending: '…' };

/** Splits the text form's tail (after `→`) into outcome figure, its line and the review's words. */
function parseTail(tail) {
  let m = /^“(.*)” \(line (\d+)\)$/.exec(tail);
  if (m) return { outcomeFigure: null, outcomeLine: null, words: m[1], wordsLine: +m[2] };
  m = /^(.*) \(line (\d+)\), “(.*)”$/.exec(tail);
  if (m) return { outcomeFigure: m[1], outcomeLine: +m[2], words: m[3], wordsLine: null };
  m = /^(.*) \(line (\d+)\)$/.exec(tail);
  if (m) return { outcomeFigure: m[1], outcomeLine: +m[2], words: null, wordsLine: null };
  return { outcomeFigure: null, outcomeLine: null, words: null, wordsLine: null, statusWord: tail };
}

/** The code lens / hover / view line of a target (targetLensTitle, English). */
function lensTitle(t) {
  const ny = t.year + 1;
  switch (t.status) {
    case 'met': return `✓ ${ny} report: ${t.outcomeFigure} (target ${t.figure})`;
    case 'missed': return t.outcomeFigure !== null
      ? `✗ ${ny} report: ${t.outcomeFigure} (target ${t.figure}), missed`
      : `✗ ${ny} report: "${t.words}" (target ${t.figure})`;
    case 'unreported': return `? not reported in the ${ny} report (target ${t.figure})`;
    default: return `… awaiting the ${ny} report (target ${t.figure})`;
  }
}

/**
 * Every target of `files` (given together, so year N is matched with year N+1), as
 * { file, range, text, metric, value, unit, qualifier, year, status, outcome (JSON),
 *   label, figure, outcomeFigure, outcomeLine, words, wordsLine, title } in the CLI's order,
 * plus per file the summary line's counts.
 */
function targetsOf(cli, files, texts) {
  return onTexts(files, texts, (paths, map) => {
    const rows = JSON.parse(map(run(cli, ['targets', ...paths, '--format', 'json', '--locale', 'en'])));
    const lines = map(run(cli, ['targets', ...paths, '--format', 'text', '--locale', 'en'])).split('\n').filter((l) => /^ {2}\d+:\d+ {2}/.test(l));
    assert.equal(lines.length, rows.length, 'the text and JSON forms list the same targets');
    return rows.map((row, i) => {
      const m = /^ {2}(\d+):(\d+) {2}(\S) (.+?) → (.*)$/.exec(lines[i]);
      assert.ok(m, `a target line of the text form: ${lines[i]}`);
      const [, line, col, mark, label, tail] = m;
      assert.deepEqual([+line - 1, +col - 1, mark], [row.range.start.line, row.range.start.character, MARK[row.status]], `text and JSON agree on row ${i}: ${lines[i]}`);
      // The label is `<metric name> <figure as written>` (the name without a leading year).
      const name = row.metric.replace(/^(?:19|20)\d{2}年(?:度)?/, '');
      assert.ok(label.startsWith(`${name} `), `label ${JSON.stringify(label)} starts with the metric ${JSON.stringify(name)}`);
      const t = { ...row, file: path.resolve(ROOT, row.file), label, figure: label.slice(name.length + 1), ...parseTail(tail) };
      if (t.outcome) t.outcome.file = path.resolve(ROOT, t.outcome.file);
      // The statuses without an outcome print their name; with one, the JSON has it too.
      if (t.statusWord !== undefined) assert.equal(t.statusWord, t.status);
      assert.equal(t.outcomeFigure !== null || t.words !== null, t.outcome !== null, `outcome in both forms: ${lines[i]}`);
      t.title = lensTitle(t);
      return t;
    });
  });
}

const count = (list, status) => list.filter((t) => t.status === status).length;

/** A CSV text → rows of cells (RFC 4180: quoted cells, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  assert.equal(quoted, false, 'no open quote at the end');
  assert.deepEqual([row, cell], [[], ''], 'the CSV ends with CRLF');
  return rows;
}

const plainRange = (r) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });
const contains = (outer, inner) => {
  const le = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
};

module.exports = { checkOf, targetsOf, lensTitle, count, parseCsv, plainRange, contains };
