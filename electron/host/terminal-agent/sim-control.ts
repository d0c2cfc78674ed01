import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { SIM_PATHS, simApi } from '../../domain/contract/sim-api.js';
import { writeSimCredential } from '../devices/sim-credential.js';
import type { DeviceManager } from '../devices/device-manager.js';

/** The agent's simulator control: a Unix socket in its data folder (never a network port). */
export const SIM_SOCKET = 'sim.sock';

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 64 * 1024) throw new Error('too large');
  }
  return JSON.parse(text) as unknown;
}

/**
 * `npm run sim -- --data-dir <agent data folder> card put resident` drives the agent's simulated
 * reader and scanner, as it drives a simulating hub's: the same routes and bodies (sim-api.ts),
 * served on a Unix socket that only this machine's owner can open, with a token in simulator.json.
 */
export async function startSimControl(dataDir: string, devices: DeviceManager, log: (line: string) => void): Promise<{ close(): Promise<void> }> {
  const token = randomBytes(24).toString('base64url');
  const path = join(dataDir, SIM_SOCKET);
  rmSync(path, { force: true });
  const server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const given = Buffer.from(req.headers.authorization ?? '');
    const wanted = Buffer.from(`Bearer ${token}`);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return answer(401, { error: { code: 'unauthorized', message: 'simulator token' } });
    const route = Object.values(simApi).find((r) => r.path === req.url && r.method === req.method);
    if (!route) return answer(404, { error: { code: 'not_found', message: `No route ${req.method} ${req.url}` } });
    bodyOf(req)
      .then((raw) => {
        const sim = devices.sim;
        let deviceId: number;
        if (route.path === SIM_PATHS.card) {
          const b = simApi.simCard.body.parse(raw);
          deviceId = b.action === 'put' ? sim.put(b.fixture, b.deviceId) : sim.remove(b.deviceId);
        } else if (route.path === SIM_PATHS.scan) {
          const b = simApi.simScan.body.parse(raw);
          deviceId = sim.scan(b.text, b.deviceId);
        } else if (route.path === SIM_PATHS.fault) {
          const b = simApi.simFault.body.parse(raw);
          deviceId = sim.fault(b.fault, b.on, b.deviceId);
        } else {
          const b = simApi.simPlug.body.parse(raw);
          if (b.plugged) sim.plug(b.deviceId);
          else sim.unplug(b.deviceId);
          deviceId = b.deviceId;
        }
        answer(200, { ok: true, deviceId });
      })
      .catch((err: unknown) => answer(409, { error: { code: 'conflict', message: (err as Error).message.slice(0, 300) } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  writeSimCredential(dataDir, 'http://localhost', token, path);
  log(`agent: simulator on; npm run sim -- --data-dir ${dataDir} drives it`);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        rmSync(path, { force: true });
      }),
  };
}
