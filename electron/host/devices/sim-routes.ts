import type { FastifyInstance, FastifyRequest } from 'fastify';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  SIM_CREDENTIAL_FILE,
  SIM_PATHS,
  SimCardBodySchema,
  SimFaultBodySchema,
  SimPlugBodySchema,
  SimScanBodySchema,
} from '../../domain/devices/sim-contract.js';
import type { TerminalStore } from '../../../db/terminals.js';
import { ApiError } from '../http/api-error.js';
import { authorize } from '../http/guard.js';
import type { DeviceManager } from './device-manager.js';

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message }));
  throw new ApiError('bad_request', `Invalid body: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/**
 * Registers the simulator's routes. Called only when the host runs with --simulate-devices: on any
 * other host these paths are unknown (404), not merely refused.
 */
export function registerSimRoutes(app: FastifyInstance, devices: DeviceManager, terminals: TerminalStore, clock: () => number): void {
  const guard = (req: FastifyRequest) => authorize(req, ['admin'], terminals, clock());
  const wrap = (run: () => number) => {
    try {
      return { ok: true as const, deviceId: run() };
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError('conflict', err instanceof Error ? err.message : 'simulator refused');
    }
  };
  app.post(SIM_PATHS.card, async (req) => {
    guard(req);
    const body = parse(SimCardBodySchema, req.body);
    return wrap(() => (body.action === 'put' ? devices.sim.put(body.fixture, body.deviceId) : devices.sim.remove(body.deviceId)));
  });
  app.post(SIM_PATHS.scan, async (req) => {
    guard(req);
    const body = parse(SimScanBodySchema, req.body);
    return wrap(() => devices.sim.scan(body.text, body.deviceId));
  });
  app.post(SIM_PATHS.fault, async (req) => {
    guard(req);
    const body = parse(SimFaultBodySchema, req.body);
    return wrap(() => devices.sim.fault(body.fault, body.on, body.deviceId));
  });
  app.post(SIM_PATHS.plug, async (req) => {
    guard(req);
    const body = parse(SimPlugBodySchema, req.body);
    return wrap(() => {
      if (body.plugged) devices.sim.plug(body.deviceId);
      else devices.sim.unplug(body.deviceId);
      return body.deviceId;
    });
  });
}

/** Lets `npm run sim` reach this host as an admin without a pairing step: owner-only file in the data folder. */
export function writeSimCredential(dataDir: string, url: string, token: string): string {
  const path = join(dataDir, SIM_CREDENTIAL_FILE);
  writeFileSync(path, JSON.stringify({ url, token }), { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}
