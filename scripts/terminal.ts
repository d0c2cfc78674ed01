/**
 * `npm run terminal -- --hub URL --role kiosk`: a hall terminal's agent, headless. Pairs once with
 * a code from the admin screen (--code), keeps the credential in its data folder, then runs this
 * machine's devices and printer for the hub until stopped (SIGTERM, Ctrl+C).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../db/app-root.js';
import { CliError } from '../electron/host/cli-options.js';
import { AGENT_USAGE, parseAgentOptions } from '../electron/host/terminal-agent/agent-options.js';
import { pairWithCode, PairingError, readCredential, writeCredential } from '../electron/host/terminal-agent/credential.js';
import { startTerminalAgent } from '../electron/host/terminal-agent/start-agent.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

async function main(): Promise<void> {
  const opts = parseAgentOptions(process.argv.slice(2));
  if (opts === 'help') {
    process.stdout.write(`${AGENT_USAGE}\n`);
    return;
  }
  let cred = readCredential(opts.dataDir);
  if (cred && (cred.hub !== opts.hub || cred.role !== opts.role)) cred = null;
  if (!cred) {
    if (!opts.code) throw new CliError(`This terminal is not paired with ${opts.hub} as ${opts.role}: give --code with a code from the admin screen.`);
    cred = await pairWithCode(opts.hub, opts.role, opts.code);
    writeCredential(opts.dataDir, cred);
    process.stdout.write(`Paired as terminal #${cred.terminalId} (${cred.role} ${cred.name}); credential kept in ${opts.dataDir}\n`);
  }
  let stopping = false;
  const agent = await startTerminalAgent({
    hub: opts.hub,
    role: opts.role,
    token: cred.token,
    dataDir: opts.dataDir,
    version: version(),
    devices: opts.devices,
    simulateDevices: opts.simulateDevices,
    printer: opts.printer,
    refused: () => {
      process.exitCode = 3;
      void agent.close();
    },
  });
  process.stdout.write(`Yizhan terminal agent for ${opts.hub} running (${opts.role}). Stop with Ctrl+C.\n`);
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping\n`);
    agent.close().then(
      () => process.exit(process.exitCode ?? 0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof CliError || err instanceof PairingError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`The terminal agent could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
