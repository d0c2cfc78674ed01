import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configuredOn, kindHint } from '../../electron/domain/devices/detected-device.js';
import { detectDevices } from '../../electron/host/devices/detect-devices.js';
import { superviseDevice } from '../../electron/host/devices/device-runtime.js';
import { createHidOwner } from '../../electron/host/devices/hid-owner.js';
import type { Transport } from '../../electron/host/devices/transport.js';
import { hasSocat } from '../../electron/host/devices/simulator/pty-pair.js';
import { openEvents, startTestHost, TEST_PIN, type TestHost } from '../support/test-host.js';

const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});
const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../scripts/sim/fixtures', `${name}.json`), 'utf8')) as unknown;

type Detected = {
  devices: { transport: string; path: string | null; simulated: boolean; kindHint: string | null; usedBy: number | null }[];
  sources: { transport: string; ok: boolean }[];
};
type DeviceRow = { id: number; name: string; enabled: boolean; terminalId: number | null; portPath: string | null; health: { state: string } };

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('what the machine detects', () => {
  it('names kinds from ids and usage pages, and finds a device already set up on the address', () => {
    expect(kindHint(0x0400, 0xc35a)).toBe('id_reader');
    expect(kindHint(0x0c2e, 0x0b61)).toBe('scanner');
    expect(kindHint(0x1234, 0x5678, 0x8c)).toBe('scanner');
    expect(kindHint(0x1234, 0x5678)).toBeNull();
    const configured = [
      { id: 3, transport: 'serial' as const, portPath: '/dev/ttyUSB0', vendorId: null, productId: null },
      { id: 4, transport: 'hid' as const, portPath: null, vendorId: 0x0c2e, productId: 0x0b61 },
    ];
    expect(configuredOn({ transport: 'serial', path: '/dev/ttyUSB0', vendorId: null, productId: null }, configured)).toBe(3);
    expect(configuredOn({ transport: 'usb', path: null, vendorId: 0x0c2e, productId: 0x0b61 }, configured)).toBeNull();
    expect(configuredOn({ transport: 'hid', path: null, vendorId: 0x0c2e, productId: 0x0b61 }, configured)).toBe(4);
  });

  it('lists serial ports with their USB ids, and says which look failed instead of looking empty', async () => {
    const found = await detectDevices({
      hid: createHidOwner(),
      simulatedSerialPath: '/dev/pts/7',
      listSerial: async () => [{ path: '/dev/ttyACM0', manufacturer: 'Newland', vendorId: '1eab', productId: '0d06' }, { path: '/dev/ttyS0' }],
      loadUsb: async () => ({
        getDevices: () => Promise.reject(Object.assign(new Error('LIBUSB_ERROR_ACCESS'), { code: 'LIBUSB_ERROR_ACCESS' })),
      }),
    });
    expect(found.devices.filter((d) => d.transport === 'serial')).toEqual([
      {
        transport: 'serial',
        path: '/dev/pts/7',
        vendorId: null,
        productId: null,
        manufacturer: 'Yizhan',
        product: null,
        kindHint: 'id_reader',
        simulated: true,
      },
      {
        transport: 'serial',
        path: '/dev/ttyACM0',
        vendorId: 0x1eab,
        productId: 0x0d06,
        manufacturer: 'Newland',
        product: null,
        kindHint: 'scanner',
        simulated: false,
      },
      { transport: 'serial', path: '/dev/ttyS0', vendorId: null, productId: null, manufacturer: null, product: null, kindHint: null, simulated: false },
    ]);
    expect(found.sources.find((s) => s.transport === 'usb')).toEqual({ transport: 'usb', ok: false, problem: 'permission' });
    expect(found.sources.find((s) => s.transport === 'serial')).toEqual({ transport: 'serial', ok: true, problem: null });
  });
});

describe('a device switched off or removed while its port is opening', () => {
  it('stops: the reader loop is never started after stop()', async () => {
    let opened: () => void = () => undefined;
    const transport: Transport = {
      description: 'slow port',
      open: () => new Promise<void>((resolve) => (opened = resolve)),
      write: async () => undefined,
      onData: () => () => undefined,
      onClosed: () => () => undefined,
      close: async () => undefined,
    };
    const config = {
      id: 1,
      name: 'r',
      kind: 'id_reader' as const,
      transport: 'serial' as const,
      vendorId: null,
      productId: null,
      portPath: '/dev/ttyS9',
      baudRate: 115200 as const,
      terminalId: null,
      enabled: true,
      agentKey: null,
    };
    const hooks = { health: () => undefined, card: () => undefined, scan: () => undefined, count: () => undefined, today: () => '2026-11-24', clock: Date.now };
    const sup = superviseDevice(config, () => transport, hooks, { findEveryMs: 10, responseTimeoutMs: 50 });
    await new Promise((r) => setTimeout(r, 20));
    const stopping = sup.stop();
    opened();
    const result = await Promise.race([stopping.then(() => 'stopped'), new Promise((r) => setTimeout(() => r('hung'), 2000))]);
    expect(result).toBe('stopped');
  });
});

// Skipped only without socat (a workstation); .ci/run installs it (scripts/test-prerequisites.sh).
describe.skipIf(!hasSocat())('the Devices panel through the host', () => {
  it('adds the simulator’s serial reader from the detected list, binds it to a kiosk, tests it, and removes it, all audited', async () => {
    const t = await startTestHost({ simulateDevices: true });
    hosts.push(t);
    const sup = await t.supervisor();
    const kiosk = await t.pair('kiosk');
    const kioskId = ((await t.request('/api/session?role=kiosk', { token: kiosk })).body as { terminal: { id: number } }).terminal.id;

    const detected = (await t.request('/api/devices/detected', sup)).body as Detected;
    expect(detected.sources.find((s) => s.transport === 'serial')?.ok).toBe(true);
    const port = detected.devices.find((d) => d.simulated);
    expect(port).toMatchObject({ transport: 'serial', kindHint: 'id_reader', usedBy: null });
    expect(port?.path).toMatch(/^\/dev\/pts\/\d+$/);

    // Another pseudo-terminal (someone's shell) is refused; the simulator's is taken.
    const other = await t.request('/api/devices', {
      method: 'POST',
      ...sup,
      body: { name: 'shell', kind: 'id_reader', transport: 'serial', portPath: '/dev/pts/999' },
    });
    expect(other.status).toBe(400);
    const created = await t.request('/api/devices', {
      method: 'POST',
      ...sup,
      body: { name: '串口阅读器', kind: 'id_reader', transport: 'serial', portPath: port?.path, terminalId: null },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = (created.body as { device: DeviceRow }).device.id;
    expect(((await t.request('/api/devices/detected', sup)).body as Detected).devices.find((d) => d.simulated)?.usedBy).toBe(id);

    const bound = await t.request(`/api/devices/${id}`, { method: 'PUT', ...sup, body: { terminalId: kioskId } });
    expect(bound.status).toBe(200);
    const get = async () => ((await t.request('/api/devices', sup)).body as { devices: DeviceRow[] }).devices.find((d) => d.id === id)!;
    await until(get, (d) => d.health.state === 'connected');
    expect((await t.request(`/api/devices/${id}/test`, { method: 'POST', ...sup })).body).toEqual({ result: { ok: true, code: 'ok', detail: null } });

    // A card on the simulator's reader goes over the pseudo-terminal to the kiosk it is bound to.
    const events = await openEvents(t.host.url, 'kiosk', kiosk);
    const put = await t.request('/api/sim/card', { method: 'POST', token: sup.token, body: { action: 'put', fixture: fixture('resident') } });
    expect(put.body).toEqual({ ok: true, deviceId: id });
    expect(await events.next('device.card')).toMatchObject({ deviceId: id, read: { outcome: 'ok', card: { masked: { name: '张*明' } } } });
    events.socket.close();

    expect((await t.request(`/api/devices/${id}`, { method: 'PUT', ...sup, body: { enabled: false } })).status).toBe(200);
    expect((await t.request(`/api/devices/${id}/test`, { method: 'POST', ...sup })).body).toEqual({ result: { ok: false, code: 'disabled', detail: null } });
    expect((await t.request(`/api/devices/${id}`, { method: 'PUT', ...sup, body: { enabled: true, name: '一号阅读器' } })).status).toBe(200);
    expect((await t.request(`/api/devices/${id}`, { method: 'DELETE', ...sup })).status).toBe(200);
    expect(((await t.request('/api/devices', sup)).body as { devices: DeviceRow[] }).devices.some((d) => d.id === id)).toBe(false);
    expect((await t.request(`/api/devices/${id}/test`, { method: 'POST', ...sup })).status).toBe(404);

    const audit = (await t.request('/api/audit?limit=50', sup)).body as { entries: { action: string; target: string }[] };
    const actions = audit.entries.filter((e) => e.action.startsWith('device.')).map((e) => e.action);
    expect(actions.sort()).toEqual(['device.bind', 'device.create', 'device.delete', 'device.disable', 'device.update'].sort());
  });

  it('refuses a kiosk, an admin screen with nobody signed in, and a clerk signed in there', async () => {
    const t = await startTestHost({ simulateDevices: true });
    hosts.push(t);
    await t.clerk('C001');
    const admin = await t.pair('admin');
    const kiosk = await t.pair('kiosk');
    const signIn = await t.request('/api/staff/sign-in', { method: 'POST', token: admin, body: { staffNo: 'C001', pin: TEST_PIN } });
    expect(signIn.status).toBe(200);
    const clerkStaff = /yz_staff_[a-z]+=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const reader = ((await t.request('/api/devices', { token: admin })).body as { devices: DeviceRow[] }).devices[0]!;
    const calls = [
      { path: '/api/devices/detected', method: 'GET' },
      { path: `/api/devices/${reader.id}/test`, method: 'POST' },
      { path: '/api/devices', method: 'POST', body: { name: 'x', kind: 'scanner', transport: 'hid', vendorId: 1, productId: 2 } },
      { path: `/api/devices/${reader.id}`, method: 'PUT', body: { enabled: false } },
      { path: `/api/devices/${reader.id}`, method: 'DELETE' },
    ];
    for (const c of calls) {
      expect((await t.request(c.path, { method: c.method, token: kiosk, body: c.body })).status, `${c.method} ${c.path} kiosk`).toBe(403);
      expect((await t.request(c.path, { method: c.method, token: admin, body: c.body })).status, `${c.method} ${c.path} nobody`).toBe(401);
      expect((await t.request(c.path, { method: c.method, token: admin, staff: clerkStaff, body: c.body })).status, `${c.method} ${c.path} clerk`).toBe(403);
    }
    expect(((await t.request('/api/devices', { token: admin })).body as { devices: DeviceRow[] }).devices.find((d) => d.id === reader.id)?.enabled).toBe(true);
  });
});
