// @ts-check
// Targets across years in a real VS Code: the target diagnostics, code lenses, targets view, review
// checklist and CSV export. Run it with `npm run test:e2e:targets` or
// `node test/e2e/harness/runTest.js --suite targets`, which prepares its own workspace (artifacts/e2e-targets/two-years:
// the sample report as xinshi-2023.md and the labelled 2024 draft examples/xinshi-2024.md, whose
// review reports the sample's 30 targets: 12 met, 6 missed, 12 unreported) and opens xinshi-2023.md at start-up. Expectations come from
// the CLI (`govreport targets` and `govreport check` of both files, see oracles/targets.js). The *.test.js
// files run in name order and share one window; each leaves both reports unmodified and
// xinshi-2023.md active.
//
//   01-diagnostics   the draft's target-missed / target-task-unreported = the CLI's; the hover's verdict
//   02-code-lenses   one lens per target in year N (title, command); the summary on year N+1's review heading
//   03-targets-view  govreport.showTargets: the view's data = the CLI's statuses; clicking reveals the target
//   04-checklist     govreport.writeChecklist: an untitled Markdown document, every target by section
//   05-csv           govreport.exportTargetsCsv: BOM, header, one row per target of both reports
//   06-edit          an edit in year N+1's review updates year N's diagnostics, lenses and view; reverted
'use strict';
const { runMocha } = require('../../harness/mochaIndex');

exports.run = () => runMocha(__dirname, { timeout: 20000, slow: 3000 });
