import type { AgentDevice } from '../electron/domain/contract/agent-link.js';
import type { DeviceConfig } from '../electron/domain/devices/device-contract.js';
import type { Db } from './open.js';

interface DeviceRow {
  id: number;
  name: string;
  kind: DeviceConfig['kind'];
  transport: DeviceConfig['transport'];
  vendor_id: number | null;
  product_id: number | null;
  port_path: string | null;
  baud_rate: number;
  terminal_id: number | null;
  enabled: number;
  agent_key: string | null;
}

/** `agentKey`: set for a device a terminal's agent runs on its own machine (migration 010). */
export type StoredDevice = DeviceConfig & { id: number; agentKey: string | null };

const COLUMNS = 'id, name, kind, transport, vendor_id, product_id, port_path, baud_rate, terminal_id, enabled, agent_key';

function toDevice(r: DeviceRow): StoredDevice {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    transport: r.transport,
    vendorId: r.vendor_id,
    productId: r.product_id,
    portPath: r.port_path,
    baudRate: r.baud_rate as DeviceConfig['baudRate'],
    terminalId: r.terminal_id,
    enabled: r.enabled === 1,
    agentKey: r.agent_key,
  };
}

/** Device settings (the devices table of migration 004). Health lives in memory, not here. */
export function deviceStore(db: Db) {
  const list = db.prepare<[], DeviceRow>(`SELECT ${COLUMNS} FROM devices ORDER BY id`);
  const byId = db.prepare<[number], DeviceRow>(`SELECT ${COLUMNS} FROM devices WHERE id = ?`);
  const insert = db.prepare<[string, string, string, number | null, number | null, string | null, number, number | null, number, number], DeviceRow>(
    `INSERT INTO devices (name, kind, transport, vendor_id, product_id, port_path, baud_rate, terminal_id, enabled, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
  );
  const update = db.prepare<[string, string | null, number, number | null, number, number], DeviceRow>(
    `UPDATE devices SET name = ?, port_path = ?, baud_rate = ?, terminal_id = ?, enabled = ? WHERE id = ? RETURNING ${COLUMNS}`,
  );
  const remove = db.prepare<[number], DeviceRow>(`DELETE FROM devices WHERE id = ? RETURNING ${COLUMNS}`);
  // An agent's device keeps its row (its id, its enabled switch) across the agent's reconnects.
  const upsertAgent = db.prepare<[string, string, string, number | null, number | null, string | null, number, number, number, string], DeviceRow>(
    `INSERT INTO devices (name, kind, transport, vendor_id, product_id, port_path, baud_rate, terminal_id, enabled, created_at, agent_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT (terminal_id, agent_key) WHERE agent_key IS NOT NULL DO UPDATE SET name = excluded.name, kind = excluded.kind,
       transport = excluded.transport, vendor_id = excluded.vendor_id, product_id = excluded.product_id, port_path = excluded.port_path,
       baud_rate = excluded.baud_rate
     RETURNING ${COLUMNS}`,
  );
  const terminalExists = db.prepare<[number], { id: number }>(`SELECT id FROM terminals WHERE id = ? AND revoked_at IS NULL`);

  return {
    list: (): StoredDevice[] => list.all().map(toDevice),
    get: (id: number): StoredDevice | null => {
      const r = byId.get(id);
      return r ? toDevice(r) : null;
    },
    terminalExists: (id: number): boolean => terminalExists.get(id) !== undefined,
    create(c: DeviceConfig, now: number): StoredDevice {
      const r = insert.get(c.name, c.kind, c.transport, c.vendorId, c.productId, c.portPath, c.baudRate, c.terminalId, c.enabled ? 1 : 0, now);
      if (!r) throw new Error('device insert returned no row');
      return toDevice(r);
    },
    update(id: number, patch: Partial<Pick<DeviceConfig, 'name' | 'portPath' | 'baudRate' | 'terminalId' | 'enabled'>>): StoredDevice | null {
      const cur = byId.get(id);
      if (!cur) return null;
      const d = { ...toDevice(cur), ...patch };
      const r = update.get(d.name, d.portPath, d.baudRate, d.terminalId, d.enabled ? 1 : 0, id);
      return r ? toDevice(r) : null;
    },
    /** A device reported by the agent of `terminalId`: created once, then kept up to date. */
    upsertForAgent(terminalId: number, d: AgentDevice, now: number): StoredDevice {
      const r = upsertAgent.get(d.name, d.kind, d.transport, d.vendorId, d.productId, d.portPath, d.baudRate, terminalId, now, d.key);
      if (!r) throw new Error('agent device upsert returned no row');
      return toDevice(r);
    },
    remove(id: number): StoredDevice | null {
      const r = remove.get(id);
      return r ? toDevice(r) : null;
    },
  };
}
export type DeviceStore = ReturnType<typeof deviceStore>;
