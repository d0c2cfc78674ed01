import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './case-list.css';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import type { CaseSummary } from '@domain/contract/cases-api.js';
import { DataTable, type Column } from '../panel/DataTable.js';
import { useQuery } from '../../data/use-query.js';
import { formatDay } from '../../i18n/format.js';
import { pick, serviceOf } from './case-text.js';

/**
 * Cases as a table: number, service, applicant (masked), status, deadline with its urgency, who
 * owns it, and an action (open, or what the screen offers). Shared by the clerk's lists and the
 * supervisor's.
 */
export function CaseList({
  cases,
  failed = false,
  empty,
  label,
  onOpen,
  action,
  catalog,
}: {
  cases: readonly CaseSummary[] | undefined;
  /** The read failed: the panel's alert says so; no "loading" forever. */
  failed?: boolean;
  empty: string;
  label: string;
  onOpen?: (caseNumber: string) => void;
  action?: (c: CaseSummary) => ReactNode;
  catalog?: Catalog | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const read = useQuery('catalog', catalog === undefined ? {} : null);
  const cat = catalog ?? read.data ?? null;
  const columns: Column<CaseSummary>[] = [
    { header: t('clerk.application.caseNumber'), cell: (c) => c.caseNumber, rowHeader: true, className: 'case-list__number' },
    {
      header: t('cases.list.service'),
      cell: (c) => {
        const s = serviceOf(cat, c.serviceCode);
        return s ? pick(s.name, lang) : c.serviceCode;
      },
    },
    { header: t('cases.list.applicant'), cell: (c) => c.applicant || '—' },
    { header: t('cases.list.status'), cell: (c) => t(`application.status.${c.status}`) },
    {
      header: t('cases.list.deadline'),
      cell: (c) =>
        c.deadline ? (
          <>
            {t(c.deadline.kind === 'supplement' ? 'cases.list.supplementBy' : 'cases.list.promisedBy', { date: formatDay(c.deadline.date, lang) })}
            {c.urgency ? <span className={`case-urgency case-urgency--${c.urgency}`}> {t(`cases.urgency.${c.urgency}`)}</span> : null}
          </>
        ) : (
          '—'
        ),
    },
    { header: t('cases.list.owner'), cell: (c) => (c.owner ? t('cases.staff', { name: c.owner.name, staffNo: c.owner.staffNo }) : '—') },
    {
      header: t('cases.list.action'),
      cell: (c) =>
        action ? (
          action(c)
        ) : onOpen ? (
          <button type="button" className="btn" aria-label={t('cases.list.openCase', { case: c.caseNumber })} onClick={() => onOpen(c.caseNumber)}>
            {t('cases.list.open')}
          </button>
        ) : null,
    },
  ];
  return <DataTable rows={cases} failed={failed} columns={columns} rowKey={(c) => c.caseNumber} empty={empty} label={label} />;
}
