import { afterEach, describe, expect, it } from 'vitest';
import { reportRows } from '../../db/report-rows.js';
import { plusDays } from '../../electron/domain/calendar/working-days.js';
import { hallHour } from '../../electron/domain/reports/hall-hour.js';
import { decodeCell, encodeCell } from '../../electron/domain/reports/report-cell-codec.js';
import { cellsOf, chartDataFromCells, emptyCounts, groupCells, type ReportCell } from '../../electron/domain/reports/report-cells.js';
import { chartData } from '../../electron/domain/reports/report-charts.js';
import { FACT_KINDS, type Fact } from '../../electron/domain/reports/report-facts.js';
import { selectRank } from '../../electron/domain/reports/stats.js';
import { groupFacts, reportFacts, REPORT_GROUPINGS, type ReportFilter } from '../../electron/domain/reports/report-figures.js';
import { D1, D2, knownDays, TARGET_MIN } from '../support/report-known-days.js';
import { ZONE } from '../support/report-fixture.js';
import { monthOfEvents } from '../support/report-month.js';
import { referenceGroup, referenceWaitCells } from '../support/report-reference.js';
import { seededRandom } from '../../scripts/lib/seeded-random.js';

/**
 * Cells (report-cells.ts) are the facts folded per (day, hour, line, service, window, staff). A
 * report from cells, from cells stored as bytes and read back, or from days' cells made apart must
 * be exactly the report of the facts themselves, folded fact by fact (the oracle in
 * tests/support/report-reference.ts): same counts, means, nearest-rank percentiles and target share.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const MIN = 60_000;

const stored = (cells: readonly ReportCell[]) => cells.map((c) => decodeCell(c.dims, encodeCell(c)));

function filtersOf(facts: readonly Fact[]): ReportFilter[] {
  const first = <T>(pick: (f: Fact) => T | null) => facts.map(pick).find((v): v is T => v !== null);
  const line = first((f) => f.dims.line);
  const service = first((f) => f.dims.service);
  const window = first((f) => f.dims.window);
  const staff = first((f) => f.dims.staff);
  return [
    {},
    ...(line ? [{ line }] : []),
    ...(service ? [{ service }] : []),
    ...(window ? [{ window }] : []),
    ...(staff ? [{ staff }] : []),
    ...(line && staff ? [{ line, staff }] : []),
    { line: 'no such line' },
  ];
}

/** Every grouping, filter and a few target waits: cells (fresh and stored) against the oracle. */
function expectSameReports(facts: readonly Fact[], cellSets: readonly (readonly ReportCell[])[]): void {
  for (const targetWaitMs of [0, 5 * MIN, 15 * MIN, 30 * MIN]) {
    for (const filter of filtersOf(facts)) {
      for (const groupBy of REPORT_GROUPINGS) {
        const o = { groupBy, filter, targetWaitMs };
        const expected = referenceGroup(facts, o);
        expect(groupFacts(facts, o)).toEqual(expected);
        for (const cells of cellSets) expect(groupCells(cells, o)).toEqual(expected);
      }
      const charts = chartData(facts, filter, targetWaitMs);
      expect(charts.waitCells).toEqual(referenceWaitCells(facts, charts.days, filter));
      expect(charts.daily.map((d) => d.day)).toEqual(referenceGroup(facts, { groupBy: 'day', filter, targetWaitMs }).rows.map((r) => r.key));
      for (const cells of cellSets) expect(chartDataFromCells(cells, filter, targetWaitMs)).toEqual(charts);
    }
  }
}

/** Facts of every kind with dims drawn from small sets (nulls included) and values with ties, zeros and a few negatives and huge ones. */
function randomFacts(n: number, seed: number): Fact[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const facts: Fact[] = [];
  for (let i = 0; i < n; i++) {
    const kind = pick(FACT_KINDS);
    const timed = kind === 'wait' || kind === 'service' || kind === 'pause';
    const r = rnd();
    const value = !timed ? 1 : r < 0.02 ? -1000 : r < 0.04 ? 2 ** 40 + i : r < 0.3 ? 15 * MIN : Math.floor(rnd() * 40) * 30_000;
    facts.push({
      kind,
      value,
      dims: {
        day: plusDays('2026-11-01', Math.floor(rnd() * 30)),
        hour: 8 + Math.floor(rnd() * 10),
        line: pick(['household', 'traffic', null]),
        service: pick(['hukou_transfer', 'vehicle_transfer', null]),
        window: pick([1, 2, 3, null]),
        staff: pick([7, 8, null]),
      },
    });
  }
  return facts;
}

describe('report cells', () => {
  it('fold the hand-built days exactly as the facts do', () => {
    const k = knownDays();
    cleanups.push(k.close);
    const rows = reportRows(k.db, ZONE);
    const hourOf = hallHour(ZONE);
    const facts = reportFacts(rows.read('2026-11-20', D2), hourOf);
    const byDay = [D1, D2, '2026-11-20'].flatMap((d) => cellsOf(reportFacts(rows.read(d, d), hourOf)));
    expectSameReports(facts, [cellsOf(facts), stored(cellsOf(facts)), byDay]);
    // The hand-worked figures of report-figures.test.ts, from stored cells.
    const total = groupCells(stored(cellsOf(reportFacts(rows.read(D1, D1), hourOf))), { groupBy: 'total', filter: {}, targetWaitMs: TARGET_MIN * MIN }).total;
    expect([total.wait.mean, total.wait.p50, total.wait.p90, total.withinTarget]).toEqual([(121 / 6) * MIN, 15 * MIN, 44 * MIN, 3]);
  });

  it('fold a seeded month of a small hall exactly, at once or day by day', () => {
    const m = monthOfEvents('2026-11-01', 30, 24);
    cleanups.push(m.close);
    const rows = reportRows(m.db, ZONE);
    const hourOf = hallHour(ZONE);
    const facts = reportFacts(rows.read('2026-11-01', m.lastDay), hourOf);
    const byDay = Array.from({ length: 30 }, (_, d) => plusDays('2026-11-01', d)).flatMap((d) => stored(cellsOf(reportFacts(rows.read(d, d), hourOf))));
    expectSameReports(facts, [cellsOf(facts), byDay]);
  });

  it('fold random facts exactly, whatever the order or the cut into cells', () => {
    const facts = randomFacts(4000, 7);
    const cells = cellsOf(facts);
    // Cut the same facts into two halves folded apart: cells of the same dims twice must still add up.
    const halves = [...cellsOf(facts.slice(0, 2000)), ...stored(cellsOf(facts.slice(2000)))];
    expectSameReports(facts, [cells, stored(cells), [...cells].reverse(), halves]);
  });

  it('select a rank as a sort would place it, whatever the values (ties, runs, adversarial shapes)', () => {
    const rnd = seededRandom(11);
    const shapes: ((i: number, n: number) => number)[] = [
      () => Math.floor(rnd() * 5),
      () => Math.floor(rnd() * 1e7),
      (i) => i,
      (i, n) => n - i,
      (i, n) => (i < n / 2 ? i : n - i),
      () => 42,
      (i) => (i % 50) * 1000,
    ];
    for (const shape of shapes) {
      for (const n of [1, 2, 3, 10, 101, 5000]) {
        const values = Float64Array.from({ length: n }, (_, i) => shape(i, n));
        const sorted = values.slice().sort();
        for (const k of [0, n >> 1, Math.ceil(0.9 * n) - 1, n - 1]) {
          const a = values.slice();
          selectRank(a, k);
          expect(a[k]).toBe(sorted[k]);
        }
      }
    }
  });

  it('store a cell as compact bytes and read it back whole', () => {
    const cell: ReportCell = {
      dims: { day: D1, hour: 9, line: 'household', service: null, window: 1, staff: 7 },
      counts: { issued: 3, pause: 1_800_000, badHandled: 1 },
      waits: [-5, 0, 0, 600_000, 900_000, 2 ** 45],
      services: [],
    };
    const bytes = encodeCell(cell);
    // Read back with every kind present, absent ones as 0 (one object shape for the fold).
    expect(decodeCell(cell.dims, bytes)).toEqual({ ...cell, counts: { ...emptyCounts(), ...cell.counts } });
    // A busy cell's waits: a few bytes each, not eight.
    const waits = Array.from({ length: 200 }, (_, i) => 60_000 + i * 3_000);
    expect(encodeCell({ ...cell, waits }).length).toBeLessThan(200 * 3 + 40);
    expect(() => decodeCell(cell.dims, Uint8Array.of(99))).toThrow(/format/);
    expect(() => encodeCell({ ...cell, waits: [1.5] })).toThrow(RangeError);
  });
});
