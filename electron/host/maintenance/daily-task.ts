import { DAY_MS } from '../../domain/retention.js';

const HOUR_MS = 3_600_000;

export interface DailyTaskOptions {
  /** For log lines. */
  name: string;
  /** The host's clock: "a day since the last run" is measured on it, so tests can move it. */
  clock: () => number;
  log: (line: string) => void;
  /** When it last ran (null: never), so a restart does not run it again at once. */
  lastRunAt: number | null;
  run: () => void | Promise<void>;
  /** How often to look whether a day has passed; an hour, so a sleeping machine catches up soon. */
  checkEveryMs?: number;
  /** The first look, sooner than checkEveryMs (a fresh hall gets its first backup within minutes). */
  firstCheckMs?: number;
  /** Timers, replaceable in tests (which then step through days by hand). */
  schedule?: Scheduler;
}

/** Calls `fn` after `ms`; returns a cancel function. A test's scheduler may await what `fn` returns. */
export type Scheduler = (ms: number, fn: () => Promise<void>) => () => void;

export interface DailyTask {
  /** Looks once: runs the task if a day has passed since its last run. */
  check(): Promise<void>;
  /** No further runs; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

function realTimer(ms: number, fn: () => Promise<void>): () => void {
  const t = setTimeout(() => void fn(), ms);
  t.unref();
  return () => clearTimeout(t);
}

/**
 * Runs a task once a day (by the host's clock), checking every hour: a purge or a backup that a
 * restart, a sleeping machine or a changed clock does not skip, and never runs twice at once.
 */
export function dailyTask(o: DailyTaskOptions): DailyTask {
  const schedule = o.schedule ?? realTimer;
  let last = o.lastRunAt;
  let running: Promise<void> | null = null;
  let stopped = false;
  let cancel: () => void = () => {};

  async function check(): Promise<void> {
    if (stopped || running) return running ?? undefined;
    const now = o.clock();
    if (last !== null && now - last < DAY_MS && now >= last) return;
    last = now;
    running = (async () => {
      try {
        await o.run();
      } catch (err) {
        o.log(`${o.name}: failed: ${(err as Error).message}`);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function arm(ms: number): void {
    if (stopped) return;
    cancel = schedule(ms, () => check().finally(() => arm(o.checkEveryMs ?? HOUR_MS)));
  }
  arm(o.firstCheckMs ?? o.checkEveryMs ?? HOUR_MS);

  return {
    check,
    async stop() {
      stopped = true;
      cancel();
      await running;
    },
  };
}
