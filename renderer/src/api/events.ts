import { useEffect, useRef, useState } from 'react';
import { EVENTS_PATH } from '@domain/contract/api.js';
import { ServerEventSchema } from '@domain/contract/events.js';
import type { PrinterStatus } from '@domain/contract/print-api.js';
import type { Call, ConversationMessage, QueueState } from '@domain/contract/schemas.js';
import type { TerminalRole } from '@domain/roles.js';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

/** A call as it arrived; `seq` grows with every push so a repeated call of the same number still
 * counts as new (a recall must flash the display again). */
export interface CallNotice {
  call: Call;
  seq: number;
  /** The clerk called the same ticket again (the display marks it and announces it again). */
  recall: boolean;
}

/** 笔谈 pushes for the subscribed window; `resync` after every (re)connect, since messages sent
 * while the socket was down are never replayed and the screen must re-read the conversation. */
export type ConversationEvent = { type: 'message'; message: ConversationMessage } | { type: 'cleared' } | { type: 'resync' };

export interface EventOptions {
  /** Subscribe to this window's written conversation (clerk console, counter screen). */
  window?: number | null;
  /** Called for each conversation push of that window; may change between renders. */
  onConversation?: (ev: ConversationEvent) => void;
  /** Called once for every ticket.called push, in order (the display's announcer queues each one;
   * `lastCall` alone could coalesce two quick calls into one render). */
  onCall?: (notice: CallNotice) => void;
  /** Called for each printer.status push (the host sends a kiosk only its own printer's). */
  onPrinterStatus?: (ev: PrinterStatusEvent) => void;
}

export interface PrinterStatusEvent {
  terminalId: number;
  status: PrinterStatus;
  detail: string;
}

export interface ServerEvents {
  queue: QueueState | null;
  status: ConnectionStatus;
  lastCall: CallNotice | null;
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;
const PING_EVERY_MS = 20_000;
// A hall LAN can drop a connection without either side seeing a close; silence this long means dead.
const SILENCE_LIMIT_MS = 45_000;

export function eventsUrl(role: TerminalRole, windowId?: number | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const win = windowId ? `&window=${encodeURIComponent(windowId)}` : '';
  return `${scheme}://${location.host}${EVENTS_PATH}?role=${encodeURIComponent(role)}${win}`;
}

/** The screen's live view of the queue: one WebSocket, reconnected with backoff for as long as the
 * screen is mounted. Every message is validated; invalid ones are dropped. */
export function useServerEvents(role: TerminalRole, options: EventOptions = {}): ServerEvents {
  const windowId = options.window ?? null;
  const [queue, setQueue] = useState<QueueState | null>(null);
  // A ref, so a new callback each render neither reconnects nor misses a message.
  const onConversation = useRef(options.onConversation);
  useEffect(() => {
    onConversation.current = options.onConversation;
  }, [options.onConversation]);
  const onCall = useRef(options.onCall);
  useEffect(() => {
    onCall.current = options.onCall;
  }, [options.onCall]);
  const onPrinterStatus = useRef(options.onPrinterStatus);
  useEffect(() => {
    onPrinterStatus.current = options.onPrinterStatus;
  }, [options.onPrinterStatus]);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [lastCall, setLastCall] = useState<CallNotice | null>(null);

  useEffect(() => {
    let ws: WebSocket | null = null;
    let stopped = false;
    let failures = 0;
    let retryTimer: number | undefined;
    let lastHeard = Date.now();
    let seq = 0;

    const scheduleReconnect = () => {
      if (stopped) return;
      setStatus('reconnecting');
      const delay = Math.min(FIRST_DELAY_MS * 2 ** failures, MAX_DELAY_MS);
      failures += 1;
      window.clearTimeout(retryTimer);
      retryTimer = window.setTimeout(connect, delay);
    };

    const drop = (socket: WebSocket) => {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      try {
        socket.close();
      } catch {
        // already closed
      }
    };

    function connect() {
      if (stopped) return;
      const socket = new WebSocket(eventsUrl(role, windowId));
      ws = socket;
      lastHeard = Date.now();
      socket.onmessage = (msg) => {
        lastHeard = Date.now();
        let data: unknown;
        try {
          data = JSON.parse(typeof msg.data === 'string' ? msg.data : '');
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
        switch (ev.type) {
          case 'hello':
            // Reset the backoff only once the host has really accepted us, not on a bare open
            // that is closed straight away (e.g. a revoked credential).
            failures = 0;
            setStatus('open');
            setQueue(ev.queue);
            onConversation.current?.({ type: 'resync' });
            break;
          case 'queue.state':
            setQueue(ev.queue);
            break;
          case 'ticket.called':
            seq += 1;
            setLastCall({ call: ev.call, seq, recall: ev.recall });
            onCall.current?.({ call: ev.call, seq, recall: ev.recall });
            break;
          case 'conversation.message':
            if (ev.windowId === windowId) onConversation.current?.({ type: 'message', message: ev.message });
            break;
          case 'printer.status':
            onPrinterStatus.current?.({ terminalId: ev.terminalId, status: ev.status, detail: ev.detail });
            break;
          case 'conversation.cleared':
            if (ev.windowId === windowId) onConversation.current?.({ type: 'cleared' });
            break;
          default:
            break;
        }
      };
      socket.onclose = () => {
        if (ws === socket) ws = null;
        scheduleReconnect();
      };
    }

    const heartbeat = window.setInterval(() => {
      if (!ws || ws.readyState !== WebSocket.OPEN) return;
      if (Date.now() - lastHeard > SILENCE_LIMIT_MS) {
        drop(ws);
        ws = null;
        scheduleReconnect();
        return;
      }
      ws.send(JSON.stringify({ type: 'ping', nonce: String(Date.now()) }));
    }, PING_EVERY_MS);

    connect();
    return () => {
      stopped = true;
      window.clearInterval(heartbeat);
      window.clearTimeout(retryTimer);
      if (ws) drop(ws);
    };
  }, [role, windowId]);

  return { queue, status, lastCall };
}
