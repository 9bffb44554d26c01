// @ts-check
// Starts code-server (VS Code 1.100.3) and opens its workbench in headless Chromium, for checks
// that look at the page itself (test/e2e/page/ui.js) rather than run inside the extension host.
// The same set-up as code-shim.js, minus the test runner: fresh profile, settings,
// code-server in its own process group, everything removed on close().
//
//   const wb = await openWorkbench({ folder, file, extensionDevelopmentPath, extensionsDir, settings });
//   wb.page          // playwright Page, the workbench loaded (`.monaco-workbench` present)
//   await wb.close() // browser, code-server and the temporary profile
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CODE_SERVER = process.env.CODE_SERVER_BIN || path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

const DEFAULT_SETTINGS = {
  ...require('./workbench-settings'),
  'git.openRepositoryInParentFolders': 'never',
};

/** @returns {Promise<number>} */
const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });

/**
 * `code-server ARGS` with config/data in `tmp` (nothing written to ~). Resolves with stdout; rejects on a non-zero exit.
 * @param {string[]} args
 * @param {{ tmp?: string }} [options]
 * @returns {Promise<string>}
 */
function codeServerCli(args, { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cli-')) } = {}) {
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') };
  return new Promise((resolve, reject) => {
    const p = spawn(CODE_SERVER, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(' ')} exited ${code}\n${out}${err}`))));
  });
}

/**
 * @typedef {object} Workbench
 * @property {import('playwright-core').Page} page  the workbench loaded (`.monaco-workbench` present)
 * @property {string} host                          code-server's `127.0.0.1:<port>`
 * @property {import('child_process').ChildProcess} server  code-server, leader of its own process group
 * @property {string} tmp                           the temporary profile
 * @property {() => Promise<void>} close            stops the browser and code-server, removes the profile
 */

/**
 * Opens the workbench. `folder` is the workspace, `file` is opened in an editor (the payload's
 * openFile), `extensionDevelopmentPath` loads an extension from source (omit it to run only what
 * `extensionsDir` holds), `settings` are merged into the user settings. `logDir` keeps
 * code-server's output and the page console.
 * @param {{ folder?: string, file?: string, extensionDevelopmentPath?: string, extensionsDir?: string,
 *   settings?: Record<string, unknown>, viewport?: { width: number, height: number }, logDir?: string }} [options]
 * @returns {Promise<Workbench>}
 */
async function openWorkbench({ folder, file, extensionDevelopmentPath, extensionsDir, settings = {}, viewport = { width: 1280, height: 800 }, logDir } = {}) {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server not found at ${CODE_SERVER}; run test/e2e/harness/setup-editors.sh`);
  const { chromium } = require('playwright-core');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-wb-'));
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  if (logDir) fs.mkdirSync(logDir, { recursive: true });
  const serverLog = logDir ? fs.createWriteStream(path.join(logDir, 'code-server.log')) : null;
  const consoleLog = logDir ? fs.createWriteStream(path.join(logDir, 'console.log')) : null;

  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') };
  const server = spawn(
    CODE_SERVER,
    [
      '--auth',
      'none',
      '--bind-addr',
      host,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir || path.join(tmp, 'extensions'),
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @param {NodeJS.Signals} sig */
  const killGroup = (sig) => {
    if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
    try {
      process.kill(-server.pid, sig);
    } catch {
      /* gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    killGroup('SIGTERM');
    if (server.exitCode === null && server.signalCode === null) {
      await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
    }
    killGroup('SIGKILL');
    process.removeListener('exit', onExit);
    if (logDir) {
      try {
        fs.cpSync(path.join(userData, 'logs'), path.join(logDir, 'vscode-logs'), { recursive: true });
      } catch {
        /* none */
      }
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    let log = '';
    await /** @type {Promise<void>} */ (
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`code-server did not start within 60 s\n${log}`)), 60000);
        /** @param {Buffer} d */
        const onData = (d) => {
          log += d;
          serverLog?.write(d);
          if (/HTTP server listening/.test(log)) {
            clearTimeout(t);
            resolve();
          }
        };
        server.stdout.on('data', onData);
        server.stderr.on('data', onData);
        server.on('exit', (c, s) => {
          clearTimeout(t);
          reject(new Error(`code-server exited (${c ?? s})\n${log}`));
        });
      })
    );
    /** @param {string} p */
    const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
    const payload = [
      ...(extensionDevelopmentPath ? [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]] : []),
      ...(file ? [['openFile', remote(file)]] : []),
    ];
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport });
    if (consoleLog) {
      page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
      page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.stack || e}\n`));
    }
    const q = [folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : 'ew=true', `payload=${encodeURIComponent(JSON.stringify(payload))}`];
    await page.goto(`http://${host}/?${q.join('&')}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    return { page, host, server, tmp, close };
  } catch (e) {
    await close();
    throw e;
  }
}

module.exports = { openWorkbench, codeServerCli, CODE_SERVER, ROOT };
