import type { FigureRow } from './report-figures.js';

/** How a figure is shown: a count, minutes (from ms), or a share (as a percentage). */
export type ColumnUnit = 'count' | 'minutes' | 'share';

export interface ReportColumn {
  id: string;
  unit: ColumnUnit;
  value: (r: FigureRow) => number | null;
}

/**
 * The columns of a report, in the order a supervisor reads them: one list for the screen's table,
 * the CSV and XLSX exports and the printed daily report, so they cannot drift apart. Each id has a
 * label in the screen's catalog (reports.col.<id>) and in the host's export labels.
 */
export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { id: 'issued', unit: 'count', value: (r) => r.issued },
  { id: 'served', unit: 'count', value: (r) => r.served },
  { id: 'waitMean', unit: 'minutes', value: (r) => r.wait.mean },
  { id: 'waitP50', unit: 'minutes', value: (r) => r.wait.p50 },
  { id: 'waitP90', unit: 'minutes', value: (r) => r.wait.p90 },
  { id: 'waitMax', unit: 'minutes', value: (r) => r.wait.max },
  { id: 'serviceMean', unit: 'minutes', value: (r) => r.service.mean },
  { id: 'serviceP90', unit: 'minutes', value: (r) => r.service.p90 },
  { id: 'withinTarget', unit: 'share', value: (r) => r.withinTargetRate },
  { id: 'noShows', unit: 'count', value: (r) => r.noShows },
  { id: 'noShowRate', unit: 'share', value: (r) => r.noShowRate },
  { id: 'transfers', unit: 'count', value: (r) => r.transfers },
  { id: 'recalls', unit: 'count', value: (r) => r.recalls },
  { id: 'paused', unit: 'minutes', value: (r) => r.pausedMs },
  { id: 'accepted', unit: 'count', value: (r) => r.accepted },
  { id: 'deferred', unit: 'count', value: (r) => r.deferred },
  { id: 'refused', unit: 'count', value: (r) => r.refused },
  { id: 'completed', unit: 'count', value: (r) => r.completed },
  { id: 'completionRate', unit: 'share', value: (r) => r.completionRate },
  { id: 'timelyRate', unit: 'share', value: (r) => r.timelyRate },
  { id: 'ratings', unit: 'count', value: (r) => r.ratings },
  { id: 'satisfaction', unit: 'share', value: (r) => r.satisfactionRate },
  { id: 'bad', unit: 'count', value: (r) => r.bad },
  { id: 'badHandled', unit: 'count', value: (r) => r.badHandled },
  { id: 'skipped', unit: 'count', value: (r) => r.skipped },
];

/** A figure as a plain number for a file or a table: minutes to one decimal, shares as percentages to one decimal. */
export function columnNumber(c: ReportColumn, r: FigureRow): number | null {
  const v = c.value(r);
  if (v === null) return null;
  if (c.unit === 'minutes') return Math.round(v / 6_000) / 10;
  if (c.unit === 'share') return Math.round(v * 1000) / 10;
  return v;
}
