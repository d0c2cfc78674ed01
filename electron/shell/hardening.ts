import { app, type Session, type WebContents, type WebPreferences } from 'electron';

/**
 * Electron hardening (DESIGN §7, Electron's security checklist). The window shows pages served by
 * the host over HTTP, and in a hall those come from another machine on the LAN, so the page is
 * treated as untrusted content: it gets no Node, no Electron API and no way to leave its origin.
 *
 * There is deliberately no preload script: the renderer talks to its host over the same
 * HTTP/WebSocket API it uses in any browser, so there is nothing to bridge, and an empty bridge is
 * the only one that cannot leak a capability.
 *
 * CSP is not set here: the host sends a strict Content-Security-Policy header with every page.
 */

/** Preferences for every window the shell creates. Keep in sync with the checks below. */
export function secureWebPreferences(opts: { devTools: boolean }): WebPreferences {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Spell-check dictionaries are fetched from the internet; a hall PC should make no such calls.
    spellcheck: false,
    // DevTools would show the HttpOnly terminal credential to anyone at a kiosk with a keyboard.
    devTools: opts.devTools,
  };
}

export interface Hardening {
  /** Let the window navigate to this origin (the local host, or the hall hub). */
  allowOrigin(url: string): void;
}

type Log = (line: string) => void;

/** Must run before `app` is ready: `enableSandbox` only affects renderers started afterwards. */
export function installHardening(log: Log): Hardening {
  // Sandbox every renderer, including any that were created without our preferences.
  app.enableSandbox();

  const allowedOrigins = new Set<string>();
  const hardenedSessions = new WeakSet<Session>();

  const isAllowed = (url: string): boolean => {
    try {
      return allowedOrigins.has(new URL(url).origin);
    } catch {
      return false;
    }
  };

  const denyNavigation = (kind: string, url: string, event: { preventDefault(): void }): void => {
    if (isAllowed(url)) return;
    event.preventDefault();
    // Only the scheme and host: a query string could carry something personal.
    log(`${kind} blocked to ${safeOrigin(url)}`);
  };

  const hardenSession = (ses: Session): void => {
    if (hardenedSessions.has(ses)) return;
    hardenedSessions.add(ses);
    // Deny by default. The screens need none of these (speech synthesis and printing go through
    // the host). Grant a permission here only for the host's own origin and with a written reason.
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
    // A kiosk has nowhere sensible to save a file, and a download is a way to drop one on disk.
    ses.on('will-download', (event) => {
      event.preventDefault();
      log('download blocked');
    });
  };

  app.on('session-created', hardenSession);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    hardenSession(contents.session);

    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('webview blocked');
    });
    // will-frame-navigate covers the main frame (what will-navigate sees) and any sub-frame.
    contents.on('will-frame-navigate', (event) => denyNavigation('navigation', event.url, event));
    contents.on('will-redirect', (event) => denyNavigation('redirect', event.url, event));
    // No pop-ups, no second windows, and never hand a URL to the OS (shell.openExternal).
    contents.setWindowOpenHandler(({ url }) => {
      log(`window.open blocked to ${safeOrigin(url)}`);
      return { action: 'deny' };
    });
  });

  return {
    allowOrigin(url: string): void {
      allowedOrigins.add(new URL(url).origin);
    },
  };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparsable URL)';
  }
}
