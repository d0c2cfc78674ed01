import type { BackOfficeStore, OutboxRow } from '../../../db/back-office.js';
import { OutboxPayloadSchema, type BackOfficeConnector, type BackOfficeSystem, type DeliveryResult } from '../../domain/back-office/back-office.js';
import { CLOSED, mayAttempt, onFailure, onSuccess, type BreakerOptions, type BreakerSnapshot } from '../../domain/delivery/circuit-breaker.js';
import { afterAttempt, type LinkTimes } from '../../domain/delivery/delivery-pace.js';
import { isExhausted, nextDelayMs, type RetryPolicy } from '../../domain/delivery/retry-policy.js';

export interface WorkerOptions {
  store: BackOfficeStore;
  /** The system's connector as configured now; null while no link is set (nothing is tried). */
  connector: (system: BackOfficeSystem) => BackOfficeConnector | null;
  /** The applicant's ID number for a case (read from the sealed case row at send time). */
  applicantOf: (applicationId: number) => string | null;
  policy: RetryPolicy;
  breaker: BreakerOptions;
  /** Cases in flight at once per system (one message per case at a time). */
  concurrency: number;
  clock: () => number;
  random: () => number;
  /** After anything that changes what waits (the outage line is recomputed and pushed). */
  changed: (system: BackOfficeSystem) => void;
  log: (line: string) => void;
  /** Runs the writes of several messages in one transaction (one commit, one fsync, for a batch). */
  transaction: (work: () => void) => void;
}

export interface LinkState {
  breaker: BreakerSnapshot;
  lastError: string | null;
  /** Stored (migration 020): an outage's start survives a restart of the hub. */
  times: LinkTimes;
}

const NO_TIMES: LinkTimes = { downSince: null, upSince: null };

/**
 * Delivers the outbox, per system: the head message of each case only (so a case's messages
 * arrive in order, one in flight per case), with the message's idempotency key, backing off with
 * jitter after a failure (Retry-After wins when longer), behind a circuit breaker so a system that
 * is down gets one probe per cool-down instead of every queued message, and dead-lettering after
 * policy.maxAttempts. A message left 'sending' by a crash is simply sent again: same key, applied once.
 */
export function deliveryWorker(o: WorkerOptions) {
  const links = new Map<BackOfficeSystem, LinkState>();
  // A hub restarted during an outage goes on from the stored start, not from its own start.
  for (const t of o.store.linkTimes()) {
    const times = { downSince: t.downSince, upSince: t.upSince };
    links.set(t.system, { breaker: { ...CLOSED, downSince: t.downSince }, lastError: null, times });
  }
  const inFlight = new Map<BackOfficeSystem, Set<number>>();
  const timers = new Map<BackOfficeSystem, NodeJS.Timeout>();
  const aborts = new Set<AbortController>();
  let stopped = false;

  const stateOf = (s: BackOfficeSystem): LinkState => links.get(s) ?? { breaker: CLOSED, lastError: null, times: NO_TIMES };
  const flying = (s: BackOfficeSystem): Set<number> => {
    const f = inFlight.get(s) ?? new Set<number>();
    inFlight.set(s, f);
    return f;
  };

  function wakeAt(system: BackOfficeSystem, at: number): void {
    if (stopped) return;
    const existing = timers.get(system);
    if (existing) clearTimeout(existing);
    const delay = Math.min(60_000, Math.max(5, at - o.clock()));
    const t = setTimeout(() => {
      timers.delete(system);
      pump(system);
    }, delay);
    t.unref();
    timers.set(system, t);
  }

  function pump(system: BackOfficeSystem): void {
    if (stopped) return;
    const connector = o.connector(system);
    if (!connector) return;
    const busy = flying(system);
    const now = o.clock();
    let refused = false;
    const free = o.concurrency - busy.size;
    if (free > 0) {
      const rows = o.store.due(system, now, o.concurrency * 2).filter((r) => !busy.has(r.application_id));
      const starting: OutboxRow[] = [];
      for (const row of rows.slice(0, free)) {
        const link = stateOf(system);
        const gate = mayAttempt(link.breaker, o.breaker, now);
        if (!gate.allowed) {
          refused = true;
          break;
        }
        links.set(system, { ...link, breaker: gate.next });
        busy.add(row.application_id);
        starting.push(row);
      }
      if (starting.length > 0) o.transaction(() => starting.forEach((r) => o.store.markSending(r.id, now)));
      for (const row of starting) void send(system, connector, row);
    }
    // Due now but not sent: in flight or behind its case's earlier message (their end pumps
    // again), or held by the open breaker (wake when it lets a probe through).
    const b = stateOf(system).breaker;
    if (refused && b.state === 'open' && b.openedAt !== null) return wakeAt(system, b.openedAt + o.breaker.coolDownMs);
    const next = o.store.nextDue(system, now);
    if (next !== null) wakeAt(system, next);
  }

  async function send(system: BackOfficeSystem, connector: BackOfficeConnector, row: OutboxRow): Promise<void> {
    const ac = new AbortController();
    aborts.add(ac);
    let result: DeliveryResult;
    try {
      result = await connector.deliver(
        {
          caseNumber: row.case_number,
          sequence: row.sequence,
          kind: row.kind,
          idempotencyKey: row.idempotency_key,
          applicantIdNumber: o.applicantOf(row.application_id),
          payload: OutboxPayloadSchema.parse(JSON.parse(row.payload)),
        },
        ac.signal,
      );
    } catch (err) {
      result = { ok: false, retryable: true, unreachable: false, retryAfterMs: null, error: (err as Error).message };
    } finally {
      aborts.delete(ac);
    }
    if (stopped) return;
    finished.push({ system, row, result });
    if (!flushing) {
      flushing = true;
      setImmediate(flush);
    }
  }

  /** The answers that came in the same turn, written in one transaction; then their cases move on. */
  const finished: { system: BackOfficeSystem; row: OutboxRow; result: DeliveryResult }[] = [];
  let flushing = false;
  function flush(): void {
    flushing = false;
    if (stopped) return;
    const batch = finished.splice(0);
    const now = o.clock();
    o.transaction(() => {
      for (const { system, row, result } of batch) {
        const link = stateOf(system);
        const times = afterAttempt(link.times, result.ok ? 'delivered' : result.unreachable ? 'unreachable' : 'refused', now);
        if (times !== link.times) o.store.putLinkTimes(system, times.downSince, times.upSince, now);
        if (result.ok) {
          o.store.markDelivered(row.id, result.receipt, now);
          links.set(system, { breaker: onSuccess(), lastError: null, times });
          continue;
        }
        const attempts = row.attempts + 1;
        const dead = !result.retryable || isExhausted(o.policy, attempts);
        const nextAt = now + nextDelayMs(o.policy, attempts, o.random(), result.retryAfterMs);
        o.store.markFailed(row.id, dead ? 'dead' : 'pending', result.error, nextAt, now);
        links.set(system, { breaker: result.unreachable ? onFailure(link.breaker, o.breaker, now) : link.breaker, lastError: result.error, times });
        if (dead) o.log(`back office ${system}: message ${row.id} of case ${row.case_number} dead after ${attempts} attempts: ${result.error}`);
      }
    });
    const systems = new Set<BackOfficeSystem>();
    for (const { system, row } of batch) {
      flying(system).delete(row.application_id);
      systems.add(system);
    }
    for (const system of systems) {
      o.changed(system);
      pump(system);
    }
  }

  return {
    /** Something was queued or revived: look now. */
    kick: (system: BackOfficeSystem) => pump(system),
    state: stateOf,
    inFlight: (system: BackOfficeSystem) => flying(system).size,
    stop(): void {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      for (const ac of aborts) ac.abort();
    },
  };
}

export type DeliveryWorker = ReturnType<typeof deliveryWorker>;
