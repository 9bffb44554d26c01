// @ts-check
// 5. Go to Symbol in Workspace: `着力` lists each year's 着力 sections, the year in the container.
'use strict';
const assert = require('assert/strict');
const path = require('path');
const vscode = require('vscode');
const { askUntil, cliOutline, log, sameFile, workspaceDir } = require('../helpers');

const K = vscode.SymbolKind;
/**
 * @param {string} q
 * @returns {Thenable<vscode.SymbolInformation[]>}
 */
const search = (q) =>
  vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', q).then((r) => /** @type {vscode.SymbolInformation[] | undefined} */ (r) || []);
/**
 * Ours: the Markdown extension's workspace symbols are String-kind `#` headings.
 * @param {vscode.SymbolInformation[]} list
 */
const ours = (list) => list.filter((s) => s.kind !== K.String);

describe('5. workspace symbols over every report in the folder', () => {
  /** @type {string} */
  let dir;
  /** @type {vscode.SymbolInformation[]} */
  let result;
  before(async () => {
    dir = workspaceDir();
    // The index is built after the server starts; ask until both years' reports are in it.
    const r = await askUntil(
      () => search('着力'),
      (list) => new Set(ours(list).map((s) => path.basename(s.location.uri.fsPath))).size === 2,
      { what: 'both reports in the workspace index' },
    );
    result = ours(r.value);
    log(`index settled after ${r.tries} quer${r.tries === 1 ? 'y' : 'ies'}`);
  });

  it('着力: the six 着力 sections of each year, with `<year>年 新市区 · <part>` as container', () => {
    /** @type {[string, string, string, number][]} */
    const expected = [];
    for (const [year, file] of [
      ['2023', 'xinshi-2023.md'],
      ['2024', 'xinshi-2024.md'],
    ]) {
      // The CLI's outline of the same file tells which sections are 着力 ones.
      const outline = cliOutline(path.join(dir, file));
      const plan = outline[0].children?.[1];
      assert.equal(plan?.name, `${year}年主要工作`);
      for (const s of (plan.children ?? []).filter((c) => c.detail === '着力')) {
        expected.push([s.name, `${year}年 新市区 · ${year}年主要工作`, file, s.selectionRange.start.line]);
      }
    }
    assert.equal(expected.length, 12);
    const sections = result.filter((s) => s.kind === K.Class && s.name.includes('着力'));
    const got = sections.map((s) => [s.name, s.containerName, path.basename(s.location.uri.fsPath), s.location.range.start.line]);
    /** @param {unknown[]} a */
    const sort = (a) => [...a].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    assert.deepEqual(sort(got), sort(expected));
  });

  it('every result is in a report of this folder, none in notes.md', () => {
    assert.ok(result.length >= 12);
    for (const s of result) {
      assert.ok(
        ['xinshi-2023.md', 'xinshi-2024.md'].some((f) => sameFile(s.location.uri, path.join(dir, f))),
        s.location.uri.toString(),
      );
      assert.match(s.containerName, /^202[34]年 新市区/);
    }
  });

  it('a lead-in is found by its words, in the right year', async () => {
    const found = ours(await search('以更优服务提升营商环境'));
    const got = found
      .filter((s) => s.name === '以更优服务提升营商环境')
      .map((s) => [path.basename(s.location.uri.fsPath), s.kind, s.location.range.start.line])
      .sort();
    assert.deepEqual(got, [
      ['xinshi-2023.md', K.Field, 96],
      ['xinshi-2024.md', K.Field, 96],
    ]);
  });
});
