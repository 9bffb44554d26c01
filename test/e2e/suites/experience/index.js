// @ts-check
// The "what a user sees" suite in a real VS Code. Run it with `npm run test:e2e:experience` or
// `node test/e2e/harness/runTest.js --suite experience`, which prepares its own copy of the two-year
// workspace (artifacts/e2e-experience/two-years: the suite edits and reverts files, so it shares
// them with no other suite that may run at the same time) and opens xinshi-2023.md at start-up.
// The *.test.js files run in name order and share one window; each leaves the documents as it found
// them (the 2023 report open as govreport, unmodified, in the first group).
//
//   01-diagnostics     codes, ranges and messages of representative findings; all = the CLI's
//   02-quick-fix       one quick fix through executeCodeActionProvider + applyEdit, then fix-all
//   03-hover           the hover text on a number
//   04-rule-docs       govreport.openRuleDoc opens docs/rules/<id>.md in a Markdown preview
//   05-crash-recovery  kills the language server twice (last: it restarts the server)
// The targets view and the review checklist have their own suite (../targets), whose workspace
// holds the labelled 2024 draft.
'use strict';
const { runMocha } = require('../../harness/mochaIndex');

exports.run = () => runMocha(__dirname, { timeout: 20000, slow: 3000 });
