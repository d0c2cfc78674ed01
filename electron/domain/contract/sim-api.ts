import { z } from 'zod';
import { CardFixtureSchema } from '../devices/card-fixture.js';
import { ADMIN } from './access.js';
import { None, route } from './route-spec.js';

/**
 * The simulator's control routes. They exist only on a host started with --simulate-devices (the
 * host registers this table only then, so elsewhere the paths are unknown: 404, not 403) and only
 * admin terminals may call them; `npm run sim` is their client. Not merged into `api`.
 */
export const SIM_PATHS = { card: '/api/sim/card', scan: '/api/sim/scan', fault: '/api/sim/fault', plug: '/api/sim/plug' } as const;
/** Written into the data folder by a simulating host: where it listens and the simulator's credential. */
export const SIM_CREDENTIAL_FILE = 'simulator.json';

/** Which simulated device; the first of its kind when left out. */
const DeviceId = z.number().int().positive().optional();
export const SimCardBodySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('put'), fixture: CardFixtureSchema, deviceId: DeviceId }).strict(),
  z.object({ action: z.literal('remove'), deviceId: DeviceId }).strict(),
]);
export const SimScanBodySchema = z.object({ text: z.string().min(1).max(4096), deviceId: DeviceId }).strict();
export const SimFaultBodySchema = z
  .object({
    fault: z.enum(['sam_failure', 'bad_checksum', 'garbage', 'silence', 'read_failure', 'truncated', 'oversized']),
    on: z.boolean(),
    deviceId: DeviceId,
  })
  .strict();
export const SimPlugBodySchema = z.object({ deviceId: z.number().int().positive(), plugged: z.boolean() }).strict();
/** Every simulator route answers with the device it acted on. */
export const SimReplySchema = z.object({ ok: z.literal(true), deviceId: z.number().int().positive() });

/** `socketPath`: a terminal's agent serves the same routes on a Unix socket in its data folder. */
export const SimCredentialSchema = z.object({ url: z.url(), token: z.string().min(16).max(128), socketPath: z.string().optional() });

function simRoute<B extends z.ZodType>(path: string, body: B) {
  return route({ method: 'POST', path, access: ADMIN, params: None, query: None, body, response: SimReplySchema });
}

export const simApi = {
  /** Put a fixture card on the simulated reader, or take it away. */
  simCard: simRoute(SIM_PATHS.card, SimCardBodySchema),
  /** Scan a code with the simulated HID POS scanner. */
  simScan: simRoute(SIM_PATHS.scan, SimScanBodySchema),
  /** Switch one of the reader's faults on or off. */
  simFault: simRoute(SIM_PATHS.fault, SimFaultBodySchema),
  /** Unplug a simulated device, or plug it back. */
  simPlug: simRoute(SIM_PATHS.plug, SimPlugBodySchema),
} as const;
