import { classifyError, deviceLink, hex4, TransportError, type Transport } from './transport.js';

/** The common GA 467 USB readers: vendor-specific bulk endpoints, not HID (hardware.md §1). */
export const SAM_USB_VID = 0x0400;
export const SAM_USB_PID = 0xc35a;
const PACKET = 64;

/** The WebUSB-style surface of the `usb` package we rely on (kept structural: its types lean on
 * DOM typings the host does not load). */
export interface UsbDeviceLike {
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  releaseInterface(n: number): Promise<void>;
  configuration: { interfaces: { interfaceNumber: number; alternate: { endpoints: { endpointNumber: number; direction: string; type: string }[] } }[] } | null;
  transferIn(endpoint: number, length: number): Promise<{ data?: DataView; status?: string }>;
  transferOut(endpoint: number, data: Uint8Array): Promise<unknown>;
}
export interface WebUsbLike {
  findDeviceByIds(vid: number, pid: number): Promise<UsbDeviceLike | undefined>;
  addEventListener(type: 'disconnect', fn: (ev: { device: unknown }) => void): void;
  removeEventListener(type: 'disconnect', fn: (ev: { device: unknown }) => void): void;
}

/**
 * A reader on USB bulk endpoints: commands go out in 64-byte packets, replies come back as
 * 64-byte packets that the reassembler joins by LEN.
 */
export function usbTransport(vendorId: number, productId: number, loadUsb: () => Promise<WebUsbLike> = defaultWebUsb): Transport {
  let webusb: WebUsbLike | null = null;
  let outEp = 0;
  let iface = 0;
  const link = deviceLink<UsbDeviceLike>('USB reader is not open', async (d) => {
    webusb?.removeEventListener('disconnect', onDisconnect);
    await d.releaseInterface(iface).catch(() => undefined);
    await d.close().catch(() => undefined);
  });
  const onDisconnect = (ev: { device: unknown }) => {
    if (ev.device === link.handle && !link.closing) link.closed.emit(new TransportError('disconnected', 'USB reader unplugged'));
  };

  async function readLoop(d: UsbDeviceLike, inEp: number) {
    while (!link.closing && link.handle === d) {
      try {
        const r = await d.transferIn(inEp, PACKET);
        if (r.data && r.data.byteLength > 0) link.data.emit(new Uint8Array(r.data.buffer.slice(r.data.byteOffset, r.data.byteOffset + r.data.byteLength)));
      } catch (err) {
        if (!link.closing) link.closed.emit(classifyError(err));
        return;
      }
    }
  }

  return {
    description: `usb ${hex4(vendorId)}:${hex4(productId)}`,
    async open() {
      webusb = await loadUsb();
      const d = await webusb.findDeviceByIds(vendorId, productId).catch((err: unknown) => {
        throw classifyError(err);
      });
      if (!d) throw new TransportError('not_found', `no USB device ${hex4(vendorId)}:${hex4(productId)}`);
      try {
        await d.open();
        if (!d.configuration) await d.selectConfiguration(1);
        const intf = d.configuration?.interfaces.find((i) => i.alternate.endpoints.some((e) => e.type === 'bulk'));
        if (!intf) throw new TransportError('io', 'reader has no bulk interface');
        iface = intf.interfaceNumber;
        await d.claimInterface(iface);
        const bulk = intf.alternate.endpoints.filter((e) => e.type === 'bulk');
        const inEp = bulk.find((e) => e.direction === 'in')?.endpointNumber;
        const out = bulk.find((e) => e.direction === 'out')?.endpointNumber;
        if (inEp === undefined || out === undefined) throw new TransportError('io', 'reader lacks bulk in/out endpoints');
        outEp = out;
        link.handle = d;
        webusb.addEventListener('disconnect', onDisconnect);
        void readLoop(d, inEp);
      } catch (err) {
        await d.close().catch(() => undefined);
        throw classifyError(err);
      }
    },
    write: (bytes) =>
      link.write(async (d) => {
        for (let at = 0; at < bytes.length; at += PACKET) await d.transferOut(outEp, bytes.slice(at, at + PACKET));
      }),
    ...link.members,
  };
}

async function defaultWebUsb(): Promise<WebUsbLike> {
  const mod = (await import('usb')) as unknown as { WebUSB: new (o: { allowAllDevices: boolean }) => WebUsbLike };
  return new mod.WebUSB({ allowAllDevices: true });
}
