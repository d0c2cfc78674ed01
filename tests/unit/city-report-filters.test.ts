import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { reportRows } from '../../db/report-rows.js';
import { settingsStore } from '../../db/settings.js';
import { cityFigures, FilterTooWide } from '../../electron/city/city-figures.js';
import { plusDays } from '../../electron/domain/calendar/working-days.js';
import { findService } from '../../electron/domain/catalog/catalog.js';
import { CITY_REPORT_PATHS, type CityReportQuery } from '../../electron/domain/city/city-report-api.js';
import { hallHour } from '../../electron/domain/reports/hall-hour.js';
import { groupFacts, reportFacts, type ReportFilter } from '../../electron/domain/reports/report-figures.js';
import { pgAvailable } from '../../scripts/lib/pg-cluster.js';
import { cityOfThreeHalls, FIRST, LAST as last, type Hall } from '../support/city-halls.js';
import { ZONE } from '../support/report-fixture.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The city's report filters, names and A4 daily report (issue 16), on three halls' histories
 * forwarded to a real PostgreSQL: a filtered city report of a hall is the hall's own filtered report.
 */
const available = pgAvailable();
if (!available) console.warn('city-report-filters: PostgreSQL 15 binaries absent (run scripts/test-prerequisites.sh); skipping');
// poppler reads the daily report PDF back: what the supervisor would see.
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
if (!poppler && process.env['CI']) throw new Error('CI needs poppler-utils (pdftotext)');

const GROUPINGS = ['total', 'day', 'line', 'service', 'hour', 'window', 'staff'] as const;

// Skipped only without PostgreSQL 15's binaries (a workstation); .ci/run installs them (scripts/test-prerequisites.sh).
describe.skipIf(!available)('city report filters, names and the daily report', () => {
  const c = cityOfThreeHalls('report_filters');
  const { halls, cityReport, hallReport } = c;

  async function dailyPdf(query: string): Promise<{ filename: string; text: string }> {
    const res = await fetch(`${c.city.url}${CITY_REPORT_PATHS.dailyPdf}?${query}`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(res.status).toBe(200);
    const file = (await res.json()) as { filename: string; mime: string; base64: string };
    expect(file.mime).toBe('application/pdf');
    const dir = tempDir('city-pdf-');
    try {
      const path = join(dir.path, 'daily.pdf');
      writeFileSync(path, Buffer.from(file.base64, 'base64'));
      return { filename: file.filename, text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ') };
    } finally {
      dir.remove();
    }
  }
  const dayTotal = (h: Hall, day: string, filter: ReportFilter = {}) =>
    groupFacts(reportFacts(reportRows(h.f.db, ZONE).read(day, day), hallHour(ZONE)), {
      groupBy: 'total',
      filter,
      targetWaitMs: settingsStore(h.f.db).hall().targetWaitMin * 60_000,
    }).total;

  // Skipped only without poppler's pdftotext (a workstation); under CI=true the file throws above instead.
  it.skipIf(!poppler)('prints the A4 daily report across halls (by hall) and of one hall (by window, line and clerk)', async () => {
    const day = plusDays(FIRST, 1);
    const all = await dailyPdf(`day=${day}`);
    expect(all.filename).toBe(`city-daily-report-${day}.pdf`);
    expect(all.text).toContain('全市服务大厅运行日报');
    const issued = halls.reduce((s, h) => s + dayTotal(h, day).issued, 0);
    expect(all.text).toMatch(new RegExp(`取号数：${issued}\\n`));
    expect(all.text).toContain('按服务大厅');
    expect(all.text).toMatch(new RegExp(`hall-b \\(hall-b\\)：取号数 ${dayTotal(halls[1]!, day).issued}，`));
    expect(all.text).not.toContain('按窗口');

    const one = await dailyPdf(`day=${day}&hall=hall-c`);
    expect(one.filename).toBe(`city-daily-report-${day}-hall-c.pdf`);
    expect(one.text).toContain('大厅运行日报');
    expect(one.text).toMatch(new RegExp(`取号数：${dayTotal(halls[2]!, day).issued}\\n`));
    for (const section of ['按窗口', '按业务类别', '按工作人员']) expect(one.text).toContain(section);
    expect(one.text).not.toContain('按服务大厅');
  });

  it('refuses the daily report to strangers (401), halls (403) and bad queries (400)', async () => {
    const path = `${c.city.url}${CITY_REPORT_PATHS.dailyPdf}`;
    expect((await fetch(`${path}?day=${FIRST}`)).status).toBe(401);
    const hallCredential = halls[0]!.store.link()!.credential;
    expect((await fetch(`${path}?day=${FIRST}`, { headers: { authorization: `Bearer ${hallCredential}` } })).status).toBe(403);
    const auth = { headers: { authorization: `Bearer ${c.token}` } };
    for (const q of ['', 'day=2026-02-30', `day=${FIRST}&from=${FIRST}`, `day=${FIRST}&hall=NOT A HALL`])
      expect((await fetch(`${path}?${q}`, auth)).status).toBe(400);
  });

  /** A line, a service, a window and a clerk that hall-a's history has (read from its own report). */
  function someOf(h: Hall) {
    const key = (g: 'service' | 'window' | 'staff') => hallReport(h, g).rows.find((r) => r.key !== null)!.key;
    return { line: 'household', service: String(key('service')), window: Number(key('window')), staff: Number(key('staff')) };
  }

  it("filters as the hall does: one hall's filtered city report is its own filtered report, every grouping", async () => {
    const h = halls[0]!;
    const some = someOf(h);
    const filters: ReportFilter[] = [
      { line: some.line },
      { service: some.service },
      { window: some.window },
      { staff: some.staff },
      { line: some.line, window: some.window },
    ];
    for (const filter of filters) {
      for (const groupBy of GROUPINGS) {
        const own = hallReport(h, groupBy, filter);
        const got = await cityReport({ hall: h.id, groupBy, ...(filter as Partial<CityReportQuery>) });
        expect(got.filter).toEqual(filter);
        expect({ filter, groupBy, rows: got.rows, total: got.total }).toEqual({ filter, groupBy, rows: own.rows, total: own.total });
      }
    }
  });

  it('filters across halls: by hall, each row is that hall filtered; a window or staff filter needs a hall (400)', async () => {
    const line = 'traffic';
    const got = await cityReport({ groupBy: 'hall', line });
    for (const [i, h] of halls.entries()) expect(got.rows[i]).toEqual({ ...hallReport(h, 'total', { line }).total, key: h.id });
    expect(got.total.issued).toBe(halls.reduce((s, h) => s + hallReport(h, 'total', { line }).total.issued, 0));
    const auth = { headers: { authorization: `Bearer ${c.token}` } };
    expect((await fetch(`${c.city.url}${CITY_REPORT_PATHS.figures}?from=${FIRST}&to=${last}&window=1`, auth)).status).toBe(400);
    expect((await fetch(`${c.city.url}${CITY_REPORT_PATHS.figures}?from=${FIRST}&to=${last}&line=nope`, auth)).status).toBe(400);
  });

  it('over a long range, a line or service filter is read from the summaries where they can; otherwise exact, or refused when too wide', async () => {
    const pool = new pg.Pool({ connectionString: c.databaseUrl, max: 2 });
    try {
      const some = someOf(halls[0]!);
      const coarse = cityFigures(pool, { exactHallDays: 0 });
      // One line or one service by total, hall, day or itself: the summaries of that value.
      for (const [groupBy, filter] of [
        ['total', { line: 'household' }],
        ['hall', { service: some.service }],
        ['day', { line: 'exit_entry' }],
        ['service', { service: some.service }],
      ] as const) {
        const exact = await cityReport({ groupBy, ...filter });
        const approx = await coarse.compute({ from: FIRST, to: last, groupBy, ...filter });
        expect(approx.approximate).toBe(true);
        expect(approx.rows.map((r) => r.key)).toEqual(exact.rows.map((r) => r.key));
        expect({ ...approx.total, wait: null, service: null }).toEqual({ ...exact.total, wait: null, service: null });
      }
      // A line by hour, or two filters at once: the summaries cannot, so the exact cells.
      const byHour = await coarse.compute({ from: FIRST, to: last, groupBy: 'hour', line: 'household' });
      expect(byHour.approximate).toBe(false);
      expect(byHour).toEqual(await cityReport({ groupBy: 'hour', line: 'household' }));
      // Too many hall days to read in full: refused, saying how to narrow it.
      const narrow = cityFigures(pool, { exactHallDays: 0, filteredHallDays: 5 });
      await expect(narrow.compute({ from: FIRST, to: last, groupBy: 'hour', line: 'household' })).rejects.toThrow(FilterTooWide);
      await expect(narrow.compute({ from: FIRST, to: last, groupBy: 'hour', line: 'household' })).rejects.toThrow(/choose one hall, a shorter range/);
      // A filtered summary read goes through the (dim, day) index, the value checked there (seq scans off: these tables are small).
      const client = await pool.connect();
      try {
        await client.query('SET enable_seqscan = off');
        for (const [table, at] of [
          ['report_summaries', 'day'],
          ['report_month_summaries', 'month'],
        ] as const) {
          const plan = await client.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN SELECT hall_id, val, figures FROM ${table} WHERE dim = 'line' AND ${at} BETWEEN '2026-11-01' AND '2026-11-30' AND val = 'household'`,
          );
          expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(new RegExp(`Index Only Scan using ${table}_dim_${at}`));
        }
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it('names services by the national catalog and staff by number in the files and the printed report', async () => {
    const h = halls[0]!;
    const some = someOf(h);
    const auth = { headers: { authorization: `Bearer ${c.token}` } };
    const file = async (q: string) => {
      const got = (await (await fetch(`${c.city.url}${CITY_REPORT_PATHS.export}?from=${FIRST}&to=${last}&format=csv&${q}`, auth)).json()) as {
        base64: string;
        filename: string;
      };
      return { name: got.filename, lines: Buffer.from(got.base64, 'base64').toString('utf8').replace('\ufeff', '').trim().split('\r\n') };
    };
    const zhName = findService(some.service)!.name['zh-CN'];
    const services = await file('groupBy=service');
    expect(services.lines.some((l) => l.startsWith(`${zhName},`))).toBe(true);
    expect(services.lines.some((l) => l.startsWith(`${some.service},`))).toBe(false);
    const staff = await file(`groupBy=staff&hall=${h.id}&lang=en`);
    expect(staff.lines.some((l) => l.startsWith(`Staff #${some.staff},`))).toBe(true);
    const filtered = await file(`groupBy=day&hall=${h.id}&service=${some.service}`);
    expect(filtered.name).toBe(`city-report-${FIRST}_${last}-day-${h.id}-${some.service}.csv`);
    expect(filtered.lines.length).toBeGreaterThan(1);
    if (poppler) {
      const pdf = await dailyPdf(`day=${FIRST}&hall=${h.id}`);
      expect(pdf.text).toMatch(new RegExp(`工作人员 #\\d+：取号数`));
      const household = await dailyPdf(`day=${FIRST}&line=household`);
      expect(household.filename).toBe(`city-daily-report-${FIRST}-household.pdf`);
      expect(household.text).toContain('仅统计：户政业务');
      const issued = halls.reduce((n, h) => n + dayTotal(h, FIRST, { line: 'household' }).issued, 0);
      expect(household.text).toMatch(new RegExp(`取号数：${issued}\\n`));
    }
  });
});
