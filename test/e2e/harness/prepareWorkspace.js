#!/usr/bin/env node
// @ts-check
// Prepares the workspaces the real-editor suites open. Generated at test time (artifacts/ is
// git-ignored), never committed.
//
//   node test/e2e/harness/prepareWorkspace.js [outDir]      (default artifacts/e2e-ws)
//   node test/e2e/harness/prepareWorkspace.js outDir --targets   (the targets workspace below)
//   const { prepareWorkspace } = require('./prepareWorkspace'); prepareWorkspace(outDir)
//
// <outDir>/two-years/
//   xinshi-2023.md   a copy of examples/xinshi-2023.md
//   xinshi-2024.md   the same report moved a year on by the edits a drafter makes first
//                    (same as nextYearOf in test/protocol/server.test.ts)
//   notes.md         a Markdown file that is not a report
// The folder is emptied first, so every run starts from the same files.
//
// prepareTargetsWorkspace(outDir) (the targets suite, test/e2e/suites/targets/):
// <outDir>/two-years/
//   xinshi-2023.md   a copy of examples/xinshi-2023.md
//   xinshi-2024.md   a copy of examples/xinshi-2024.md, the labelled 2024 draft
//                    whose review reports the sample's 29 targets: 12 met, 6 missed, 11 unreported
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'xinshi-2023.md');

/**
 * Year N+1's report, made from the sample by moving it a year on. Throws if an edit misses.
 * @param {string} sample
 */
function nextYearOf(sample) {
  const edits = [
    ['2023年1月13日在新市区第十五届人民代表大会', '2024年1月12日在新市区第十五届人民代表大会'],
    ['第三次会议上', '第四次会议上'],
    ['## 2022年工作回顾', '## 2023年工作回顾'],
    ['## 2023 年主要工作', '## 2024年主要工作'],
  ];
  let text = sample;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`prepareWorkspace: the sample no longer contains ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

const NOTES = '# 会议纪要\n\n这不是报告，只是一份普通的 Markdown 笔记。\n\n## 待办\n\n- 整理材料\n';

function prepareWorkspace(outDir = path.join(ROOT, 'artifacts', 'e2e-ws')) {
  const dir = path.join(path.resolve(outDir), 'two-years');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  const files = {
    'xinshi-2023.md': sample,
    'xinshi-2024.md': nextYearOf(sample),
    'notes.md': NOTES,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { twoYears: dir, files: Object.keys(files).map((f) => path.join(dir, f)) };
}

const DRAFT = path.join(ROOT, 'examples', 'xinshi-2024.md');

function prepareTargetsWorkspace(outDir = path.join(ROOT, 'artifacts', 'e2e-targets')) {
  const dir = path.join(path.resolve(outDir), 'two-years');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(dir, 'xinshi-2023.md'));
  fs.copyFileSync(DRAFT, path.join(dir, 'xinshi-2024.md'));
  return { twoYears: dir, files: ['xinshi-2023.md', 'xinshi-2024.md'].map((f) => path.join(dir, f)) };
}

module.exports = { prepareWorkspace, prepareTargetsWorkspace, nextYearOf };

if (require.main === module) {
  const args = process.argv.slice(2);
  const prepare = args.includes('--targets') ? prepareTargetsWorkspace : prepareWorkspace;
  const { twoYears, files } = prepare(args.find((a) => a !== '--targets'));
  console.log(`prepareWorkspace: ${path.relative(process.cwd(), twoYears) || '.'} (${files.map((f) => path.basename(f)).join(', ')})`);
}
