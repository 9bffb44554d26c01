#!/usr/bin/env node
// @ts-check
// Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
//
// VS Code's own download cannot work offline, so this starts code-server (VS Code 1.100.3 server +
// web workbench, real Node extension host) on 127.0.0.1, opens the workbench in headless Debian
// Chromium through playwright-core, and exits with the code that VS Code reports through
// window.codeAutomationExit when the extension tests finish. See test/e2e/README.md.
//
// Arguments (as runTests passes them):
//   --extensionDevelopmentPath=P (repeatable)  --extensionTestsPath=P  --enable-proposed-api[=ID]
//   positional: a folder (opened as the workspace), a *.code-workspace file, or a file (openFile);
//   `-g`/`--goto` makes a file argument `path:line[:col]`. Other flags (--no-sandbox,
//   --user-data-dir, ...) are ignored: every run gets a fresh temporary profile.
//
// Environment:
//   CODE_SERVER_BIN   code-server binary (default <repo>/.vscode-test/code-server/node_modules/.bin/code-server)
//   CHROMIUM_BIN      browser (default /usr/bin/chromium)
//   SHIM_TIMEOUT_MS   give up after this long, exit 124 (default 300000)
//   SHIM_SCREENSHOT   save a PNG of the final page to this path (also on timeout/error)
//   SHIM_LOG_DIR      write code-server.log, console.log (unfiltered page console) and VS Code's
//                     own logs (exthost, remote agent...) into this folder
//   SHIM_SETTINGS     JSON object merged into the user settings.json of the run
//   SHIM_VERBOSE      print every page console line (default: known noise is filtered)
//   SHIM_OPEN_FILE    file to open (same as a positional file argument)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CODE_SERVER = process.env.CODE_SERVER_BIN || path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const TIMEOUT_MS = +(process.env.SHIM_TIMEOUT_MS || 300000);
const START_TIMEOUT_MS = 60000;
const NOISE = /open-vsx|Failed to load resource|socket|connection token|Service Worker|service worker|builtin extensions|ChatSession|\[Extension Host\] *$/;

/** @param {...unknown} a */
const log = (...a) => console.error('code-shim:', ...a);

// ---- arguments -------------------------------------------------------------------------------
const args = process.argv.slice(2);
/** @param {string} name */
const opt = (name) => args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const devPaths = opt('extensionDevelopmentPath');
const [testsPath] = opt('extensionTestsPath');
const gotoMode = args.includes('-g') || args.includes('--goto');
const proposedApi = args.filter((a) => a === '--enable-proposed-api' || a.startsWith('--enable-proposed-api='));
const positional = args.filter((a) => !a.startsWith('-'));
let folder;
let workspaceFile;
let openFile = process.env.SHIM_OPEN_FILE || undefined;
for (const p of positional) {
  const bare = gotoMode ? p.replace(/(:\d+){1,2}$/, '') : p;
  let isDir = false;
  try {
    isDir = fs.statSync(bare).isDirectory();
  } catch {
    /* not there: a file to open or create */
  }
  if (isDir) {
    if (!folder) folder = p;
    else log(`ignoring extra folder ${p}`);
  } else if (p.endsWith('.code-workspace')) workspaceFile = p;
  else if (!openFile) openFile = p;
  else log(`ignoring extra file ${p} (the workbench opens one file)`);
}

// ---- cleanup that always runs --------------------------------------------------------------------
/** @type {import('child_process').ChildProcessByStdio<null, import('stream').Readable, import('stream').Readable> | undefined} */ let server;
/** @type {import('playwright-core').Browser | undefined} */ let browser;
/** @type {import('playwright-core').Page | undefined} */ let page;
/** @type {string | undefined} */ let tmp;
/** @param {NodeJS.Signals} signal */
function killServerGroup(signal) {
  if (!server || server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    /* already gone */
  }
}
process.on('exit', () => {
  // synchronous last resort: whatever path we leave by
  killServerGroup('SIGKILL');
  if (tmp) {
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
    } catch {
      /* ignore */
    }
  }
});
let exiting = false;
/** @param {number} code */
async function shutdown(code) {
  if (exiting) return;
  exiting = true;
  if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
  killServerGroup('SIGTERM');
  const running = server;
  if (running && running.exitCode === null && running.signalCode === null) {
    await Promise.race([new Promise((r) => running.once('exit', r)), sleep(3000)]);
  }
  copyVsCodeLogs();
  process.exit(code); // 'exit' handler SIGKILLs the group if SIGTERM was not enough
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`got ${sig}, stopping`);
    shutdown(130);
  });
}
/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- logs --------------------------------------------------------------------------------------
const LOG_DIR = process.env.SHIM_LOG_DIR ? path.resolve(process.env.SHIM_LOG_DIR) : undefined;
if (LOG_DIR) fs.mkdirSync(LOG_DIR, { recursive: true });
/** @param {string} name @returns {{ write(s: string): void, end(): void }} */
const logFile = (name) => (LOG_DIR ? fs.createWriteStream(path.join(LOG_DIR, name)) : { write() {}, end() {} });
const serverLogFile = logFile('code-server.log');
const consoleLogFile = logFile('console.log');
function copyVsCodeLogs() {
  if (!LOG_DIR || !tmp) return;
  const src = path.join(tmp, 'user-data', 'logs');
  try {
    fs.cpSync(src, path.join(LOG_DIR, 'vscode-logs'), { recursive: true });
  } catch {
    /* no logs */
  }
}

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

/** @param {import('playwright-core').Page | undefined} page */
async function screenshot(page) {
  const file = process.env.SHIM_SCREENSHOT;
  if (!file || !page) return;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await page.screenshot({ path: path.resolve(file), timeout: 10000 });
    log(`screenshot saved to ${file}`);
  } catch (e) {
    log(`screenshot failed: ${/** @type {Error} */ (e).message}`);
  }
}

(async () => {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(`code-server not found at ${CODE_SERVER}; run test/e2e/harness/setup-editors.sh (or set CODE_SERVER_BIN)`);
  }
  const { chromium } = require('playwright-core');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-shim-'));
  const userData = path.join(tmp, 'user-data');
  const settings = {
    ...require('./workbench-settings'),
    ...(process.env.SHIM_SETTINGS ? JSON.parse(process.env.SHIM_SETTINGS) : {}),
  };
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') };
  const cs = spawn(
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
      path.join(tmp, 'extensions'),
      ...proposedApi,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  ); // own process group: killed as a whole
  server = cs;
  let serverLog = '';
  /** @type {Promise<string>} */
  const serverGone = new Promise((r) => {
    cs.on('exit', (c, s) => r(`code-server exited (${c ?? s})`));
  });
  await /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`code-server did not start within ${START_TIMEOUT_MS} ms\n${serverLog}`)), START_TIMEOUT_MS);
      /** @param {Buffer} d */
      const onData = (d) => {
        serverLog += d;
        serverLogFile.write(String(d));
        if (/HTTP server listening/.test(serverLog)) {
          clearTimeout(t);
          resolve();
        }
      };
      cs.stdout.on('data', onData);
      cs.stderr.on('data', onData);
      serverGone.then((why) => {
        clearTimeout(t);
        reject(new Error(`${why}\n${serverLog}`));
      });
    })
  );

  /** @param {string} p */
  const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = [
    ...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(testsPath ? [['extensionTestsPath', remote(testsPath)]] : []),
    ...(openFile ? [['openFile', remote(openFile)]] : []),
    ...(openFile && gotoMode ? [['gotoLineMode', 'true']] : []),
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
  const pg = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page = pg;
  /** @type {(code: unknown) => void} */
  let done = () => {};
  /** @type {Promise<unknown>} */
  const exited = new Promise((r) => {
    done = r;
  });
  await pg.exposeFunction('codeAutomationExit', (/** @type {unknown} */ code) => done(code));
  pg.on('crash', () => done('page crashed'));
  pg.on('pageerror', (e) => consoleLogFile.write(`[pageerror] ${e.stack || e}\n`));
  // Extension host console output (mocha reporter, console.log in tests) arrives as
  // ("%c INFO", css, ...args); strip the styling and print it.
  pg.on('console', async (m) => {
    let a = await Promise.all(m.args().map((h) => h.jsonValue().catch(() => '?')));
    if (typeof a[0] === 'string' && a[0].startsWith('%c')) {
      a = [a[0].replace(/^%c\s*\w+\s*/, '')].filter(Boolean).concat(a.slice(2));
    }
    const t = util.format(...a);
    consoleLogFile.write(`[${m.type()}] ${t}\n`);
    if (m.type() !== 'log' && m.type() !== 'error') return;
    if (process.env.SHIM_VERBOSE || !NOISE.test(t)) console.log(t);
  });

  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  else if (workspaceFile) q.push(`workspace=${encodeURIComponent(path.resolve(workspaceFile))}`);
  else q.push('ew=true'); // explicitly empty window
  q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await pg.goto(`http://${host}/?${q.join('&')}`);

  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const code = await Promise.race([
    exited,
    serverGone,
    new Promise((r) => {
      timer = setTimeout(() => r('timeout'), TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  await screenshot(pg);
  let rc = 3;
  if (typeof code === 'number') rc = code;
  else if (code === 'timeout') {
    log(`no result after ${TIMEOUT_MS} ms (SHIM_TIMEOUT_MS)`);
    rc = 124;
  } else log(String(code));
  await shutdown(rc);
})().catch(async (e) => {
  log(e && e.stack ? e.stack : e);
  await screenshot(page);
  await shutdown(3);
});
