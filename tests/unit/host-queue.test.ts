import { afterEach, describe, expect, it } from 'vitest';
import { openEvents, startTestHost, type TestHost } from '../support/test-host.js';

const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});
async function host(clock?: () => number): Promise<TestHost> {
  const h = await startTestHost(clock ? { clock } : {});
  hosts.push(h);
  return h;
}
type Issued = { ticket: { number: string; serviceDay: string }; ahead: number };

describe('a ticket from kiosk to clerk to display', () => {
  it('pushes the queue state to displays when a ticket is issued and called', async () => {
    const t = await host();
    const [kiosk, clerk, display] = [await t.pair('kiosk'), await t.clerk(), await t.pair('display')];
    const events = await openEvents(t.host.url, 'display', display);
    const hello = (await events.next('hello')) as { queue: { waiting: Record<string, number> } };
    expect(hello.queue.waiting).toEqual({ household: 0, traffic: 0, exit_entry: 0 });

    const issued = await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'traffic' } });
    expect(issued.body).toMatchObject({ ticket: { number: 'B001', status: 'waiting' }, ahead: 0 });
    const afterIssue = (await events.next('queue.state')) as { queue: { waiting: Record<string, number> } };
    expect(afterIssue.queue.waiting.traffic).toBe(1);

    // Window 3 serves traffic in the default hall layout.
    expect((await t.request('/api/windows/3/open', { method: 'POST', ...clerk })).status).toBe(200);
    await events.next('queue.state');
    const called = await t.request('/api/windows/3/call-next', { method: 'POST', ...clerk });
    expect(called.body).toMatchObject({ ticket: { number: 'B001', status: 'called' } });
    const state = (await events.next('queue.state')) as { queue: { recentCalls: { number: string; windowNumber: number }[] } };
    expect(state.queue.recentCalls[0]).toMatchObject({ number: 'B001', windowNumber: 3 });
    const call = (await events.next('ticket.called')) as { call: { number: string; windowName: string } };
    expect(call.call).toMatchObject({ number: 'B001', windowName: '3号窗口' });

    const window = await t.request('/api/windows/3', clerk);
    expect(window.body).toMatchObject({ current: { number: 'B001' }, waiting: { traffic: 0 } });
    events.socket.close();
  });

  it('answers a malformed socket message with an error event and keeps the socket', async () => {
    const t = await host();
    const display = await t.pair('display');
    const events = await openEvents(t.host.url, 'display', display);
    await events.next('hello');
    events.socket.send('not json');
    expect(await events.next('error')).toMatchObject({ code: 'bad_message' });
    events.socket.send(JSON.stringify({ type: 'drop_tables' }));
    expect(await events.next('error')).toMatchObject({ code: 'bad_message' });
    events.socket.send(JSON.stringify({ type: 'ping', nonce: 'n1' }));
    expect(await events.next('pong')).toMatchObject({ nonce: 'n1' });
    events.socket.close();
  });

  it('closes an unpaired socket with a policy violation', async () => {
    const t = await host();
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(`${t.host.url.replace('http', 'ws')}/api/events?role=display`);
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(1008);
  });
});

describe('numbering through the API', () => {
  it('restarts at local midnight (Asia/Shanghai) with the injected clock', async () => {
    let now = Date.UTC(2026, 10, 24, 15, 59, 59, 0); // 23:59:59 in Shanghai
    const t = await host(() => now);
    const kiosk = await t.pair('kiosk');
    const take = async () => (await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'exit_entry' } })).body as Issued;
    expect((await take()).ticket).toMatchObject({ number: 'C001', serviceDay: '2026-11-24' });
    expect((await take()).ticket.number).toBe('C002');
    now += 1000; // 00:00:00 the next day
    const first = await take();
    expect(first.ticket).toMatchObject({ number: 'C001', serviceDay: '2026-11-25' });
    expect(first.ahead).toBe(0);
  });

  it('gives 200 parallel requests from 4 kiosks 200 different numbers', async () => {
    const t = await host();
    const kiosks = await Promise.all([1, 2, 3, 4].map(() => t.pair('kiosk')));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => t.request('/api/tickets', { method: 'POST', token: kiosks[i % 4], body: { line: 'household' } })),
    );
    const numbers = results.map((r) => (r.body as Issued).ticket.number);
    expect(new Set(numbers).size).toBe(200);
    expect(numbers.slice().sort()).toEqual(Array.from({ length: 200 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
  });

  it('never gives two clerks pressing at once the same ticket', async () => {
    const t = await host();
    const kiosk = await t.pair('kiosk');
    const clerks = [await t.clerk(), await t.clerk(), await t.clerk()];
    for (let i = 0; i < 30; i++) await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household' } });
    // Windows 1, 2 and 6 all serve household; three clerks, 60 presses race for 30 tickets.
    // Each press starts the called ticket first (call-next refuses while one is called, unstarted).
    const windows = [1, 2, 6];
    for (const [i, w] of windows.entries()) await t.request(`/api/windows/${w}/open`, { method: 'POST', ...clerks[i]! });
    const presses = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const w = windows[i % 3]!;
        const who = clerks[i % 3]!;
        await t.request(`/api/windows/${w}/start`, { method: 'POST', ...who });
        return t.request(`/api/windows/${w}/call-next`, { method: 'POST', ...who });
      }),
    );
    const called = presses.map((p) => (p.body as { ticket: { number: string } | null }).ticket?.number).filter((n) => n !== undefined);
    expect(called).toHaveLength(30);
    expect(new Set(called).size).toBe(30);
  });
});

describe('audit', () => {
  it('records each clerk action with its actor, in an intact hash chain', async () => {
    const t = await host();
    const kiosk = await t.pair('kiosk');
    const clerk = await t.clerk('C777');
    const sup = await t.supervisor();
    await t.request('/api/tickets', { method: 'POST', token: kiosk, body: { line: 'household' } });
    for (const step of ['open', 'call-next', 'recall', 'start', 'finish']) {
      expect((await t.request(`/api/windows/1/${step}`, { method: 'POST', ...clerk })).status).toBe(200);
    }
    const audit = await t.request('/api/audit?limit=50', sup);
    const body = audit.body as { entries: { actor: string; action: string; target: string }[]; chainIntact: boolean };
    expect(body.chainIntact).toBe(true);
    const mine = body.entries
      .filter((e) => e.actor.startsWith('staff:C777@'))
      .map((e) => `${e.action} ${e.target}`)
      .reverse();
    expect(mine).toEqual([
      'staff.enroll staff:C777',
      'window.open window 1',
      'ticket.call A001',
      'ticket.recall A001',
      'ticket.start A001',
      'ticket.finish A001',
    ]);
  });

  it('refuses to alter or delete an audit entry', async () => {
    const t = await host();
    await t.clerk();
    const { openDatabase } = await import('../../db/open.js');
    const { db } = openDatabase(t.dataDir);
    try {
      expect(() => db.prepare(`UPDATE audit_log SET actor = 'someone else'`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});

describe('masked names on the display', () => {
  it('pushes 张*丰 for a kiosk application, never the full name, and nothing when the hall turns it off', async () => {
    const t = await host();
    const [kiosk, clerk, display, sup] = [await t.pair('kiosk'), await t.clerk(), await t.pair('display'), await t.supervisor()];
    const events = await openEvents(t.host.url, 'display', display);
    await events.next('hello');
    const submit = (name: string) =>
      t.request('/api/applications', {
        method: 'POST',
        token: kiosk,
        body: {
          requestId: crypto.randomUUID(),
          serviceCode: 'household_certificate',
          form: { name, idNumber: '360426199101010071', phone: '13800138000', purpose: 'employment' },
          materials: ['id_card'],
        },
      });
    expect((await submit('张三丰')).status).toBe(200);
    await t.request('/api/windows/1/open', { method: 'POST', ...clerk });
    await t.request('/api/windows/1/call-next', { method: 'POST', ...clerk });
    const called = (await events.next('ticket.called')) as { call: { maskedName: string | null } };
    expect(called.call.maskedName).toBe('张*丰');
    // Earlier states (the ticket issued, the window opened) are still buffered: take the first with the call.
    let state: { queue: { recentCalls: { maskedName: string | null }[] } };
    do state = (await events.next('queue.state')) as typeof state;
    while (state.queue.recentCalls.length === 0);
    expect(state.queue.recentCalls[0]?.maskedName).toBe('张*丰');
    expect(JSON.stringify(events.messages)).not.toContain('张三丰');
    expect(JSON.stringify(called)).not.toContain('三丰');

    const settings = (await t.request('/api/settings', sup)).body as Record<string, unknown>;
    expect((await t.request('/api/settings', { method: 'PUT', ...sup, body: { ...settings, maskNames: false } })).status).toBe(200);
    expect((await submit('李四')).status).toBe(200);
    await t.request('/api/windows/1/start', { method: 'POST', ...clerk });
    await t.request('/api/windows/1/call-next', { method: 'POST', ...clerk });
    const second = (await events.next('ticket.called')) as { call: { maskedName: string | null } };
    expect(second.call.maskedName).toBeNull();
    events.socket.close();
  });
});
