#!/usr/bin/env node
// @ts-check
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page itself, as a user sees it: code-server's workbench in headless Chromium (Playwright),
// the sample report opened at start-up. Checks what is on screen, not what the API returns:
//
//   0. the editor reads like a document: long paragraphs wrap (no horizontal scrolling), and VS Code
//      draws no ambiguous-character box on the full-width punctuation (Markdown's defaults)
//   1. the status bar item `govreport.status`: `targets ✗<missed> ?<unreported> · numbers <n> · clean-up <n>`
//   2. a click on it opens the Problems panel, which lists exactly the CLI's findings for the file
//      but the hints (severity, message, source = the category, code, line and column of every row)
//   2b. the quick-fix menu (Ctrl+.) on a finding: the fix, fix-all by the rule's name, disable on
//      this line, the rule's page; a screenshot of it
//   3. the Outline view: our outline, node for node, the six 着力 sections once each, no
//      Markdown heading symbols beside it
//   4. a screenshot (editor with squiggles, Problems panel, Outline, status bar) for CI
//   4b. the Explorer's "Report Targets" view: the reports by year, the 2023 report's targets with
//      their status icons and outcomes as `govreport targets` of both files says; a click on a
//      target selects it in the editor; a screenshot of it
//   5. crash recovery as the user sees it: the language server process is killed twice, each time
//      followed by typing into the report while it is down; the status bar then counts the finding
//      the typing made (the restarted server has the edit), and the notification centre holds
//      exactly one GovReport notice; a second screenshot shows it
//
//   node test/e2e/page/ui.js [--extensions-dir DIR] [--cli PATH] [--out NAME]
//
// By default the extension is loaded from the repo (extensionDevelopmentPath). With
// --extensions-dir, nothing is loaded from the repo: only the extensions installed in DIR run (the
// .vsix check, vsix.js), and --cli names the CLI to compare with (the installed one).
// --out NAME (default e2e-ui) names the workspace copy artifacts/NAME/two-years, the screenshot
// artifacts/NAME.png and the logs artifacts/NAME-logs/. Exit 0 when every check passed, 1 otherwise.
// Waits on DOM conditions only (Playwright's waitForFunction/waitForSelector), never fixed sleeps.
// (The DOM library above types the callbacks that run in the page: page.evaluate, waitForFunction.)
'use strict';
const { checks } = require('./checks');
const assert = require('assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { openWorkbench } = require('../harness/workbench');
const { prepareTargetsWorkspace } = require('../harness/prepareWorkspace');
const targetsOracle = require('../oracles/targets');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const STATUS_ID = 'govreport.govreport.govreport.status'; // <extension id>.<item id>
/** The README's screenshots come from these artifacts (`npm run screenshots` copies them to images/screens/). */
const SHOTS = { main: '', targets: '-targets', quickfix: '-quickfix' };

/**
 * A screenshot as the PNG artifact and, for the README, a JPEG beside it (`<name>.jpg`, small enough for the .vsix).
 * @param {Page} page
 * @param {string} png
 */
async function shoot(page, png) {
  await page.screenshot({ path: png });
  await page.screenshot({ path: png.replace(/\.png$/, '.jpg'), type: 'jpeg', quality: 45 });
}
const TIMEOUT = 30000;

/** @typedef {import('vscode-languageserver').Diagnostic} LspDiagnostic */
/** @typedef {import('vscode-languageserver').DocumentSymbol} LspSymbol */
/** @typedef {import('playwright-core').Page} Page */

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ extensionsDir: string | undefined, cli: string, out: string }} */
  const o = { extensionsDir: undefined, cli: path.join(ROOT, 'dist', 'cli.js'), out: 'e2e-ui' };
  for (let i = 0; i < argv.length; i++) {
    const v = () => {
      if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    if (argv[i] === '--extensions-dir') o.extensionsDir = path.resolve(v());
    else if (argv[i] === '--cli') o.cli = path.resolve(v());
    else if (argv[i] === '--out') o.out = v();
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return o;
}

/**
 * `node CLI ARGS`, stdout parsed as JSON.
 * @param {string} cliPath
 * @param {string[]} args
 * @returns {unknown}
 */
function cli(cliPath, args) {
  try {
    return JSON.parse(execFileSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd: ROOT }));
  } catch (e) {
    const err = /** @type {Error & { status: number | null, stdout?: string }} */ (e);
    if (err.status === 1 && err.stdout) return JSON.parse(err.stdout); // error-level findings
    throw e;
  }
}

/**
 * `govreport check FILES --format json` of that CLI.
 * @param {string} cliPath
 * @param {string[]} args  the files and options after `check`
 */
const cliCheck = (cliPath, args) => /** @type {{ files: { path: string, diagnostics: LspDiagnostic[] }[] }} */ (cli(cliPath, ['check', ...args]));

/**
 * @param {readonly LspSymbol[] | undefined} nodes
 * @param {LspSymbol[]} [out]
 */
const flatten = (nodes, out = []) => {
  for (const n of nodes || []) {
    out.push(n);
    flatten(n.children, out);
  }
  return out;
};
/** @type {Record<number, string>} */
const LSP_KIND = {
  1: 'file',
  2: 'module',
  3: 'namespace',
  4: 'package',
  5: 'class',
  6: 'method',
  7: 'property',
  8: 'field',
  9: 'constructor',
  10: 'enum',
  11: 'interface',
  12: 'function',
  13: 'variable',
  14: 'constant',
  15: 'string',
};
/** @type {Record<number, string>} */
const SEVERITY_CLASS = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/**
 * What the status bar should say for the report holding `text`: the CLI's counts of errors, warnings (`check`) and targets (`targets`).
 * @param {string} cliPath
 * @param {string} file
 * @param {string} text
 * @param {string} neighbour
 */
function expectedStatus(cliPath, file, text, neighbour) {
  const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'govreport-ui-'));
  try {
    const dir = path.join(tmp, path.basename(path.dirname(file))); // same folder name as the workspace
    fs.mkdirSync(dir);
    const copy = path.join(dir, path.basename(file));
    fs.writeFileSync(copy, text);
    fs.copyFileSync(neighbour, path.join(dir, path.basename(neighbour)));
    const report = cliCheck(cliPath, [copy, path.join(dir, path.basename(neighbour)), '--format', 'json', '--locale', 'en']);
    const diagnostics = report.files.find((f) => path.resolve(ROOT, f.path) === copy)?.diagnostics;
    assert.ok(diagnostics, `the CLI reports on ${copy}`);
    const rows = /** @type {{ file: string, status: string }[]} */ (
      cli(cliPath, ['targets', copy, path.join(dir, path.basename(neighbour)), '--format', 'json'])
    );
    const mine = rows.filter((r) => path.resolve(ROOT, r.file) === copy);
    const missed = mine.filter((r) => r.status === 'missed').length;
    const unreported = mine.filter((r) => r.status === 'unreported').length;
    /** @param {string} c */
    const of = (c) => diagnostics.filter((d) => d.source === `govreport·${c}`).length;
    const [numbers, cleanup] = [of('numbers'), of('cleanup')];
    // What a drafter acts on first: missed and unreported targets, number problems, then clean-up.
    const want = `targets ✗${missed} ?${unreported} · numbers ${numbers} · clean-up ${cleanup}`;
    return { diagnostics, targets: mine.length, text: want, label: `GovReport 2023 新市区: ${want.split(' · ').join(', ')}` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Live language-server processes of this code-server (its process group) running `<extension>/dist/server.js`.
 * @param {number} group
 */
function serverPids(group) {
  /** @type {number[]} */
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const argv = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      // The server as the client starts it: node (any V8 flags), then dist/server.js.
      if (+pgrp === group && state !== 'Z' && argv.some((a) => /[\\/]dist[\\/]server\.js$/.test(a)) && argv.includes('--node-ipc')) out.push(+name);
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/**
 * True once `pid` has exited (no /proc entry, or a zombie not yet reaped).
 * @param {number} pid
 */
function isGone(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/**
 * Resolves once `probe()` holds, probing on every macrotask; bounded. For state outside the page (processes).
 * @template T
 * @param {() => T} probe
 * @param {string} what
 * @returns {Promise<T>}
 */
async function until(probe, what, timeoutMs = TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

/**
 * Waits until the status item's text (whitespace collapsed) is `want`; fails with the last text.
 * @param {Page} page
 * @param {string} want
 */
async function waitForStatus(page, want) {
  try {
    await page.waitForFunction(
      ([id, w]) => {
        const el = document.getElementById(id);
        return el && (el.textContent ?? '').replace(/\s+/g, ' ').trim() === w;
      },
      [STATUS_ID, want],
      { timeout: TIMEOUT },
    );
  } catch (e) {
    const last = await page.evaluate((id) => document.getElementById(id)?.textContent, STATUS_ID);
    assert.equal((last || '').replace(/\s+/g, ' ').trim(), want, /** @type {Error} */ (e).message);
    throw e;
  }
}

const NOTICE = 'The GovReport language server stopped unexpectedly and was restarted; your unsaved edits are safe.';

const { check, results, summary: tally, failed } = checks('ui');

/**
 * Clicks a pane header of the side bar (e.g. `Outline Section`) until it is expanded/collapsed as asked.
 * @param {Page} page
 * @param {string} ariaLabel
 * @param {boolean} expanded
 */
async function setPane(page, ariaLabel, expanded) {
  const header = page.locator(`.sidebar .pane-header[aria-label="${ariaLabel}"]`);
  await header.waitFor({ timeout: TIMEOUT });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await page.waitForFunction(
    ([l, e]) => document.querySelector(`.sidebar .pane-header[aria-label="${l}"]`)?.getAttribute('aria-expanded') === String(e),
    [ariaLabel, expanded],
    { timeout: TIMEOUT },
  );
}

/**
 * Clicks a panel title action (e.g. `Maximize Panel Size`), found by the start of its label.
 * @param {Page} page
 * @param {string} label
 */
async function panelAction(page, label) {
  const action = page.locator(`.part.panel .action-label[aria-label^="${label}"]`);
  await action.waitFor({ timeout: TIMEOUT });
  await action.click();
}

/**
 * The page's viewport (always set: openWorkbench gives the page one).
 * @param {Page} page
 */
function viewportOf(page) {
  const viewport = page.viewportSize();
  assert.ok(viewport, 'the page has a viewport');
  return viewport;
}

/**
 * All rows of a virtualised monaco list, once the whole list is rendered (`data-index` 0..n-1 with
 * the last one marked data-last-element). The caller makes the list tall enough.
 * @param {Page} page
 * @param {string} rootSelector
 * @param {number} minRows
 */
function waitForAllRows(page, rootSelector, minRows) {
  return page.waitForFunction(
    ({ sel, min }) => {
      const rows = [...document.querySelectorAll(`${sel} .monaco-list-row`)];
      if (rows.length < min) return false;
      const idx = rows.map((r) => Number(r.getAttribute('data-index'))).sort((a, b) => a - b);
      if (idx.some((v, i) => v !== i)) return false;
      if (!rows.some((r) => r.getAttribute('data-last-element') === 'true')) return false;
      return rows.length;
    },
    { sel: rootSelector, min: minRows },
    { timeout: TIMEOUT },
  );
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  // The sample and its labelled 2024 draft: the targets have every status (met, missed, unreported).
  const { twoYears } = prepareTargetsWorkspace(path.join(ROOT, 'artifacts', opts.out));
  const file = path.join(twoYears, 'xinshi-2023.md');
  const neighbour = path.join(twoYears, 'xinshi-2024.md');
  const report = cliCheck(opts.cli, [file, neighbour, '--format', 'json', '--locale', 'en']);
  const diagnostics = report.files.find((f) => path.resolve(ROOT, f.path) === file)?.diagnostics;
  assert.ok(diagnostics, `the CLI reports on ${file}`);
  const outline = /** @type {LspSymbol[]} */ (cli(opts.cli, ['outline', file, '--format', 'json']));
  const status = expectedStatus(opts.cli, file, fs.readFileSync(file, 'utf8'), neighbour);
  // The folder of the extension that runs: the repo, or the one installed in --extensions-dir.
  const extensionRoot = opts.extensionsDir
    ? path.join(opts.extensionsDir, fs.readdirSync(opts.extensionsDir).find((d) => d.startsWith('govreport.govreport-')) || 'govreport.govreport-?')
    : ROOT;
  const screenshot = path.join(ROOT, 'artifacts', `${opts.out}.png`);
  fs.rmSync(screenshot, { force: true });

  console.log(
    `ui: ${opts.extensionsDir ? `installed extensions in ${path.relative(ROOT, opts.extensionsDir) || opts.extensionsDir}` : 'extension from the repo'}; ${diagnostics.length} findings, ${flatten(outline).length} outline nodes expected`,
  );
  const wb = await openWorkbench({
    folder: twoYears,
    file,
    extensionDevelopmentPath: opts.extensionsDir ? undefined : ROOT,
    extensionsDir: opts.extensionsDir,
    // Whole trees rendered expanded, so every node can be read from the DOM.
    settings: { 'outline.collapseItems': 'alwaysExpand', 'problems.defaultViewMode': 'tree' },
    logDir: path.join(ROOT, 'artifacts', `${opts.out}-logs`),
  });
  const { page } = wb;
  try {
    // The language server runs in code-server's process group (code-server leads it).
    const group = wb.server.pid;
    assert.ok(group !== undefined, 'code-server is running');
    await check('the editor shows the report as a Government Work Report (Markdown)', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'xinshi-2023.md' }).first().waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(() => /Government Work Report/.test(document.getElementById('status.editor.mode')?.textContent || ''), null, {
        timeout: TIMEOUT,
      });
      return `workbench and report up ${((Date.now() - started) / 1000).toFixed(1)} s after start`;
    });

    await check(
      'the report reads like a document: paragraphs wrap (no horizontal scroll), no ambiguous-character boxes on full-width punctuation',
      async () => {
        const editor = '.editor-group-container .monaco-editor';
        await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .view-line`).length > 10, editor, { timeout: TIMEOUT });
        // Give the editor time to settle into the report language (its defaults apply on the switch).
        await page.waitForFunction(() => /Government Work Report/.test(document.getElementById('status.editor.mode')?.textContent || ''), null, {
          timeout: TIMEOUT,
        });
        const got = await page.evaluate((sel) => {
          const root = document.querySelector(sel);
          const lines = [...(root?.querySelectorAll('.view-line') ?? [])];
          const numbers = [...(root?.querySelectorAll('.margin-view-overlays .line-numbers') ?? [])].filter((n) => (n.textContent ?? '').trim() !== '');
          const viewLines = /** @type {HTMLElement | null} */ (root?.querySelector('.view-lines'));
          const scrollbar = root?.querySelector('.scrollbar.horizontal');
          return {
            viewLines: lines.length,
            numbered: numbers.length,
            widest: Math.max(...lines.map((l) => /** @type {HTMLElement} */ (l.firstElementChild)?.getBoundingClientRect().width ?? 0)),
            width: viewLines?.getBoundingClientRect().width ?? 0,
            horizontalScrollbar: scrollbar
              ? !scrollbar.classList.contains('invisible') && getComputedStyle(scrollbar).display !== 'none' && scrollbar.getBoundingClientRect().height > 0
              : false,
            unicodeBoxes: root?.querySelectorAll('.unicode-highlight').length ?? -1,
            fullWidth: lines.filter((l) => /[，：；（）]/.test(l.textContent ?? '')).length,
          };
        }, editor);
        assert.ok(got.fullWidth > 5, `full-width punctuation on screen: ${JSON.stringify(got)}`);
        assert.ok(got.viewLines > got.numbered, `wrapped: more screen lines than numbered lines (${JSON.stringify(got)})`);
        assert.ok(got.widest <= got.width + 2, `no line wider than the editor (${JSON.stringify(got)})`);
        assert.equal(got.unicodeBoxes, 0, `no unicode-highlight decoration (${JSON.stringify(got)})`);
        return `${got.viewLines} screen lines for ${got.numbered} numbered lines; widest ${got.widest.toFixed(0)} of ${got.width.toFixed(0)} px; ${got.unicodeBoxes} ambiguous-character boxes`;
      },
    );

    await check(`status bar: "${status.text}" (what a drafter acts on, not a second error/warning counter)`, async () => {
      assert.equal(status.diagnostics.length, diagnostics.length);
      await waitForStatus(page, status.text);
      const item = page.locator(`[id="${STATUS_ID}"]`);
      assert.equal(await item.getAttribute('aria-label'), status.label);
      // The only icon is the book: no error or warning glyph beside VS Code's own counters.
      assert.deepEqual(await item.locator('.codicon').evaluateAll((els) => els.map((e) => [...e.classList].find((c) => c.startsWith('codicon-')))), [
        'codicon-book',
      ]);
    });

    // Problems lists no hints (digit spacing is one): those are in the editor only.
    const listed = diagnostics.filter((d) => d.severity !== 4);
    await check(
      `clicking the status item opens the Problems panel, which lists exactly the ${listed.length} findings of the CLI that are no hints`,
      async () => {
        await page.locator(`[id="${STATUS_ID}"]`).click();
        await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: TIMEOUT });
        // Make the panel tall enough to render every row, read them, then restore the layout.
        const viewport = viewportOf(page);
        await page.setViewportSize({ width: viewport.width, height: 200 + 22 * (listed.length + 10) * 2 });
        await panelAction(page, 'Maximize Panel Size');
        try {
          await waitForAllRows(page, '.markers-panel', listed.length + 1);
          const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) =>
            els
              .map((r) => ({
                index: Number(r.getAttribute('data-index')),
                level: Number(r.getAttribute('aria-level')),
                label: r.getAttribute('aria-label'),
                icon: [...(r.querySelector('.marker-icon')?.classList || [])].filter((c) => ['error', 'warning', 'info', 'hint'].includes(c)).join(' '),
                message: r.querySelector('.marker-message')?.textContent ?? null,
                description: r.querySelector('.marker-description')?.textContent ?? null, // related information
                resource: r.querySelector('.related-info-resource')?.textContent ?? null,
                source: r.querySelector('.marker-source')?.textContent ?? null,
                code: r.querySelector('.marker-code')?.textContent ?? null,
                codeHref: r.querySelector('.marker-code')?.closest('a')?.getAttribute('href') ?? null,
                line: r.querySelector('.marker-line')?.textContent ?? null,
                text: r.textContent,
              }))
              .sort((a, b) => a.index - b.index),
          );
          const [head, ...rest] = rows;
          assert.equal(head.level, 1);
          assert.equal(head.label, `${listed.length} problems in file xinshi-2023.md of folder .`);
          const markers = rest.filter((r) => r.level === 2);
          const related = rest.filter((r) => r.level === 3);
          assert.equal(markers.length + related.length, rest.length, 'rows are markers or their related information');
          /** @param {unknown} x */
          const key = (x) => JSON.stringify(x);
          const got = markers
            .map((r) => [r.icon, r.message, r.source, r.code, r.line])
            .map(key)
            .sort();
          const want = listed
            .map((d) => [
              d.severity === undefined ? undefined : SEVERITY_CLASS[d.severity],
              d.message,
              d.source,
              d.code,
              `[Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]`,
            ])
            .map(key)
            .sort();
          assert.deepEqual(got, want);
          // The category is the source (`govreport·targets` among `govreport·cleanup`).
          assert.ok(
            markers.every((r) => /^govreport·(numbers|targets|cleanup)$/.test(r.source ?? '')),
            'every source names its category',
          );
          // Each code opens its rule page read-only (a command that previews docs/rules/<id>.md of the running extension).
          for (const r of markers) {
            const href = decodeURIComponent(r.codeHref || '');
            assert.ok(href.startsWith('command:govreport.openRuleDoc?') && href.endsWith(`["${r.code}"]`), `${r.code} opens its page: ${r.codeHref}`);
            assert.ok(fs.existsSync(path.join(extensionRoot, 'docs', 'rules', `${r.code}.md`)), `the page of ${r.code} is shipped`);
          }
          // Related information (e.g. the other year's figure) as child rows: file, place, message.
          const relatedWant = listed
            .flatMap((d) =>
              (d.relatedInformation || []).map((ri) => [
                path.basename(decodeURIComponent(new URL(ri.location.uri).pathname)),
                `[Ln ${ri.location.range.start.line + 1}, Col ${ri.location.range.start.character + 1}]`,
                ri.message,
              ]),
            )
            .map(key)
            .sort();
          const relatedGot = related
            .map((r) => [r.resource, r.line, r.description])
            .map(key)
            .sort();
          assert.deepEqual(relatedGot, relatedWant, 'related information rows');
          return `${markers.length} marker rows + ${related.length} related; by severity ${JSON.stringify(countBy(markers, (m) => m.icon))}`;
        } finally {
          await panelAction(page, 'Restore Panel Size');
          await page.setViewportSize(viewport);
        }
      },
    );

    const nodes = flatten(outline);
    const focus = (outline[0].children?.[1].children ?? []).filter((s) => s.detail === '着力');
    await check(`Outline view: our outline node for node (${nodes.length}); the six 着力 sections exactly once each`, async () => {
      assert.equal(focus.length, 6, 'the CLI outline has six 着力 sections');
      // The Outline view gets the side bar (the folder view collapsed) and room for every node.
      await setPane(page, 'Outline Section', true);
      await setPane(page, 'Explorer Section: two-years', false);
      // The targets view, shown once when a report with targets opens, shares the side bar: fold it too.
      if (await page.locator('.sidebar .pane-header[aria-label="Report Targets Section"]').count()) await setPane(page, 'Report Targets Section', false);
      const viewport = viewportOf(page);
      await page.setViewportSize({ width: viewport.width, height: 300 + 22 * nodes.length });
      try {
        await waitForAllRows(page, '.outline-pane', nodes.length);
        const rows = await page.$$eval('.outline-pane .monaco-list-row', (els) =>
          els
            .map((r) => ({
              index: Number(r.getAttribute('data-index')),
              level: Number(r.getAttribute('aria-level')),
              name: r.querySelector('.label-name')?.textContent ?? null,
              label: r.getAttribute('aria-label'),
            }))
            .sort((a, b) => a.index - b.index),
        );
        // Depth-first order, depth and kind as in the CLI's outline (one root: no Markdown symbols beside it).
        /** @type {[number, string, string][]} */
        const want = [];
        /** @param {readonly LspSymbol[] | undefined} ns @param {number} depth */
        const walk = (ns, depth) => {
          for (const n of ns ?? []) {
            want.push([depth, n.name, `${n.name} (${LSP_KIND[n.kind]})`]);
            walk(n.children, depth + 1);
          }
        };
        walk(outline, 1);
        assert.deepEqual(
          rows.map((r) => [r.level, r.name, r.label]),
          want,
        );
        for (const s of focus) {
          assert.equal(rows.filter((r) => r.name === s.name).length, 1, `${s.name} once`);
        }
        assert.equal(rows.filter((r) => r.name?.includes('着力')).length, 6, 'no other row mentions 着力');
        assert.deepEqual(
          rows.filter((r) => /^#|\*\*/.test(r.name ?? '')).map((r) => r.name),
          [],
          'no Markdown heading symbols',
        );
        return `${rows.length} rows; 着力: ${focus.map((s) => s.name.slice(0, 8)).join(' / ')}`;
      } finally {
        await page.setViewportSize(viewport);
      }
    });

    await check(`screenshot ${path.relative(ROOT, screenshot)}`, async () => {
      // The report at a finding, the Problems panel and the Outline view all on screen.
      await page.waitForFunction(
        () =>
          document.querySelectorAll('.outline-pane .monaco-list-row').length > 0 &&
          document.querySelectorAll('.markers-panel .monaco-list-row').length > 0 &&
          document.querySelectorAll('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').length > 0,
        null,
        { timeout: TIMEOUT },
      );
      await shoot(page, screenshot);
      const size = fs.statSync(screenshot).size;
      assert.ok(size > 20000, `a real picture (${size} bytes)`);
      return `${(size / 1024).toFixed(0)} KB`;
    });

    const quickfixShot = path.join(ROOT, 'artifacts', `${opts.out}${SHOTS.quickfix}.png`);
    await check(
      `the quick-fix menu (Ctrl+.) on the "!" of line 69: the fix, fix-all by the rule's name, disable on this line, the rule's page; ${path.relative(ROOT, quickfixShot)}`,
      async () => {
        const punct = listed.filter((d) => d.code === 'punctuation-width').length;
        const rule = 'Full-width punctuation in Chinese text';
        // The cursor on the `!` of `**各位代表!**` (line 69, column 7): Go to Line, then the menu.
        await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: TIMEOUT });
        await page.keyboard.insertText('69:7');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => /^Ln 69, Col 7\b/.test(document.getElementById('status.editor.selection')?.textContent ?? ''), null, {
          timeout: TIMEOUT,
        });
        await page.keyboard.press('Control+.');
        await page.locator('.action-widget').waitFor({ state: 'visible', timeout: TIMEOUT });
        await page.waitForFunction(
          () => [...document.querySelectorAll('.action-widget .monaco-list-row')].some((r) => /Disable/.test(r.textContent ?? '')),
          null,
          {
            timeout: TIMEOUT,
          },
        );
        const items = await page.$$eval('.action-widget .monaco-list-row', (els) =>
          els.map((e) => (e.getAttribute('aria-label') || e.textContent || '').trim()),
        );
        const ours = items.filter((t) => /Replace with|Fix all|Disable|rule’s page/.test(t));
        assert.deepEqual(ours, [
          'Replace with "！"',
          `Fix all ${punct} “${rule}” problems in this file`,
          `Disable “${rule}” for this line`,
          `Show the rule’s page: ${rule}`,
        ]);
        assert.ok(
          items.every((t) => !/punctuation-width/.test(t)),
          `no rule id in a label: ${JSON.stringify(items)}`,
        );
        await shoot(page, quickfixShot);
        await page.keyboard.press('Escape');
        await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
        return `${JSON.stringify(items)}`;
      },
    );

    const cliTargets = targetsOracle.targetsOf(opts.cli, [file, neighbour]);
    const targetsShot = path.join(ROOT, 'artifacts', `${opts.out}-targets.png`);
    await check(
      `Explorer: the "Report Targets" view lists both reports and the 2023 report's ${cliTargets.filter((t) => t.file === file).length} targets with their status icons and outcomes (= govreport targets); a click selects the target; ${path.relative(ROOT, targetsShot)}`,
      async () => {
        const pane = '.sidebar .pane:has(> .pane-header[aria-label="Report Targets Section"])';
        const mine = cliTargets.filter((t) => t.file === file);
        const next = cliTargets.filter((t) => t.file === neighbour);
        /** @typedef {import('../oracles/targets').Target} Target */
        /** @typedef {import('../oracles/targets').Status} Status */
        /** @param {readonly Target[]} list @param {Status} s */
        const by = (list, s) => list.filter((t) => t.status === s).length;
        /** @param {readonly Target[]} list */
        const summary = (list) =>
          `${list.length} targets · ${by(list, 'met')} met · ${by(list, 'missed')} missed · ${by(list, 'unreported')} unreported${by(list, 'pending') ? ` · ${by(list, 'pending')} pending` : ''}`;
        // The view's section of a target: the innermost part, section or 主要预期目标 of the CLI's outline around it.
        const outline2023 = flatten(outline);
        /** @param {import('../oracles/targets').LspRange} outer @param {import('../oracles/targets').LspRange} inner */
        const within = (outer, inner) => targetsOracle.contains(outer, { start: inner.start, end: inner.start });
        /** @type {Map<Target, string>} */
        const sectionOf = new Map();
        for (const t of mine) {
          const around = outline2023.filter((n) => ['class', 'module', 'constant'].includes(LSP_KIND[n.kind]) && within(n.range, t.range));
          sectionOf.set(t, around.length ? around[around.length - 1].name : 'Other');
        }
        /** @type {Record<Status, string>} */
        const ICON = { met: 'codicon-pass', missed: 'codicon-error', unreported: 'codicon-question', pending: 'codicon-clock' };
        /** @type {Record<Status, string>} */
        const COLOR = { met: 'testing-iconPassed', missed: 'testing-iconFailed', unreported: 'list-warningForeground', pending: 'descriptionForeground' };
        // The view gets the side bar (the Outline and the folder collapsed) and room for every row.
        await setPane(page, 'Outline Section', false);
        await setPane(page, 'Explorer Section: two-years', false);
        await setPane(page, 'Report Targets Section', true);
        const viewport = viewportOf(page);
        // Grouped by section: the 2023 report's sections as the view's data names them (the CLI's order).
        /** @type {string[]} */
        const sections = [];
        for (const t of mine) if (!sections.includes(sectionOf.get(t) ?? '')) sections.push(sectionOf.get(t) ?? '');
        await page.setViewportSize({ width: viewport.width, height: 300 + 22 * (mine.length + sections.length + 2) });
        try {
          // Newest first: 2024 (collapsed), then 2023 — the active report — expanded: sections, their targets.
          await waitForAllRows(page, pane, mine.length + sections.length + 2);
          const rows = await page.$$eval(`${pane} .monaco-list-row`, (els) =>
            els
              .map((r) => ({
                index: Number(r.getAttribute('data-index')),
                level: Number(r.getAttribute('aria-level')),
                expanded: r.getAttribute('aria-expanded'),
                name: r.querySelector('.label-name')?.textContent ?? null,
                description: r.querySelector('.label-description')?.textContent ?? null,
                icon:
                  [...(r.querySelector('.custom-view-tree-node-item-icon')?.classList || [])].find((c) => c.startsWith('codicon-') && c !== 'codicon') ?? null,
                color: /** @type {HTMLElement | null} */ (r.querySelector('.custom-view-tree-node-item-icon'))?.style.color ?? null,
              }))
              .sort((a, b) => a.index - b.index),
          );
          // The theme's colour of each status, as the page resolves it.
          const colors = await page.evaluate(
            (vars) =>
              Object.fromEntries(
                Object.entries(vars).map(([k, v]) => {
                  const probe = document.createElement('div');
                  probe.style.color = `var(--vscode-${v})`;
                  document.querySelector('.monaco-workbench')?.appendChild(probe);
                  const c = getComputedStyle(probe).color;
                  probe.remove();
                  return [k, c];
                }),
              ),
            COLOR,
          );
          /** @type {unknown[][]} */
          const body = [];
          for (const name of sections) {
            const under = mine.filter((t) => sectionOf.get(t) === name);
            body.push([2, 'true', name, `${under.length} targets`, 'codicon-symbol-class']);
            // The label names the target, the description only what became of it (`✗ 7200亩`).
            for (const t of under) body.push([3, null, t.label, t.description, ICON[t.status]]);
          }
          assert.deepEqual(
            rows.map((r) => [r.level, r.expanded, r.name, r.description, r.icon]),
            [[1, 'false', '2024 新市区', summary(next), 'codicon-book'], [1, 'true', '2023 新市区', summary(mine), 'codicon-book'], ...body],
          );
          const targetRows = rows.filter((r) => r.level === 3);
          for (const [i, t] of mine.entries()) assert.equal(targetRows[i].color, colors[t.status], `${t.label}: the ${COLOR[t.status]} colour`);
          assert.equal(new Set(Object.values(colors)).size, 4, `four distinct status colours: ${JSON.stringify(colors)}`);
          // A click on a target (the first one of each status) selects its figure in the editor: the
          // status bar's cursor position is the figure's end, the selection its length.
          const lines = fs.readFileSync(file, 'utf8').split('\n');
          const clicked = [];
          for (const status of /** @type {const} */ (['missed', 'met', 'unreported'])) {
            const i = mine.findIndex((t) => t.status === status);
            if (i < 0) continue;
            const t = mine[i];
            const row = rows.find((r) => r.level === 3 && r.name === t.label);
            assert.ok(row, `${t.label} has a row`);
            const before = await page.evaluate(() => document.getElementById('status.editor.selection')?.textContent ?? '');
            await page.locator(`${pane} .monaco-list-row[data-index="${row.index}"]`).click();
            await page.waitForFunction(
              (b) => {
                const now = document.getElementById('status.editor.selection')?.textContent ?? '';
                return now !== b && / selected\)$/.test(now);
              },
              before,
              { timeout: TIMEOUT },
            );
            const sel = await page.evaluate(() => document.getElementById('status.editor.selection')?.textContent ?? '');
            const m = /^Ln (\d+), Col (\d+) \((\d+) selected\)$/.exec(sel);
            assert.ok(m, `the status bar shows a selection: ${sel}`);
            const [line, col, n] = [+m[1] - 1, +m[2] - 1, +m[3]];
            assert.equal(line, t.range.start.line, `${t.label}: on the target's line (${sel})`);
            const figure = lines[line].slice(col - n, col);
            const clause = lines.slice(t.range.start.line, t.range.end.line + 1).join('\n');
            assert.ok(
              /\d/.test(figure) && t.text.replace(/\s+/g, '').includes(figure.replace(/\s+/g, '')) && col - n >= t.range.start.character,
              `${t.label}: the selection “${figure}” (${sel}) is its figure in “${clause.slice(t.range.start.character, t.range.start.character + 80)}”`,
            );
            clicked.push(`${t.label} → ${sel}`);
          }
          assert.ok(clicked.length >= 2, 'targets of at least two statuses clicked');
          await shoot(page, targetsShot);
          return `${rows.length} rows; ${JSON.stringify(/** @type {const} */ (['met', 'missed', 'unreported']).map((s) => [s, by(mine, s)]))}; clicked ${clicked.join('; ')}`;
        } finally {
          await page.setViewportSize(viewport);
        }
      },
    );

    const original = fs.readFileSync(file, 'utf8');
    const typed = ['\n\n测试,测试', ',再次'];
    const crashShot = path.join(ROOT, 'artifacts', `${opts.out}-crash.png`);
    for (const [i, keys] of typed.entries()) {
      const after = original + typed.slice(0, i + 1).join('');
      const want = expectedStatus(opts.cli, file, after, neighbour);
      await check(
        `crash ${i + 1}: kill the server, type ${JSON.stringify(keys)} at the end while it is down; the status bar counts it (${want.text})`,
        async () => {
          const before = serverPids(group);
          assert.equal(before.length, 1, `one server process: ${before}`);
          process.kill(before[0], 'SIGKILL');
          await until(() => isGone(before[0]), `server ${before[0]} to exit`);
          // Type into the editor: focus it, go to the end of the document, type.
          await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
          await page.keyboard.press('Control+End');
          for (const part of keys.split(/(\n)/).filter(Boolean)) {
            if (part === '\n') await page.keyboard.press('Enter');
            else await page.keyboard.insertText(part);
          }
          // The finding the typing made is counted: only a restarted server that has the edit publishes it.
          await waitForStatus(page, want.text);
          const now = serverPids(group);
          assert.equal(now.length, 1, `one server process after the restart: ${now}`);
          assert.notEqual(now[0], before[0]);
          return `server ${before[0]} → ${now[0]}; ${want.diagnostics.length} findings`;
        },
      );
    }

    await check('after two crashes the user has seen exactly ONE notice in the notification centre: GovReport’s restart message', async () => {
      // Everything the extension host sent before the last status update (which came after the
      // second crash) has reached the page: its messages arrive in order.
      await page.locator('[id="status.notifications"]').click();
      await page.locator('.notifications-center').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.waitForFunction(() => document.querySelectorAll('.notifications-center .notification-list-item').length > 0, null, { timeout: TIMEOUT });
      const all = await page.$$eval('.notifications-center .notification-list-item', (els) =>
        els.map((e) => [
          e.querySelector('.notification-list-item-icon')?.className.match(/codicon-(error|warning|info)/)?.[1] ?? null,
          e.querySelector('.notification-list-item-message')?.textContent ?? '',
        ]),
      );
      // Not only ours: whatever else the crashes made appear (say, the language client's own
      // "connection closed" message) counts too. (VS Code shows identical messages once; the
      // extension-host suite counts what the extension asked to show: suites/experience/05-crash-recovery.test.js.)
      assert.deepEqual(all, [['warning', NOTICE]], `notifications: ${JSON.stringify(all)}`);
      await page.screenshot({ path: crashShot });
      return `${all.length} notification(s) in all: ${JSON.stringify(all)}; ${path.relative(ROOT, crashShot)}`;
    });
  } finally {
    if (!fs.existsSync(screenshot)) await page.screenshot({ path: screenshot }).catch(() => {});
    await wb.close();
  }
  console.log(tally(started));
}

/**
 * @template T
 * @param {readonly T[]} list
 * @param {(x: T) => unknown} key
 */
function countBy(list, key) {
  /** @type {Record<string, number>} */
  const out = {};
  for (const x of list) {
    const k = String(key(x));
    out[k] = (out[k] || 0) + 1;
  }
  return out;
}

main().then(
  () => process.exit(0),
  (e) => {
    if (!results.some((r) => !r.ok)) console.error(`ui: ${e && e.stack ? e.stack : e}`);
    console.error(failed());
    process.exit(1);
  },
);
