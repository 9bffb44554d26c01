#!/usr/bin/env node
// @ts-check
// Node wrapper around nvim-lsp-check.lua (headless Neovim 0.7.2 as an LSP client).
//
//   const { runNvim } = require('./run-nvim');
//   const { diagnostics, symbols } = await runNvim('examples/a.md', 'dist/server.js');
//
// `server` is a path to a .js server (run as `node PATH --stdio`) or a command array.
// Options: { timeoutMs (default 15000), languageId, rootDir, settings, initOptions,
//            minDiagnostics, cwd, env }.
// Resolves with { diagnostics: [...], symbols: [...] } (see the .lua file for the shape); rejects
// with Neovim's output (and the tail of its lsp.log) if nvim fails, times out or writes nothing.
//
// CLI: node test/editors/nvim/run-nvim.js FILE SERVER_JS   -> prints the JSON result, exit 1 on failure.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const LUA = path.join(__dirname, 'nvim-lsp-check.lua');
const NVIM = process.env.NVIM_BIN || 'nvim';

/**
 * @typedef {object} NvimOptions
 * @property {number} [timeoutMs]       wait for diagnostics / symbols this long (default 15000)
 * @property {string} [languageId]      languageId of didOpen (default: markdown for .md, else the extension)
 * @property {string} [rootDir]         workspace root sent to the server (default: the current directory)
 * @property {unknown} [settings]       answered to workspace/configuration
 * @property {unknown} [initOptions]    initializationOptions
 * @property {number} [minDiagnostics]  wait for a publish with at least this many diagnostics
 * @property {string} [cwd]             Neovim's working directory
 * @property {NodeJS.ProcessEnv} [env]  added to Neovim's environment
 */

/**
 * @param {string} file
 * @param {string | string[]} server  a .js server (run as `node PATH --stdio`) or a command array
 * @param {NvimOptions} [options]
 * @returns {Promise<unknown>} the JSON nvim-lsp-check.lua writes: { diagnostics, symbols }
 */
function runNvim(file, server, options = {}) {
  const timeoutMs = options.timeoutMs ?? 15000;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'run-nvim-'));
  const outJson = path.join(tmp, 'out.json');
  const cmd = Array.isArray(server) ? JSON.stringify(server) : path.resolve(server);
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    ...options.env,
    SERVER_CMD: cmd,
    OUT_JSON: outJson,
    TIMEOUT_MS: String(timeoutMs),
    // keep Neovim's state, cache and lsp.log out of $HOME
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_STATE_HOME: path.join(tmp, 'state'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
  };
  /** @param {string} k @param {unknown} v */
  const setJson = (k, v) => {
    if (v !== undefined) env[k] = JSON.stringify(v);
  };
  if (options.languageId) env.LANGUAGE_ID = options.languageId;
  if (options.rootDir) env.ROOT_DIR = path.resolve(options.rootDir);
  if (options.minDiagnostics !== undefined) env.MIN_DIAGNOSTICS = String(options.minDiagnostics);
  setJson('SERVER_SETTINGS', options.settings);
  setJson('INIT_OPTIONS', options.initOptions);

  const args = ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${LUA.replace(/ /g, '\\ ')}`, path.resolve(file)];
  return new Promise((resolve, reject) => {
    const child = spawn(NVIM, args, { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    // Hard stop in case Neovim itself hangs (the Lua script has its own timeouts).
    const killer = setTimeout(
      () => {
        output += `\nrun-nvim: killed after ${2 * timeoutMs + 10000} ms`;
        child.kill('SIGKILL');
      },
      2 * timeoutMs + 10000,
    );
    /** @param {Error | null} err @param {unknown} [value] */
    const finish = (err, value) => {
      clearTimeout(killer);
      fs.rmSync(tmp, { recursive: true, force: true });
      if (err) reject(err);
      else resolve(value);
    };
    child.on('error', (e) => finish(new Error(`run-nvim: cannot start ${NVIM}: ${e.message} (run test/e2e/harness/setup-editors.sh)`)));
    child.on('close', (code, signal) => {
      let result;
      try {
        result = JSON.parse(fs.readFileSync(outJson, 'utf8'));
      } catch {
        /* missing or partial */
      }
      if (code === 0 && result) return finish(null, result);
      let lspLog = '';
      try {
        lspLog = fs
          .readFileSync(path.join(tmp, 'cache', 'nvim', 'lsp.log'), 'utf8')
          .split('\n')
          .slice(-20)
          .join('\n');
      } catch {
        /* none */
      }
      const e = Object.assign(new Error(`nvim exited ${code ?? signal} for ${file}:\n${output.trim()}${lspLog ? `\n--- lsp.log (tail):\n${lspLog}` : ''}`), {
        code,
        output,
      });
      finish(e);
    });
  });
}

module.exports = { runNvim };

if (require.main === module) {
  const [file, server] = process.argv.slice(2);
  if (!file || !server) {
    console.error('usage: node test/editors/nvim/run-nvim.js FILE SERVER_JS');
    process.exit(2);
  }
  runNvim(file, server).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
    },
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
