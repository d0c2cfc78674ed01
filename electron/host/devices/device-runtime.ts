import type { DeviceHealth } from '../../domain/devices/device-contract.js';
import { HID_POS_USAGE_PAGE } from '../../domain/devices/detected-device.js';
import { createHidPosAssembler } from '../../domain/devices/hid-pos.js';
import type { StoredDevice } from '../../../db/devices.js';
import type { HidOwner } from './hid-owner.js';
import { hidTransport } from './hid-transport.js';
import { startReaderLoop, type CardOutcome, type ReaderCheck, type ReaderTimings } from './id-reader-loop.js';
import { serialTransport } from './serial-transport.js';
import { classifyError, TransportError, type Transport } from './transport.js';
import { usbTransport } from './usb-transport.js';

export interface RuntimeHooks {
  health: (patch: Partial<DeviceHealth>) => void;
  card: (outcome: CardOutcome) => void;
  scan: (text: string, symbology: string) => void;
  count: (what: 'reads' | 'failures' | 'reconnects') => void;
  today: () => string;
  clock: () => number;
}

const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;
/** A scanner that stops mid-code for this long has dropped the rest of it. */
const SCAN_STALE_MS = 500;

export function transportFor(d: StoredDevice, hid: HidOwner): Transport | null {
  if (d.transport === 'serial' && d.portPath) return serialTransport(d.portPath, d.baudRate);
  if (d.transport === 'usb' && d.vendorId !== null && d.productId !== null) return usbTransport(d.vendorId, d.productId);
  if (d.transport === 'hid' && d.vendorId !== null && d.productId !== null) {
    return hidTransport(hid, d.vendorId, d.productId, d.kind === 'scanner' ? HID_POS_USAGE_PAGE : undefined);
  }
  return null;
}

/** Runs a scanner on an open transport until it closes. */
function runScanner(t: Transport, hooks: RuntimeHooks): Promise<TransportError> {
  const assembler = createHidPosAssembler();
  let lastReportAt = 0;
  return new Promise((resolve) => {
    t.onData((report) => {
      const now = hooks.clock();
      if (assembler.partialReports > 0 && now - lastReportAt > SCAN_STALE_MS) assembler.reset();
      lastReportAt = now;
      const item = assembler.push(report);
      if (item.kind === 'scan') {
        hooks.count('reads');
        hooks.scan(item.scan.text, item.scan.symbology);
      } else if (item.kind === 'error') {
        hooks.count('failures');
        hooks.health({ problem: `scan_${item.error.code}` });
      }
      hooks.health({ lastSeenAt: now });
    });
    t.onClosed(resolve);
  });
}

/**
 * Keeps one device connected for as long as it is enabled: open, run (reader loop or scanner),
 * and after an unplug or a failed open, try again with a backoff from 1 s to 30 s. The retry is
 * the only enumeration, so an absent device costs one look every half minute at most.
 */
export function superviseDevice(d: StoredDevice, makeTransport: () => Transport | null, hooks: RuntimeHooks, timings?: Partial<ReaderTimings>) {
  let stopped = false;
  let current: { transport: Transport; stop: () => Promise<void>; check: () => Promise<ReaderCheck> } | null = null;
  let wake: (() => void) | null = null;
  let retry: (() => void) | null = null;

  const done = (async () => {
    let attempt = 0;
    while (!stopped) {
      const transport = makeTransport();
      if (!transport) {
        hooks.health({ state: 'error', problem: 'not_configured' });
        return;
      }
      hooks.health({ state: 'connecting' });
      let reason: TransportError;
      try {
        await transport.open();
        // Stopped while the port was opening (a device switched off or removed just after a
        // change): nothing would stop a reader loop started now, and stop() would wait forever.
        if (stopped) {
          await transport.close().catch(() => undefined);
          break;
        }
        if (attempt > 0) hooks.count('reconnects');
        attempt = 0;
        hooks.health({ state: 'connected', problem: null, lastSeenAt: hooks.clock() });
        if (d.kind === 'id_reader') {
          const closed = new Promise<TransportError>((resolve) => transport.onClosed(resolve));
          const loop = startReaderLoop({
            transport,
            today: hooks.today,
            timings,
            clock: hooks.clock,
            onCard: (c) => {
              hooks.count(c.outcome === 'ok' ? 'reads' : 'failures');
              hooks.health({ lastSeenAt: hooks.clock() });
              hooks.card(c);
            },
            onProblem: (p) => {
              if (p) hooks.count('failures');
              hooks.health(
                p
                  ? { state: 'error', problem: p.failure === 'reader_error' ? `reader_error_${p.detail}`.slice(0, 40) : p.failure }
                  : { state: 'connected', problem: null, lastSeenAt: hooks.clock() },
              );
            },
          });
          current = { transport, stop: loop.stop, check: loop.checkNow };
          await loop.done;
          reason = stopped ? new TransportError('io', 'stopped') : await Promise.race([closed, Promise.resolve(new TransportError('io', 'reader loop ended'))]);
        } else {
          // A HID POS scanner only speaks when it scans: open is all there is to check.
          current = { transport, stop: async () => undefined, check: async () => ({ ok: true }) };
          reason = await Promise.race([
            runScanner(transport, hooks),
            new Promise<TransportError>((resolve) => (wake = () => resolve(new TransportError('io', 'stopped')))),
          ]);
        }
      } catch (err) {
        reason = classifyError(err);
      }
      current = null;
      await transport.close().catch(() => undefined);
      if (stopped) break;
      attempt += 1;
      // Each failure has its own status: absent, busy (another program holds it), no permission.
      const problem =
        reason.code === 'not_found' || reason.code === 'disconnected' ? 'no_reader' : reason.code === 'busy' ? 'reader_busy' : `transport_${reason.code}`;
      hooks.health({ state: 'disconnected', problem });
      const delay = Math.min(RECONNECT_MIN_MS * 2 ** (attempt - 1), RECONNECT_MAX_MS);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        retry = () => (clearTimeout(timer), resolve());
      });
      retry = null;
    }
  })();

  return {
    done,
    /** Checks the open device now (a reader's SAM status); null while it is not open. */
    check(): Promise<ReaderCheck> | null {
      return current?.check() ?? null;
    },
    /** Try again now (the simulator's plug, or a USB attach). */
    poke(): void {
      retry?.();
    },
    async stop(): Promise<void> {
      stopped = true;
      wake?.();
      retry?.();
      const c = current;
      if (c) {
        await c.stop();
        await c.transport.close().catch(() => undefined);
      }
      await done;
    },
  };
}
export type DeviceSupervisor = ReturnType<typeof superviseDevice>;
