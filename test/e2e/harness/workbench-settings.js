// @ts-check
// User settings for every VS Code (code-server) the tests start: quiet, offline, no trust prompt.
// Shared by code-shim.js (the API suites) and workbench.js (the page checks).
module.exports = {
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  // The web workbench defaults to autoSave afterDelay (1 s); desktop VS Code, which the tests
  // stand for, to off. With it on, a test's unsaved edit reaches the disk when the test is slow.
  'files.autoSave': 'off',
};
