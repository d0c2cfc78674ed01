import { EVENTS_PATH } from '@domain/contract/api.js';
import { ServerEventSchema, type ClientMessage, type FollowedView, type ServerEvent } from '@domain/contract/events.js';
import type { QueueState } from '@domain/contract/schemas.js';
import { reconnectDelayMs, SCREEN_PING_MS, SCREEN_SILENCE_MS } from '@domain/reconnect.js';
import type { TerminalRole } from '@domain/roles.js';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';
export type EventType = ServerEvent['type'];
export type EventOf<T extends EventType> = Extract<ServerEvent, { type: T }>;

// A hall LAN can drop a link without either side seeing a close: a ping every two seconds, and
// silence this long means the link is dead, so the screen says so within seconds, not minutes.
const PING_EVERY_MS = SCREEN_PING_MS;
/** How long "done, once" stays up after a request that waited for the link was answered. */
const RECOVERED_SHOWN_MS = 10_000;
const SILENCE_LIMIT_MS = SCREEN_SILENCE_MS;

function eventsUrl(role: TerminalRole): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${EVENTS_PATH}?role=${encodeURIComponent(role)}`;
}

/**
 * The one WebSocket of a page: opened when the page's screen is known to be paired, reconnected
 * with backoff for as long as the page lives, checked by heartbeat. Every message is validated
 * and handed to the listeners of its type; the latest queue state and the connection's status are
 * kept for React to read. Nothing here is React, so it can be reasoned about (and tested) alone.
 */
export class HostConnection {
  private ws: WebSocket | null = null;
  private stopped = true;
  private failures = 0;
  private retryTimer: number | undefined;
  private heartbeat: number | undefined;
  private lastHeard = 0;
  private readonly listeners = new Map<EventType, Set<(e: ServerEvent) => void>>();
  private readonly changeListeners = new Set<() => void>();
  private windowId: number | null = null;
  private view: FollowedView | null = null;

  status: ConnectionStatus = 'connecting';
  queue: QueueState | null = null;
  /** Host clock minus this page's clock, from the last hello: screens show the hub's time. */
  clockOffset = 0;
  /** Requests sent with their own idempotency key whose answer was lost with the link, waiting
   * to be sent again once it is back (the banner says so). */
  waiting = 0;
  /** A request that waited for the link was answered after all: the banner says it was done
   * once, for RECOVERED_SHOWN_MS. */
  recovered = false;
  private recoveredTimer: number | undefined;
  private readonly openWaiters = new Set<() => void>();

  constructor(private readonly role: TerminalRole) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
    this.heartbeat = window.setInterval(() => this.beat(), PING_EVERY_MS);
  }

  stop(): void {
    this.stopped = true;
    window.clearInterval(this.heartbeat);
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.recoveredTimer);
    if (this.ws) this.drop(this.ws);
    this.ws = null;
  }

  /** Listen to one kind of push; returns the unsubscribe function. */
  on<T extends EventType>(type: T, fn: (e: EventOf<T>) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    const listener = fn as (e: ServerEvent) => void;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** For useSyncExternalStore: status or queue changed. */
  onChange(fn: () => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  /**
   * Receive this window's private pushes (笔谈) on the page's socket, or none (null). Remembered,
   * and sent again after every reconnect; the host answers `watching` once it applies.
   */
  watchWindow(windowId: number | null): void {
    this.windowId = windowId;
    this.send({ type: 'watch', window: windowId });
  }

  /**
   * Be pushed this view's whole state on every change (the host answers `following`, then the
   * state), or nothing (null). Remembered, and sent again after every reconnect.
   */
  follow(view: FollowedView | null): void {
    this.view = view;
    this.send({ type: 'follow', view });
  }

  now(): number {
    return Date.now() + this.clockOffset;
  }

  /** Resolves at the next hello (the host accepted this page again), or after `ms` regardless. */
  whenOpen(ms: number): Promise<void> {
    if (this.status === 'open') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        window.clearTimeout(timer);
        this.openWaiters.delete(done);
        resolve();
      };
      const timer = window.setTimeout(done, ms);
      this.openWaiters.add(done);
    });
  }

  /** A request's answer was lost with the link: it waits to be sent again. */
  beginWaiting(): void {
    this.waiting += 1;
    this.changed();
  }

  /** That request is over: answered after all (`answered`), or given up. */
  endWaiting(answered: boolean): void {
    this.waiting = Math.max(0, this.waiting - 1);
    if (answered) {
      this.recovered = true;
      window.clearTimeout(this.recoveredTimer);
      this.recoveredTimer = window.setTimeout(() => {
        this.recovered = false;
        this.changed();
      }, RECOVERED_SHOWN_MS);
    }
    this.changed();
  }

  private send(msg: ClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.changed();
  }

  private changed(): void {
    for (const fn of this.changeListeners) fn();
  }

  private connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(eventsUrl(this.role));
    this.ws = socket;
    this.lastHeard = Date.now();
    socket.onopen = () => {
      if (this.windowId !== null) this.send({ type: 'watch', window: this.windowId });
      if (this.view !== null) this.send({ type: 'follow', view: this.view });
    };
    socket.onmessage = (msg) => {
      this.lastHeard = Date.now();
      this.receive(typeof msg.data === 'string' ? msg.data : '');
    };
    socket.onclose = () => {
      if (this.ws === socket) this.ws = null;
      this.scheduleReconnect();
    };
  }

  private receive(text: string): void {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const parsed = ServerEventSchema.safeParse(data);
    if (!parsed.success) {
      // Only the shape problem, never the payload: it may carry personal data.
      console.warn(
        'yizhan: ignored an invalid server event',
        parsed.error.issues.map((i) => i.path.join('.')),
      );
      return;
    }
    const ev = parsed.data;
    if (ev.type === 'hello') {
      // Reset the backoff only once the host has really accepted us, not on a bare open that is
      // closed straight away (a revoked credential).
      this.failures = 0;
      this.clockOffset = ev.serverTime - Date.now();
      this.queue = ev.queue;
      this.status = 'open';
      this.changed();
      for (const wake of [...this.openWaiters]) wake();
    } else if (ev.type === 'queue.state') {
      this.queue = ev.queue;
      this.changed();
    }
    const set = this.listeners.get(ev.type);
    if (set) for (const fn of [...set]) fn(ev);
  }

  private beat(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) {
      this.drop(ws);
      this.ws = null;
      this.scheduleReconnect();
      return;
    }
    this.send({ type: 'ping', nonce: String(Date.now()) });
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.setStatus('reconnecting');
    const delay = reconnectDelayMs(this.failures, Math.random());
    this.failures += 1;
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  private drop(socket: WebSocket): void {
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close();
    } catch {
      // already closed
    }
  }
}
