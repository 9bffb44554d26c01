// @ts-check
// The VS Code suites, in the order `runTest.js --suite all` runs them. Each runs in its own window
// on its own copy of a workspace (the suites edit and revert files, so two runs never share one).
'use strict';

/**
 * @typedef {object} Suite
 * @property {string} name     what `runTest.js --suite` takes; also names the screenshot `artifacts/e2e-<name>.png`
 * @property {string} dir      the suite's folder, from the repository root; its `index.js` is the extensionTestsPath
 * @property {{ out: string, targets: boolean }} workspace
 *   what prepareWorkspace.js makes in `out` (from the repository root), whose `two-years/` folder is
 *   opened: the sample and the sample moved a year on, or with `targets` the sample and the
 *   labelled 2024 draft
 * @property {string} open     the file of `two-years/` opened at start-up, as a user double-clicking it would
 * @property {Record<string, unknown>} settings  user settings over workbench-settings.js (SHIM_SETTINGS overrides them)
 */

// The workspaces live inside this git repository: without this, VS Code's git extension offers to
// open the parent repository.
const SETTINGS = { 'git.openRepositoryInParentFolders': 'never' };

/** @type {readonly Suite[]} */
const SUITES = [
  { name: 'foundation', dir: 'test/e2e/suites/foundation', workspace: { out: 'artifacts/e2e-ws', targets: false }, open: 'xinshi-2023.md', settings: SETTINGS },
  {
    name: 'experience',
    dir: 'test/e2e/suites/experience',
    workspace: { out: 'artifacts/e2e-experience', targets: false },
    open: 'xinshi-2023.md',
    settings: SETTINGS,
  },
  { name: 'targets', dir: 'test/e2e/suites/targets', workspace: { out: 'artifacts/e2e-targets', targets: true }, open: 'xinshi-2023.md', settings: SETTINGS },
];

module.exports = { SUITES };
