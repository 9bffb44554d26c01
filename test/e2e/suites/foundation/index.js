// @ts-check
// The foundation suite in a real VS Code: report detection, outline, diagnostics = the CLI's,
// folding, workspace symbols, an edit, the language switch, activation, the preview. Run it with
// `npm run test:e2e` or `node test/e2e/harness/runTest.js --suite foundation`, which prepares
// artifacts/e2e-ws/two-years and opens xinshi-2023.md at start-up, as a user double-clicking it would.
// The *.test.js files run in name order and share one window: each leaves the documents as it
// found them (the 2023 report open as govreport in the first editor group).
'use strict';
const { runMocha } = require('../../harness/mochaIndex');

exports.run = () => runMocha(__dirname, { timeout: 20000, slow: 2000 });
