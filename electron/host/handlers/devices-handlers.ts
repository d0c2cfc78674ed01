import type { devicesApi } from '../../domain/contract/devices-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';

export function devicesHandlers(ctx: HostContext): HandlersFor<typeof devicesApi> {
  const { devices } = ctx;
  const store = devices.store;

  function checkTerminal(id: number | null | undefined): void {
    if (id !== null && id !== undefined && !store.terminalExists(id)) throw new ApiError('not_found', `No active terminal with id ${id}`);
  }
  function current(id: number) {
    const d = devices.get(id) ?? devices.list().find((x) => x.id === id);
    if (!d) throw new ApiError('not_found', `No device with id ${id}`);
    return d;
  }

  return {
    listDevices: () => ({ devices: devices.list(), simulated: devices.simulated }),

    createDevice: async ({ body, terminal }) => {
      checkTerminal(body.terminalId);
      const created = store.create(body, ctx.clock());
      await devices.reload(created.id);
      ctx.log(`devices: #${created.id} (${created.kind}, ${created.transport}) added by terminal #${terminal?.id ?? '?'}`);
      return { device: current(created.id) };
    },

    updateDevice: async ({ params, body, terminal }) => {
      checkTerminal(body.terminalId);
      const before = store.get(params.id);
      if (!before) throw new ApiError('not_found', `No device with id ${params.id}`);
      const next = { ...before, ...body };
      if (next.transport === 'serial' && next.portPath === null) throw new ApiError('bad_request', 'A serial device needs a port path');
      store.update(params.id, body);
      await devices.reload(params.id);
      ctx.log(`devices: #${params.id} settings changed by terminal #${terminal?.id ?? '?'}`);
      return { device: current(params.id) };
    },

    deleteDevice: async ({ params }) => {
      const d = current(params.id);
      store.remove(params.id);
      await devices.reload(params.id);
      return { device: d };
    },
  };
}
