import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasSocat, ptyPair, serialDeviceEnd } from './pty-pair.js';
import { simulatedReader, type SimulatedReader } from './sim-reader.js';

export interface SimulatedSerialPort {
  /** The port as the host's serial transport opens it: /dev/pts/N. */
  path: string;
  reader: SimulatedReader;
  close(): Promise<void>;
}

/**
 * The simulator's ID card reader on a real serial line: a pseudo-terminal pair (socat), the
 * simulated reader answering on one end, the other end offered among the machine's serial ports.
 * An administrator adds it on the Devices panel like any reader on /dev/ttyUSB0, and the host
 * reads it through the same serial transport. Null where socat is missing (the in-process
 * simulated reader still works).
 */
export async function startSimulatedSerialPort(log: (line: string) => void): Promise<SimulatedSerialPort | null> {
  if (!hasSocat()) {
    log('devices: socat not found, so no simulated serial reader (apt-get install socat)');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-sim-serial-'));
  try {
    const pty = await ptyPair(dir, { tiedToParent: true });
    const end = await serialDeviceEnd(pty.devicePath);
    const path = realpathSync(pty.hostPath);
    log(`devices: simulated serial reader on ${path}`);
    return {
      path,
      reader: simulatedReader(end),
      async close() {
        await end.close();
        pty.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    log(`devices: no simulated serial reader (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
}
