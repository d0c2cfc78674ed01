import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpRelay, type TcpRelay } from '../support/tcp-relay.js';

/** The test relay cuts a link as a network does: refused, or silent until the caller gives up. */
describe('the TCP relay', () => {
  let target: Server;
  let relay: TcpRelay;
  beforeAll(async () => {
    target = createServer((_req, res) => res.end('city'));
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
    const address = target.address();
    relay = await startTcpRelay({ host: '127.0.0.1', port: typeof address === 'object' && address ? address.port : 0 });
  });
  afterAll(async () => {
    await relay.close();
    await new Promise((r) => target.close(r));
  });
  const get = async (timeoutMs = 2_000) => (await fetch(relay.url, { signal: AbortSignal.timeout(timeoutMs) })).text();
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => 'answered',
      (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.name,
    );

  it('forwards, refuses while cut, black-holes, and forwards again once restored', async () => {
    expect(await get()).toBe('city');
    await relay.cut('refuse');
    expect(await failure(get())).toBe('ECONNREFUSED');
    await relay.cut('blackhole');
    expect(await failure(get(300))).toBe('TimeoutError');
    expect(relay.counts().blackholed).toBe(1);
    await relay.restore();
    expect(await get()).toBe('city');
    expect(relay.state()).toBe('open');
  });
});
