import { app, session } from 'electron';
import type { CliOptions } from '../host/cli-options.js';
import { credentialCookieName } from '../domain/roles.js';
import { deviceFromSpec } from '../host/terminal-agent/agent-devices.js';
import { startTerminalAgent, type RunningAgent } from '../host/terminal-agent/start-agent.js';
import { electronPrinter } from './electron-printer.js';

/**
 * A hall terminal's desktop app (--hub): its agent runs here, in the main process, with the one
 * credential the window got by pairing on the hub's /pair page (its cookie). No second pairing:
 * the agent starts when that cookie exists and restarts when it changes (paired again).
 */
export async function runTerminalAgent(opts: CliOptions & { hub: string }, log: (line: string) => void): Promise<void> {
  const name = credentialCookieName(opts.role);
  const hubHost = new URL(opts.hub).hostname;
  const devices = opts.devices.map(deviceFromSpec);
  let agent: RunningAgent | null = null;
  let token: string | null = null;

  const start = async (next: string) => {
    if (next === token) return;
    token = next;
    await agent?.close();
    agent = await startTerminalAgent({
      hub: opts.hub,
      role: opts.role,
      token: next,
      dataDir: opts.dataDir,
      version: app.getVersion(),
      devices,
      simulateDevices: opts.simulateDevices,
      printer: opts.printer && opts.printer.kind !== 'none' ? opts.printer : null,
      electronPrinter,
      refused: (reason) => log(`terminal agent: credential refused (${reason}); pair this terminal again on its screen`),
      log: (line) => log(line),
    });
  };

  const [current] = await session.defaultSession.cookies.get({ url: opts.hub, name });
  if (current) await start(current.value);
  session.defaultSession.cookies.on('changed', (_event, cookie, _cause, removed) => {
    if (removed || cookie.name !== name || cookie.domain?.replace(/^\./, '') !== hubHost) return;
    start(cookie.value).catch((err: unknown) => log(`terminal agent: could not start (${(err as Error).message})`));
  });
  app.on('before-quit', () => void agent?.close());
}
