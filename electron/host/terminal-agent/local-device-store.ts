import type { AgentDevice } from '../../domain/contract/agent-link.js';
import type { DeviceConfig } from '../../domain/devices/device-contract.js';
import type { DeviceStore, StoredDevice } from '../../../db/devices.js';

/** The one terminal an agent's device manager knows: its own (reads go to the hub, which routes them). */
export const OWN_TERMINAL = 1;

/**
 * The devices of the agent's machine, in memory, shaped as the hub's device store so that the agent
 * runs them with the hub's own device manager (same supervision, codec, simulator and logs). The
 * agent's key for each device is kept as its agentKey; ids are local and never leave the machine.
 */
export function localDeviceStore(): DeviceStore {
  const rows: StoredDevice[] = [];
  let nextId = 1;
  const find = (id: number) => rows.find((d) => d.id === id) ?? null;
  const add = (c: DeviceConfig, agentKey: string | null): StoredDevice => {
    const d: StoredDevice = { ...c, terminalId: OWN_TERMINAL, id: nextId++, agentKey };
    rows.push(d);
    return { ...d };
  };
  return {
    list: () => rows.map((d) => ({ ...d })),
    get: (id) => {
      const d = find(id);
      return d ? { ...d } : null;
    },
    terminalExists: (id) => id === OWN_TERMINAL,
    // The simulator adds its reader and scanner through here: they get the keys the hub will know them by.
    create: (c) => add(c, c.kind === 'id_reader' ? 'sim-reader' : 'sim-scanner'),
    update(id, patch) {
      const d = find(id);
      if (!d) return null;
      Object.assign(d, patch);
      return { ...d };
    },
    upsertForAgent(_terminalId: number, a: AgentDevice) {
      const d = rows.find((r) => r.agentKey === a.key);
      const config = {
        name: a.name,
        kind: a.kind,
        transport: a.transport,
        vendorId: a.vendorId,
        productId: a.productId,
        portPath: a.portPath,
        baudRate: a.baudRate,
      };
      if (d) {
        Object.assign(d, config);
        return { ...d };
      }
      return add({ ...config, terminalId: OWN_TERMINAL, enabled: true }, a.key);
    },
    remove(id) {
      const i = rows.findIndex((d) => d.id === id);
      if (i < 0) return null;
      return rows.splice(i, 1)[0] ?? null;
    },
  };
}
