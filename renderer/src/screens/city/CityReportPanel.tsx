import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY_REPORT_PATHS, CityReportFileSchema, CityReportSchema, HALL_ONLY_GROUPINGS } from '@domain/city/city-report-api.js';
import type { FigureRowView } from '@domain/contract/reports-api.js';
import { REPORT_COLUMNS } from '@domain/reports/report-columns.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { cityFile, useCityQuery } from '../../data/use-city.js';
import { cellText, columnHeader, keyText } from '../admin/reports/report-format.js';
import { saveFile } from '../admin/reports/save-file.js';
import { CityReportFilters, type CityReportForm } from './CityReportFilters.js';
import { serviceName } from './service-names.js';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const positive = (v: string) => (/^[1-9][0-9]{0,8}$/.test(v) ? v : null);

/** The hall's figures across halls: a hall and part filter, a range, a grouping; the table, the hall's CSV and Excel files and its A4 daily report. */
export function CityReportPanel({ halls }: { halls: readonly { hallId: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<CityReportForm>(() => ({
    hall: '',
    from: isoDay(Date.now() - 7 * 86_400_000),
    to: isoDay(Date.now() + 86_400_000),
    groupBy: 'hall',
    line: '',
    service: '',
    window: '',
    staff: '',
  }));
  const set = (patch: Partial<CityReportForm>) => setForm((f) => ({ ...f, ...patch }));
  const [exportError, setExportError] = useState<string | null>(null);
  const { hall, from } = form;
  // Window and staff numbers are a hall's own: without a hall chosen they fall back to by hall, and their filters are off.
  const by = !hall && HALL_ONLY_GROUPINGS.includes(form.groupBy) ? 'hall' : form.groupBy;
  const windowNo = hall ? positive(form.window) : null;
  const staffNo = hall ? positive(form.staff) : null;
  const only = {
    ...(hall ? { hall } : {}),
    ...(form.line ? { line: form.line } : {}),
    ...(form.service ? { service: form.service } : {}),
    ...(windowNo ? { window: windowNo } : {}),
    ...(staffNo ? { staff: staffNo } : {}),
  };
  const query = new URLSearchParams({ from, to: form.to < from ? from : form.to, groupBy: by, ...only });
  const report = useCityQuery(`${CITY_REPORT_PATHS.figures}?${query.toString()}`, CityReportSchema);
  const data = report.data;
  const names = new Map(halls.map((h) => [h.hallId, h.name]));
  // Services by the national catalog shipped with the app; staff by the hall's number only (names stay in the hall).
  const keyNames = { staff: new Map<number, string>(), service: (code: string) => serviceName(code, i18n.language) };
  const label = (r: FigureRowView) => {
    if (r === data?.total) return t('reports.group.total');
    if (data?.groupBy === 'hall') return `${names.get(String(r.key)) ?? r.key} (${r.key})`;
    if (data?.groupBy === 'staff' && r.key !== null) return t('city.report.staffN', { n: r.key });
    return keyText(data?.groupBy ?? 'total', r.key, t, i18n.language, keyNames);
  };
  const download = (path: string) =>
    void cityFile(path, CityReportFileSchema).then(
      (file) => (file ? saveFile(file) : setExportError('city.error.read')),
      () => setExportError('city.error.network'),
    );
  const exportAs = (format: 'csv' | 'xlsx') => {
    const lang = i18n.language === 'en' || i18n.language === 'mn' ? i18n.language : 'zh-CN';
    download(`${CITY_REPORT_PATHS.export}?${new URLSearchParams({ ...Object.fromEntries(query), format, lang }).toString()}`);
  };
  // The A4 daily report is of one day: the range's first, as the button says.
  const dailyPdf = () => download(`${CITY_REPORT_PATHS.dailyPdf}?${new URLSearchParams({ day: from, ...only }).toString()}`);
  const rows = data ? (data.groupBy === 'total' ? [data.total] : [...data.rows, data.total]) : undefined;
  return (
    <Panel title={t('city.report.title')} error={exportError ?? report.errorKey} onDismissError={() => setExportError(null)}>
      <div className="admin-form city-report__filters">
        <CityReportFilters id={id} form={{ ...form, groupBy: by }} set={set} halls={halls} />
        <button type="button" className="btn" onClick={() => exportAs('csv')} disabled={!data}>
          {t('city.report.exportCsv')}
        </button>
        <button type="button" className="btn" onClick={() => exportAs('xlsx')} disabled={!data}>
          {t('city.report.exportXlsx')}
        </button>
        <button type="button" className="btn" onClick={dailyPdf} disabled={!data}>
          {t('city.report.dailyPdf', { day: from })}
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
