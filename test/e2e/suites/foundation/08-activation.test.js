// @ts-check
// 8. Activation: when and how fast, as VS Code itself measured it (Developer: Startup Performance).
'use strict';
const assert = require('assert/strict');
const vscode = require('vscode');
const path = require('path');
const { EXTENSION_ID, LANGUAGE_ID, docWithLanguage, log, show, waitFor, workspaceDir } = require('../helpers');

describe('8. activation', () => {
  it('activated by opening Markdown (not eagerly); activate() itself takes ≤ 50 ms', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    assert.equal(ext.isActive, true);
    const before = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    // The workbench's startup-performance report holds the extension host's activation times.
    await vscode.commands.executeCommand('perfview.show');
    const perf = await waitFor(
      [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
      () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'perf'),
      { what: 'the Startup Performance document' },
    );
    const rowRe = new RegExp(`^\\|\\s*${EXTENSION_ID.replace('.', '\\.')}\\s*\\|.*$`, 'm');
    const row = await waitFor([vscode.workspace.onDidChangeTextDocument], () => rowRe.exec(perf.getText()), { what: 'our row in Extension Activation Stats' });
    // | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
    const [, eager, load, call, finish, event] = row[0]
      .split('|')
      .map((c) => c.trim())
      .filter((_, i) => i > 0);
    const headerRow = perf.getText().match(/^\|\s*Extension\s*\|.*$/m);
    assert.ok(headerRow, 'the Extension Activation Stats table');
    const header = headerRow[0]
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean);
    assert.deepEqual(header, ['Extension', 'Eager', 'Load Code', 'Call Activate', 'Finish Activate', 'Event', 'By']);
    log(`VS Code measured: load code ${load} ms, activate() call ${call} ms, activate() promise ${finish} ms, event ${event}, eager ${eager}`);
    // Close the performance editor again, leaving the tabs as they were.
    const extra = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => !before.includes(t) && /Startup Performance/.test(t.label));
    if (extra.length) await vscode.window.tabGroups.close(extra);
    await show(await docWithLanguage(path.join(workspaceDir(), 'xinshi-2023.md'), LANGUAGE_ID));
    assert.equal(eager, 'false', 'not activated by *');
    assert.match(event, /^onLanguage:(markdown|govreport)$/);
    assert.ok(+call + +finish <= 50, `activate() took ${+call + +finish} ms`);
  });
});
