import type { RawData, WebSocket } from 'ws';
import { ClientMessageSchema, MAX_CLIENT_MESSAGE_BYTES, type FollowedView, type ServerEvent } from '../../domain/contract/events.js';
import type { Terminal } from '../../domain/contract/schemas.js';

/** A client that has this much unsent data is not keeping up; dropping it beats buffering forever. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** A screen unplugged from the LAN sends no close: a ping this often, and a socket that answered
 * none of the last one is dropped, so the hub knows a terminal gone within two beats (issue 15). */
const HEARTBEAT_MS = 5_000;
const WINDOW_WATCHERS: ReadonlySet<Terminal['role']> = new Set(['clerk', 'display']);

interface Client {
  socket: WebSocket;
  terminal: Terminal;
  alive: boolean;
  /** The window whose private events (笔谈) this screen receives, if any. */
  windowId: number | null;
  /** The view whose state this screen is pushed on every change, if any. */
  following: FollowedView | null;
}

/**
 * The one push channel. Each event is serialised once and written to every connected screen; the
 * hub never waits on a slow screen. Heartbeats find dead sockets (a display unplugged from the LAN
 * sends no close).
 */
/** Whether this terminal's screen may follow this window's private pushes (笔谈) now. */
export type WatchRule = (terminal: Terminal, windowId: number) => boolean;

/**
 * Whether these terminals' screens may be pushed this view now: asked for all followers at once
 * at every push (one look at who is signed in where), so a sign-out stops the pushes at the next one.
 */
export type FollowRule = (view: FollowedView, terminals: readonly Terminal[]) => ReadonlySet<number>;

/** Told when a terminal's screen socket opens, closes, or is heard from (presence, issue 15). */
export interface ScreenPresence {
  screenOpened(terminalId: number): void;
  screenClosed(terminalId: number): void;
  heard(terminalId: number): void;
}

export function createEventHub(
  log: (line: string) => void,
  mayWatch: WatchRule = () => true,
  presence?: ScreenPresence,
  mayFollow: FollowRule = () => new Set(),
) {
  const clients = new Set<Client>();
  const views = new Map<FollowedView, () => ServerEvent>();
  const observers = new Set<(e: ServerEvent) => void>();
  const observed = (e: ServerEvent) => {
    for (const fn of observers) fn(e);
  };
  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  function send(socket: WebSocket, data: string): void {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(data);
  }

  return {
    get size(): number {
      return clients.size;
    },

    attach(socket: WebSocket, terminal: Terminal, hello: ServerEvent): void {
      const client: Client = { socket, terminal, alive: true, windowId: null, following: null };
      clients.add(client);
      presence?.screenOpened(terminal.id);
      let gone = false;
      const leave = () => {
        clients.delete(client);
        if (!gone) presence?.screenClosed(terminal.id);
        gone = true;
      };
      socket.on('pong', () => {
        client.alive = true;
        presence?.heard(terminal.id);
      });
      socket.on('close', leave);
      socket.on('error', leave);
      socket.on('message', (raw, isBinary) => {
        client.alive = true;
        presence?.heard(terminal.id);
        const reply = (e: ServerEvent) => send(socket, JSON.stringify(e));
        // The server accepts an agent's larger messages (agent-link.ts); a screen's stay small.
        if (rawLength(raw) > MAX_CLIENT_MESSAGE_BYTES) {
          socket.close(1009, 'message too big');
          return;
        }
        const text = isBinary ? null : raw.toString();
        let parsed: unknown;
        try {
          parsed = text === null ? null : JSON.parse(text);
        } catch {
          parsed = null;
        }
        const msg = ClientMessageSchema.safeParse(parsed);
        if (!msg.success) {
          reply({ type: 'error', code: 'bad_message', message: 'Expected a JSON message like {"type":"ping","nonce":"1"}' });
          return;
        }
        if (msg.data.type === 'ping') reply({ type: 'pong', nonce: msg.data.nonce });
        else if (msg.data.type === 'watch') {
          // A window's 笔谈 is for its clerk console and the screen facing its applicant.
          if (msg.data.window !== null && (!WINDOW_WATCHERS.has(terminal.role) || !mayWatch(terminal, msg.data.window))) {
            reply({ type: 'error', code: 'forbidden', message: `This ${terminal.role} terminal may not follow window ${msg.data.window}` });
            return;
          }
          client.windowId = msg.data.window;
          reply({ type: 'watching', window: msg.data.window });
        } else if (msg.data.type === 'follow') {
          const view = msg.data.view;
          const state = view === null ? undefined : views.get(view);
          if (view !== null && (!state || !mayFollow(view, [terminal]).has(terminal.id))) {
            client.following = null;
            reply({ type: 'following', view: null });
            return;
          }
          client.following = view;
          reply({ type: 'following', view });
          try {
            if (state) reply(state());
          } catch (err) {
            // The screen still has what it read; the next change pushes again.
            log(`events: ${view ?? '?'} state failed: ${(err as Error).message}`);
          }
        }
      });
      send(socket, JSON.stringify(hello));
      log(`events: ${terminal.role} terminal #${terminal.id} connected (${clients.size} open)`);
    },

    broadcast(event: ServerEvent): void {
      const data = JSON.stringify(event);
      for (const c of clients) send(c.socket, data);
      observed(event);
    },

    /** Called with every event sent (to anyone): what a followed view's state depends on. */
    observe(fn: (e: ServerEvent) => void): () => void {
      observers.add(fn);
      return () => observers.delete(fn);
    },

    /** How a followed view's state is made, for the answer to a `follow`. */
    provideView(view: FollowedView, state: () => ServerEvent): void {
      views.set(view, state);
    },

    /** How many screens follow this view (none: no need to make its state). */
    followers(view: FollowedView): number {
      let n = 0;
      for (const c of clients) if (c.following === view) n += 1;
      return n;
    },

    /** A view's new state, serialised once, to the screens that follow it and may still see it. */
    sendToFollowers(view: FollowedView, event: ServerEvent): void {
      const following = [...clients].filter((c) => c.following === view);
      if (following.length === 0) return;
      const allowed = mayFollow(
        view,
        following.map((c) => c.terminal),
      );
      const data = JSON.stringify(event);
      for (const c of following) {
        if (allowed.has(c.terminal.id)) send(c.socket, data);
        else {
          c.following = null;
          send(c.socket, JSON.stringify({ type: 'following', view: null } satisfies ServerEvent));
        }
      }
    },

    /** Only to the screens of one window (its clerk console and applicant-facing screen). */
    sendToWindow(windowId: number, event: ServerEvent): void {
      const data = JSON.stringify(event);
      for (const c of clients) if (c.windowId === windowId) send(c.socket, data);
      observed(event);
    },

    /** Only to one terminal's screens (a card read is personal data); returns how many got it. */
    sendToTerminal(terminalId: number, event: ServerEvent): number {
      const data = JSON.stringify(event);
      let n = 0;
      for (const c of clients) {
        if (c.terminal.id !== terminalId) continue;
        send(c.socket, data);
        n += 1;
      }
      observed(event);
      return n;
    },

    /** After a window changed hands: screens that may no longer follow it stop (and are told). */
    revalidateWatchers(windowId: number): void {
      for (const c of clients) {
        if (c.windowId !== windowId || mayWatch(c.terminal, windowId)) continue;
        c.windowId = null;
        send(c.socket, JSON.stringify({ type: 'watching', window: null } satisfies ServerEvent));
      }
    },

    /** A revoked terminal's screens are cut off at once (1008, policy), not at their next request. */
    closeTerminal(terminalId: number, reason: string): number {
      let n = 0;
      for (const c of clients) {
        if (c.terminal.id !== terminalId) continue;
        clients.delete(c);
        c.socket.close(1008, reason);
        n += 1;
      }
      return n;
    },

    /** To every screen of a role (device health to admin screens). */
    sendToRole(role: Terminal['role'], event: ServerEvent): void {
      const data = JSON.stringify(event);
      for (const c of clients) if (c.terminal.role === role) send(c.socket, data);
      observed(event);
    },

    close(): void {
      clearInterval(heartbeat);
      for (const c of clients) c.socket.close(1001, 'host shutting down');
      clients.clear();
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;

function rawLength(raw: RawData): number {
  if (Array.isArray(raw)) return raw.reduce((n, b) => n + b.length, 0);
  return raw instanceof ArrayBuffer ? raw.byteLength : raw.length;
}
export { MAX_CLIENT_MESSAGE_BYTES };
