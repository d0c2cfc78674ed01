import { backOfficeStore } from '../../../db/back-office.js';
import { caseStore } from '../../../db/cases.js';
import type { FieldCipher } from '../../../db/field-cipher.js';
import type { Db } from '../../../db/open.js';
import type { SettingsStore } from '../../../db/settings.js';
import { BACK_OFFICE_SYSTEMS, type BackOfficeConnector, type BackOfficeSystem } from '../../domain/back-office/back-office.js';
import type { ApplicationStatus } from '../../domain/contract/applications-api.js';
import type { BackOfficeLinkStatus } from '../../domain/contract/back-office-api.js';
import type { ServerEvent } from '../../domain/contract/events.js';
import { DEFAULT_BREAKER, type BreakerOptions } from '../../domain/delivery/circuit-breaker.js';
import { deliveryPace, PACE_WINDOW_MS } from '../../domain/delivery/delivery-pace.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../domain/delivery/retry-policy.js';
import type { Service } from '../../domain/catalog/catalog-schema.js';
import { connectorsOf } from './connectors.js';
import { deliveryWorker } from './delivery-worker.js';
import { verifier } from './verifier.js';

export const DEFAULT_VERIFY_LIMIT_MS = 3_000;
const VERIFY_LIMIT_KEY = 'back_office.verify_limit_ms';
/** How often pending verifications are asked again. */
const RECHECK_MS = 15_000;
const PUSH_EVERY_MS = 500;

export interface BackOfficeOptions {
  db: Db;
  cipher: FieldCipher;
  settings: SettingsStore;
  service: (code: string) => Service | undefined;
  /** The hall's clock (case times, the outage line's ages). Backoff runs on real time. */
  clock: () => number;
  push: (event: ServerEvent) => void;
  /** A case's online checks changed: the clerk's view of it is drawn again. */
  caseChanged: (c: { caseNumber: string; status: ApplicationStatus; version: number }) => void;
  log: (line: string) => void;
  policy?: RetryPolicy;
  breaker?: BreakerOptions;
  concurrency?: number;
  recheckMs?: number;
}

/**
 * The hall's links to its back offices: the outbox worker, the online checks, and the outage line
 * pushed to clerks and admins. Nothing the hall does for a citizen waits on it: steps only write
 * the outbox row; the worker delivers after the commit.
 */
export function backOfficeService(o: BackOfficeOptions) {
  const store = backOfficeStore(o.db, o.cipher);
  const cases = caseStore(o.db, o.cipher);
  let connectors = connectorsOf(store.links());
  const connector = (s: BackOfficeSystem): BackOfficeConnector | null => connectors.get(s) ?? null;
  let pushTimer: NodeJS.Timeout | null = null;
  let lastPushed = '';

  function status(): BackOfficeLinkStatus[] {
    const waiting = new Map(store.waiting().map((w) => [w.system, w]));
    // The worker's clock: delivery times and the since-times are written on it.
    const now = Date.now();
    return BACK_OFFICE_SYSTEMS.map((system) => {
      const w = waiting.get(system);
      const { downSince, upSince } = worker.state(system).times;
      const configured = connectors.has(system);
      const n = w?.n ?? 0;
      const pace = deliveryPace({
        waiting: n,
        deliveredInWindow: configured ? store.deliveredSince(system, now - PACE_WINDOW_MS) : 0,
        down: !configured || downSince !== null,
        upSince,
        now,
      });
      return {
        system,
        state: !configured ? 'not_configured' : downSince !== null ? 'unreachable' : 'up',
        since: configured ? downSince : null,
        waiting: n,
        oldestAt: w?.oldest ?? null,
        dead: w?.dead ?? 0,
        upSince: configured ? upSince : null,
        pace,
      };
    });
  }

  /** At most one push per PUSH_EVERY_MS, and only when the line would read differently. */
  function changed(): void {
    if (pushTimer) return;
    pushTimer = setTimeout(() => {
      pushTimer = null;
      const links = status();
      const text = JSON.stringify(links);
      if (text === lastPushed) return;
      lastPushed = text;
      o.push({ type: 'backoffice.status', links });
    }, PUSH_EVERY_MS);
    pushTimer.unref();
  }

  const worker = deliveryWorker({
    store,
    connector,
    applicantOf: (id) => cases.byId(id)?.applicant_id_number ?? null,
    policy: o.policy ?? DEFAULT_RETRY_POLICY,
    breaker: o.breaker ?? DEFAULT_BREAKER,
    concurrency: o.concurrency ?? 8,
    clock: Date.now,
    random: Math.random,
    changed,
    log: o.log,
    transaction: (work) => o.db.transaction(work).immediate(),
  });
  const checks = verifier({
    store,
    cases,
    connector,
    service: o.service,
    clock: o.clock,
    changed: (id) => {
      const row = cases.byId(id);
      if (row) o.caseChanged({ caseNumber: row.case_number, status: row.status, version: row.version });
    },
  });

  const verifyLimitMs = (): number => {
    const raw = o.settings.raw(VERIFY_LIMIT_KEY);
    const n = raw === null ? NaN : Number(JSON.parse(raw));
    return Number.isInteger(n) ? n : DEFAULT_VERIFY_LIMIT_MS;
  };

  let rechecking = false;
  const recheck = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    void checks
      .retryPending(verifyLimitMs())
      .catch((err: unknown) => o.log(`back office: verification round failed: ${(err as Error).message}`))
      .finally(() => void (rechecking = false));
  }, o.recheckMs ?? RECHECK_MS);
  recheck.unref();

  const kickAll = () => {
    for (const s of BACK_OFFICE_SYSTEMS) worker.kick(s);
  };
  // Whatever a previous run left (pending, or 'sending' when it stopped mid-delivery).
  setImmediate(kickAll);

  return {
    store,
    status,
    verifyLimitMs,
    setVerifyLimitMs: (ms: number) => o.settings.putRaw(VERIFY_LIMIT_KEY, JSON.stringify(ms)),
    /** After a step's commit queued a message. */
    queued(system: BackOfficeSystem): void {
      worker.kick(system);
      changed();
    },
    /** After a link was saved: connectors are built again from the stored links. */
    linksChanged(): void {
      connectors = connectorsOf(store.links());
      kickAll();
      changed();
    },
    /** A dead letter revived or cancelled. */
    deadChanged(system: BackOfficeSystem): void {
      worker.kick(system);
      changed();
    },
    verifyNew: checks.verifyNew,
    retryPendingChecks: () => checks.retryPending(verifyLimitMs()),
    stop(): void {
      clearInterval(recheck);
      if (pushTimer) clearTimeout(pushTimer);
      worker.stop();
    },
  };
}

export type BackOfficeService = ReturnType<typeof backOfficeService>;
