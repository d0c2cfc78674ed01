import { classifyError, TransportError } from './transport.js';

type NodeHid = typeof import('node-hid');
type HidDeviceInfo = import('node-hid').Device;
export type HidHandle = import('node-hid').HIDAsync;

/** Enumeration is costly (it walks every HID device); answers this fresh are reused. */
const ENUMERATION_TTL_MS = 5_000;

/**
 * The one owner of HID access in the process (hardware.md §5): enumeration and opening are queued
 * through here one at a time, and enumeration results are shared so that reconnect attempts for
 * several devices cost one walk.
 */
export function createHidOwner(clock: () => number = Date.now) {
  let lib: Promise<NodeHid> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let cache: { at: number; list: HidDeviceInfo[] } | null = null;

  const load = () =>
    (lib ??= import('node-hid').then((m) => {
      const hid = ((m as { default?: NodeHid }).default ?? m) as NodeHid;
      // hidraw gives usage pages and works with the udev rule we ship; libusb would detach the kernel driver.
      if (process.platform === 'linux') hid.setDriverType('hidraw');
      return hid;
    }));
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    enumerate(force = false): Promise<HidDeviceInfo[]> {
      return serial(async () => {
        if (!force && cache && clock() - cache.at < ENUMERATION_TTL_MS) return cache.list;
        const hid = await load();
        const list = await hid.devicesAsync();
        cache = { at: clock(), list };
        return list;
      });
    },
    /** Opens the first device with the ids (and usage page, when given). */
    async open(vendorId: number, productId: number, usagePage?: number): Promise<HidHandle> {
      const list = await this.enumerate();
      const match = list.find(
        (d) => d.vendorId === vendorId && d.productId === productId && (usagePage === undefined || d.usagePage === undefined || d.usagePage === usagePage),
      );
      if (!match?.path) {
        cache = null;
        throw new TransportError('not_found', 'HID device not found');
      }
      const path = match.path;
      return serial(async () => {
        const hid = await load();
        try {
          return await hid.HIDAsync.open(path);
        } catch (err) {
          throw classifyError(err);
        }
      });
    },
    forget(): void {
      cache = null;
    },
  };
}
export type HidOwner = ReturnType<typeof createHidOwner>;
