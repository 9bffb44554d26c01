#!/usr/bin/env node
// @ts-check
// The packaged extension: build the .vsix the way a user does (`npm run package`), check what is in
// it, install it into a fresh code-server extensions folder with --install-extension, and run the
// page check of ui.js against the installed copy alone (no extensionDevelopmentPath: nothing is
// loaded from the repo) — proves the package is complete.
//
//   node test/e2e/page/vsix.js          (npm run test:vsix)
//
// `npm run package` runs in a staging copy of the repo's files (tracked and untracked, not ignored;
// node_modules linked), so the repo's dist/ keeps its development bundle for the other suites and
// for sessions working at the same time. The .vsix is copied to artifacts/govreport-<version>.vsix.
// Exit 0 when every check passed, 1 otherwise.
'use strict';
const { checks } = require('./checks');
const assert = require('assert/strict');
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { codeServerCli } = require('../harness/workbench');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MAX_BYTES = 1024 * 1024;

/**
 * Entries of a zip file from its central directory: [{ name, size }].
 * @param {string} file
 */
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, `${file} is a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    out.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const { check, results, summary: tally, failed } = checks('vsix');

/**
 * Copies the files `npm run package` may see into `dir`: tracked and untracked-but-not-ignored, as in the working tree.
 * @param {string} dir
 */
function stage(dir) {
  const list = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  let copied = 0;
  for (const rel of list) {
    const from = path.join(ROOT, rel);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, rel));
    copied++;
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return copied;
}

/**
 * What the package must hold (the allowlist in .vscodeignore), from the repo: the manifest and its
 * nls bundles, the client's l10n bundles, the three bundles, grammars, schema, rule docs, README,
 * LICENSE, icon.
 */
function expectedFiles() {
  /** @param {string} dir @param {string} ext */
  const glob = (dir, ext) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith(ext))
      .map((f) => `${dir}/${f}`);
  return [
    'package.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'language-configuration.json',
    'readme.md',
    'changelog.md',
    'LICENSE.txt', // vsce's names for README.md, CHANGELOG.md, LICENSE
    'images/icon.png',
    ...glob('images/screens', '.jpg'), // the README's screenshots
    'dist/client.js',
    'dist/server.js',
    'dist/cli.js',
    'schemas/govreport.schema.json',
    ...glob('l10n', '.json'),
    ...glob('syntaxes', '.json'),
    ...glob('docs/rules', '.md'),
  ]
    .map((f) => `extension/${f}`)
    .sort();
}

async function main() {
  const started = Date.now();
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const vsixName = `${pkg.name}-${pkg.version}.vsix`;
  const artifacts = path.join(ROOT, 'artifacts');
  const vsix = path.join(artifacts, vsixName);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-vsix-'));
  const extensionsDir = path.join(artifacts, 'e2e-vsix-extensions');
  try {
    await check(`npm run package (in a staging copy) builds ${vsixName}`, async () => {
      const dir = path.join(tmp, 'stage');
      const n = stage(dir);
      const r = spawnSync('npm', ['run', 'package'], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
      assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
      const built = path.join(dir, vsixName);
      assert.ok(fs.existsSync(built), `${vsixName} written:\n${r.stdout}`);
      fs.mkdirSync(artifacts, { recursive: true });
      fs.copyFileSync(built, vsix);
      const line = r.stdout.split('\n').find((l) => /Packaged:/.test(l)) || '';
      return `${n} files staged; ${line.replace(/^\s*\S*\s*/, '').replace(dir + path.sep, '')}`.trim();
    });

    let entries;
    await check('the .vsix holds exactly what runs (no src/, test/, node_modules/, source maps, TypeScript) and is < 1 MB', async () => {
      entries = zipEntries(vsix);
      const names = entries.map((e) => e.name).sort();
      const bad = names.filter(
        (n) => /(^|\/)(src|test|tests|node_modules|\.vscode-test|artifacts|examples|corpus|bench|scripts)\//.test(n) || /\.(map|ts|tsx|tsbuildinfo)$/.test(n),
      );
      assert.deepEqual(bad, [], 'nothing that does not run');
      assert.deepEqual(
        names.filter((n) => !n.startsWith('extension/')),
        ['[Content_Types].xml', 'extension.vsixmanifest'],
      );
      assert.deepEqual(
        names.filter((n) => n.startsWith('extension/')),
        expectedFiles(),
      );
      const size = fs.statSync(vsix).size;
      assert.ok(size < MAX_BYTES, `${size} bytes < ${MAX_BYTES}`);
      const unpacked = entries.reduce((s, e) => s + e.size, 0);
      const big = [...entries]
        .sort((a, b) => b.size - a.size)
        .slice(0, 3)
        .map((e) => `${e.name.replace(/^extension\//, '')} ${(e.size / 1024).toFixed(0)} KB`);
      return `${names.length} entries, ${(size / 1024).toFixed(0)} KB packed (${(unpacked / 1024).toFixed(0)} KB unpacked; largest: ${big.join(', ')})`;
    });

    /** @type {string} */
    let installed;
    await check(`code-server --install-extension into a fresh extensions folder; --list-extensions shows ${id}@${pkg.version}`, async () => {
      fs.rmSync(extensionsDir, { recursive: true, force: true });
      fs.mkdirSync(extensionsDir, { recursive: true });
      const xdg = path.join(tmp, 'xdg');
      const out = await codeServerCli(['--extensions-dir', extensionsDir, '--install-extension', vsix], { tmp: xdg });
      assert.match(out, new RegExp(`Extension '${vsixName.replace(/\./g, '\\.')}' was successfully installed\\.`));
      const list = (await codeServerCli(['--extensions-dir', extensionsDir, '--list-extensions', '--show-versions'], { tmp: xdg }))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      assert.deepEqual(list, [`${id}@${pkg.version}`]);
      installed = path.join(extensionsDir, `${id}-${pkg.version}`);
      assert.ok(fs.existsSync(path.join(installed, 'dist', 'server.js')), `installed at ${installed}`);
      // The installed bundles are the packaged (production) ones, not links into the repo.
      for (const f of ['client.js', 'server.js', 'cli.js']) {
        const p = path.join(installed, 'dist', f);
        assert.equal(fs.lstatSync(p).isSymbolicLink(), false);
        assert.doesNotMatch(fs.readFileSync(p, 'utf8'), /sourceMappingURL/, `${f} is the production build`);
      }
      return `${path.relative(ROOT, installed)}`;
    });

    await check('the installed CLI runs on its own: `node <installed>/dist/cli.js check` the sample', async () => {
      const r = spawnSync(
        process.execPath,
        [path.join(installed, 'dist', 'cli.js'), 'check', path.join(ROOT, 'examples', 'xinshi-2023.md'), '--format', 'json', '--locale', 'en'],
        { encoding: 'utf8', cwd: tmp },
      );
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      /** @type {{ files: { diagnostics: import('vscode-languageserver').Diagnostic[] }[] }} */
      const json = JSON.parse(r.stdout);
      assert.equal(json.files.length, 1);
      assert.ok(json.files[0].diagnostics.length > 50, 'the sample has findings');
      // Rule links point into the installed package.
      assert.ok(
        json.files[0].diagnostics.every(
          (d) => d.codeDescription && d.codeDescription.href.startsWith(require('url').pathToFileURL(installed).href + '/docs/rules/'),
        ),
      );
      return `${json.files[0].diagnostics.length} findings`;
    });

    await check('page check (ui.js) with only the installed extension: diagnostics, outline, status bar, crash recovery', async () => {
      const r = spawnSync(
        process.execPath,
        [path.join(__dirname, 'ui.js'), '--extensions-dir', extensionsDir, '--cli', path.join(installed, 'dist', 'cli.js'), '--out', 'e2e-vsix'],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      process.stdout.write(r.stdout.replace(/^/gm, '    '));
      if (r.stderr) process.stderr.write(r.stderr.replace(/^/gm, '    '));
      assert.equal(r.status, 0, 'ui.js on the installed extension passed');
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(tally(started));
}

main().then(
  () => process.exit(0),
  (e) => {
    if (!results.some((r) => !r.ok)) console.error(`vsix: ${e && e.stack ? e.stack : e}`);
    console.error(failed());
    process.exit(1);
  },
);
