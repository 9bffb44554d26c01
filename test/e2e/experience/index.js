// The "what a user sees" suite (issues 6 and 7) in a real VS Code. Run it with
// `npm run test:e2e:experience`, which prepares its own copy of the two-year workspace
// (artifacts/e2e-experience/two-years: the suite edits and reverts files, so it shares them with no
// other suite that may run at the same time) and opens xinshi-2023.md at start-up. The *.test.js files run in name order and share one window; each leaves the
// documents as it found them (the 2023 report open as govreport, unmodified, in the first group).
//
//   01-diagnostics     codes, ranges and messages of representative findings; all = the CLI's
//   02-quick-fix       one quick fix through executeCodeActionProvider + applyEdit, then fix-all
//   03-hover           the hover text on a number
//   04-rule-docs       govreport.openRuleDoc opens docs/rules/<id>.md in a Markdown preview
//   (05, 06: the targets view and the review checklist are tested in test/e2e/targets/, on a
//    workspace whose 2024 report is the labelled draft)
//   09-crash-recovery  kills the language server twice (last: it restarts the server)
'use strict';
const { runMocha } = require('../mochaIndex');

exports.run = () => runMocha(__dirname, { timeout: 20000, slow: 3000 });
