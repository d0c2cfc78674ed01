import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT_PATH } from '../../electron/domain/contract/agent-link.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

/**
 * The agents' socket admits only a paired terminal's credential, reads every message through the
 * contract (answering what it cannot parse, never crashing), and needs a hello before anything.
 */
const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

function open(url: string, token: string | null, query = '?role=kiosk') {
  const ws = new WebSocket(`${url.replace('http', 'ws')}${AGENT_PATH}${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const messages: { type: string; code?: string }[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(String(d)) as { type: string }));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const opened = new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
  return { ws, messages, closed, opened };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the agent socket', () => {
  it('refuses a socket without a paired credential, or with a bad query', async () => {
    const t = await startTestHost();
    hosts.push(t);
    expect((await open(t.host.url, null).closed).code).toBe(1008);
    expect((await open(t.host.url, 'x'.repeat(40)).closed).reason).toBe('unauthorized');
    const kiosk = await t.pair('kiosk');
    expect((await open(t.host.url, kiosk, '?role=root').closed).code).toBe(1008);
    // A kiosk's credential acting as a clerk: refused like a screen would be.
    expect((await open(t.host.url, kiosk, '?role=clerk').closed).code).toBe(1008);
  });

  it('answers malformed messages with an error and wants a hello first', async () => {
    const t = await startTestHost();
    hosts.push(t);
    const kiosk = await t.pair('kiosk');
    const s = open(t.host.url, kiosk);
    await s.opened;
    for (const bad of ['not json', '{}', '{"type":"hello"}', JSON.stringify({ type: 'device.card', key: 'A B', read: {} }), '\u0000'.repeat(10)])
      s.ws.send(bad);
    s.ws.send(JSON.stringify({ type: 'printer.status', status: 'ok', detail: '' }));
    await wait(300);
    expect(s.messages.filter((m) => m.type === 'error').map((m) => m.code)).toEqual([
      'bad_message',
      'bad_message',
      'bad_message',
      'bad_message',
      'bad_message',
      'not_ready',
    ]);
    s.ws.send(
      JSON.stringify({
        type: 'hello',
        version: '1',
        machine: 'k1',
        devices: [
          { key: 'usb-1', name: 'R', kind: 'id_reader', transport: 'serial', vendorId: null, productId: null, portPath: '/etc/passwd', baudRate: 115200 },
        ],
        printer: null,
        printerStatus: 'none',
        printerDetail: '',
      }),
    );
    await wait(200);
    // A device on a path that is no serial port is not a device: the hello is refused whole.
    expect(s.messages.at(-1)?.type).toBe('error');
    // Still alive: the hub answers a good hello with its welcome.
    s.ws.send(JSON.stringify({ type: 'hello', version: '1', machine: 'k1', devices: [], printer: null, printerStatus: 'none', printerDetail: '' }));
    await wait(300);
    expect(s.messages.at(-1)?.type).toBe('welcome');
    s.ws.send('x'.repeat(64 * 1024));
    expect((await s.closed).code).toBe(1009);
  });

  it("holds a screen socket to small messages though the server takes an agent's larger ones", async () => {
    const t = await startTestHost();
    hosts.push(t);
    const kiosk = await t.pair('kiosk');
    const ws = new WebSocket(`${t.host.url.replace('http', 'ws')}/api/events?role=kiosk`, { headers: { authorization: `Bearer ${kiosk}` } });
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (c) => r(c)));
    ws.send(JSON.stringify({ type: 'ping', nonce: 'x'.repeat(8000) }));
    expect(await closed).toBe(1009);
  });
});
