/**
 * `npm start` and `npm run hub`. Opens the Electron kiosk window when the Electron binary is
 * installed; otherwise (or with --headless) runs the host in this Node process and prints one
 * pairing link per screen for any Chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { appRoot } from '../db/app-root.js';
import { SchemaTooNewError } from '../db/migrate.js';
import { DatabaseInUseError } from '../db/open.js';
import { KeyRequiredError } from '../db/seal-clear-columns.js';
import { backupOf, CliError, parseCliOptions, USAGE, type CliOptions } from '../electron/host/cli-options.js';
import { KeyFileError } from '../electron/host/keys/key-file.js';
import { pairingBanner } from '../electron/host/pairing-banner.js';
import { startHost } from '../electron/host/start-host.js';

function electronBinary(): string | null {
  try {
    // The electron package exports the binary's path, and throws when the download was skipped.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function runHeadless(opts: CliOptions, root: string): Promise<void> {
  const host = await startHost({
    dataDir: opts.dataDir,
    host: opts.host,
    port: opts.port,
    timeZone: opts.timeZone,
    rendererDir: join(root, 'out', 'renderer'),
    allowedHostNames: opts.allowedHosts,
    simulateDevices: opts.simulateDevices,
    ...(opts.printer ? { defaultPrinter: opts.printer } : {}),
    ...(opts.printerRoot ? { printerRoot: opts.printerRoot } : {}),
    ...(opts.keyFile ? { keyFile: opts.keyFile } : {}),
    backup: backupOf(opts),
  });
  process.stdout.write(`${pairingBanner(host)}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping\n`);
    host.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`error while stopping: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function runElectron(binary: string, root: string, argv: readonly string[]): Promise<void> {
  const { ensureElectronNative } = await import('./electron-native.js');
  await ensureElectronNative(root);
  const child = spawn(binary, [root, ...argv], { stdio: 'inherit' });
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opts = parseCliOptions(argv);
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const root = appRoot();
  const binary = opts.headless ? null : electronBinary();
  if (binary) return runElectron(binary, root, argv);
  if (opts.exportKey !== undefined) throw new CliError('--export-key is for the desktop app; without Electron use: npm run keys -- export --to <file>');
  if (opts.hub) {
    throw new CliError(
      `--hub is for the desktop window, and Electron is not installed here. In a browser, open ${opts.hub}/pair instead; ` +
        `this machine's reader and printer run with npm run terminal -- --hub ${opts.hub} --role ${opts.role} --code <code>.`,
    );
  }
  if (!opts.headless) process.stdout.write('Electron is not installed here (binary download skipped): serving the screens for any Chromium.\n');
  return runHeadless(opts, root);
}

main().catch((err: unknown) => {
  const known = [CliError, SchemaTooNewError, KeyFileError, DatabaseInUseError, KeyRequiredError];
  if (known.some((k) => err instanceof k)) process.stderr.write(`${(err as Error).message}\n`);
  else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') process.stderr.write(`Port in use: ${(err as Error).message}. Choose another with --port.\n`);
  else process.stderr.write(`Yizhan could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
