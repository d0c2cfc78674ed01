import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEvents, startTestHost, type TestHost } from '../support/test-host.js';

const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});
const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../scripts/sim/fixtures', `${name}.json`), 'utf8')) as unknown;
type DeviceList = {
  devices: { id: number; kind: string; transport: string; terminalId: number | null; health: { state: string; problem: string | null; reads: number } }[];
  simulated: boolean;
};

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('devices through the host', () => {
  it('has no simulator routes unless started with simulated devices, and devices are admin-only', async () => {
    const t = await startTestHost();
    hosts.push(t);
    const admin = await t.pair('admin');
    const kiosk = await t.pair('kiosk');
    const sim = await t.request('/api/sim/card', { method: 'POST', token: admin, body: { action: 'remove' } });
    expect(sim.status).toBe(404);
    expect((await t.request('/api/devices', { token: kiosk })).status).toBe(403);
    expect((await t.request('/api/devices', { token: admin })).body).toEqual({ devices: [], simulated: false });
    // Adding or binding a device is a configuration change: a supervisor signs in first.
    const supervisor = await t.supervisor();
    const bad = await t.request('/api/devices', { method: 'POST', ...supervisor, body: { name: 'COM reader', kind: 'id_reader', transport: 'serial' } });
    expect(bad.status).toBe(400);
    const created = await t.request('/api/devices', {
      method: 'POST',
      ...supervisor,
      body: { name: 'USB reader', kind: 'id_reader', transport: 'usb', vendorId: 0x0400, productId: 0xc35a },
    });
    expect(created.status).toBe(200);
    // No such reader on this machine: it reports no_reader and keeps trying, slowly.
    await until(
      async () => (await t.request('/api/devices', { token: admin })).body as DeviceList,
      (l) => l.devices[0]?.health.state === 'disconnected',
    ).then((l) => expect(l.devices[0]?.health.problem).toMatch(/^(no_reader|transport_)/));
  });

  it('sends a card read only to the bound terminal, masked values included, and never logs it', async () => {
    const logs: string[] = [];
    const t = await startTestHost({ simulateDevices: true, log: (l) => logs.push(l) });
    hosts.push(t);
    const credential = join(t.dataDir, 'simulator.json');
    expect(statSync(credential).mode & 0o777).toBe(0o600);
    const admin = await t.pair('admin');
    const [kioskA, kioskB] = [await t.pair('kiosk'), await t.pair('kiosk')];
    const list = (await t.request('/api/devices', { token: admin })).body as DeviceList;
    expect(list.simulated).toBe(true);
    const reader = list.devices.find((d) => d.kind === 'id_reader')!;
    const scanner = list.devices.find((d) => d.kind === 'scanner')!;
    const kioskAId = ((await t.request('/api/session?role=kiosk', { token: kioskA })).body as { terminal: { id: number } }).terminal.id;
    const supervisor = await t.supervisor();
    for (const d of [reader, scanner]) {
      const r = await t.request(`/api/devices/${d.id}`, { method: 'PUT', ...supervisor, body: { terminalId: kioskAId } });
      expect(r.status).toBe(200);
    }
    const a = await openEvents(t.host.url, 'kiosk', kioskA);
    const b = await openEvents(t.host.url, 'kiosk', kioskB);
    await until(
      async () => (await t.request('/api/devices', { token: admin })).body as DeviceList,
      (l) => l.devices.every((d) => d.health.state === 'connected'),
    );

    const put = await t.request('/api/sim/card', { method: 'POST', token: admin, body: { action: 'put', fixture: fixture('resident') } });
    expect(put.body).toEqual({ ok: true, deviceId: reader.id });
    const card = (await a.next('device.card')) as {
      read: { outcome: string; card: { name: string; idNumber: string; masked: { name: string; idNumber: string } } };
    };
    expect(card.read.card).toMatchObject({ name: '张晓明', idNumber: '11010519491231002X', masked: { name: '张*明', idNumber: '**************002X' } });

    await t.request('/api/sim/scan', { method: 'POST', token: admin, body: { text: 'YZ-APPT-20261124-0042' } });
    expect(await a.next('device.scan')).toMatchObject({ deviceId: scanner.id, scan: { text: 'YZ-APPT-20261124-0042', symbology: ']Q1' } });

    await t.request('/api/sim/card', { method: 'POST', token: admin, body: { action: 'remove' } });
    await new Promise((r) => setTimeout(r, 300));
    await t.request('/api/sim/card', { method: 'POST', token: admin, body: { action: 'put', fixture: fixture('expired') } });
    expect(await a.next('device.card')).toMatchObject({ read: { outcome: 'failed', failure: 'card_expired' } });

    expect(b.messages.filter((m) => /^device\.(card|scan)$/.test((m as { type: string }).type))).toEqual([]);
    const all = logs.join('\n');
    for (const secret of ['张晓明', '11010519491231002X', '李四', '110102198003150048', 'YZ-APPT']) expect(all).not.toContain(secret);
    expect((await t.request('/api/sim/scan', { method: 'POST', token: kioskA, body: { text: 'x' } })).status).toBe(403);
    expect((await t.request('/api/sim/card', { method: 'POST', token: admin, body: { action: 'put', fixture: { type: 'too long' } } })).status).toBe(400);
    a.socket.close();
    b.socket.close();
  });

  it('reports an unplugged reader and reconnects when it is back', async () => {
    const t = await startTestHost({ simulateDevices: true });
    hosts.push(t);
    const admin = await t.pair('admin');
    const get = async () => ((await t.request('/api/devices', { token: admin })).body as DeviceList).devices.find((d) => d.kind === 'id_reader')!;
    const reader = await until(get, (d) => d.health.state === 'connected');
    await t.request('/api/sim/plug', { method: 'POST', token: admin, body: { deviceId: reader.id, plugged: false } });
    await until(get, (d) => d.health.state === 'disconnected' && d.health.problem === 'no_reader');
    await t.request('/api/sim/plug', { method: 'POST', token: admin, body: { deviceId: reader.id, plugged: true } });
    await until(get, (d) => d.health.state === 'connected');
  });
});
