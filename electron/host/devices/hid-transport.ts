import type { HidHandle, HidOwner } from './hid-owner.js';
import { classifyError, listeners, toU8, TransportError, type Transport } from './transport.js';

export const HID_POS_USAGE_PAGE = 0x8c;
const REPORT = 64;

/**
 * A HID device through the process's one HID owner. Each input report is delivered whole, so a
 * HID POS scanner's parser sees report boundaries. Writes go out as 64-byte output reports with
 * report id 0 (node-hid's first byte is the report id).
 */
export function hidTransport(owner: HidOwner, vendorId: number, productId: number, usagePage?: number): Transport {
  const data = listeners<Uint8Array>();
  const closed = listeners<TransportError>();
  let handle: HidHandle | null = null;
  let closing = false;

  return {
    description: `hid ${vendorId.toString(16).padStart(4, '0')}:${productId.toString(16).padStart(4, '0')}`,
    async open() {
      const h = await owner.open(vendorId, productId, usagePage);
      handle = h;
      h.on('data', (report: Buffer) => data.emit(toU8(report)));
      h.on('error', (err: unknown) => {
        if (closing) return;
        owner.forget();
        closed.emit(classifyError(err));
      });
    },
    async write(bytes) {
      const h = handle;
      if (!h) throw new TransportError('disconnected', 'HID device is not open');
      try {
        for (let at = 0; at < bytes.length; at += REPORT - 1) {
          const report = Buffer.alloc(REPORT);
          report.set(bytes.subarray(at, at + REPORT - 1), 1);
          await h.write(report);
        }
      } catch (err) {
        throw classifyError(err);
      }
    },
    onData: data.add,
    onClosed: closed.add,
    async close() {
      closing = true;
      const h = handle;
      handle = null;
      if (h) {
        // node-hid: listeners off first, or a late 'data' may arrive on a closed handle.
        h.removeAllListeners();
        await h.close().catch(() => undefined);
      }
      data.clear();
      closed.clear();
    },
  };
}
