import { isExpired, parseCardText, PHOTO_BYTES, TEXT_BYTES, type CardText } from '../../domain/devices/id-card-text.js';
import { toHex } from '../../domain/devices/sam-frame.js';
import { failureForStatus, samStatusName, type ReadFailure } from '../../domain/devices/sam-status.js';
import { samClient, SamLinkError } from './sam-client.js';
import type { Transport } from './transport.js';

export type CardOutcome =
  | { outcome: 'ok'; card: CardText; photo: Uint8Array }
  /** An expired card keeps its text: renewing it is why its holder came (the screen decides). */
  | { outcome: 'failed'; failure: ReadFailure; detail: string; expired?: { card: CardText; photo: Uint8Array } };

/** How the reader answered a status check asked for by hand. */
export type ReaderCheck = { ok: true } | { ok: false; failure: ReadFailure; detail: string };

export interface ReaderTimings {
  /** How often to ask for a card; readers in the field are polled about once a second. */
  findEveryMs: number;
  statusEveryMs: number;
  responseTimeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Consecutive "no card" answers before a card counts as taken away. */
  absentPolls: number;
}

export const DEFAULT_TIMINGS: ReaderTimings = {
  findEveryMs: 1000,
  statusEveryMs: 5000,
  responseTimeoutMs: 3000,
  backoffBaseMs: 500,
  backoffMaxMs: 15_000,
  absentPolls: 2,
};

export interface ReaderLoopOptions {
  transport: Transport;
  today: () => string;
  onCard: (outcome: CardOutcome) => void;
  /** null = healthy; otherwise a stable problem code for the admin screen. */
  onProblem: (problem: { failure: ReadFailure; detail: string } | null) => void;
  timings?: Partial<ReaderTimings>;
  clock?: () => number;
}

class LoopFailure extends Error {
  constructor(
    readonly failure: ReadFailure,
    readonly detail: string,
  ) {
    super(`${failure}: ${detail}`);
  }
}

/**
 * The reader's polling loop: SAM status every few seconds, find card about once a second, and on a
 * card, select then read. A card that stays on the reader is recognised by its select reply and not
 * read again until it has been away. Errors back off exponentially. Resolves when stopped or when
 * the transport closes (the device manager reconnects).
 */
export function startReaderLoop(opts: ReaderLoopOptions) {
  const t = { ...DEFAULT_TIMINGS, ...opts.timings };
  const clock = opts.clock ?? Date.now;
  const client = samClient(opts.transport, t.responseTimeoutMs);
  let stopped = false;
  let wake: (() => void) | null = null;
  let nextStatusAt = 0;
  // Presses of "test" on the admin screen waiting for the next status check.
  let checks: ((r: ReaderCheck) => void)[] = [];
  const settleChecks = (r: ReaderCheck) => {
    const waiting = checks;
    checks = [];
    for (const fn of waiting) fn(r);
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => ((wake = null), resolve()), ms);
      wake = () => (clearTimeout(timer), (wake = null), resolve());
    });

  async function command(name: Parameters<typeof client.command>[0]) {
    try {
      return await client.command(name);
    } catch (err) {
      if (err instanceof SamLinkError) throw new LoopFailure('reader_error', err.code);
      throw err;
    }
  }

  async function read(): Promise<CardOutcome> {
    const r = await command('readTextPhoto');
    if (r.sw3 !== 0x90) return { outcome: 'failed', failure: failureForStatus(r.sw3), detail: samStatusName(r.sw3) };
    const textLen = ((r.data[0] ?? 0) << 8) | (r.data[1] ?? 0);
    const photoLen = ((r.data[2] ?? 0) << 8) | (r.data[3] ?? 0);
    if (textLen !== TEXT_BYTES || photoLen > PHOTO_BYTES || r.data.length !== 4 + textLen + photoLen) {
      return { outcome: 'failed', failure: 'card_unreadable', detail: 'info_length_error' };
    }
    const today = opts.today();
    const parsed = parseCardText(r.data.subarray(4, 4 + textLen), today);
    if (!parsed.ok) return { outcome: 'failed', failure: 'card_invalid', detail: `${parsed.problem}.${parsed.field}` };
    if (isExpired(parsed.card, today))
      return { outcome: 'failed', failure: 'card_expired', detail: 'validUntil', expired: { card: parsed.card, photo: r.data.slice(4 + textLen) } };
    return { outcome: 'ok', card: parsed.card, photo: r.data.slice(4 + textLen) };
  }

  const done = (async () => {
    let failures = 0;
    let lastSerial: string | null = null;
    let absent = 0;
    while (!stopped) {
      try {
        if (clock() >= nextStatusAt) {
          const s = await command('samStatus');
          if (s.sw3 !== 0x90) {
            await command('resetSam').catch(() => undefined);
            throw new LoopFailure('sam_error', samStatusName(s.sw3));
          }
          nextStatusAt = clock() + t.statusEveryMs;
          settleChecks({ ok: true });
        }
        const found = await command('findCard');
        if (found.sw3 === 0x9f) {
          absent = 0;
          const sel = await command('selectCard');
          // A failed select is a card at the edge of the field (arriving or leaving): not worth a
          // message to the person; the next find tries again.
          const serial = sel.sw3 === 0x90 ? toHex(sel.data) : null;
          if (serial !== null && serial !== lastSerial) {
            lastSerial = serial;
            const outcome = await read();
            if (!stopped) opts.onCard(outcome);
          }
        } else if (++absent >= t.absentPolls) {
          lastSerial = null;
        }
        if (failures > 0) opts.onProblem(null);
        failures = 0;
        await sleep(t.findEveryMs);
      } catch (err) {
        if (stopped || client.closed) break;
        failures += 1;
        const f = err instanceof LoopFailure ? err : new LoopFailure('reader_error', 'internal');
        settleChecks({ ok: false, failure: f.failure, detail: f.detail });
        // A card half-read is read again once the link is back.
        lastSerial = null;
        opts.onProblem({ failure: f.failure, detail: f.detail });
        await sleep(Math.min(t.backoffBaseMs * 2 ** (failures - 1), t.backoffMaxMs));
      }
    }
    client.dispose();
    settleChecks({ ok: false, failure: 'no_reader', detail: 'closed' });
  })();

  return {
    done,
    /** Asks the reader for its SAM status now (between polls) and tells how it answered. */
    checkNow(): Promise<ReaderCheck> {
      if (stopped) return Promise.resolve({ ok: false, failure: 'no_reader', detail: 'closed' });
      const answer = new Promise<ReaderCheck>((resolve) => checks.push(resolve));
      nextStatusAt = 0;
      wake?.();
      return answer;
    },
    get droppedBytes() {
      return client.droppedBytes;
    },
    async stop(): Promise<void> {
      stopped = true;
      wake?.();
      client.dispose();
      await done;
    },
  };
}
export type ReaderLoop = ReturnType<typeof startReaderLoop>;
