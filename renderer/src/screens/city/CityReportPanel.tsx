import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY_PATHS, ReportSchema, type HallDayReport } from '@domain/city/city-api.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCityQuery } from '../../data/use-city.js';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const COLUMNS = ['hallId', 'day', 'issued', 'finished', 'noShow', 'averageWaitSeconds', 'ratings', 'satisfied', 'dissatisfied'] as const;

/** The rows as CSV (RFC 4180), with a BOM so that spreadsheet programs read the Chinese headers. */
function toCsv(rows: readonly HallDayReport[], headers: readonly string[]): string {
  const cell = (v: unknown) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[headers.map(cell).join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}

/** Per hall and day, from the city's own tables: a hall filter, a date range and a CSV export. */
export function CityReportPanel({ halls }: { halls: readonly string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState(() => isoDay(Date.now() - 7 * 86_400_000));
  const [to, setTo] = useState(() => isoDay(Date.now() + 86_400_000));
  const [hall, setHall] = useState('');
  const query = new URLSearchParams({ from, to, ...(hall ? { hall } : {}) });
  const report = useCityQuery(`${CITY_PATHS.report}?${query.toString()}`, ReportSchema);
  const headers = COLUMNS.map((c) => t(`city.report.${c}`));
  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([toCsv(report.data?.rows ?? [], headers)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `city-report-${from}-${to}${hall ? `-${hall}` : ''}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Panel title={t('city.report.title')} error={report.errorKey}>
      <div className="admin-form city-report__filters">
        <label htmlFor={`${id}-hall`}>{t('city.report.hall')}</label>
        <select id={`${id}-hall`} value={hall} onChange={(e) => setHall(e.target.value)}>
          <option value="">{t('city.report.allHalls')}</option>
          {halls.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-from`}>{t('city.report.from')}</label>
        <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor={`${id}-to`}>{t('city.report.to')}</label>
        <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="button" className="btn" onClick={exportCsv} disabled={!report.data}>
          {t('city.report.exportCsv')}
        </button>
      </div>
      <DataTable
        rows={report.data?.rows}
        failed={report.errorKey !== null}
        rowKey={(r) => `${r.hallId} ${r.day}`}
        empty={t('city.report.none')}
        label={t('city.report.table')}
        columns={COLUMNS.map((c, i) => ({
          header: headers[i] ?? c,
          cell: (r: HallDayReport) => (r[c] === null ? '—' : String(r[c])),
          ...(i === 0 ? { rowHeader: true } : {}),
        }))}
      />
    </Panel>
  );
}
