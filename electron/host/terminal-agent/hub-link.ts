import WebSocket from 'ws';
import {
  AGENT_PATH,
  AGENT_PING_MS,
  AGENT_SILENCE_MS,
  HubMessageSchema,
  type AgentMessage,
  type HubMessage,
  type PrintCall,
} from '../../domain/contract/agent-link.js';
import { reconnectDelayMs } from '../../domain/reconnect.js';
import type { TerminalRole } from '../../domain/roles.js';

/** A PDF of a slip is tens of KiB; an A4 notice with a logo a few hundred. */
const MAX_HUB_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface HubLinkOptions {
  hub: string;
  role: TerminalRole;
  token: string;
  /** The hello to open every connection with (built fresh: devices and printer as they are now). */
  hello(): Extract<AgentMessage, { type: 'hello' }>;
  welcome(w: Extract<HubMessage, { type: 'welcome' }>): void;
  devices(d: Extract<HubMessage, { type: 'devices' }>): void;
  print(call: number, request: PrintCall): Promise<AgentMessage>;
  /** The hub refused this terminal's credential (revoked, or never paired): retrying cannot help. */
  refused(reason: string): void;
  /** Connected (after welcome) or lost. */
  status?(up: boolean): void;
  log: (line: string) => void;
}

/**
 * The agent's one connection to the hub: opened with the terminal's credential, kept alive by a
 * ping every AGENT_PING_MS and dropped after AGENT_SILENCE_MS of silence (a cut cable sends no
 * close), reopened with a short backoff for as long as the agent runs. Messages that cannot be
 * sent while the link is down are dropped: a card read from before a reconnect is stale, health
 * and the printer's state are told afresh after each welcome.
 */
export function hubLink(o: HubLinkOptions) {
  const url = `${o.hub.replace(/^http/, 'ws')}${AGENT_PATH}?role=${encodeURIComponent(o.role)}`;
  let ws: WebSocket | null = null;
  let stopped = false;
  let up = false;
  let failures = 0;
  let lastHeard = 0;
  let retry: NodeJS.Timeout | null = null;
  let beat: NodeJS.Timeout | null = null;

  function setUp(next: boolean): void {
    if (up === next) return;
    up = next;
    o.status?.(next);
  }

  function send(m: AgentMessage): boolean {
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(m));
    return true;
  }

  function receive(text: string): void {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
    const parsed = HubMessageSchema.safeParse(data);
    if (!parsed.success) {
      o.log('agent: ignored a message from the hub that is not in the contract');
      return;
    }
    const m = parsed.data;
    if (m.type === 'welcome') {
      failures = 0;
      setUp(true);
      o.welcome(m);
    } else if (m.type === 'devices') o.devices(m);
    else if (m.type === 'print') void o.print(m.call, m.request).then(send);
    else o.log(`agent: the hub said ${m.code}: ${m.message}`);
  }

  function connect(): void {
    if (stopped) return;
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${o.token}` }, maxPayload: MAX_HUB_MESSAGE_BYTES, handshakeTimeout: 5_000 });
    ws = socket;
    lastHeard = Date.now();
    socket.on('open', () => {
      lastHeard = Date.now();
      send(o.hello());
    });
    socket.on('message', (raw, isBinary) => {
      lastHeard = Date.now();
      if (!isBinary) receive(String(raw));
    });
    socket.on('pong', () => (lastHeard = Date.now()));
    socket.on('error', () => undefined); // the close that follows schedules the retry
    socket.on('close', (code, reason) => {
      if (ws !== socket) return;
      ws = null;
      setUp(false);
      const why = reason.toString();
      // 1008 is the hub's "policy": this credential is not (or no longer) a terminal's.
      if (code === 1008 && (why === 'unauthorized' || why === 'revoked' || why === 'forbidden')) {
        stopped = true;
        o.refused(why);
        return;
      }
      schedule();
    });
  }

  function schedule(): void {
    if (stopped) return;
    // The screens' policy (domain/reconnect.ts): a hub back within seconds is found within seconds.
    const delay = reconnectDelayMs(failures, Math.random());
    failures += 1;
    if (retry) clearTimeout(retry);
    retry = setTimeout(connect, delay);
  }

  function start(): void {
    connect();
    beat = setInterval(() => {
      const socket = ws;
      if (!socket || socket.readyState !== WebSocket.OPEN) return;
      if (Date.now() - lastHeard > AGENT_SILENCE_MS) {
        o.log(`agent: no word from the hub for ${AGENT_SILENCE_MS} ms; reconnecting`);
        socket.terminate();
        return;
      }
      socket.ping();
    }, AGENT_PING_MS);
  }

  return {
    start,
    send,
    get up(): boolean {
      return up;
    },
    close(): void {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (beat) clearInterval(beat);
      const socket = ws;
      ws = null;
      setUp(false);
      socket?.close(1000, 'agent stopping');
    },
  };
}
export type HubLink = ReturnType<typeof hubLink>;
