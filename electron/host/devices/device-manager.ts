import type { ServerEvent } from '../../domain/contract/events.js';
import { configuredOn, type DetectedDevice, type DetectionSource, type DeviceTestResult } from '../../domain/devices/detected-device.js';
import type { CardRead, Device, DeviceConfig, DeviceHealth } from '../../domain/devices/device-contract.js';
import type { DeviceStore, StoredDevice } from '../../../db/devices.js';
import type { EventHub } from '../events/event-hub.js';
import { cardView } from './card-view.js';
import { detectDevices } from './detect-devices.js';
import { transportFor, superviseDevice, type DeviceSupervisor } from './device-runtime.js';
import { createHidOwner } from './hid-owner.js';
import type { ReaderTimings } from './id-reader-loop.js';
import { simulatedDevices } from './simulator/sim-devices.js';
import { startSimulatedSerialPort } from './simulator/sim-serial-port.js';

type Scan = { text: string; symbology: string };

export interface DeviceManagerOptions {
  store: DeviceStore;
  events: Pick<EventHub, 'sendToTerminal' | 'sendToRole'>;
  log: (line: string) => void;
  today: () => string;
  clock: () => number;
  /** Run simulated devices (in-process fakes that speak the real bytes) instead of none. */
  simulate: boolean;
  timings?: Partial<ReaderTimings>;
  /** Run inside a terminal's agent: every device here is on this machine (agentKey names it for
   * the hub), so all are opened here. On the hub, devices with an agentKey are the agents' to run. */
  inAgent?: boolean;
}

/** The simulator polls faster than field readers so demos and tests feel immediate. */
export const SIMULATED_TIMINGS: Partial<ReaderTimings> = { findEveryMs: 100, statusEveryMs: 2000, responseTimeoutMs: 1000 };
/** A test press waits this long for the reader's answer (a field reader answers within 3 s). */
const TEST_TIMEOUT_MS = 7_000;

interface Running {
  config: StoredDevice;
  health: DeviceHealth;
  supervisor: DeviceSupervisor | null;
}

/**
 * Finds the configured devices, keeps each connected, and routes what they read: card reads and
 * scans only to the terminal the device is bound to, health to admin screens as well. Logs carry
 * device ids and status codes, never what was read.
 */
export function createDeviceManager(opts: DeviceManagerOptions) {
  const hid = createHidOwner(opts.clock);
  const running = new Map<number, Running>();
  const sims = simulatedDevices(running, (id) => running.get(id)?.supervisor?.poke());

  const freshHealth = (enabled: boolean): DeviceHealth => ({
    state: enabled ? 'connecting' : 'disabled',
    problem: null,
    lastSeenAt: null,
    reads: 0,
    failures: 0,
    reconnects: 0,
  });

  function push(r: Running): void {
    const event: ServerEvent = { type: 'device.status', deviceId: r.config.id, health: { ...r.health } };
    opts.events.sendToRole('admin', event);
    if (r.config.terminalId !== null) opts.events.sendToTerminal(r.config.terminalId, event);
  }

  function toBound(r: Running, event: ServerEvent, what: string): void {
    const to = r.config.terminalId;
    const n = to === null ? 0 : opts.events.sendToTerminal(to, event);
    if (n === 0)
      opts.log(`devices: #${r.config.id} ${what} not delivered (${to === null ? 'device not bound to a terminal' : `terminal #${to} not connected`})`);
  }

  function start(config: StoredDevice): void {
    const r: Running = { config, health: freshHealth(config.enabled), supervisor: null };
    running.set(config.id, r);
    // A terminal's agent opens this one on its own machine; until it reports, the hub knows nothing.
    if (config.agentKey !== null && opts.inAgent !== true) {
      if (config.enabled) r.health = { ...r.health, state: 'unavailable', problem: 'agent_offline' };
      push(r);
      return;
    }
    if (config.transport === 'simulated' && !opts.simulate) r.health.state = 'unavailable';
    if (!config.enabled || r.health.state === 'unavailable') {
      push(r);
      return;
    }
    const make = () => (config.transport === 'simulated' ? (opts.simulate ? sims.transportFor(config) : null) : transportFor(config, hid));
    const timings = config.transport === 'simulated' ? { ...SIMULATED_TIMINGS, ...opts.timings } : opts.timings;
    r.supervisor = superviseDevice(
      config,
      make,
      {
        clock: opts.clock,
        today: opts.today,
        health(patch) {
          const before = JSON.stringify(r.health);
          Object.assign(r.health, patch);
          const onlySeen = Object.keys(patch).length === 1 && 'lastSeenAt' in patch;
          if (!onlySeen && JSON.stringify(r.health) !== before) {
            opts.log(`devices: #${config.id} ${r.health.state}${r.health.problem ? ` (${r.health.problem})` : ''}`);
            push(r);
          }
        },
        count(what) {
          r.health[what] += 1;
        },
        card(c) {
          const read =
            c.outcome === 'ok'
              ? { outcome: 'ok' as const, card: cardView(c.card, c.photo) }
              : { outcome: 'failed' as const, failure: c.failure, detail: c.detail, ...(c.expired ? { card: cardView(c.expired.card, c.expired.photo) } : {}) };
          opts.log(`devices: #${config.id} card ${c.outcome === 'ok' ? `read (${c.card.cardType})` : `failed (${c.failure}: ${c.detail})`}`);
          toBound(r, { type: 'device.card', deviceId: config.id, at: opts.clock(), read }, 'card read');
          push(r);
        },
        scan(text, symbology) {
          toBound(r, { type: 'device.scan', deviceId: config.id, at: opts.clock(), scan: { text, symbology } }, 'scan');
        },
      },
      timings,
    );
  }

  async function stopOne(id: number): Promise<void> {
    const r = running.get(id);
    running.delete(id);
    await r?.supervisor?.stop();
  }

  function view(r: Running): Device {
    return { ...r.config, health: { ...r.health } };
  }

  return {
    /** Starts every stored device; with the simulator, first adds a simulated reader and scanner if none exist. */
    start(): void {
      if (opts.simulate) {
        const existing = opts.store.list().filter((d) => d.transport === 'simulated');
        const add = (kind: DeviceConfig['kind'], name: string) => {
          if (existing.some((d) => d.kind === kind)) return;
          opts.store.create(
            { name, kind, transport: 'simulated', vendorId: null, productId: null, portPath: null, baudRate: 115200, terminalId: null, enabled: true },
            opts.clock(),
          );
        };
        add('id_reader', '模拟身份证阅读器 Simulated ID reader');
        add('scanner', '模拟扫码枪 Simulated scanner');
      }
      for (const d of opts.store.list()) start(d);
    },
    list(): Device[] {
      return opts.store.list().map((d) => view(running.get(d.id) ?? { config: d, health: freshHealth(d.enabled), supervisor: null }));
    },
    get(id: number): Device | null {
      const r = running.get(id);
      return r ? view(r) : null;
    },
    /** After a settings change: restart the device with what is stored now (or drop it). */
    async reload(id: number): Promise<void> {
      await stopOne(id);
      const d = opts.store.get(id);
      if (d) start(d);
    },
    /** Health of a device its terminal's agent runs, as the agent reports it (or 'agent_offline'). */
    remoteHealth(id: number, health: DeviceHealth): void {
      const r = running.get(id);
      if (!r || r.config.agentKey === null) return;
      const next = r.config.enabled ? health : { ...health, state: 'disabled' as const };
      if (JSON.stringify(next) === JSON.stringify(r.health)) return;
      r.health = { ...next };
      push(r);
    },
    /** A read by an agent's device: to the terminal it is bound to (its own), as a local read goes. */
    remoteCard(id: number, read: CardRead): void {
      const r = running.get(id);
      if (!r || r.config.agentKey === null || !r.config.enabled) return;
      toBound(r, { type: 'device.card', deviceId: id, at: opts.clock(), read }, 'card read');
    },
    remoteScan(id: number, scan: Scan): void {
      const r = running.get(id);
      if (!r || r.config.agentKey === null || !r.config.enabled) return;
      toBound(r, { type: 'device.scan', deviceId: id, at: opts.clock(), scan }, 'scan');
    },
    get simulated(): boolean {
      return opts.simulate;
    },
    store: opts.store,
    sim: sims.control,
    /** The simulator's reader on a serial line (a pseudo-terminal), offered among detected ports. */
    async startSimulatedSerial(): Promise<void> {
      if (opts.simulate && !sims.serialPort) sims.serialPort = await startSimulatedSerialPort(opts.log);
    },
    /** Whether a serial path is the simulator's pseudo-terminal (the only one the host opens). */
    isSimulatedSerial(path: string | null | undefined): boolean {
      return path !== null && path !== undefined && path === sims.serialPort?.path;
    },
    /** What this machine has attached, each marked with the device already set up on it. */
    async detect(): Promise<{ devices: DetectedDevice[]; sources: DetectionSource[] }> {
      const found = await detectDevices({ hid, simulatedSerialPath: sims.serialPort?.path ?? null });
      const configured = opts.store.list().filter((d) => d.agentKey === null);
      return { devices: found.devices.map((d) => ({ ...d, usedBy: configuredOn(d, configured) })), sources: found.sources };
    },
    /** A press of "test": asks the device now (a reader's SAM status) and says how it answered. */
    async test(id: number): Promise<DeviceTestResult> {
      const r = running.get(id);
      if (!r || !r.config.enabled) return { ok: false, code: 'disabled', detail: null };
      if (r.config.agentKey !== null && opts.inAgent !== true) {
        // Its terminal's agent runs it: what the agent last reported is all the hub knows.
        const ok = r.health.state === 'connected';
        return { ok, code: ok ? 'ok' : 'agent_device', detail: r.health.problem };
      }
      const asked = r.supervisor?.check() ?? null;
      if (!asked) return { ok: false, code: 'not_connected', detail: r.health.problem };
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), TEST_TIMEOUT_MS).unref());
      const answer = await Promise.race([asked, timeout]);
      if (answer === null) return { ok: false, code: 'no_answer', detail: null };
      if (answer.ok) return { ok: true, code: 'ok', detail: null };
      const code = answer.failure === 'sam_error' ? 'sam_error' : answer.failure === 'no_reader' ? 'not_connected' : 'reader_error';
      return { ok: false, code, detail: answer.detail };
    },
    async close(): Promise<void> {
      await Promise.all([...running.keys()].map(stopOne));
      await sims.serialPort?.close();
      sims.serialPort = null;
    },
  };
}
export type DeviceManager = ReturnType<typeof createDeviceManager>;
