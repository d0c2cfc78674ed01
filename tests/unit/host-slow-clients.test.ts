import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HALL_HTTP_TIMEOUTS } from '../../electron/host/http/timeouts.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

/**
 * Slow clients are cut off: one that trickles its headers, one that trickles its body, one that
 * connects and says nothing, and a keep-alive left idle. The limits are shortened for the test
 * (the hall's own are in http/timeouts.ts); what is tested is that they are enforced at all.
 */
const LIMITS = { headersMs: 800, requestMs: 1_500, keepAliveMs: 600, checkEveryMs: 200 };

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost({ httpTimeouts: LIMITS });
});
afterAll(() => t.stop());

function open(): Promise<{ socket: Socket; closed: Promise<number> }> {
  const url = new URL(t.host.url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(url.port), url.hostname, () => resolve({ socket, closed }));
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    // Read (and drop) what the server says, so that its closing the socket is seen.
    socket.resume();
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

/** Writes a byte every `everyMs` until the server closes the socket. */
function trickle(socket: Socket, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++] ?? '');
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

describe('slow clients are cut off', () => {
  it('has limits a hall LAN can live with', () => {
    expect(HALL_HTTP_TIMEOUTS.headersMs).toBeLessThanOrEqual(HALL_HTTP_TIMEOUTS.requestMs);
    expect(HALL_HTTP_TIMEOUTS.requestMs).toBeLessThanOrEqual(30_000);
    expect(HALL_HTTP_TIMEOUTS.keepAliveMs).toBeLessThanOrEqual(30_000);
  });

  it('a client trickling its headers, one trickling its body and one saying nothing are all closed', async () => {
    const headers = await open();
    trickle(headers.socket, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`, 50);
    const body = await open();
    body.socket.write('POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n');
    trickle(body.socket, `{"line":"${'x'.repeat(390)}`, 50);
    const silent = await open();
    const times = await Promise.all([headers.closed, body.closed, silent.closed]);
    // Each is closed well before it finished or gave up on its own (several seconds of trickle).
    for (const ms of times) expect(ms).toBeLessThan(LIMITS.requestMs + 2_000);
  });

  it('an idle keep-alive connection is closed after its request', async () => {
    const idle = await open();
    idle.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    const ms = await idle.closed;
    expect(ms).toBeLessThan(LIMITS.keepAliveMs + 2_000);
  });

  it('a normal request still gets its answer', async () => {
    expect((await t.request('/api/health')).status).toBe(200);
  });
});
