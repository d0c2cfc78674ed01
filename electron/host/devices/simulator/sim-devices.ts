import { CardFixtureSchema, type CardFixture } from '../../../domain/devices/card-fixture.js';
import type { StoredDevice } from '../../../../db/devices.js';
import type { Transport } from '../transport.js';
import { fakeLink, type DeviceEnd } from './fake-link.js';
import { simulatedReader, type ReaderFault, type SimulatedReader } from './sim-reader.js';
import { simulatedScanner, type SimulatedScanner } from './sim-scanner.js';
import type { SimulatedSerialPort } from './sim-serial-port.js';

interface Configured {
  config: StoredDevice;
}

/**
 * The simulated devices of a host started with --simulate-devices, and what `npm run sim` does to
 * them: the in-process reader and scanner (transport 'simulated', one cable each) and the reader on
 * the simulator's serial line, which counts as the device set up on that port.
 */
export function simulatedDevices(running: ReadonlyMap<number, Configured>, poke: (id: number) => void) {
  const simEnds = new Map<number, DeviceEnd>();
  const hostEnds = new Map<number, Transport>();
  const readers = new Map<number, SimulatedReader>();
  const scanners = new Map<number, SimulatedScanner>();
  let serialPort: SimulatedSerialPort | null = null;

  /** Readers by device id: the in-process ones, and the serial one under each device set up on its port. */
  function allReaders(): [number, SimulatedReader][] {
    const out = [...readers.entries()];
    if (serialPort) {
      for (const [id, r] of running) if (r.config.transport === 'serial' && r.config.portPath === serialPort.path) out.push([id, serialPort.reader]);
    }
    return out;
  }

  /** The one named, or else the first enabled one bound to a terminal (where a read goes), else the first enabled. */
  function pick<T>(entries: [number, T][], id?: number): [number, T] {
    if (id !== undefined) {
      const hit = entries.find(([k]) => k === id);
      if (!hit) throw new Error('no simulated device of that kind is running');
      return hit;
    }
    const enabled = entries.filter(([k]) => running.get(k)?.config.enabled);
    const hit = enabled.find(([k]) => running.get(k)?.config.terminalId !== null) ?? enabled[0];
    if (!hit) throw new Error('no simulated device of that kind is running');
    return hit;
  }

  return {
    /** The host end of a simulated device's cable (made on first use, kept across restarts). */
    transportFor(d: StoredDevice): Transport | null {
      if (!hostEnds.has(d.id)) {
        const link = fakeLink(`simulated ${d.kind} #${d.id}`, d.kind === 'scanner' ? 'whole' : 'serial');
        simEnds.set(d.id, link.device);
        hostEnds.set(d.id, link.host);
        if (d.kind === 'id_reader') readers.set(d.id, simulatedReader(link.device));
        else scanners.set(d.id, simulatedScanner(link.device));
      }
      return hostEnds.get(d.id) ?? null;
    },
    set serialPort(port: SimulatedSerialPort | null) {
      serialPort = port;
    },
    get serialPort(): SimulatedSerialPort | null {
      return serialPort;
    },
    control: {
      put(fixture: unknown, deviceId?: number): number {
        const card: CardFixture = CardFixtureSchema.parse(fixture);
        const [id, reader] = pick(allReaders(), deviceId);
        reader.put(card);
        return id;
      },
      remove(deviceId?: number): number {
        const [id, reader] = pick(allReaders(), deviceId);
        reader.remove();
        return id;
      },
      scan(text: string, deviceId?: number): number {
        const [id, scanner] = pick([...scanners.entries()], deviceId);
        scanner.scan(text);
        return id;
      },
      fault(fault: ReaderFault, on: boolean, deviceId?: number): number {
        const [id, reader] = pick(allReaders(), deviceId);
        reader.setFault(fault, on);
        return id;
      },
      unplug(deviceId: number): void {
        simEnds.get(deviceId)?.unplug();
      },
      plug(deviceId: number): void {
        simEnds.get(deviceId)?.plug();
        poke(deviceId);
      },
    },
  };
}
