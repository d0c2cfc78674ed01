import { z } from 'zod';
import { CardFixtureSchema } from './card-fixture.js';

/**
 * The simulator's control routes. They exist only on a host started with --simulate-devices (the
 * host does not register them otherwise) and only admin terminals may call them; `npm run sim`
 * is their client.
 */
export const SIM_PATHS = { card: '/api/sim/card', scan: '/api/sim/scan', fault: '/api/sim/fault', plug: '/api/sim/plug' } as const;
/** Written into the data folder by a simulating host: where it listens and the simulator's credential. */
export const SIM_CREDENTIAL_FILE = 'simulator.json';

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
export const SimReplySchema = z.object({ ok: z.literal(true), deviceId: z.number().int().positive() });

export const SimCredentialSchema = z.object({ url: z.url(), token: z.string().min(16).max(128) });
