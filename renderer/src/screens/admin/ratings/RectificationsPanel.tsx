import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rectification } from '@domain/contract/ratings-api.js';
import { levelCode } from '@domain/ratings/rating-levels.js';
import { AlertRegion } from '../../../components/AlertRegion.js';
import { DataTable, type Column } from '../../../components/panel/DataTable.js';
import { Panel } from '../../../components/panel/Panel.js';
import { useQuery } from '../../../data/use-query.js';
import { formatDay } from '../../../i18n/format.js';
import { RectificationDetail } from './RectificationDetail.js';
import './ratings.css';

const FILTERS = ['open', 'overdue', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * 差评 handling for supervisors: every 差评's item, soonest due first, overdue ones flagged (and
 * counted in an alert); one item opens below the list to be assigned and handled.
 */
export function RectificationsPanel() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery('rectifications', { query: { filter } }, { refetchOn: ['rectification.changed'] });
  const columns: Column<Rectification>[] = [
    { header: t('ratings.col.due'), cell: (r) => formatDay(r.dueDay, i18n.language), rowHeader: true },
    {
      header: t('ratings.col.status'),
      cell: (r) => (
        <>
          {t(`ratings.status.${r.status}`)}
          {r.overdue ? <strong className="rect-overdue"> {t('ratings.overdue')}</strong> : null}
        </>
      ),
    },
    { header: t('ratings.col.level'), cell: (r) => t(`ratings.level.${levelCode(r.rating.level) ?? 'dissatisfied'}`) },
    { header: t('ratings.col.reasons'), cell: (r) => r.rating.reasons.map((c) => t(`ratings.reason.${c}`)).join(t('common.listSeparator')) },
    {
      header: t('ratings.col.where'),
      cell: (r) => t('ratings.where', { window: r.rating.windowNumber ?? '—', ticket: r.rating.ticketNumber, clerk: r.rating.clerk ?? '—' }),
    },
    { header: t('ratings.col.assignee'), cell: (r) => r.assignee?.name ?? t('ratings.unassigned') },
    {
      header: t('ratings.col.actions'),
      cell: (r) => (
        <button type="button" className="btn" aria-expanded={openId === r.id} onClick={() => setOpenId(openId === r.id ? null : r.id)}>
          {t('ratings.handle', { ticket: r.rating.ticketNumber })}
        </button>
      ),
    },
  ];
  const overdue = list.data?.overdue ?? 0;
  return (
    <Panel title={t('ratings.title')} error={list.error?.key ?? null} onRefresh={list.refetch} className="rectifications">
      <p className="muted">{t('ratings.lead')}</p>
      <AlertRegion messageKey={overdue > 0 ? 'ratings.overdueAlert' : null} />
      {overdue > 0 ? <p className="rect-overdue-count">{t('ratings.overdueCount', { n: overdue })}</p> : null}
      <div className="rect-filters" role="group" aria-label={t('ratings.filter')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" className="btn" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`ratings.filters.${f}`)}
          </button>
        ))}
      </div>
      <DataTable
        rows={list.data?.items}
        failed={list.error !== null}
        columns={columns}
        rowKey={(r) => r.id}
        empty={t('ratings.none')}
        label={t('ratings.table')}
      />
      {openId !== null ? <RectificationDetail key={openId} id={openId} onClose={() => setOpenId(null)} /> : null}
    </Panel>
  );
}
