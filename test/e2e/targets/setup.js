// The targets suite in the extension host: both reports open and settled, the oracle
// (oracle.js: the CLI of the extension under test) bound to them. Not a test file.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { CLI, LANGUAGE_ID, cliLocale, docWithLanguage, show, waitForDiagnostics, workspaceDir } = require('../helpers');
const oracle = require('./oracle');

/** `govreport check` / `govreport targets` of the workspace's reports (`texts`: unsaved edits, { path: text }). */
const checkOf = (files, texts) => oracle.checkOf(CLI, files, texts);
const targetsOf = (files, texts) => oracle.targetsOf(CLI, files, texts);

let disk;
/** The CLI's answers for the files on disk, computed once per run. */
function diskOracle() {
  if (!disk) {
    const dir = workspaceDir();
    const files = [path.join(dir, 'xinshi-2023.md'), path.join(dir, 'xinshi-2024.md')];
    disk = { dir, files, targets: targetsOf(files), check: checkOf(files) };
  }
  return disk;
}

/**
 * Both reports open as govreport, xinshi-2023.md active, and its diagnostics equal to the CLI's of
 * both files (so the server's workspace index has the 2024 report). Returns the oracle with the
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
  return {
    ...o,
    doc,
    nextDoc,
    n: o.targets.filter((t) => t.file === file),
    n1: o.targets.filter((t) => t.file === next),
  };
}

/** The extension's API (activate()'s return). */
const api = () => vscode.extensions.getExtension('govreport.govreport').exports;

module.exports = { ...oracle, checkOf, targetsOf, setup, api };
