import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CITY_GROUPINGS,
  CITY_REPORT_PATHS,
  CityReportFileSchema,
  CityReportSchema,
  HALL_ONLY_GROUPINGS,
  type CityGrouping,
} from '@domain/city/city-report-api.js';
import type { FigureRowView } from '@domain/contract/reports-api.js';
import { REPORT_COLUMNS } from '@domain/reports/report-columns.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { cityFile, useCityQuery } from '../../data/use-city.js';
import { cellText, columnHeader, keyText } from '../admin/reports/report-format.js';
import { saveFile } from '../admin/reports/save-file.js';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const NO_NAMES = { staff: new Map<number, string>(), service: (code: string) => code };

/** The hall's figures across halls: a hall filter, a range, a grouping; the table and the hall's CSV and Excel files. */
export function CityReportPanel({ halls }: { halls: readonly { hallId: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState(() => isoDay(Date.now() - 7 * 86_400_000));
  const [to, setTo] = useState(() => isoDay(Date.now() + 86_400_000));
  const [hall, setHall] = useState('');
  const [groupBy, setGroupBy] = useState<CityGrouping>('hall');
  const [exportError, setExportError] = useState<string | null>(null);
  // Window and staff numbers are a hall's own: without a hall chosen they fall back to by hall.
  const by = !hall && HALL_ONLY_GROUPINGS.includes(groupBy) ? 'hall' : groupBy;
  const query = new URLSearchParams({ from, to: to < from ? from : to, groupBy: by, ...(hall ? { hall } : {}) });
  const report = useCityQuery(`${CITY_REPORT_PATHS.figures}?${query.toString()}`, CityReportSchema);
  const data = report.data;
  const names = new Map(halls.map((h) => [h.hallId, h.name]));
  const label = (r: FigureRowView) => {
    if (r === data?.total) return t('reports.group.total');
    if (data?.groupBy === 'hall') return `${names.get(String(r.key)) ?? r.key} (${r.key})`;
    return keyText(data?.groupBy ?? 'total', r.key, t, i18n.language, NO_NAMES);
  };
  const exportAs = (format: 'csv' | 'xlsx') => {
    const lang = i18n.language === 'en' || i18n.language === 'mn' ? i18n.language : 'zh-CN';
    const q = new URLSearchParams({ ...Object.fromEntries(query), format, lang });
    void cityFile(`${CITY_REPORT_PATHS.export}?${q.toString()}`, CityReportFileSchema).then(
      (file) => (file ? saveFile(file) : setExportError('city.error.read')),
      () => setExportError('city.error.network'),
    );
  };
  const rows = data ? (data.groupBy === 'total' ? [data.total] : [...data.rows, data.total]) : undefined;
  return (
    <Panel title={t('city.report.title')} error={exportError ?? report.errorKey} onDismissError={() => setExportError(null)}>
      <div className="admin-form city-report__filters">
        <label htmlFor={`${id}-hall`}>{t('city.report.hall')}</label>
        <select id={`${id}-hall`} value={hall} onChange={(e) => setHall(e.target.value)}>
          <option value="">{t('city.report.allHalls')}</option>
          {halls.map((h) => (
            <option key={h.hallId} value={h.hallId}>
              {h.name} ({h.hallId})
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-from`}>{t('city.report.from')}</label>
        <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor={`${id}-to`}>{t('city.report.to')}</label>
        <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <label htmlFor={`${id}-by`}>{t('city.report.groupBy')}</label>
        <select id={`${id}-by`} value={by} onChange={(e) => setGroupBy(e.target.value as CityGrouping)}>
          {CITY_GROUPINGS.map((g) => (
            <option key={g} value={g} disabled={!hall && HALL_ONLY_GROUPINGS.includes(g)}>
              {g === 'hall' ? t('city.report.group.hall') : t(`reports.group.${g}`)}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => exportAs('csv')} disabled={!data}>
          {t('city.report.exportCsv')}
        </button>
        <button type="button" className="btn" onClick={() => exportAs('xlsx')} disabled={!data}>
          {t('city.report.exportXlsx')}
        </button>
      </div>
      {data?.approximate ? <p className="muted">{t('city.report.approximate')}</p> : null}
      <DataTable<FigureRowView>
        rows={rows}
        failed={report.errorKey !== null}
        rowKey={(r) => (r === data?.total ? 'total' : String(r.key))}
        empty={t('city.report.none')}
        label={t('city.report.table')}
        columns={[
          { header: data?.groupBy === 'hall' ? t('city.report.hall') : t(`reports.group.${data?.groupBy ?? 'total'}`), rowHeader: true, cell: label },
          ...REPORT_COLUMNS.map((c) => ({ header: columnHeader(c, t), cell: (r: FigureRowView) => cellText(c, r), className: 'num' })),
        ]}
      />
    </Panel>
  );
}
