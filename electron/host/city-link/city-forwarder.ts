import { z } from 'zod';
import type { CityFeedStore } from '../../../db/city-feed.js';
import { CITY_PATHS } from '../../domain/city/city-api.js';
import { EnrolResponseSchema } from '../../domain/city/enrolment.js';
import { cutBatch, FeedAckSchema, MAX_BATCH } from '../../domain/city/feed.js';
import { ReconcileResultSchema, type ReconcileResult } from '../../domain/city/reconciliation.js';
import { CLOSED, DEFAULT_BREAKER, mayAttempt, onFailure, onSuccess, type BreakerOptions, type BreakerSnapshot } from '../../domain/delivery/circuit-breaker.js';
import { DEFAULT_RETRY_POLICY, nextDelayMs, type RetryPolicy } from '../../domain/delivery/retry-policy.js';
import type { CityLinkStatus } from '../../domain/contract/city-link-api.js';
import { CityCallError, callCity, fetchPublishedCalendar, fetchPublishedCatalog, fetchPublishedRatingRules } from './city-http.js';
import type { PublishedRatingRules } from '../../domain/city/published-rating-rules.js';
import type { PublishedCatalog } from '../../domain/city/published-catalog.js';

export interface CityForwarderOptions {
  store: CityFeedStore;
  clock: () => number;
  /** Today's service day, and the start (epoch ms) of a day, in the hall's time zone. */
  today: () => string;
  dayStart: (day: string) => number;
  log: (line: string) => void;
  /** Told whenever the status line changes (the admin screens' push). */
  changed: (status: CityLinkStatus) => void;
  /** The city published a new holiday calendar and it is stored. */
  calendarChanged?: () => void;
  /** Device kinds out of order now (no names or addresses), for the city's outage flags. */
  outages?: () => string[];
  /** The city's catalog values: the version held, and where new ones go. */
  catalog?: { version: () => number; put: (published: PublishedCatalog) => void };
  /** The city's 好差评 rules: the version held, and where new ones go. */
  ratingRules?: { version: () => number; put: (published: PublishedRatingRules) => void };
  /** The hall's report days (db/city-report-days.ts): rebuilt where due and queued into the feed before each pass. */
  reportDays?: { queue: (today: string, now: number) => number };
  /** Between passes while all is delivered. */
  intervalMs?: number;
  timeoutMs?: number;
  retry?: RetryPolicy;
  breaker?: BreakerOptions;
  random?: () => number;
}

const OkSchema = z.object({ ok: z.literal(true) });
const DAY_MS = 86_400_000;
/** Days reconciled in each daily check: a week, so a day missed while the hub was off is caught. */
const RECONCILE_DAYS = 7;

/**
 * Sends the hall's city feed to the city, in seq order, in batches, whenever the link allows; the
 * hall's work never waits on it (the records are already committed in the outbox). It resumes
 * from the city's own high-water mark after every failure, so a city restored from an older backup
 * is sent again what it lost. Backoff and the circuit breaker are the domain's delivery rules.
 */
export function cityForwarder(o: CityForwarderOptions) {
  const retry = o.retry ?? { ...DEFAULT_RETRY_POLICY, maxAttempts: Infinity };
  const breakerOpts = o.breaker ?? DEFAULT_BREAKER;
  const random = o.random ?? Math.random;
  const intervalMs = o.intervalMs ?? 2_000;
  const timeoutMs = o.timeoutMs ?? 10_000;
  let breaker: BreakerSnapshot = CLOSED;
  let attempts = 0;
  let needResume = true;
  let lastError: string | null = null;
  let lastReconcile: { at: number; result: ReconcileResult } | null = null;
  let reconciledOn: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;

  function status(): CityLinkStatus {
    const link = o.store.link();
    const backlog = link ? Math.max(0, o.store.lastSeq() - link.ackedSeq) : o.store.lastSeq();
    const state = !link ? 'not_enrolled' : breaker.state === 'open' ? 'down' : breaker.failures > 0 ? 'retrying' : needResume ? 'connecting' : 'connected';
    return {
      state,
      cityUrl: link?.cityUrl ?? null,
      hallId: link?.hallId ?? null,
      lastSyncAt: link?.lastSyncAt ?? null,
      backlog,
      downSince: breaker.downSince,
      lastError,
      reconciledAt: lastReconcile?.at ?? null,
      mismatchedDays: lastReconcile ? lastReconcile.result.days.filter((d) => !d.matches).map((d) => d.day) : [],
    };
  }
  let lastPushed = '';
  function announce(): void {
    const s = status();
    const text = JSON.stringify(s);
    if (text !== lastPushed) {
      lastPushed = text;
      o.changed(s);
    }
  }

  async function deliver(): Promise<void> {
    const link = o.store.link();
    if (!link) return;
    const call = <S extends z.ZodType>(path: string, method: string, schema: S, body?: unknown) =>
      callCity(link.cityUrl, path, { method, credential: link.credential, body, timeoutMs, now: o.clock() }, schema);
    o.reportDays?.queue(o.today(), o.clock());
    let acked = link.ackedSeq;
    if (needResume) {
      acked = (await call(CITY_PATHS.ack, 'GET', FeedAckSchema)).ackedSeq;
      o.store.setAcked(acked, o.clock());
      needResume = false;
    }
    for (let batch = cutBatch(o.store.pending(acked, MAX_BATCH)); batch.length > 0; batch = cutBatch(o.store.pending(acked, MAX_BATCH))) {
      const ack = await call(CITY_PATHS.feed, 'POST', FeedAckSchema, { hallId: link.hallId, records: batch });
      // The city holds a gap-free prefix; if it did not move, something is wrong with what we sent.
      if (ack.ackedSeq <= acked) throw new CityCallError(`city did not advance past ${acked}`, null, null);
      acked = ack.ackedSeq;
      o.store.setAcked(acked, o.clock());
      announce();
    }
    o.store.setAcked(acked, o.clock());
    const now = o.clock();
    await call(CITY_PATHS.state, 'PUT', OkSchema, {
      hallId: link.hallId,
      ...o.store.hallState(o.today(), now),
      outages: (o.outages?.() ?? []).slice(0, 20),
      at: now,
    });
    await fetchCalendar(link.cityUrl, link.credential);
    await fetchCatalog(link.cityUrl, link.credential);
    await fetchRatingRules(link.cityUrl, link.credential);
    await dailyWork(link.hallId, call);
  }

  /** The city's holiday calendar, when its version is newer than the one held (304 otherwise). */
  async function fetchCalendar(base: string, credential: string): Promise<void> {
    const held = o.store.calendarVersion();
    const published = await fetchPublishedCalendar(base, credential, held, timeoutMs);
    if (!published || published.version <= held) return;
    o.store.saveCalendar(published.version, published.days);
    o.calendarChanged?.();
    o.log(`city: holiday calendar version ${published.version} in force`);
  }

  async function fetchCatalog(base: string, credential: string): Promise<void> {
    if (!o.catalog) return;
    const held = o.catalog.version();
    const published = await fetchPublishedCatalog(base, credential, held, timeoutMs);
    if (!published || published.version <= held) return;
    try {
      o.catalog.put(published);
      o.log(`city: catalog values version ${published.version} in force`);
    } catch (err) {
      // Values this hall's catalog cannot take (a fee out of range): kept out, said once per version.
      o.log(`city: catalog values version ${published.version} refused: ${(err as Error).message.split('\n')[0]}`);
    }
  }

  async function fetchRatingRules(base: string, credential: string): Promise<void> {
    if (!o.ratingRules) return;
    const published = await fetchPublishedRatingRules(base, credential, o.ratingRules.version(), timeoutMs);
    if (!published || published.version <= o.ratingRules.version()) return;
    o.ratingRules.put(published);
    o.log(`city: rating rules version ${published.version} in force`);
  }

  /** Once a day: yesterday's audit head into the feed, then the closed days reconciled. */
  async function dailyWork(hallId: string, call: <S extends z.ZodType>(p: string, m: string, s: S, b?: unknown) => Promise<z.output<S>>): Promise<void> {
    const today = o.today();
    if (reconciledOn === today) return;
    const todayStart = o.dayStart(today);
    const yesterday = new Date(todayStart - DAY_MS / 2).toISOString().slice(0, 10);
    if (o.store.recordAuditHead(yesterday, todayStart, o.clock())) return; // delivered on the next pass, then reconciled
    const since = new Date(todayStart - RECONCILE_DAYS * DAY_MS).toISOString().slice(0, 10);
    const days = o.store.daysSince(since).filter((d) => d < today);
    reconciledOn = today;
    if (days.length === 0) return;
    const result = await call(CITY_PATHS.reconcile, 'POST', ReconcileResultSchema, { hallId, days: o.store.digests(days) });
    lastReconcile = { at: o.clock(), result };
    if (!result.allMatch)
      o.log(
        `city: reconciliation found differences on ${result.days
          .filter((d) => !d.matches)
          .map((d) => d.day)
          .join(', ')}`,
      );
  }

  async function pass(): Promise<number> {
    const now = o.clock();
    const gate = mayAttempt(breaker, breakerOpts, now);
    breaker = gate.next;
    if (!gate.allowed && breaker.state !== 'half_open') return Math.max(1, breakerOpts.coolDownMs - (now - (breaker.openedAt ?? now)));
    try {
      await deliver();
      breaker = onSuccess();
      attempts = 0;
      lastError = null;
      return intervalMs;
    } catch (err) {
      breaker = onFailure(breaker, breakerOpts, o.clock());
      attempts += 1;
      needResume = true;
      if (lastError === null) o.log(`city: link down (${(err as Error).message}); the hall carries on and catches up later`);
      lastError = (err as Error).message;
      const retryAfter = err instanceof CityCallError ? err.retryAfterMs : null;
      return nextDelayMs(retry, attempts, random(), retryAfter);
    } finally {
      announce();
    }
  }

  function schedule(ms: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = pass().then(schedule, (err: unknown) => {
        o.log(`city: forwarder error: ${(err as Error).message}`);
        schedule(intervalMs);
      });
    }, ms);
    timer.unref();
  }

  return {
    status,
    start(): void {
      stopped = false;
      // The state at start is not news: admin screens read it with their first query.
      lastPushed = JSON.stringify(status());
      schedule(0);
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
    /** One pass now (after any in progress): tests and the admin's "sync now". */
    async syncNow(): Promise<CityLinkStatus> {
      await running?.catch(() => undefined);
      breaker = breaker.state === 'open' ? { ...breaker, openedAt: 0 } : breaker;
      const p = pass();
      running = p.then(() => undefined);
      await p;
      return status();
    },
    /** Enrols with the city using a city administrator's one-time code; the link starts over from seq 0. */
    async enrol(cityUrl: string, code: string, hallName: string): Promise<{ hallId: string }> {
      const answer = await callCity(cityUrl, CITY_PATHS.enrol, { method: 'POST', body: { code, hallName }, timeoutMs, now: o.clock() }, EnrolResponseSchema);
      o.store.saveLink(cityUrl, answer.hallId, answer.credential, o.clock());
      breaker = CLOSED;
      attempts = 0;
      needResume = true;
      reconciledOn = null;
      announce();
      return { hallId: answer.hallId };
    },
    /** Reconcile now (the admin's button; the daily check does the same). */
    async reconcileNow(): Promise<void> {
      reconciledOn = null;
      await this.syncNow();
    },
  };
}

export type CityForwarder = ReturnType<typeof cityForwarder>;
