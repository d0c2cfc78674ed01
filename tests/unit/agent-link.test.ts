import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cardFixture, countingPrinter, simCard, startTestAgent, until } from '../support/test-agent.js';
import { openEvents, startTestHost, type TestHost } from '../support/test-host.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A hall terminal's agent against a real hub over loopback (the namespace tests in tests/e2e/lan
 * put the same pieces on veth links): pairing once, its devices and printer on the admin screen's
 * lists, reads to its own terminal only, and the print queue's steps carried out on its printer.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hub(options: Parameters<typeof startTestHost>[0] = {}): Promise<TestHost> {
  const t = await startTestHost(options);
  cleanups.push(() => t.stop());
  return t;
}
async function agent(o: Parameters<typeof startTestAgent>[0]) {
  const a = await startTestAgent(o);
  cleanups.push(async () => {
    await a.close();
    a.removeDir();
  });
  return a;
}

type Listed = {
  devices: { id: number; name: string; agentKey: string | null; terminalId: number | null; health: { state: string; problem: string | null } }[];
};
type Overview = {
  terminals: {
    id: number;
    presence: { agent: string; screens: number };
    agent: { version: string; machine: string } | null;
    devices: unknown[];
    printer: { description: string };
  }[];
};

describe('a terminal agent on the hub', () => {
  it('reports its devices and printer: the admin lists show them with their state, bound to its terminal', async () => {
    const t = await hub();
    const admin = await t.pair('admin');
    const kiosk = await t.pair('kiosk');
    const slips = tempDir();
    cleanups.push(slips.remove);
    const a = await agent({ hub: t.host.url, role: 'kiosk', token: kiosk, simulate: true, printer: { kind: 'folder', target: slips.path, media: '' } });
    await until(() => a.connected, Boolean);
    const listed = await until(
      async () => (await t.request('/api/devices', { token: admin })).body as Listed,
      (l) => l.devices.length === 2 && l.devices.every((d) => d.health.state === 'connected'),
    );
    const me = a.terminalId;
    expect(listed.devices.map((d) => [d.agentKey, d.terminalId])).toEqual([
      ['sim-reader', me],
      ['sim-scanner', me],
    ]);
    const terminals = (await t.request('/api/terminals', { token: admin })).body as Overview;
    const row = terminals.terminals.find((x) => x.id === me);
    expect(row?.presence.agent).toBe('online');
    expect(row?.agent?.version).toBe('9.9.9-test');
    expect(row?.devices).toHaveLength(2);
    expect(row?.printer.description).toBe(`agent:folder:${slips.path}`);
    // Its devices are its machine's: the hall may rename or switch them off, not move them.
    const sup = await t.supervisor();
    const move = await t.request(`/api/devices/${listed.devices[0]?.id}`, { method: 'PUT', ...sup, body: { terminalId: null } });
    expect(move.status).toBe(409);
    const off = await t.request(`/api/devices/${listed.devices[0]?.id}`, { method: 'PUT', ...sup, body: { enabled: false } });
    expect(off.status).toBe(200);
    await until(
      async () => (await t.request('/api/devices', { token: admin })).body as Listed,
      (l) => l.devices[0]?.health.state === 'disabled',
    );
  });

  it("delivers a card read on its reader to its own terminal's screen only, and logs none of it", async () => {
    const logs: string[] = [];
    const agentLogs: string[] = [];
    const t = await hub({ log: (l) => logs.push(l) });
    const admin = await t.pair('admin');
    const [kiosk, other] = [await t.pair('kiosk'), await t.pair('kiosk')];
    const a = await agent({ hub: t.host.url, role: 'kiosk', token: kiosk, simulate: true, logs: agentLogs });
    await until(() => a.connected, Boolean);
    const mine = await openEvents(t.host.url, 'kiosk', kiosk);
    const theirs = await openEvents(t.host.url, 'kiosk', other);
    const adminScreen = await openEvents(t.host.url, 'admin', admin);
    cleanups.push(() => [mine, theirs, adminScreen].forEach((s) => s.socket.close()));
    await until(
      async () => (await t.request('/api/devices', { token: admin })).body as Listed,
      (l) => l.devices.some((d) => d.agentKey === 'sim-reader' && d.health.state === 'connected'),
    );
    // Through the agent's own simulator socket, as `npm run sim -- --data-dir <agent dir>` does.
    expect(await simCard(a.dataDir, { action: 'put', fixture: cardFixture('resident') })).toMatchObject({ ok: true });
    const card = (await mine.next('device.card')) as { read: { outcome: string; card: { name: string; masked: { idNumber: string } } } };
    expect(card.read.outcome).toBe('ok');
    expect(card.read.card.masked.idNumber).toMatch(/^\*+/);
    await new Promise((r) => setTimeout(r, 300));
    const cardsTo = (s: { messages: unknown[] }) => s.messages.filter((m) => (m as { type: string }).type === 'device.card');
    expect(cardsTo(theirs)).toEqual([]);
    expect(cardsTo(adminScreen)).toEqual([]);
    for (const line of [...logs, ...agentLogs]) expect(line).not.toContain(card.read.card.name);
  });

  it('prints the slip of a ticket taken at its kiosk on its own printer, not the hub default', async () => {
    const hubSlips = tempDir();
    const mySlips = tempDir();
    cleanups.push(hubSlips.remove, mySlips.remove);
    const t = await hub({ defaultPrinter: { kind: 'folder', target: hubSlips.path, media: '' } });
    const kiosk = await t.pair('kiosk');
    const a = await agent({ hub: t.host.url, role: 'kiosk', token: kiosk, printer: { kind: 'folder', target: mySlips.path, media: '' } });
    await until(() => a.connected, Boolean);
    const r = await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household' } });
    expect(r.status).toBe(200);
    await until(
      () => readdirSync(mySlips.path).filter((f) => f.endsWith('.pdf')),
      (f) => f.length === 1,
    );
    expect(existsSync(hubSlips.path) ? readdirSync(hubSlips.path) : []).toEqual([]);
  });

  it('prints a job once when the link drops mid-job and the agent restarts', async () => {
    const t = await hub();
    const kiosk = await t.pair('kiosk');
    const p = countingPrinter();
    const dataDir = tempDir('yizhan-agent-');
    cleanups.push(dataDir.remove);
    const first = await startTestAgent({ hub: t.host.url, role: 'kiosk', token: kiosk, customPrinter: p.printer, dataDir: dataDir.path });
    await until(() => first.connected, Boolean);
    const held = p.holdNext();
    expect((await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'traffic' } })).status).toBe(200);
    await held.reached;
    // The agent goes away while its printer prints: the hub never hears how the step ended.
    const closing = first.close();
    held.release();
    await closing;
    await until(
      () => p.printed.length,
      (n) => n === 1,
    );
    const second = await agent({ hub: t.host.url, role: 'kiosk', token: kiosk, customPrinter: p.printer, dataDir: dataDir.path });
    await until(() => second.connected, Boolean);
    await until(
      async () => ((await t.request('/api/printer-status', { token: kiosk })).body as { status: string }).status,
      (s) => s === 'ok',
    );
    await until(
      () => jobState(t),
      (s) => s === 'completed',
      10_000,
    );
    expect(p.printed).toHaveLength(1);
  });

  it('keeps a job waiting without spending its attempts while the agent is away, and prints it when it is back', async () => {
    const t = await hub();
    const kiosk = await t.pair('kiosk');
    const p = countingPrinter();
    const dataDir = tempDir('yizhan-agent-');
    cleanups.push(dataDir.remove);
    const first = await startTestAgent({ hub: t.host.url, role: 'kiosk', token: kiosk, customPrinter: p.printer, dataDir: dataDir.path });
    await until(() => first.connected, Boolean);
    await first.close();
    const admin = await t.pair('admin');
    await until(
      async () => ((await t.request('/api/terminals', { token: admin })).body as Overview).terminals.find((x) => x.id === first.terminalId)?.presence.agent,
      (s) => s === 'offline',
    );
    expect((await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'traffic' } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(jobRow(t)).toMatchObject({ state: 'queued', attempts: 0 });
    const second = await agent({ hub: t.host.url, role: 'kiosk', token: kiosk, customPrinter: p.printer, dataDir: dataDir.path });
    await until(() => second.connected, Boolean);
    await until(
      () => jobState(t),
      (s) => s === 'completed',
    );
    expect(p.printed).toHaveLength(1);
  });

  it('tells the admin screens at once when an agent stops, and the terminal list says offline', async () => {
    const t = await hub();
    const admin = await t.pair('admin');
    const clerk = await t.pair('clerk');
    const screen = await openEvents(t.host.url, 'admin', admin);
    cleanups.push(() => screen.socket.close());
    const a = await startTestAgent({ hub: t.host.url, role: 'clerk', token: clerk });
    cleanups.push(a.removeDir);
    await until(() => a.connected, Boolean);
    const started = Date.now();
    await a.close();
    const gone = await until(
      async () => screen.messages.find((m) => (m as { type: string; presence?: { agent: string } }).presence?.agent === 'offline'),
      Boolean,
    );
    expect(gone).toBeTruthy();
    expect(Date.now() - started).toBeLessThan(2_000);
    const terminals = (await t.request('/api/terminals', { token: admin })).body as Overview;
    expect(terminals.terminals.find((x) => x.id === a.terminalId)?.presence.agent).toBe('offline');
  });
});

function jobRow(t: TestHost): { state: string; attempts: number } | undefined {
  const db = new Database(join(t.dataDir, 'yizhan.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT state, attempts FROM print_jobs ORDER BY id LIMIT 1`).get() as { state: string; attempts: number } | undefined;
  } finally {
    db.close();
  }
}
const jobState = (t: TestHost) => jobRow(t)?.state;
