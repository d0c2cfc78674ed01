import { app, BrowserWindow, Menu, session } from 'electron';
import { existsSync } from 'node:fs';
import { electronPrinter } from './electron-printer.js';
import { hostname } from 'node:os';
import path from 'node:path';
import { credentialCookieName } from '../domain/roles.js';
import type { RunningHost } from '../host/host-api.js';
import { startHost } from '../host/start-host.js';
import { backupOf, CliError, parseCliOptions, type CliOptions } from '../host/cli-options.js';
import { desktopKeyStore, exportKey } from './safe-key-store.js';
import { runTerminalAgent } from './terminal-agent.js';
import { installHardening, secureWebPreferences, type Hardening } from './hardening.js';
import { closeHostOnQuit, errorText, keepDisplayAwake, logChildProcessCrashes, quitOnSignals, superviseWindow } from './recovery.js';

/**
 * Entry point of the Electron main process (ESM). Everything before `app.whenReady()` runs at the
 * module's top level on purpose: Electron emits `ready` only after the entry module has finished
 * evaluating, so switches and the sandbox must be set here, and `whenReady` must never be awaited
 * at top level (that would deadlock).
 */

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString()} [shell] ${line}\n`);
}

let args: CliOptions | undefined;
try {
  const parsed = parseCliOptions(process.argv.slice(1), process.env, { lenient: true, defaultDataDir: app.getPath('userData') });
  if (parsed === 'help') {
    process.stdout.write('See npm start -- --help\n');
    app.exit(0);
  } else {
    args = parsed;
  }
} catch (err) {
  if (!(err instanceof CliError)) throw err;
  log(err.message);
  app.exit(2);
}

let mainWindow: BrowserWindow | undefined;

if (args !== undefined) {
  if (!app.requestSingleInstanceLock()) {
    // Two windows on one terminal would fight over the port and the screen; the first one stays.
    log('already running; focusing the existing window');
    app.quit();
  } else {
    const hardening = installHardening(log);
    // The call display announces numbers by voice with nobody touching the screen; Chromium would
    // otherwise refuse audio and speech until a user gesture.
    app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
    quitOnSignals();
    logChildProcessCrashes(log);
    app.on('second-instance', () => {
      if (mainWindow === undefined || mainWindow.isDestroyed()) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    });
    app.on('window-all-closed', () => app.quit());
    run(args, hardening).catch((err: unknown) => {
      // Exit non-zero so whatever supervises the terminal (systemd, a Windows task) restarts it.
      log(`startup failed (${errorText(err)})`);
      app.exit(1);
    });
  }
}

async function run(opts: CliOptions, hardening: Hardening): Promise<void> {
  await app.whenReady();
  if (opts.exportKey !== undefined) {
    exportKey(desktopKeyStore(opts.dataDir, opts.keyFile), opts.exportKey);
    log(`key file copied to ${opts.exportKey}: keep it apart from the backups`);
    app.exit(0);
    return;
  }
  if (opts.kiosk) Menu.setApplicationMenu(null);
  keepDisplayAwake(log);

  let startUrl: () => Promise<string>;
  if (opts.hub !== undefined) {
    startUrl = hubStartUrl(opts.hub, opts.role);
    hardening.allowOrigin(opts.hub);
    log(`connecting to hub as ${opts.role}`);
    // This machine's reader, scanner and printer, for the hub (issue 15).
    await runTerminalAgent({ ...opts, hub: opts.hub }, log);
  } else {
    const host = await startEmbeddedHost(opts);
    const base = loopbackOrigin(host.url);
    hardening.allowOrigin(base);
    await enrollThisWindow(host, base, opts);
    const url = `${base}/${opts.role}`;
    startUrl = () => Promise.resolve(url);
    log(`embedded host on ${host.url}, showing ${opts.role}`);
  }

  mainWindow = new BrowserWindow({
    title: 'Yizhan',
    width: 1280,
    height: 800,
    kiosk: opts.kiosk,
    autoHideMenuBar: opts.kiosk,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences({ devTools: !opts.kiosk }),
  });
  superviseWindow(mainWindow, { startUrl, log });
  // A failed first load is retried by superviseWindow's did-fail-load handler.
  await mainWindow.loadURL(await startUrl()).catch(() => undefined);
}

async function startEmbeddedHost(opts: CliOptions): Promise<RunningHost> {
  const appRoot = app.getAppPath();
  const nativeBinding = electronNativeBinding(appRoot);
  const host = await startHost({
    dataDir: opts.dataDir,
    host: opts.host,
    port: opts.port,
    timeZone: opts.timeZone,
    allowedHostNames: opts.allowedHosts,
    ...(opts.printer ? { defaultPrinter: opts.printer } : {}),
    ...(opts.printerRoot ? { printerRoot: opts.printerRoot } : {}),
    simulateDevices: opts.simulateDevices,
    electronPrinter,
    // safeStorage works only once the app is ready, which it is here.
    keyStore: desktopKeyStore(opts.dataDir, opts.keyFile),
    backup: backupOf(opts),
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
  });
  closeHostOnQuit(host, log);
  return host;
}

/**
 * The single-machine default needs no pairing: the shell owns the host, so it enrolls its own
 * window and hands the credential straight to the cookie jar. The cookie has no expiry, so
 * Chromium keeps it in memory only and the secret is not left on disk; the next start enrolls again.
 */
async function enrollThisWindow(host: RunningHost, base: string, opts: CliOptions): Promise<void> {
  // A stable name lets the host reuse the terminal row across restarts instead of adding one each time.
  const { token, cookieName } = host.enrollLocalTerminal(opts.role, `${hostname()} ${opts.role}`);
  await session.defaultSession.cookies.set({
    url: base,
    name: cookieName,
    value: token,
    httpOnly: true,
    secure: false, // plain HTTP on the loopback interface; nothing else can reach it
    sameSite: 'strict',
    path: '/',
  });
}

/** In hub mode the credential comes from pairing with a code on the hub's /pair page. */
function hubStartUrl(hub: string, role: CliOptions['role']): () => Promise<string> {
  return async () => {
    const paired = await session.defaultSession.cookies.get({ url: hub, name: credentialCookieName(role) });
    return paired.length > 0 ? `${hub}/${role}` : `${hub}/pair`;
  };
}

/** A host listening on every interface still has to be reached by its own window via loopback. */
function loopbackOrigin(hostUrl: string): string {
  const url = new URL(hostUrl);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.origin;
}

/**
 * better-sqlite3 in node_modules is built for Node's ABI (the unit tests need it that way); in
 * development `npm start` runs scripts/electron-native.ts first, which puts an Electron-ABI build
 * here. A packaged app has neither this folder nor the need: electron-builder rebuilt the module.
 * Keep the folder name in sync with scripts/electron-native.ts.
 */
function electronNativeBinding(appRoot: string): string | undefined {
  const dir = `electron-v${process.versions.modules}-${process.platform}-${process.arch}`;
  const file = path.join(appRoot, 'build', 'native', dir, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
