import { decodeResponse, encodeNamedCommand, FrameError, MIN_RESPONSE_LEN, type CommandName, type ResponseFrame } from '../../domain/devices/sam-frame.js';
import { createReassembler } from '../../domain/devices/sam-reassembler.js';
import type { Transport, TransportError } from './transport.js';

export class SamLinkError extends Error {
  constructor(
    /** 'timeout', 'truncated', a FrameError code, or a transport code. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SamLinkError';
  }
}

/**
 * One command at a time over a transport, each answered by the next good frame. Bad frames from
 * the reader fail the pending command at once (the loop backs off and asks again); a reply that
 * never completes times out and its partial bytes are dropped.
 */
export function samClient(transport: Transport, responseTimeoutMs: number) {
  const reassembler = createReassembler(MIN_RESPONSE_LEN);
  let pending: { resolve: (f: ResponseFrame) => void; reject: (e: Error) => void } | null = null;
  let closedReason: TransportError | null = null;

  const offData = transport.onData((chunk) => {
    for (const item of reassembler.push(chunk)) {
      const p = pending;
      if (!p) continue; // unsolicited bytes (a reader booting): nothing waits for them
      pending = null;
      if (item.kind === 'frame') p.resolve(decodeResponse(item.bytes));
      else p.reject(new SamLinkError(item.error.code, item.error.message));
    }
  });
  const offClosed = transport.onClosed((reason) => {
    closedReason = reason;
    pending?.reject(new SamLinkError(reason.code, reason.message));
    pending = null;
  });

  return {
    get closed(): TransportError | null {
      return closedReason;
    },
    get droppedBytes(): number {
      return reassembler.discarded;
    },
    async command(name: CommandName): Promise<ResponseFrame> {
      if (closedReason) throw new SamLinkError(closedReason.code, closedReason.message);
      if (pending) throw new SamLinkError('busy', 'a command is already in flight');
      const reply = new Promise<ResponseFrame>((resolve, reject) => (pending = { resolve, reject }));
      const timer = new Promise<never>((_, reject) => {
        const t = setTimeout(() => {
          const truncated = reassembler.pending > 0;
          reassembler.reset();
          pending = null;
          reject(new SamLinkError(truncated ? 'truncated' : 'timeout', truncated ? 'reply stopped mid-frame' : 'no reply'));
        }, responseTimeoutMs);
        void reply.finally(() => clearTimeout(t)).catch(() => undefined);
      });
      try {
        await transport.write(encodeNamedCommand(name));
      } catch (err) {
        pending = null;
        throw new SamLinkError((err as { code?: string }).code ?? 'io', (err as Error).message);
      }
      return Promise.race([reply, timer]);
    },
    dispose(): void {
      offData();
      offClosed();
      pending?.reject(new SamLinkError('closed', 'reader closed'));
      pending = null;
    },
  };
}

export { FrameError };
