import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_LINES } from '@domain/business-lines.js';
import type { FigureRowView, ReportQuery } from '@domain/contract/reports-api.js';
import { REPORT_COLUMNS } from '@domain/reports/report-columns.js';
import { REPORT_GROUPINGS, type ReportGrouping } from '@domain/reports/report-figures.js';
import { plusDays } from '@domain/calendar/working-days.js';
import { serviceDay } from '@domain/service-day.js';
import { callApi } from '../../../api/client.js';
import { DataTable } from '../../../components/panel/DataTable.js';
import { Panel } from '../../../components/panel/Panel.js';
import { useRunner } from '../../../data/use-command.js';
import { useQuery } from '../../../data/use-query.js';
import { hallTimeZone } from '../../../i18n/hall-zone.js';
import { DailyReportActions } from './DailyReportActions.js';
import { ReportCharts } from './ReportCharts.js';
import { cellText, columnHeader, keyText } from './report-format.js';
import { saveFile } from './save-file.js';
import './reports.css';

interface Form {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  line: string;
  window: string;
  staff: string;
}

/** The reports section: a range of days, a grouping and filters; the figures as a table, three
 * charts, CSV and Excel exports, and the A4 daily report. Supervisors and administrators only. */
export function ReportsPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  // The hall's today when the section opens: the default range is the week up to it.
  const [today] = useState(() => serviceDay(Date.now(), hallTimeZone()));
  const [form, setForm] = useState<Form>(() => ({ from: plusDays(today, -6), to: today, groupBy: 'day', line: '', window: '', staff: '' }));
  const [query, setQuery] = useState<ReportQuery>(() => toQuery(form));
  const report = useQuery('reportFigures', { query });
  const catalog = useQuery('catalog');
  const exporter = useRunner<'csv' | 'xlsx'>();
  const data = report.data;

  const names = useMemo(() => {
    const services = new Map((catalog.data?.services ?? []).map((s) => [s.code, s.name] as const));
    const lang = (i18n.language === 'mn' || i18n.language === 'en' ? i18n.language : 'zh-CN') as 'zh-CN' | 'mn' | 'en';
    return {
      staff: new Map((data?.staff ?? []).map((s) => [s.id, `${s.staffNo} ${s.name}`])),
      service: (code: string) => services.get(code)?.[lang] ?? code,
    };
  }, [catalog.data, data?.staff, i18n.language]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setQuery(toQuery(form));
  };
  const exportAs = (format: 'csv' | 'xlsx') =>
    void exporter.run(format, async () =>
      saveFile(await callApi('reportExport', { query: { ...query, format, lang: i18n.language as 'zh-CN' | 'mn' | 'en' } })),
    );

  const field = (name: keyof Form, label: string, input: React.ReactNode) => (
    <div className="form-field">
      <label className="field-label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {input}
    </div>
  );
  const set = (name: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });
  const rows = data ? (data.groupBy === 'total' ? [data.total] : [...data.rows, data.total]) : undefined;
  const by = data?.groupBy ?? 'total';

  return (
    <>
      <Panel title={t('admin.nav.reports')} error={(exporter.error ?? report.error)?.key} onDismissError={exporter.clearError} onRefresh={report.refetch}>
        <form className="admin-form report-filter" onSubmit={apply} aria-label={t('reports.filter')}>
          <div className="admin-form__grid">
            {field('from', t('reports.from'), <input id={`${id}-from`} type="date" required value={form.from} onChange={set('from')} />)}
            {field('to', t('reports.to'), <input id={`${id}-to`} type="date" required value={form.to} onChange={set('to')} />)}
            {field(
              'groupBy',
              t('reports.groupBy'),
              <select id={`${id}-groupBy`} value={form.groupBy} onChange={set('groupBy')}>
                {REPORT_GROUPINGS.map((g) => (
                  <option key={g} value={g}>
                    {t(`reports.group.${g}`)}
                  </option>
                ))}
              </select>,
            )}
            {field(
              'line',
              t('reports.line'),
              <select id={`${id}-line`} value={form.line} onChange={set('line')}>
                <option value="">{t('admin.audit.allActions')}</option>
                {BUSINESS_LINES.map((l) => (
                  <option key={l} value={l}>
                    {t(`line.${l}`)}
                  </option>
                ))}
              </select>,
            )}
            {field('window', t('reports.window'), <input id={`${id}-window`} type="number" min={1} max={999} value={form.window} onChange={set('window')} />)}
            {field(
              'staff',
              t('reports.staff'),
              <select id={`${id}-staff`} value={form.staff} onChange={set('staff')}>
                <option value="">{t('admin.audit.allActions')}</option>
                {(data?.staff ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.staffNo} {s.name}
                  </option>
                ))}
              </select>,
            )}
          </div>
          <div className="admin-form__actions">
            <button type="submit" className="btn btn--primary">
              {t('reports.apply')}
            </button>
            <button type="button" className="btn" onClick={() => exportAs('csv')} disabled={exporter.busy !== null || !data}>
              {exporter.busy === 'csv' ? t('admin.audit.exporting') : t('admin.audit.export')}
            </button>
            <button type="button" className="btn" onClick={() => exportAs('xlsx')} disabled={exporter.busy !== null || !data}>
              {exporter.busy === 'xlsx' ? t('admin.audit.exporting') : t('reports.export.xlsx')}
            </button>
          </div>
        </form>
        {data ? <p className="muted">{t('reports.target', { n: data.targetWaitMinutes })}</p> : null}
        <DataTable<FigureRowView>
          rows={rows}
          failed={report.error !== null}
          rowKey={(r) => (r === data?.total ? 'total' : String(r.key))}
          empty={t('reports.empty')}
          label={t('reports.tableLabel', { n: rows?.length ?? 0 })}
          columns={[
            {
              header: t(`reports.group.${by}`),
              rowHeader: true,
              cell: (r) => (r === data?.total ? t('reports.group.total') : keyText(by, r.key, t, i18n.language, names)),
            },
            ...REPORT_COLUMNS.map((c) => ({ header: columnHeader(c, t), cell: (r: FigureRowView) => cellText(c, r), className: 'num' })),
          ]}
        />
        {data && data.charts.daily.length > 0 ? <ReportCharts data={data.charts} /> : null}
      </Panel>
      <DailyReportActions today={today} />
    </>
  );
}

function toQuery(f: Form): ReportQuery {
  return {
    from: f.from,
    to: f.to < f.from ? f.from : f.to,
    groupBy: f.groupBy,
    ...(f.line ? { line: f.line as ReportQuery['line'] } : {}),
    ...(f.window && Number(f.window) > 0 ? { window: Number(f.window) } : {}),
    ...(f.staff ? { staff: Number(f.staff) } : {}),
  };
}
