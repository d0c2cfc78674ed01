/**
 * `npm run sim -- <command>`: drives the simulated devices of a host started with
 * --simulate-devices (npm run hub -- --simulate-devices), or of a terminal's agent started so
 * (npm run terminal -- --simulate-devices, with the agent's --data-dir). It finds either through
 * the simulator.json written into that data folder.
 *
 *   card put <fixture>     put a card on the simulated reader (a name from scripts/sim/fixtures, or a .json path)
 *   card remove            take it away
 *   scan <text>            scan a code with the simulated HID POS scanner
 *   fault <name> on|off    sam_failure, bad_checksum, garbage, silence, read_failure, truncated, oversized
 *   unplug <id> | plug <id>
 *   fixtures               list the fixture cards
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot } from '../db/app-root.js';
import { defaultDataDir } from '../electron/host/cli-options.js';
import { CardFixtureSchema } from '../electron/domain/devices/card-fixture.js';
import { SIM_CREDENTIAL_FILE, SimCredentialSchema, SimFaultBodySchema, simApi } from '../electron/domain/contract/sim-api.js';
import type { z } from 'zod';

type SimCredential = z.infer<typeof SimCredentialSchema>;

const USAGE = `Usage: npm run sim -- [--data-dir <dir>] [--device <id>] <command>
  card put <fixture>     fixture name (see "fixtures") or path to a .json card
  card remove
  scan <text>
  fault <name> on|off    ${SimFaultBodySchema.shape.fault.options.join(', ')}
  unplug <id> | plug <id>
  fixtures`;

export const FIXTURE_DIR = join(appRoot(), 'scripts', 'sim', 'fixtures');

class UsageError extends Error {}

export function loadFixture(nameOrPath: string): unknown {
  const path = nameOrPath.endsWith('.json') ? nameOrPath : join(FIXTURE_DIR, `${nameOrPath.replace(/[^a-z0-9-]/gi, '')}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read fixture ${path}: ${(err as Error).message}`);
  }
  const parsed = CardFixtureSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`fixture ${path} is not a card: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, device: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [cmd, arg1, arg2] = positionals;
  if (cmd === 'fixtures') {
    process.stdout.write(
      `${readdirSync(FIXTURE_DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
        .join('\n')}\n`,
    );
    return;
  }
  const deviceId = values.device === undefined ? undefined : Number(values.device);
  if (deviceId !== undefined && !(Number.isInteger(deviceId) && deviceId > 0)) throw new UsageError('--device must be a device id');

  let route: keyof typeof simApi;
  let body: unknown;
  if (cmd === 'card' && arg1 === 'put' && arg2) [route, body] = ['simCard', { action: 'put', fixture: loadFixture(arg2), deviceId }];
  else if (cmd === 'card' && arg1 === 'remove') [route, body] = ['simCard', { action: 'remove', deviceId }];
  else if (cmd === 'scan' && arg1) [route, body] = ['simScan', { text: positionals.slice(1).join(' '), deviceId }];
  else if (cmd === 'fault' && arg1 && (arg2 === 'on' || arg2 === 'off')) [route, body] = ['simFault', { fault: arg1, on: arg2 === 'on', deviceId }];
  else if ((cmd === 'unplug' || cmd === 'plug') && arg1) [route, body] = ['simPlug', { deviceId: Number(arg1), plugged: cmd === 'plug' }];
  else throw new UsageError(USAGE);
  const spec = simApi[route];
  // Checked here with the host's own schema, so a typo is told at once rather than as a 400.
  const checked = spec.body.safeParse(body);
  if (!checked.success) throw new UsageError(`${checked.error.issues.map((i) => `${i.path.join('.') || cmd}: ${i.message}`).join('; ')}\n${USAGE}`);

  const dataDir = values['data-dir'] ?? (process.env['YIZHAN_DATA_DIR'] || defaultDataDir());
  let cred;
  try {
    cred = SimCredentialSchema.parse(JSON.parse(readFileSync(join(dataDir, SIM_CREDENTIAL_FILE), 'utf8')));
  } catch {
    throw new UsageError(`no simulating host found for ${dataDir}: start one with npm run hub -- --simulate-devices (same --data-dir)`);
  }
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${cred.token}`, 'x-yizhan-role': 'admin' };
  const res = await post(cred, spec.path, headers, JSON.stringify(body)).catch(() => null);
  if (!res) throw new UsageError(`the host at ${cred.socketPath ?? cred.url} does not answer; is it running?`);
  const text = res.text;
  if (res.status !== 200) throw new UsageError(`host refused (${res.status}): ${text}`);
  const reply = spec.response.parse(JSON.parse(text));
  process.stdout.write(`ok (device #${reply.deviceId})\n`);
}

/** A hub is reached over HTTP; a terminal's agent over its Unix socket (sim-control.ts). */
function post(cred: SimCredential, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const url = new URL(path, cred.url);
  const where = cred.socketPath ? { socketPath: cred.socketPath } : { hostname: url.hostname, port: url.port };
  return new Promise((resolve, reject) => {
    const req = request({ ...where, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof UsageError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
