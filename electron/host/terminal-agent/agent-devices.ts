import { AgentDeviceSchema, type AgentDevice, type AgentMessage } from '../../domain/contract/agent-link.js';
import type { ServerEvent } from '../../domain/contract/events.js';
import { createDeviceManager } from '../devices/device-manager.js';
import { localDeviceStore, OWN_TERMINAL } from './local-device-store.js';

/**
 * `kind:transport:address`, as given with --device: id_reader:serial:/dev/ttyUSB0,
 * id_reader:usb:0400:c35a, scanner:hid:0c2e:0b61. Checked with the link's own schema.
 */
export function deviceFromSpec(spec: string): AgentDevice {
  const [kind = '', transport = '', ...rest] = spec.split(':');
  const address = rest.join(':');
  const usbIds = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(address);
  const key = `${transport}-${address}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60);
  const parsed = AgentDeviceSchema.safeParse({
    key: key || 'device',
    name: `${kind === 'scanner' ? '扫码枪 Scanner' : '身份证阅读器 ID reader'} ${address}`.slice(0, 60),
    kind,
    transport,
    vendorId: usbIds ? parseInt(usbIds[1] ?? '', 16) : null,
    productId: usbIds ? parseInt(usbIds[2] ?? '', 16) : null,
    portPath: transport === 'serial' ? address : null,
    baudRate: 115200,
  });
  if (!parsed.success) throw new Error(`--device ${spec}: expected id_reader|scanner : serial|usb|hid : /dev/ttyUSB0 or vvvv:pppp`);
  return parsed.data;
}

export interface AgentDevicesOptions {
  devices: readonly AgentDevice[];
  /** Simulated reader and scanner (keys sim-reader, sim-scanner), driven by `npm run sim`. */
  simulate: boolean;
  /** Everything to tell the hub: health, reads, scans. Personal data goes nowhere else. */
  report(message: Extract<AgentMessage, { type: 'device.status' | 'device.card' | 'device.scan' }>): void;
  clock: () => number;
  today: () => string;
  log: (line: string) => void;
}

/**
 * The devices attached to this machine, run by the hub's own device manager (the same supervision,
 * backoff, codec and simulator) over an in-memory store. What the manager would push to a screen
 * goes to the hub instead, under the agent's key for the device; the hub routes it to this
 * terminal's screens only.
 */
export function agentDevices(o: AgentDevicesOptions) {
  const store = localDeviceStore();
  for (const d of o.devices) store.upsertForAgent(OWN_TERMINAL, d, o.clock());
  const keyOf = (id: number) => store.get(id)?.agentKey ?? null;
  const forward = (event: ServerEvent) => {
    if (event.type !== 'device.status' && event.type !== 'device.card' && event.type !== 'device.scan') return;
    const key = keyOf(event.deviceId);
    if (key === null) return;
    if (event.type === 'device.status') o.report({ type: 'device.status', key, health: event.health });
    else if (event.type === 'device.card') o.report({ type: 'device.card', key, read: event.read });
    else o.report({ type: 'device.scan', key, scan: event.scan });
  };
  const manager = createDeviceManager({
    store,
    // The manager tells a device's health to admin screens and to its terminal alike: once is enough.
    events: { sendToTerminal: (_t, e) => (forward(e), 1), sendToRole: (_r, e) => void (e.type === 'device.status' ? undefined : forward(e)) },
    log: o.log,
    today: o.today,
    clock: o.clock,
    simulate: o.simulate,
    inAgent: true,
  });

  return {
    manager,
    start: () => manager.start(),
    /** What the hub is told in hello (the simulated ones exist once started). */
    list(): AgentDevice[] {
      return store.list().map((d) => ({
        key: d.agentKey ?? `device-${d.id}`,
        name: d.name,
        kind: d.kind,
        transport: d.transport,
        vendorId: d.vendorId,
        productId: d.productId,
        portPath: d.portPath,
        baudRate: d.baudRate,
      }));
    },
    /** Tell the hub every device's health again (after a (re)connect). */
    reportAll(): void {
      for (const d of manager.list()) if (d.agentKey !== null) o.report({ type: 'device.status', key: d.agentKey, health: d.health });
    },
    /** The hall switched devices on or off (admin screen): restart those that changed. */
    async setEnabled(flags: readonly { key: string; enabled: boolean }[]): Promise<void> {
      for (const f of flags) {
        const d = store.list().find((x) => x.agentKey === f.key);
        if (!d || d.enabled === f.enabled) continue;
        store.update(d.id, { enabled: f.enabled });
        o.log(`agent: device ${f.key} switched ${f.enabled ? 'on' : 'off'} by the hall`);
        await manager.reload(d.id);
      }
    },
    close: () => manager.close(),
  };
}
export type AgentDevices = ReturnType<typeof agentDevices>;
