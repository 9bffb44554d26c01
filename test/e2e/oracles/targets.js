// @ts-check
// The targets oracle: what `govreport targets` and `govreport check` (the CLI on the same core as
// the server) say of the reports, shaped the way the editor shows it. Plain Node (no `vscode`), so
// the page check (test/e2e/page/ui.js) uses it as well as the targets suite; every function takes
// the CLI to run (`dist/cli.js` of the extension under test).
//
// targetsOf(cli, files, texts) runs `targets --format json` and `targets --format text` (both
// --locale en) and joins them row by row: the JSON gives file, range (the target's clause, where
// its diagnostic and lens sit), status and the outcome's clause; the text gives the label and the
// figures as written (`new 38 家`, `up 16%`) and the outcome's line. From these it derives what a
// user should see: the code lens title (the server's targetLensTitle, English), which is also the
// view's description of the target.
'use strict';
const assert = require('assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** @typedef {import('vscode-languageserver').Range} LspRange */
/** @typedef {import('vscode-languageserver').Diagnostic} LspDiagnostic */
/** @typedef {'met' | 'missed' | 'unreported' | 'pending'} Status */
/**
 * One row of `govreport targets --format json`.
 * @typedef {object} CliTarget
 * @property {string} file      the report (made absolute by targetsOf)
 * @property {LspRange} range   the target's clause: where its diagnostic and lens sit
 * @property {string} text      the clause's text
 * @property {string} metric
 * @property {number | [number, number]} value  in base units (`360 亿元` → 36000000000); a range as [low, high]
 * @property {string} unit
 * @property {string | null} qualifier
 * @property {number} year
 * @property {Status} status
 * @property {{ file: string, range: LspRange, text: string, value: number | [number, number] | null } | null} outcome
 *   the outcome's clause in next year's report (or the review's words, value null)
 */
/**
 * A target as the editor should show it: the JSON row joined with the text form's line.
 * @typedef {object} TargetParts
 * @property {string} label                 `<metric name> <figure as written>`
 * @property {string} figure                the figure as written (`new 38 家`)
 * @property {string | null} outcomeFigure  the outcome's figure as written, if the review gives one
 * @property {number | null} outcomeLine    its line (1-based) in next year's report
 * @property {string | null} words          what the review says of it, if it says so in words
 * @property {number | null} wordsLine
 * @property {string} [statusWord]          the text form's tail when it names only the status
 * @property {string} title                 the code lens title: what, then outcome and target (`✗ 棚户区改造: 2350户 / target 2700户`)
 * @property {string} verdict               the sentence with the year: hover line, lens tooltip, the view's detail
 * @property {string} description           the view's description: the outcome alone (`✓ 372亿元`, `? unreported`)
 */
/** @typedef {CliTarget & TargetParts} Target */

/**
 * `govreport check`'s findings by absolute path. Asking for a file it did not report on throws
 * rather than answering undefined.
 * @extends {Map<string, LspDiagnostic[]>}
 */
class FindingsByFile extends Map {
  /**
   * @override
   * @param {string} file
   * @returns {LspDiagnostic[]}
   */
  get(file) {
    const list = super.get(file);
    if (!list) throw new Error(`the CLI did not report on ${file} (it did on ${[...this.keys()].join(', ')})`);
    return list;
  }
}

/**
 * `node CLI ARGS` → stdout.
 * @param {string} cli
 * @param {string[]} args
 */
function run(cli, args) {
  try {
    return execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: ROOT });
  } catch (e) {
    const err = /** @type {Error & { status: number | null, stdout?: string, stderr?: string }} */ (e);
    if (err.status === 1 && err.stdout) return err.stdout; // `check` exits 1 when an error-level finding exists
    throw new Error(`node ${cli} ${args.join(' ')} failed (${err.status}): ${err.stderr || err.message}`);
  }
}

/**
 * Runs `fn(paths)` on the reports: the real files when `texts` is omitted, else copies in a
 * temporary folder of the same name holding `texts` ({ absolute path: text }, e.g. an unsaved
 * edit). `map(s)` turns the copies' paths and file URIs back into the real ones.
 * @template R
 * @param {string[]} files
 * @param {Record<string, string> | undefined} texts
 * @param {(paths: string[], map: (s: string) => string) => R} fn
 * @returns {R}
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
    /** @param {string} s */
    const map = (s) =>
      s
        .split(fromUrl)
        .join(toUrl)
        .split(copyDir + path.sep)
        .join(dir + path.sep);
    return fn(copies, map);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `govreport check FILES --format json --locale en` (of `texts` if given) → Map(absolute path → LSP Diagnostic[]).
 * @param {string} cli
 * @param {string[]} files
 * @param {Record<string, string>} [texts]
 * @returns {FindingsByFile}
 */
function checkOf(cli, files, texts) {
  return onTexts(files, texts, (paths, map) => {
    /** @type {{ files: { path: string, diagnostics: LspDiagnostic[] }[] }} */
    const report = JSON.parse(map(run(cli, ['check', ...paths, '--format', 'json', '--locale', 'en'])));
    assert.deepEqual(Object.keys(report), ['files']);
    return new FindingsByFile(report.files.map((f) => [path.resolve(ROOT, f.path), f.diagnostics]));
  });
}

const MARK = { met: '✓', missed: '✗', unreported: '?', pending: '…' };

/**
 * Splits the text form's tail (after `→`) into outcome figure, its line and the review's words.
 * @param {string} tail
 * @returns {Pick<TargetParts, 'outcomeFigure' | 'outcomeLine' | 'words' | 'wordsLine' | 'statusWord'>}
 */
function parseTail(tail) {
  let m = /^“(.*)” \(line (\d+)\)$/.exec(tail);
  if (m) return { outcomeFigure: null, outcomeLine: null, words: m[1], wordsLine: +m[2] };
  m = /^(.*) \(line (\d+)\), “(.*)”$/.exec(tail);
  if (m) return { outcomeFigure: m[1], outcomeLine: +m[2], words: m[3], wordsLine: null };
  m = /^(.*) \(line (\d+)\)$/.exec(tail);
  if (m) return { outcomeFigure: m[1], outcomeLine: +m[2], words: null, wordsLine: null };
  return { outcomeFigure: null, outcomeLine: null, words: null, wordsLine: null, statusWord: tail };
}

/**
 * A clause cut to a lens's width at a clause boundary (present.ts shortClause).
 * @param {string} text
 */
function shortClause(text, max = 16) {
  const s = text.trim().replace(/^[，、；：。\s]+/, '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const at = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('、'), cut.lastIndexOf('；'));
  return `${at >= 4 ? cut.slice(0, at) : cut}…`;
}

/**
 * The code lens of a target (targetLensTitle, English): what it is about first, then outcome and target.
 * @param {CliTarget & Omit<TargetParts, 'title' | 'verdict' | 'description'>} t
 */
function lensTitle(t) {
  const ny = t.year + 1;
  const what = t.metric.replace(/^(?:19|20)\d{2}年(?:度)?/, '') || shortClause(t.text);
  switch (t.status) {
    case 'met':
      return `✓ ${what}: ${t.outcomeFigure} / target ${t.figure}`;
    case 'missed':
      return t.outcomeFigure !== null
        ? `✗ ${what}: ${t.outcomeFigure} / target ${t.figure}`
        : `✗ ${what}: “${shortClause(t.words ?? '')}” / target ${t.figure}`;
    case 'unreported':
      return `? ${what}: not reported / target ${t.figure}`;
    default:
      return `… ${what}: awaiting the ${ny} report / target ${t.figure}`;
  }
}

/**
 * The sentence with the year (targetVerdictLine, English): the hover line, the lens tooltip, the view's detail.
 * @param {CliTarget & Omit<TargetParts, 'title' | 'verdict' | 'description'>} t
 */
function verdictLine(t) {
  const ny = t.year + 1;
  switch (t.status) {
    case 'met':
      return `✓ ${ny} report: ${t.outcomeFigure} (target ${t.figure})`;
    case 'missed':
      return t.outcomeFigure !== null ? `✗ ${ny} report: ${t.outcomeFigure} (target ${t.figure}), missed` : `✗ ${ny} report: "${t.words}" (target ${t.figure})`;
    case 'unreported':
      return `? not reported in the ${ny} report (target ${t.figure})`;
    default:
      return `… awaiting the ${ny} report (target ${t.figure})`;
  }
}

/**
 * The view's description of a target: the outcome alone, the label already names the target.
 * @param {CliTarget & Omit<TargetParts, 'title' | 'verdict' | 'description'>} t
 */
function description(t) {
  const mark = MARK[t.status];
  if (t.outcomeFigure !== null) return `${mark} ${t.outcomeFigure}`;
  if (t.words !== null) return `${mark} “${t.words.trim()}”`;
  return `${mark} ${t.status}`;
}

/**
 * Every target of `files` (given together, so year N is matched with year N+1), as
 * { file, range, text, metric, value, unit, qualifier, year, status, outcome (JSON),
 *   label, figure, outcomeFigure, outcomeLine, words, wordsLine, title } in the CLI's order.
 * @param {string} cli
 * @param {string[]} files
 * @param {Record<string, string>} [texts]
 * @returns {Target[]}
 */
function targetsOf(cli, files, texts) {
  return onTexts(files, texts, (paths, map) => {
    /** @type {CliTarget[]} */
    const rows = JSON.parse(map(run(cli, ['targets', ...paths, '--format', 'json', '--locale', 'en'])));
    const lines = map(run(cli, ['targets', ...paths, '--format', 'text', '--locale', 'en']))
      .split('\n')
      .filter((l) => /^ {2}\d+:\d+ {2}/.test(l));
    assert.equal(lines.length, rows.length, 'the text and JSON forms list the same targets');
    return rows.map((row, i) => {
      const m = /^ {2}(\d+):(\d+) {2}(\S) (.+?) → (.*)$/.exec(lines[i]);
      assert.ok(m, `a target line of the text form: ${lines[i]}`);
      const [, line, col, mark, label, tail] = m;
      assert.deepEqual(
        [+line - 1, +col - 1, mark],
        [row.range.start.line, row.range.start.character, MARK[row.status]],
        `text and JSON agree on row ${i}: ${lines[i]}`,
      );
      // The label is `<metric name> <figure as written>` (the name without a leading year).
      const name = row.metric.replace(/^(?:19|20)\d{2}年(?:度)?/, '');
      assert.ok(label.startsWith(`${name} `), `label ${JSON.stringify(label)} starts with the metric ${JSON.stringify(name)}`);
      const parts = { ...row, file: path.resolve(ROOT, row.file), label, figure: label.slice(name.length + 1), ...parseTail(tail) };
      if (parts.outcome) parts.outcome.file = path.resolve(ROOT, parts.outcome.file);
      // The statuses without an outcome print their name; with one, the JSON has it too.
      if (parts.statusWord !== undefined) assert.equal(parts.statusWord, parts.status);
      assert.equal(parts.outcomeFigure !== null || parts.words !== null, parts.outcome !== null, `outcome in both forms: ${lines[i]}`);
      /** @type {Target} */
      const t = { ...parts, title: lensTitle(parts), verdict: verdictLine(parts), description: description(parts) };
      return t;
    });
  });
}

/** @param {readonly { status: Status }[]} list @param {Status} status */
const count = (list, status) => list.filter((t) => t.status === status).length;

/** A line with this many target lenses or more shows one lens with the counts (features/targets.ts). */
const COLLAPSE_AT = 3;

/**
 * The code lenses a year-N report should show, in order: per line, one per target (pending ones
 * have none), or one `3 targets: ✓1 ✗1 ?1` when the line has three or more.
 * @param {readonly Target[]} rows  the report's targets as targetsOf gives them
 * @returns {{ range: LspRange, title: string, targets: Target[] }[]}
 */
function lensesOf(rows) {
  /** @type {Map<number, Target[]>} */
  const byLine = new Map();
  for (const t of rows) {
    if (t.status === 'pending') continue;
    const list = byLine.get(t.range.start.line) ?? [];
    list.push(t);
    byLine.set(t.range.start.line, list);
  }
  /** @type {{ range: LspRange, title: string, targets: Target[] }[]} */
  const out = [];
  for (const group of byLine.values()) {
    if (group.length < COLLAPSE_AT) {
      for (const t of group) out.push({ range: t.range, title: t.title, targets: [t] });
      continue;
    }
    const marks = /** @type {[Status, string][]} */ ([
      ['met', '✓'],
      ['missed', '✗'],
      ['unreported', '?'],
      ['pending', '…'],
    ])
      .filter(([s]) => count(group, s) > 0)
      .map(([s, m]) => `${m}${count(group, s)}`)
      .join(' ');
    out.push({ range: group[0].range, title: `${group.length} targets: ${marks}`, targets: group });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * A CSV text → rows of cells (RFC 4180: quoted cells, doubled quotes, CRLF).
 * @param {string} text
 */
function parseCsv(text) {
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  assert.equal(quoted, false, 'no open quote at the end');
  assert.deepEqual([row, cell], [[], ''], 'the CSV ends with CRLF');
  return rows;
}

/**
 * @param {LspRange} r  (or a vscode.Range)
 * @returns {LspRange}
 */
const plainRange = (r) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });
/** @param {LspRange} outer @param {LspRange} inner */
const contains = (outer, inner) => {
  /** @param {LspRange['start']} a @param {LspRange['start']} b */
  const le = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
};

module.exports = { FindingsByFile, checkOf, targetsOf, lensTitle, lensesOf, verdictLine, count, parseCsv, plainRange, contains };
