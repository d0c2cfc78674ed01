import { kindHint, vendorName, type DetectedDevice, type DetectionSource } from '../../domain/devices/detected-device.js';
import type { HidOwner } from './hid-owner.js';
import { classifyError } from './transport.js';

/** A look that does not answer in this time is reported as such; the others still show. */
const LOOK_TIMEOUT_MS = 4_000;

type Found = Omit<DetectedDevice, 'usedBy'>;

/** The WebUSB surface of the `usb` package that enumeration needs (its types lean on DOM typings). */
interface UsbListing {
  getDevices(): Promise<{ vendorId: number; productId: number; manufacturerName?: string | undefined; productName?: string | undefined }[]>;
}

export interface DetectOptions {
  hid: HidOwner;
  /** The simulator's serial reader, when the host simulates devices. */
  simulatedSerialPath: string | null;
  /** Stand-ins for the libraries (tests). */
  listSerial?: () => Promise<{ path: string; manufacturer?: string | undefined; vendorId?: string | undefined; productId?: string | undefined }[]>;
  loadUsb?: () => Promise<UsbListing>;
}

const text = (s: string | undefined | null): string | null => {
  const v = s?.trim();
  return v ? v.slice(0, 120) : null;
};
const hexId = (s: string | undefined): number | null => {
  if (!s || !/^[0-9a-f]{1,4}$/i.test(s)) return null;
  return parseInt(s, 16);
};

async function defaultSerialList() {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

async function defaultUsb(): Promise<UsbListing> {
  const mod = (await import('usb')) as unknown as { WebUSB: new (o: { allowAllDevices: boolean }) => UsbListing };
  return new mod.WebUSB({ allowAllDevices: true });
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), LOOK_TIMEOUT_MS).unref())]);
}

function problemOf(err: unknown): DetectionSource['problem'] {
  if (err instanceof Error && err.message === 'timeout') return 'timeout';
  return classifyError(err).code === 'permission' ? 'permission' : 'unavailable';
}

/**
 * Looks for what is attached to this machine: serial ports (serialport's list, plus the
 * simulator's pseudo-terminal), USB devices (libusb through `usb`) and HID devices (through the
 * process's one HID owner, hardware.md §5). Each look may fail on its own (no USB access in a
 * container, no hidraw): the others still answer, and the failed one says why.
 */
export async function detectDevices(opts: DetectOptions): Promise<{ devices: Found[]; sources: DetectionSource[] }> {
  const serial = async (): Promise<Found[]> => {
    const ports = await (opts.listSerial ?? defaultSerialList)();
    const found: Found[] = ports.map((p) => {
      const vendorId = hexId(p.vendorId);
      const productId = hexId(p.productId);
      return {
        transport: 'serial',
        path: p.path,
        vendorId,
        productId,
        manufacturer: text(p.manufacturer) ?? vendorName(vendorId),
        product: null,
        kindHint: kindHint(vendorId, productId),
        simulated: false,
      };
    });
    if (opts.simulatedSerialPath !== null)
      found.unshift({
        transport: 'serial',
        path: opts.simulatedSerialPath,
        vendorId: null,
        productId: null,
        manufacturer: 'Yizhan',
        product: null,
        kindHint: 'id_reader',
        simulated: true,
      });
    return found;
  };
  const usb = async (): Promise<Found[]> => {
    const list = await (await (opts.loadUsb ?? defaultUsb)()).getDevices();
    return list.map((d) => ({
      transport: 'usb',
      path: null,
      vendorId: d.vendorId,
      productId: d.productId,
      manufacturer: text(d.manufacturerName) ?? vendorName(d.vendorId),
      product: text(d.productName),
      kindHint: kindHint(d.vendorId, d.productId),
      simulated: false,
    }));
  };
  const hid = async (): Promise<Found[]> => {
    const list = await opts.hid.enumerate(true);
    // One entry per device and usage page: a keyboard-and-POS scanner shows both faces once each.
    const seen = new Set<string>();
    const out: Found[] = [];
    for (const d of list) {
      const key = `${d.vendorId}:${d.productId}:${d.usagePage ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        transport: 'hid',
        path: null,
        vendorId: d.vendorId,
        productId: d.productId,
        manufacturer: text(d.manufacturer) ?? vendorName(d.vendorId),
        product: text(d.product),
        kindHint: kindHint(d.vendorId, d.productId, d.usagePage),
        simulated: false,
      });
    }
    return out;
  };

  const looks = [
    ['serial', serial],
    ['usb', usb],
    ['hid', hid],
  ] as const;
  const results = await Promise.allSettled(looks.map(([, look]) => withTimeout(look())));
  const devices: Found[] = [];
  const sources: DetectionSource[] = [];
  results.forEach((r, i) => {
    const transport = looks[i]?.[0] ?? 'serial';
    if (r.status === 'fulfilled') {
      devices.push(...r.value);
      sources.push({ transport, ok: true, problem: null });
    } else sources.push({ transport, ok: false, problem: problemOf(r.reason) });
  });
  return { devices, sources };
}
