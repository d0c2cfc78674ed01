import { app, powerSaveBlocker, type BrowserWindow } from 'electron';
import type { RunningHost } from '../host/host-api.js';

/**
 * Keeping an unattended terminal on screen: a booth runs day and night with nobody to click
 * "reload", so every way the page can disappear (renderer crash, hang, host or hub not answering)
 * ends in the start screen coming back by itself. Log lines carry reasons and codes only, never
 * URLs with queries or page content (DESIGN §7: no personal data in logs).
 */

type Log = (line: string) => void;

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** A failure this long after the previous one counts as a fresh start, not part of a crash loop. */
const STABLE_MS = 5 * 60_000;
/** Chromium's net::ERR_ABORTED: a load superseded by another (or blocked by hardening), not a failure. */
const ERR_ABORTED = -3;

/** Exponential backoff so a page that crashes on load does not spin the CPU. Pure, for tests. */
export function createBackoff(now: () => number = Date.now) {
  let next = FIRST_DELAY_MS;
  let lastFailureAt = Number.NEGATIVE_INFINITY;
  return (): number => {
    const t = now();
    if (t - lastFailureAt > STABLE_MS) next = FIRST_DELAY_MS;
    lastFailureAt = t;
    const wait = next;
    next = Math.min(next * 2, MAX_DELAY_MS);
    return wait;
  };
}

export interface SuperviseOptions {
  /** The screen to go back to. Always the role's start screen, never the page that failed: a
   * half-filled application must not reappear in front of the next person. Async because in hub
   * mode it depends on whether the terminal is paired yet. */
  startUrl: () => Promise<string>;
  log: Log;
  /** How long a renderer may be unresponsive before it is killed and reloaded. */
  hangGraceMs?: number;
}

export function superviseWindow(win: BrowserWindow, opts: SuperviseOptions): void {
  const { log } = opts;
  const wc = win.webContents;
  const nextDelay = createBackoff();
  let reloadTimer: NodeJS.Timeout | undefined;
  let hangTimer: NodeJS.Timeout | undefined;

  const scheduleReload = (why: string): void => {
    if (reloadTimer !== undefined || win.isDestroyed()) return; // one pending reload is enough
    const wait = nextDelay();
    log(`${why}; reloading in ${wait} ms`);
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined;
      if (win.isDestroyed()) return;
      opts.startUrl().then(
        // A failed load is reported (and retried) by did-fail-load; the rejection adds nothing.
        (url) => win.loadURL(url).catch(() => undefined),
        (err: unknown) => scheduleReload(`start URL unavailable (${errorText(err)})`),
      );
    }, wait);
  };

  wc.on('render-process-gone', (_event, details) => {
    scheduleReload(`renderer gone (${details.reason}, exit ${details.exitCode})`);
  });

  wc.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    // Typically the hub is not up yet after a power cut; keep trying at the backoff's pace.
    scheduleReload(`load failed (${errorCode} ${errorDescription})`);
  });

  const hangGraceMs = opts.hangGraceMs ?? 15_000;
  wc.on('unresponsive', () => {
    if (hangTimer !== undefined) return;
    log('renderer unresponsive');
    hangTimer = setTimeout(() => {
      hangTimer = undefined;
      if (win.isDestroyed()) return;
      // A hung renderer cannot run a normal reload; killing it makes the next load use a new process.
      wc.forcefullyCrashRenderer();
      scheduleReload(`renderer unresponsive for ${hangGraceMs} ms`);
    }, hangGraceMs);
  });
  wc.on('responsive', () => {
    if (hangTimer === undefined) return;
    clearTimeout(hangTimer);
    hangTimer = undefined;
    log('renderer responsive again');
  });

  win.on('closed', () => {
    clearTimeout(reloadTimer);
    clearTimeout(hangTimer);
  });
}

/** A call display or kiosk that blanks after ten idle minutes looks broken. Held until exit. */
export function keepDisplayAwake(log: Log): void {
  const id = powerSaveBlocker.start('prevent-display-sleep');
  if (!powerSaveBlocker.isStarted(id)) log('power-save blocker did not start');
}

/** GPU or utility process crashes do not kill the window but explain a later blank screen. */
export function logChildProcessCrashes(log: Log): void {
  app.on('child-process-gone', (_event, details) => {
    log(`${details.type} process gone (${details.reason}, exit ${details.exitCode})`);
  });
}

/**
 * Close the host before the app exits so the database is closed cleanly and clients get a proper
 * close frame. Quitting waits for it, but not forever: a hung close must not keep a kiosk from
 * restarting. SQLite's WAL keeps acknowledged writes either way (DESIGN §7).
 */
export function closeHostOnQuit(host: Pick<RunningHost, 'close'>, log: Log, timeoutMs = 10_000): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    log('closing host');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log(`host did not close within ${timeoutMs} ms; quitting anyway`);
        resolve();
      }, timeoutMs);
    });
    Promise.race([host.close(), timeout])
      .catch((err: unknown) => log(`host close failed (${errorText(err)})`))
      .finally(() => {
        clearTimeout(timer);
        state = 'closed';
        app.quit();
      });
  });
}

/** Ctrl+C in development and `systemctl stop` on a hall PC should take the clean path too. */
export function quitOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
