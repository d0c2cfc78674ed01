import { encodeHidPosReports } from '../../../domain/devices/hid-pos.js';
import type { DeviceEnd } from './fake-link.js';

/** A HID POS scanner: each code goes out as the 64-byte input reports a Honeywell-style scanner sends. */
export function simulatedScanner(end: DeviceEnd) {
  return {
    scan(text: string, symbology = ']Q1'): void {
      for (const report of encodeHidPosReports(text, symbology)) end.send(report);
    },
    end,
  };
}
export type SimulatedScanner = ReturnType<typeof simulatedScanner>;
