import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay of our own between the hubs and the city: real sockets on 127.0.0.1, every byte
 * passed through untouched, so the hubs talk to the city only through it. It can cut the link as
 * a network does, while both ends keep running:
 * - 'refuse': the connections open now are reset and the port stops listening, so a new one is
 *   refused (ECONNREFUSED), as when the city's router is down;
 * - 'blackhole': the connections open now are reset, new ones are accepted and then never
 *   answered (nothing is forwarded either way), so a caller waits for its own timeout, as when
 *   packets vanish on the way.
 * `restore` listens again on the same port and forwards again.
 */
export type CutMode = 'refuse' | 'blackhole';

export interface TcpRelay {
  /** http://127.0.0.1:<relay port>: give this to the hubs instead of the city's own address. */
  readonly url: string;
  readonly state: () => 'open' | CutMode;
  /** Connections accepted and forwarded, and accepted and held in the black hole, so far. */
  readonly counts: () => { forwarded: number; blackholed: number };
  cut(mode: CutMode): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startTcpRelay(target: { host: string; port: number }): Promise<TcpRelay> {
  let state: 'open' | CutMode = 'open';
  const live = new Set<Socket>();
  const held = new Set<Socket>();
  const counts = { forwarded: 0, blackholed: 0 };

  const track = (set: Set<Socket>, s: Socket) => {
    set.add(s);
    s.once('close', () => set.delete(s));
    // A reset peer is the point of a cut, not a failure of the test.
    s.on('error', () => undefined);
  };

  function onConnection(client: Socket): void {
    if (state === 'blackhole') {
      counts.blackholed += 1;
      track(held, client);
      client.pause();
      return;
    }
    counts.forwarded += 1;
    track(live, client);
    const upstream = createConnection({ host: target.host, port: target.port });
    track(live, upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  }

  /** Every open connection reset (RST), as a link that goes away does to them. */
  function drop(set: Set<Socket>): void {
    for (const s of set) s.resetAndDestroy();
    set.clear();
  }

  let server = createServer(onConnection);
  const port = await listen(server, 0);

  async function stopListening(): Promise<void> {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  return {
    url: `http://127.0.0.1:${port}`,
    state: () => state,
    counts: () => ({ ...counts }),
    async cut(mode) {
      drop(live);
      if (mode === 'refuse' && state !== 'refuse') {
        drop(held);
        const closed = stopListening();
        state = mode;
        await closed;
      } else if (mode === 'blackhole' && state === 'refuse') {
        state = mode;
        server = createServer(onConnection);
        await listen(server, port);
      } else state = mode;
    },
    async restore() {
      drop(held);
      if (state === 'refuse') {
        server = createServer(onConnection);
        await listen(server, port);
      }
      state = 'open';
    },
    async close() {
      drop(live);
      drop(held);
      if (state !== 'refuse') await stopListening();
      state = 'refuse';
    },
  };
}
