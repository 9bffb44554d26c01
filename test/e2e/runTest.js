#!/usr/bin/env node
// Runs one e2e suite in a real VS Code (code-server 1.100.3 + headless Chromium, see scripts/code-shim.js).
//
//   node test/e2e/runTest.js <suiteDir> [workspaceFolder] [fileToOpen[:line[:col]]]
//
// <suiteDir>/index.js must export run() (e.g. via ./mochaIndex.js). The extension under test is the
// repo root, or EXT_DEV_PATH. Exits 0 when every test passed, non-zero otherwise.
'use strict';
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '..', '..');

async function main() {
  const [suiteDir, ...launch] = process.argv.slice(2);
  if (!suiteDir) {
    console.error('usage: node test/e2e/runTest.js <suiteDir> [workspaceFolder] [fileToOpen[:line[:col]]]');
    return 2;
  }
  const extensionTestsPath = path.resolve(suiteDir, 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`runTest: ${extensionTestsPath} not found`);
    return 2;
  }
  const extensionDevelopmentPath = path.resolve(process.env.EXT_DEV_PATH || ROOT);
  // `file:line[:col]` opens the file at that position (the shim's -g / gotoLineMode).
  const launchArgs = [];
  for (const arg of launch) {
    const m = /^(.*?)((?::\d+){1,2})$/.exec(arg);
    const goto = m && !fs.existsSync(path.resolve(arg)) && fs.existsSync(path.resolve(m[1]));
    const p = goto ? path.resolve(m[1]) + m[2] : path.resolve(arg);
    if (!goto && !fs.existsSync(p)) { console.error(`runTest: ${p} does not exist`); return 2; }
    if (goto) launchArgs.push('-g');
    launchArgs.push(p);
  }
  const started = Date.now();
  try {
    await runTests({
      vscodeExecutablePath: path.join(ROOT, 'scripts', 'code-shim.js'), // no download: offline
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs,
    });
    console.log(`runTest: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    console.error(`runTest: failed after ${((Date.now() - started) / 1000).toFixed(1)} s: ${e.message}`);
    return typeof e.code === 'number' && e.code > 0 ? e.code : 1;
  }
}

main().then((code) => process.exit(code));
