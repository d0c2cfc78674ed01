import type { devicesApi } from '../../domain/contract/devices-api.js';
import type { HandlersFor } from '../http/register-routes.js';
import { ApiError } from '../http/api-error.js';
import type { HostContext } from '../host-context.js';
import type { AuditAction } from '../../domain/audit-actions.js';
import { PSEUDO_TERMINAL_PATTERN } from '../../domain/devices/device-contract.js';
import { actorOf } from './actor.js';

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

  /** A device change and its audit line commit together (binding a reader decides who sees card data). */
  function audited<T>(change: () => T, action: AuditAction, target: string, detail: string, actor: string): T {
    return ctx.db
      .transaction(() => {
        const out = change();
        ctx.audit.append({ at: ctx.clock(), actor, action, target, detail });
        return out;
      })
      .immediate();
  }
  const boundTo = (id: number | null | undefined) => (id === null || id === undefined ? 'unbound' : `terminal ${id}`);
  /** A pseudo-terminal may be someone's shell: only the simulator's own is opened. */
  function checkPort(path: string | null | undefined): void {
    if (path && PSEUDO_TERMINAL_PATTERN.test(path) && !devices.isSimulatedSerial(path))
      throw new ApiError('bad_request', `${path} is a pseudo-terminal this host does not offer`);
  }
  /** The audit's word for a change: a binding, a switch, or settings. */
  function changeAction(body: { terminalId?: unknown; enabled?: boolean }, keys: string[]): AuditAction {
    if (keys.length === 1 && body.enabled !== undefined) return body.enabled ? 'device.enable' : 'device.disable';
    if (keys.length === 1 && body.terminalId !== undefined) return 'device.bind';
    return 'device.update';
  }

  return {
    listDevices: () => ({ devices: devices.list(), simulated: devices.simulated }),

    detectDevices: () => devices.detect(),

    testDevice: async ({ params }) => {
      current(params.id);
      return { result: await devices.test(params.id) };
    },

    createDevice: async ({ body, terminal, staff }) => {
      checkTerminal(body.terminalId);
      checkPort(body.portPath);
      const created = audited(
        () => store.create(body, ctx.clock()),
        'device.create',
        `device ${body.name}`,
        `${body.kind} ${body.transport} → ${boundTo(body.terminalId)}`,
        actorOf(staff, terminal),
      );
      await devices.reload(created.id);
      ctx.log(`devices: #${created.id} (${created.kind}, ${created.transport}) added by terminal #${terminal?.id ?? '?'}`);
      return { device: current(created.id) };
    },

    updateDevice: async ({ params, body, terminal, staff }) => {
      checkTerminal(body.terminalId);
      checkPort(body.portPath);
      const before = store.get(params.id);
      if (!before) throw new ApiError('not_found', `No device with id ${params.id}`);
      // A device on a terminal's own machine reads for that terminal and sits on its port: only
      // its name and its on/off switch are the hall's to change.
      if (before.agentKey !== null && (body.terminalId !== undefined || body.portPath !== undefined || body.baudRate !== undefined))
        throw new ApiError('conflict', `Device ${params.id} belongs to terminal #${before.terminalId ?? '?'}'s machine: only its name and switch can change`);
      const next = { ...before, ...body };
      if (next.transport === 'serial' && next.portPath === null) throw new ApiError('bad_request', 'A serial device needs a port path');
      const keys = Object.keys(body);
      const changed = keys.join(', ');
      const detail = body.terminalId !== undefined ? `${changed}; → ${boundTo(body.terminalId)}` : changed;
      audited(() => store.update(params.id, body), changeAction(body, keys), `device ${before.name}`, detail, actorOf(staff, terminal));
      await devices.reload(params.id);
      if (before.agentKey !== null && before.terminalId !== null) ctx.agents.devicesChanged(before.terminalId);
      ctx.log(`devices: #${params.id} settings changed by terminal #${terminal?.id ?? '?'}`);
      return { device: current(params.id) };
    },

    deleteDevice: async ({ params, terminal, staff }) => {
      const d = current(params.id);
      audited(() => store.remove(params.id), 'device.delete', `device ${d.name}`, '', actorOf(staff, terminal));
      await devices.reload(params.id);
      return { device: d };
    },
  };
}
