import type { TFunction } from 'i18next';
import type { FigureRowView } from '@domain/contract/reports-api.js';
import { columnNumber, type ReportColumn } from '@domain/reports/report-columns.js';
import type { FigureRow, ReportGrouping } from '@domain/reports/report-figures.js';
import { formatDay } from '../../../i18n/format.js';

/** A figure for the table: minutes and percentages to one decimal, a dash where there is nothing to divide. */
export function cellText(c: ReportColumn, r: FigureRowView): string {
  const v = columnNumber(c, r as FigureRow);
  if (v === null) return '—';
  if (c.unit === 'minutes') return v.toFixed(1);
  if (c.unit === 'share') return `${v.toFixed(1)}%`;
  return String(v);
}

export function columnHeader(c: ReportColumn, t: TFunction): string {
  const unit = c.unit === 'minutes' ? t('admin.settings.unit.minutes') : c.unit === 'share' ? t('reports.unit.percent') : null;
  return unit ? `${t(`reports.col.${c.id}`)} (${unit})` : t(`reports.col.${c.id}`);
}

const two = (n: number) => String(n).padStart(2, '0');

/** What a row's key means in words: a day, a line, a window, a clerk, an hour, a service. */
export function keyText(
  by: ReportGrouping,
  key: FigureRowView['key'],
  t: TFunction,
  language: string,
  names: { staff: Map<number, string>; service: (code: string) => string },
): string {
  if (key === null) return t('reports.none');
  switch (by) {
    case 'total':
      return t('reports.group.total');
    case 'day':
      return formatDay(String(key), language);
    case 'line':
      return t(`line.${String(key)}`);
    case 'window':
      return t('reports.windowN', { n: key });
    case 'hour':
      return t('reports.hourN', { h: two(Number(key)), next: two(Number(key) + 1) });
    case 'staff':
      return names.staff.get(Number(key)) ?? `#${key}`;
    case 'service':
      return names.service(String(key));
  }
}
