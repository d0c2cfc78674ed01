import type { simApi } from '../../domain/contract/sim-api.js';
import { ApiError } from '../http/api-error.js';
import type { HandlersFor } from '../http/register-routes.js';
import type { HostContext } from '../host-context.js';

/** What the simulated devices do when `npm run sim` asks; registered only with --simulate-devices. */
export function simHandlers(ctx: HostContext): HandlersFor<typeof simApi> {
  const { sim } = ctx.devices;
  /** The simulator refuses (no such device, wrong kind …) by throwing: a conflict, not a host fault. */
  const reply = (run: () => number) => {
    try {
      return { ok: true as const, deviceId: run() };
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError('conflict', err instanceof Error ? err.message : 'simulator refused');
    }
  };

  return {
    simCard: ({ body }) => reply(() => (body.action === 'put' ? sim.put(body.fixture, body.deviceId) : sim.remove(body.deviceId))),
    simScan: ({ body }) => reply(() => sim.scan(body.text, body.deviceId)),
    simFault: ({ body }) => reply(() => sim.fault(body.fault, body.on, body.deviceId)),
    simPlug: ({ body }) =>
      reply(() => {
        if (body.plugged) sim.plug(body.deviceId);
        else sim.unplug(body.deviceId);
        return body.deviceId;
      }),
  };
}
