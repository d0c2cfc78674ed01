import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_FAMILIES } from '@domain/audit-actions.js';
import type { RequestOf } from '@domain/contract/api.js';
import type { AuditEntry } from '@domain/contract/schemas.js';
import { hallInstant } from '@domain/service-day.js';
import { callApi } from '../../api/client.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useRunner } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { formatDateTime } from '../../i18n/format.js';
import { hallTimeZone } from '../../i18n/hall-zone.js';
import { materialName, pick, serviceOf } from '../../components/cases/case-text.js';
import { actionText, actorText, csvField, detailText, targetText, type DetailLookups } from './audit-text.js';

type Filter = NonNullable<RequestOf<'listAudit'>['query']>;
const PAGE = 50;
/** An export stops here: a year of a busy hall is for the city's reports, not one download. */
const EXPORT_MAX_PAGES = 40;

/** The audit log: filtered by who, what and when, newest first a page at a time, exported as CSV,
 * with the verdict of its hash chain. Actions, actors and targets are told in words. */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState({ staffNo: '', family: '', from: '', to: '' });
  const [filter, setFilter] = useState<Filter>({});
  // The `before` of each page read so far: the last one is shown, going back drops it.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const before = pages[pages.length - 1];
  const audit = useQuery('listAudit', { query: { ...filter, limit: PAGE, ...(before !== undefined ? { before } : {}) } });
  const terminals = useQuery('listTerminals');
  const exporter = useRunner<'export'>();
  const names = new Map((terminals.data?.terminals ?? []).map((x) => [x.id, x.name]));
  const terminalName = (n: number) => names.get(n) ?? `#${n}`;
  const exists = (key: string) => i18n.exists(key);
  const catalog = useQuery('catalog').data ?? null;
  const lookups: DetailLookups = {
    service: (code) => {
      const s = serviceOf(catalog, code);
      return s ? pick(s.name, i18n.language) : null;
    },
    material: (service, code) => (service ? materialName(serviceOf(catalog, service), code, i18n.language) : null),
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    // Hall dates, both included: from the first's midnight to the midnight after the last.
    const dayStart = (d: string) => (d ? hallInstant(d, '00:00', hallTimeZone()) : null);
    const from = dayStart(form.from);
    const last = dayStart(form.to);
    setFilter({
      ...(form.staffNo.trim() ? { actor: `staff:${form.staffNo.trim().toUpperCase()}` } : {}),
      ...(form.family ? { action: form.family } : {}),
      ...(from !== null ? { from } : {}),
      ...(last !== null ? { to: last + 86_400_000 } : {}),
    });
    setPages([undefined]);
  };

  const row = (e: AuditEntry) => [
    formatDateTime(e.at, i18n.language),
    actorText(e.actor, t, terminalName),
    actionText(e.action, t, exists),
    targetText(e.target, t, terminalName),
    detailText(e.detail, t, lookups),
  ];

  const exportCsv = () =>
    void exporter.run('export', async () => {
      const lines = [[t('admin.audit.at'), t('admin.audit.actor'), t('admin.audit.action'), t('admin.audit.target'), t('admin.audit.detail')]];
      let next: number | undefined;
      for (let i = 0; i < EXPORT_MAX_PAGES; i++) {
        const page = await callApi('listAudit', { query: { ...filter, limit: 500, ...(next !== undefined ? { before: next } : {}) } });
        lines.push(...page.entries.map(row));
        if (page.next === null) break;
        next = page.next;
      }
      // With a byte-order mark, spreadsheet programs read the Chinese as UTF-8.
      const csv = '\ufeff' + lines.map((l) => l.map(csvField).join(',')).join('\r\n');
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    });

  const entries = audit.data?.entries;
  return (
    <Panel
      title={t('admin.audit.title')}
      error={(exporter.error ?? audit.error)?.key}
      onDismissError={exporter.clearError}
      onRefresh={audit.refetch}
      actions={
        audit.data ? (
          <span className={audit.data.chainIntact ? 'badge badge--ok' : 'badge badge--off'} data-testid="audit-chain">
            {t(audit.data.chainIntact ? 'admin.audit.intact' : 'admin.audit.broken')}
          </span>
        ) : null
      }
    >
      <form className="admin-form audit-filter" onSubmit={apply} aria-label={t('admin.audit.filter')}>
        <div className="admin-form__grid">
          <div className="form-field">
            <label className="field-label" htmlFor={`${id}-who`}>
              {t('admin.audit.byStaff')}
            </label>
            <input id={`${id}-who`} value={form.staffNo} maxLength={20} onChange={(e) => setForm({ ...form, staffNo: e.target.value })} />
          </div>
          <div className="form-field">
            <label className="field-label" htmlFor={`${id}-what`}>
              {t('admin.audit.byAction')}
            </label>
            <select id={`${id}-what`} value={form.family} onChange={(e) => setForm({ ...form, family: e.target.value })}>
              <option value="">{t('admin.audit.allActions')}</option>
              {AUDIT_FAMILIES.map((f) => (
                <option key={f} value={f}>
                  {t(`audit.family.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label className="field-label" htmlFor={`${id}-from`}>
              {t('admin.audit.from')}
            </label>
            <input id={`${id}-from`} type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          </div>
          <div className="form-field">
            <label className="field-label" htmlFor={`${id}-to`}>
              {t('admin.audit.to')}
            </label>
            <input id={`${id}-to`} type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          </div>
        </div>
        <div className="admin-form__actions">
          <button type="submit" className="btn btn--primary">
            {t('admin.audit.apply')}
          </button>
          <button type="button" className="btn" onClick={exportCsv} disabled={exporter.busy !== null}>
            {exporter.busy ? t('admin.audit.exporting') : t('admin.audit.export')}
          </button>
        </div>
      </form>
      <DataTable<AuditEntry>
        rows={entries}
        failed={audit.error !== null}
        rowKey={(e) => e.id}
        empty={t('admin.audit.none')}
        label={t('admin.audit.tableLabel', { n: entries?.length ?? 0 })}
        columns={[
          { header: t('admin.audit.at'), cell: (e) => row(e)[0] },
          { header: t('admin.audit.actor'), cell: (e) => row(e)[1] },
          { header: t('admin.audit.action'), cell: (e) => row(e)[2] },
          { header: t('admin.audit.target'), cell: (e) => row(e)[3] },
          { header: t('admin.audit.detail'), cell: (e) => row(e)[4] },
        ]}
      />
      <div className="admin-form__actions">
        {pages.length > 1 ? (
          <button type="button" className="btn" onClick={() => setPages((p) => p.slice(0, -1))}>
            {t('admin.audit.newer')}
          </button>
        ) : null}
        {audit.data?.next != null ? (
          <button type="button" className="btn" onClick={() => setPages((p) => [...p, audit.data?.next ?? undefined])}>
            {t('admin.audit.older')}
          </button>
        ) : null}
      </div>
    </Panel>
  );
}
