// @ts-check
// Helper for a suite's index.js, which VS Code loads in the extension host as extensionTestsPath:
//
//   // test/e2e/suites/<suite>/index.js
//   const { runMocha } = require('../../harness/mochaIndex');
//   exports.run = () => runMocha(__dirname, { timeout: 20000 });
//
// Loads every *.test.js in `dir` (sorted, not recursive) into Mocha 12 with the bdd ui
// (describe/it/before/after) and the spec reporter, and resolves when all pass. Rejects when a test
// fails (message gives the count) or when no test ran, so an empty suite never looks green.
// MOCHA_GREP in the environment keeps only tests whose full title matches it.
'use strict';
const fs = require('fs');
const path = require('path');

/** @returns {typeof import('mocha')} */
function loadMocha() {
  // Mocha 12 is an ES module; Node 20's require(esm) returns its namespace (@types/mocha describes
  // the CommonJS export of Mocha 10, the class itself).
  /** @type {typeof import('mocha') & { default?: typeof import('mocha'), Mocha?: typeof import('mocha') }} */
  const M = require('mocha');
  return M.default || M.Mocha || M;
}

/**
 * @param {string} dir
 * @param {{ timeout?: number, slow?: number }} [options]
 * @returns {Promise<void>}
 */
async function runMocha(dir, options = {}) {
  const Mocha = loadMocha();
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: options.timeout ?? 20000,
    slow: options.slow ?? 5000,
    ...(process.env.MOCHA_GREP ? { grep: process.env.MOCHA_GREP } : {}),
  });
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no *.test.js files in ${dir}`);
  for (const f of files) mocha.addFile(path.join(dir, f));
  await mocha.loadFilesAsync();
  /** @type {{ failures: number, total: number }} */
  const { failures, total } = await new Promise((resolve) => {
    const runner = mocha.run((n) => resolve({ failures: n, total: runner.total }));
  });
  if (failures > 0) throw new Error(`${failures} of ${total} tests failed.`);
  if (total === 0) throw new Error('no test ran (empty suite or MOCHA_GREP matched nothing)');
}

module.exports = { runMocha };
