import { afterAll, beforeAll, expect } from 'vitest';
import { cityFeedStore } from '../../db/city-feed.js';
import { cityReportDays } from '../../db/city-report-days.js';
import { reportRows } from '../../db/report-rows.js';
import { settingsStore } from '../../db/settings.js';
import { startCity, type RunningCity } from '../../electron/city/start-city.js';
import { plusDays } from '../../electron/domain/calendar/working-days.js';
import { CITY_PATHS } from '../../electron/domain/city/city-api.js';
import { CITY_REPORT_PATHS, type CityReport, type CityReportQuery } from '../../electron/domain/city/city-report-api.js';
import { hallHour } from '../../electron/domain/reports/hall-hour.js';
import { groupFacts, reportFacts, type ReportFilter, type ReportGrouping } from '../../electron/domain/reports/report-figures.js';
import { cityForwarder, type CityForwarder } from '../../electron/host/city-link/city-forwarder.js';
import { startPgCluster, type PgCluster } from '../../scripts/lib/pg-cluster.js';
import { hallAt, ZONE } from './report-fixture.js';
import { monthOfEvents } from './report-month.js';
import { testCipher } from './test-cipher.js';

export const FIRST = '2026-11-02';
export const LAST = plusDays(FIRST, 4);

export interface Hall {
  id: string;
  f: ReturnType<typeof monthOfEvents>;
  forwarder: CityForwarder;
  store: ReturnType<typeof cityFeedStore>;
}

/** What a test of the three halls' city reads and compares with (filled in by beforeAll). */
export interface CityOfHalls {
  city: RunningCity;
  databaseUrl: string;
  /** A city supervisor's session, as a bearer token. */
  token: string;
  halls: Hall[];
  /** The hall clock, for a forwarder that sends again. */
  advance(ms: number): void;
  cityReport(q: Partial<CityReportQuery>): Promise<CityReport>;
  /** The hall's own report of FIRST..LAST, from its events. */
  hallReport(h: Hall, groupBy: ReportGrouping, filter?: ReportFilter): ReturnType<typeof groupFacts>;
}

/**
 * Three halls' histories (real SQLite, the real stores) forwarded by the real forwarder to one city
 * on a real PostgreSQL, set up before the calling describe's tests and torn down after.
 */
export function cityOfThreeHalls(databaseName: string): CityOfHalls {
  let cluster: PgCluster | undefined;
  const today = plusDays(LAST, 1);
  let now = hallAt(today, '08:00');
  const ctx = {
    halls: [] as Hall[],
    advance(ms: number) {
      now += ms;
    },
    async cityReport(q: Partial<CityReportQuery>): Promise<CityReport> {
      const query = new URLSearchParams({ from: FIRST, to: LAST, ...(q as Record<string, string>) });
      const res = await fetch(`${ctx.city.url}${CITY_REPORT_PATHS.figures}?${query.toString()}`, { headers: { authorization: `Bearer ${ctx.token}` } });
      expect(res.status).toBe(200);
      return (await res.json()) as CityReport;
    },
    hallReport(h: Hall, groupBy: ReportGrouping, filter: ReportFilter = {}) {
      const facts = reportFacts(reportRows(h.f.db, ZONE).read(FIRST, LAST), hallHour(ZONE));
      return groupFacts(facts, { groupBy, filter, targetWaitMs: settingsStore(h.f.db).hall().targetWaitMin * 60_000 });
    },
  } as CityOfHalls;

  beforeAll(async () => {
    cluster = await startPgCluster();
    ctx.databaseUrl = cluster.createDatabase(databaseName);
    const city = await startCity({ databaseUrl: ctx.databaseUrl, host: '127.0.0.1', port: 0, log: () => {} });
    ctx.city = city;
    // The supervisor's token only signs in; the session it opens reads the reports.
    const signIn = await fetch(`${city.url}${CITY_PATHS.signIn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: await city.addSupervisor('sup') }),
    });
    ctx.token = ((await signIn.json()) as { session: string }).session;
    const sizes: [string, number, number][] = [
      ['hall-a', 5, 30],
      ['hall-b', 4, 18],
      ['hall-c', 3, 44],
    ];
    for (const [id, days, perDay] of sizes) {
      const f = monthOfEvents(FIRST, days, perDay);
      // A case (a catalog service) accepted (容缺) and completed on time in one hall: the case figures travel too.
      if (id === 'hall-a') {
        const app = f.application('hukou_transfer', 'household', FIRST, null, plusDays(FIRST, 2));
        f.caseStep(app, 'accept_deferred', 'accepted', 1, 1, FIRST, '10:00');
        f.caseStep(app, 'complete', 'completed', 1, 1, plusDays(FIRST, 1), '11:00');
      }
      const reportDays = cityReportDays(f.db, ZONE);
      const store = cityFeedStore(f.db, testCipher());
      const forwarder = cityForwarder({
        store,
        clock: () => now,
        today: () => today,
        dayStart: (d) => hallAt(d, '00:00'),
        log: () => {},
        changed: () => {},
        reportDays: { queue: (d, at) => reportDays.queue(d, at, settingsStore(f.db).hall().targetWaitMin) },
        intervalMs: 50,
      });
      await forwarder.enrol(city.url, await city.issueCode(id), id);
      const s = await forwarder.syncNow();
      expect(s.state).toBe('connected');
      expect(s.backlog).toBe(0);
      ctx.halls.push({ id, f, forwarder, store });
    }
  }, 120_000);
  afterAll(async () => {
    for (const h of ctx.halls) h.f.close();
    await ctx.city?.close();
    cluster?.stop();
  });
  return ctx;
}
