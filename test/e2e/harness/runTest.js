#!/usr/bin/env node
// @ts-check
// Runs e2e suites in a real VS Code (code-server 1.100.3 + headless Chromium, see code-shim.js).
//
//   node test/e2e/harness/runTest.js [--suite NAME|all]
//       a suite of suites.js (default: all of them, in order, stopping at the first that fails):
//       prepares its workspace, opens it with its file, saves artifacts/e2e-<name>.png
//   node test/e2e/harness/runTest.js <suiteDir> [workspaceFolder] [fileToOpen[:line[:col]]]
//       any suite folder, on the folder and file given
//
// <suiteDir>/index.js must export run() (e.g. via ./mochaIndex.js). The extension under test is the
// repo root, or EXT_DEV_PATH. Exits 0 when every test passed, non-zero otherwise.
'use strict';
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { prepareTargetsWorkspace, prepareWorkspace } = require('./prepareWorkspace');
const { SUITES } = require('./suites');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const USAGE = [
  `usage: node test/e2e/harness/runTest.js [--suite ${SUITES.map((s) => s.name).join('|')}|all]`,
  '       node test/e2e/harness/runTest.js <suiteDir> [workspaceFolder] [fileToOpen[:line[:col]]]',
].join('\n');

/**
 * Runs the suite in `suiteDir` with `launch` (a folder, then a file to open, `file:line[:col]`
 * allowed) and `env` for the shim and the extension host. Resolves with the exit code.
 * @param {string} suiteDir
 * @param {string[]} launch
 * @param {Record<string, string>} [env]
 * @returns {Promise<number>}
 */
async function run(suiteDir, launch, env = {}) {
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
    const goto = m !== null && !fs.existsSync(path.resolve(arg)) && fs.existsSync(path.resolve(m[1]));
    const p = m !== null && goto ? path.resolve(m[1]) + m[2] : path.resolve(arg);
    if (!goto && !fs.existsSync(p)) {
      console.error(`runTest: ${p} does not exist`);
      return 2;
    }
    if (goto) launchArgs.push('-g');
    launchArgs.push(p);
  }
  const started = Date.now();
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'code-shim.js'), // no download: offline
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionTestsEnv: env,
      launchArgs,
    });
    console.log(`runTest: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    // runTests rejects with a TestRunFailedError (the shim's exit code) or a spawn error.
    const err = /** @type {Error & { code?: unknown }} */ (e);
    console.error(`runTest: failed after ${((Date.now() - started) / 1000).toFixed(1)} s: ${err.message}`);
    return typeof err.code === 'number' && err.code > 0 ? err.code : 1;
  }
}

/**
 * A suite of suites.js: its own workspace, its file opened, its settings and screenshot.
 * @param {import('./suites').Suite} suite
 */
function runSuite(suite) {
  const prepare = suite.workspace.targets ? prepareTargetsWorkspace : prepareWorkspace;
  const { twoYears, files } = prepare(path.join(ROOT, suite.workspace.out));
  console.log(`runTest: suite ${suite.name} on ${path.relative(process.cwd(), twoYears) || '.'} (${files.map((f) => path.basename(f)).join(', ')})`);
  const override = process.env.SHIM_SETTINGS ? JSON.parse(process.env.SHIM_SETTINGS) : {};
  return run(path.join(ROOT, suite.dir), [twoYears, path.join(twoYears, suite.open)], {
    SHIM_SCREENSHOT: path.join(ROOT, 'artifacts', `e2e-${suite.name}.png`),
    SHIM_SETTINGS: JSON.stringify({ ...suite.settings, ...override }),
  });
}

/** @returns {Promise<number>} */
async function main() {
  const args = process.argv.slice(2);
  if (args[0] !== undefined && args[0] !== '--suite') {
    if (args[0].startsWith('-')) {
      console.error(USAGE);
      return 2;
    }
    const [suiteDir, ...launch] = args;
    return run(suiteDir, launch);
  }
  if (args[0] === '--suite' && args.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const name = args[1] ?? 'all';
  const chosen = name === 'all' ? SUITES : SUITES.filter((s) => s.name === name);
  if (!chosen.length) {
    console.error(`runTest: no suite ${name}\n${USAGE}`);
    return 2;
  }
  for (const suite of chosen) {
    const code = await runSuite(suite);
    if (code !== 0) return code;
  }
  return 0;
}

main().then((code) => process.exit(code));
