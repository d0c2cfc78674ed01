import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardFixtureSchema } from '../../electron/domain/devices/card-fixture.js';
import { createHidPosAssembler, encodeHidPosReports } from '../../electron/domain/devices/hid-pos.js';
import type { HidOwner } from '../../electron/host/devices/hid-owner.js';
import { hidTransport } from '../../electron/host/devices/hid-transport.js';
import { startReaderLoop, type CardOutcome } from '../../electron/host/devices/id-reader-loop.js';
import { listeners } from '../../electron/host/devices/transport.js';
import type { DeviceEnd } from '../../electron/host/devices/simulator/fake-link.js';
import { simulatedReader } from '../../electron/host/devices/simulator/sim-reader.js';
import { usbTransport, type UsbDeviceLike, type WebUsbLike } from '../../electron/host/devices/usb-transport.js';

const fixture = (name: string) =>
  CardFixtureSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../scripts/sim/fixtures', `${name}.json`), 'utf8')));

/** An in-process USB reader: bulk OUT feeds the simulated reader, its replies come back as 64-byte IN packets. */
function fakeUsb() {
  const commands = listeners<Uint8Array>();
  const inbox: Uint8Array[] = [];
  let waiting: ((p: Uint8Array | Error) => void) | null = null;
  const outSizes: number[] = [];
  const disconnect = listeners<{ device: unknown }>();
  const deliver = (p: Uint8Array | Error) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(p);
    } else if (p instanceof Uint8Array) inbox.push(p);
  };
  const end: DeviceEnd = {
    onCommand: commands.add,
    send: (bytes) => {
      for (let at = 0; at < bytes.length; at += 64) deliver(bytes.slice(at, at + 64));
    },
    unplug: () => undefined,
    plug: () => undefined,
    plugged: true,
  };
  const device: UsbDeviceLike = {
    open: async () => undefined,
    close: async () => undefined,
    selectConfiguration: async () => undefined,
    claimInterface: async () => undefined,
    releaseInterface: async () => undefined,
    configuration: {
      interfaces: [
        {
          interfaceNumber: 0,
          alternate: {
            endpoints: [
              { endpointNumber: 1, direction: 'in', type: 'bulk' },
              { endpointNumber: 2, direction: 'out', type: 'bulk' },
            ],
          },
        },
      ],
    },
    transferIn: (_ep, length) =>
      new Promise((resolve, reject) => {
        expect(length).toBe(64);
        const take = (p: Uint8Array | Error) =>
          p instanceof Error ? reject(p) : resolve({ data: new DataView(p.buffer, p.byteOffset, p.byteLength), status: 'ok' });
        const next = inbox.shift();
        if (next) take(next);
        else waiting = take;
      }),
    transferOut: async (ep, data) => {
      expect(ep).toBe(2);
      outSizes.push(data.length);
      commands.emit(data.slice());
      return { status: 'ok' };
    },
  };
  const webusb: WebUsbLike = {
    findDeviceByIds: async (vid, pid) => (vid === 0x0400 && pid === 0xc35a ? device : undefined),
    addEventListener: (_t, fn) => void disconnect.add(fn),
    removeEventListener: () => undefined,
  };
  return {
    end,
    webusb,
    outSizes,
    unplug: () => {
      deliver(new Error('LIBUSB_ERROR_NO_DEVICE'));
      disconnect.emit({ device });
    },
  };
}

describe('USB bulk transport (0400:c35a) against an in-process fake', () => {
  it('reads a card through 64-byte packets and ends on unplug', async () => {
    const usb = fakeUsb();
    const reader = simulatedReader(usb.end);
    const transport = usbTransport(0x0400, 0xc35a, async () => usb.webusb);
    await transport.open();
    const cards: CardOutcome[] = [];
    const loop = startReaderLoop({
      transport,
      today: () => '2026-11-24',
      onCard: (c) => cards.push(c),
      onProblem: () => undefined,
      timings: { findEveryMs: 10 },
    });
    reader.put(fixture('resident-mongol'));
    const end = Date.now() + 3000;
    while (cards.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(cards[0]).toMatchObject({ outcome: 'ok', card: { name: '巴特尔', nationCode: '02' } });
    expect(Math.max(...usb.outSizes)).toBeLessThanOrEqual(64);
    usb.unplug();
    await loop.done;
    await transport.close();
  });

  it('says not_found when no such reader is attached', async () => {
    const usb = fakeUsb();
    await expect(usbTransport(0x0400, 0xc35b, async () => usb.webusb).open()).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('HID transport against an in-process fake', () => {
  it('delivers whole reports to the HID POS parser and writes 64-byte output reports with report id 0', async () => {
    const handle = Object.assign(new EventEmitter(), {
      written: [] as Buffer[],
      write: async (b: Buffer) => (handle.written.push(b), b.length),
      close: async () => undefined,
    });
    const owner = { open: async () => handle, enumerate: async () => [], forget: () => undefined } as unknown as HidOwner;
    const t = hidTransport(owner, 0x0c2e, 0x0b61, 0x8c);
    await t.open();
    const assembler = createHidPosAssembler();
    const scans: string[] = [];
    t.onData((report) => {
      const item = assembler.push(report);
      if (item.kind === 'scan') scans.push(item.scan.text);
    });
    const long = `https://yizhan.invalid/appt/${'A1B2C3D4'.repeat(20)}`;
    for (const r of encodeHidPosReports(long)) handle.emit('data', Buffer.from(r));
    expect(scans).toEqual([long]);
    await t.write(new Uint8Array(100).fill(7));
    expect(handle.written.map((b) => [b.length, b[0]])).toEqual([
      [64, 0],
      [64, 0],
    ]);
    const closed: string[] = [];
    t.onClosed((e) => closed.push(e.code));
    handle.emit('error', new Error('could not read from HID device'));
    expect(closed).toEqual(['disconnected']);
    await t.close();
    expect(handle.listenerCount('data')).toBe(0);
  });
});
