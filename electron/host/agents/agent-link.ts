import type { RawData, WebSocket } from 'ws';
import {
  AGENT_SILENCE_MS,
  AgentMessageSchema,
  JobProgressSchema,
  SubmittedSchema,
  type AgentMessage,
  type HubMessage,
  type PrintCall,
} from '../../domain/contract/agent-link.js';
import type { PrinterStatus } from '../../domain/contract/print-api.js';
import type { Terminal } from '../../domain/contract/schemas.js';
import { PrinterUnreachableError, type JobProgress, type Submitted } from '../printing/printer.js';

/** How long a print step may take at the agent before the hub stops waiting (the queue then asks
 * again later: the step's state is in the database, so waiting longer would only hold the worker). */
const CALL_TIMEOUT_MS = { submit: 30_000, release: 10_000, find: 10_000, progress: 10_000 } as const;
const HELLO_TIMEOUT_MS = 10_000;

export type AgentHello = Extract<AgentMessage, { type: 'hello' }>;
export type AgentEvent = Exclude<AgentMessage, { type: 'hello' | 'reply' | 'failed' }>;

export interface LinkHooks {
  hello(link: AgentLink, hello: AgentHello): void;
  message(link: AgentLink, message: AgentEvent): void;
  heard(link: AgentLink): void;
  closed(link: AgentLink): void;
  log(line: string): void;
}

interface Pending {
  op: PrintCall['op'];
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One agent's WebSocket, seen from the hub: every message parsed with the contract, the print
 * calls it answers matched to their callers, and silence longer than AGENT_SILENCE_MS taken as the
 * agent gone (a cut cable sends no close). Nothing here logs what a message carries.
 */
export function agentLink(socket: WebSocket, terminal: Terminal, hooks: LinkHooks, clock: () => number) {
  const pending = new Map<number, Pending>();
  let nextCall = 1;
  let lastHeard = clock();
  let ready = false;
  let closed = false;

  const send = (m: HubMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
  };

  const link = {
    terminal,
    printerStatus: { status: 'none' as PrinterStatus, detail: '' },
    get open(): boolean {
      return ready && !closed;
    },
    send,
    /** One step of a print job on the agent's printer; rejects with PrinterUnreachableError when
     * the link is down or the agent does not answer in time. */
    call(request: PrintCall): Promise<unknown> {
      if (!link.open) return Promise.reject(new PrinterUnreachableError(`terminal #${terminal.id}'s agent is not connected`));
      const call = nextCall++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(call);
          reject(new PrinterUnreachableError(`terminal #${terminal.id}'s agent did not answer (${request.op})`));
        }, CALL_TIMEOUT_MS[request.op]);
        pending.set(call, { op: request.op, resolve, reject, timer });
        send({ type: 'print', call, request });
      });
    },
    close(code: number, reason: string): void {
      socket.close(code, reason);
      shutdown();
    },
    /** Dropped if silent too long (checked by the registry's heartbeat). */
    checkSilence(): void {
      if (!closed && clock() - lastHeard > AGENT_SILENCE_MS) {
        hooks.log(`agents: terminal #${terminal.id}'s agent silent for ${AGENT_SILENCE_MS} ms; dropping its link`);
        socket.terminate();
        shutdown();
      }
    },
  };
  type Link = typeof link;

  function shutdown(): void {
    if (closed) return;
    closed = true;
    clearTimeout(helloTimer);
    for (const [, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new PrinterUnreachableError(`terminal #${terminal.id}'s agent went away`));
    }
    pending.clear();
    if (ready) hooks.closed(link);
  }

  function answer(m: Extract<AgentMessage, { type: 'reply' | 'failed' }>): void {
    const p = pending.get(m.call);
    if (!p) return; // an answer after its caller gave up: the queue asks again on its own
    pending.delete(m.call);
    clearTimeout(p.timer);
    if (m.type === 'failed') return p.reject(new Error(m.error));
    // Each step has its own answer shape; anything else is the agent's error, not a result.
    const checked =
      p.op === 'submit'
        ? SubmittedSchema.safeParse(m.result)
        : p.op === 'find'
          ? SubmittedSchema.nullable().safeParse(m.result)
          : p.op === 'progress'
            ? JobProgressSchema.safeParse(m.result)
            : { success: true as const, data: null };
    if (checked.success) p.resolve(checked.data);
    else p.reject(new Error(`the agent answered ${p.op} with something else`));
  }

  const helloTimer = setTimeout(() => {
    if (!ready) link.close(1008, 'hello expected');
  }, HELLO_TIMEOUT_MS);

  socket.on('ping', () => {
    lastHeard = clock();
    if (ready) hooks.heard(link);
  });
  socket.on('close', shutdown);
  socket.on('error', shutdown);
  socket.on('message', (raw: RawData, isBinary: boolean) => {
    lastHeard = clock();
    let parsed: unknown;
    try {
      parsed = isBinary ? null : JSON.parse(String(raw));
    } catch {
      parsed = null;
    }
    const msg = AgentMessageSchema.safeParse(parsed);
    if (!msg.success) {
      send({ type: 'error', code: 'bad_message', message: `Not an agent message: ${msg.error.issues[0]?.path.join('.') ?? ''}` });
      return;
    }
    const m = msg.data;
    if (m.type === 'hello') {
      ready = true;
      clearTimeout(helloTimer);
      hooks.hello(link, m);
      return;
    }
    if (!ready) {
      send({ type: 'error', code: 'not_ready', message: 'Say hello first' });
      return;
    }
    hooks.heard(link);
    if (m.type === 'reply' || m.type === 'failed') answer(m);
    else hooks.message(link, m);
  });

  return link as Link;
}
export type AgentLink = ReturnType<typeof agentLink>;

/** The typed results of the calls, for the printer proxy. */
export type CallResults = { submit: Submitted; release: null; find: Submitted | null; progress: JobProgress };
