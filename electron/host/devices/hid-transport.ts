import type { HidHandle, HidOwner } from './hid-owner.js';
import { classifyError, deviceLink, hex4, toU8, type Transport } from './transport.js';

const REPORT = 64;

/**
 * A HID device through the process's one HID owner. Each input report is delivered whole, so a
 * HID POS scanner's parser sees report boundaries. Writes go out as 64-byte output reports with
 * report id 0 (node-hid's first byte is the report id).
 */
export function hidTransport(owner: HidOwner, vendorId: number, productId: number, usagePage?: number): Transport {
  const link = deviceLink<HidHandle>('HID device is not open', async (h) => {
    // node-hid: listeners off first, or a late 'data' may arrive on a closed handle.
    h.removeAllListeners();
    await h.close().catch(() => undefined);
  });

  return {
    description: `hid ${hex4(vendorId)}:${hex4(productId)}`,
    async open() {
      const h = await owner.open(vendorId, productId, usagePage);
      link.handle = h;
      h.on('data', (report: Buffer) => link.data.emit(toU8(report)));
      h.on('error', (err: unknown) => {
        if (link.closing) return;
        owner.forget();
        link.closed.emit(classifyError(err));
      });
    },
    write: (bytes) =>
      link.write(async (h) => {
        for (let at = 0; at < bytes.length; at += REPORT - 1) {
          const report = Buffer.alloc(REPORT);
          report.set(bytes.subarray(at, at + REPORT - 1), 1);
          await h.write(report);
        }
      }),
    ...link.members,
  };
}
