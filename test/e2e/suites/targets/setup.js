// @ts-check
// The targets suite in the extension host: both reports open and settled, the oracle
// (oracles/targets.js: the CLI of the extension under test) bound to them. Not a test file
// (mochaIndex.js loads only *.test.js).
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { CLI, LANGUAGE_ID, cliLocale, docWithLanguage, show, waitForDiagnostics, workspaceDir } = require('../helpers');
const oracle = require('../../oracles/targets');

/** @typedef {import('../../oracles/targets').Target} Target  a target as `govreport targets` says it */
/** @typedef {import('../../../../shared/protocol').ReportTargets} ReportTargets  a report as the targets view shows it */

/**
 * `govreport check` / `govreport targets` of the workspace's reports (`texts`: unsaved edits, { path: text }).
 * @param {string[]} files
 * @param {Record<string, string>} [texts]
 */
const checkOf = (files, texts) => oracle.checkOf(CLI, files, texts);
/**
 * @param {string[]} files
 * @param {Record<string, string>} [texts]
 */
const targetsOf = (files, texts) => oracle.targetsOf(CLI, files, texts);

/** @typedef {{ dir: string, files: [string, string], targets: Target[], check: import('../../oracles/targets').FindingsByFile }} DiskOracle */
/** @type {DiskOracle | undefined} */
let disk;
/** The CLI's answers for the files on disk, computed once per run. */
function diskOracle() {
  if (!disk) {
    const dir = workspaceDir();
    /** @type {[string, string]} */
    const files = [path.join(dir, 'xinshi-2023.md'), path.join(dir, 'xinshi-2024.md')];
    disk = { dir, files, targets: targetsOf(files), check: checkOf(files) };
  }
  return disk;
}

/**
 * Both reports open as govreport, xinshi-2023.md active, and the diagnostics of each equal to the
 * CLI's of both files (so the server's workspace index has the other year's report). Returns the oracle with the
 * documents: { dir, files, targets, check, doc, nextDoc, n (2023 rows), n1 (2024 rows) }.
 */
async function setup() {
  assert.equal(cliLocale(), 'en', 'VS Code runs in English here (the oracle reads the CLI’s English)');
  const o = diskOracle();
  const [file, next] = o.files;
  const nextDoc = await docWithLanguage(next, LANGUAGE_ID);
  const doc = await docWithLanguage(file, LANGUAGE_ID);
  await show(doc);
  await waitForDiagnostics(doc.uri, o.check.get(file), { what: 'the diagnostics of xinshi-2023.md to equal the CLI’s (both years)' });
  // The draft is open but not shown: the server re-checks it once 2023 is read (its peer), and
  // publishes when that analysis is done — waited for, not assumed (a cold first run was slower).
  await waitForDiagnostics(nextDoc.uri, o.check.get(next), { what: 'the diagnostics of xinshi-2024.md to equal the CLI’s (both years)' });
  return {
    ...o,
    doc,
    nextDoc,
    n: o.targets.filter((t) => t.file === file),
    n1: o.targets.filter((t) => t.file === next),
  };
}

/** @typedef {Awaited<ReturnType<typeof setup>>} Context  what setup() returns */

/**
 * The code lenses VS Code shows in `uri`.
 * @param {vscode.Uri} uri
 * @returns {Thenable<vscode.CodeLens[]>}
 */
const codeLenses = (uri) =>
  vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri).then((r) => /** @type {vscode.CodeLens[] | undefined} */ (r) || []);
/** @typedef {{ range: { start: { line: number, character: number } } }} Placed  a lens, or anything with a range */
/** In document order. @param {Placed} a @param {Placed} b */
const byPosition = (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * The extension's API (activate()'s return).
 * @returns {import('../../../../client/src/extension').GovReportApi}
 */
function api() {
  const ext = vscode.extensions.getExtension('govreport.govreport');
  assert.ok(ext, 'the extension is installed');
  return ext.exports;
}

module.exports = { ...oracle, api, byPosition, checkOf, codeLenses, setup, targetsOf };
