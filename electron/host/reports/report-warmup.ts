import type { ReportCellStore } from '../../../db/report-cells.js';

export interface ReportWarmup {
  /** Resolves with how many days were built, when the days dirty at start are all built (or stopped). */
  done: Promise<number>;
  stop(): Promise<void>;
}

/**
 * Builds the reports' rollup in the background after start: a hall upgraded to migration 017 has
 * every day dirty, and its first report of a year would otherwise rebuild them all in one request
 * (seconds, with the hub's only thread busy). One day per turn (~25 ms for a busy day), with a
 * pause between, so the hall's own requests go on meanwhile. Only the days dirty at start: a day
 * written to later (today, always) is rebuilt when a report asks for it, not over and over here.
 */
export function reportWarmup(store: ReportCellStore, log: (line: string) => void, pauseMs = 25): ReportWarmup {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let finish: (n: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));
  const days = store.dirtyDays();
  let built = 0;

  const next = () => {
    timer = null;
    const day = days.shift();
    if (stopped || day === undefined) {
      if (built > 0) log(`reports: built the daily figures of ${built} day(s)`);
      finish(built);
      return;
    }
    try {
      built += store.rebuild(day, day);
    } catch (err) {
      // The day stays dirty: the report that asks for it rebuilds it (and says what is wrong).
      log(`reports: could not build the figures of ${day}: ${(err as Error).message}`);
    }
    timer = setTimeout(next, pauseMs);
    timer.unref();
  };
  timer = setTimeout(next, pauseMs);
  timer.unref();

  return {
    done,
    async stop() {
      stopped = true;
      if (timer) {
        clearTimeout(timer);
        timer = null;
        next();
      }
      await done;
    },
  };
}
