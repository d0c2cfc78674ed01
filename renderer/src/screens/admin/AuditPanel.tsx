import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@domain/contract/schemas.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useQuery } from '../../data/use-query.js';
import { formatDateTime } from '../../i18n/format.js';

/** The latest audit entries and whether the host could verify the whole hash chain behind them. */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const audit = useQuery('listAudit', { query: { limit: 100 } });
  const entries = audit.data?.entries;
  return (
    <Panel
      title={t('admin.audit.title')}
      error={audit.error?.key}
      onRefresh={audit.refetch}
      actions={
        <>
          {audit.data ? (
            <span className={audit.data.chainIntact ? 'badge badge--ok' : 'badge badge--off'} data-testid="audit-chain">
              {t(audit.data.chainIntact ? 'admin.audit.intact' : 'admin.audit.broken')}
            </span>
          ) : null}
        </>
      }
    >
      <DataTable<AuditEntry>
        rows={entries}
        failed={audit.error !== null}
        rowKey={(e) => e.id}
        empty={t('admin.audit.none')}
        label={t('admin.audit.tableLabel', { n: entries?.length ?? 0 })}
        columns={[
          { header: t('admin.audit.at'), cell: (e) => formatDateTime(e.at, i18n.language) },
          { header: t('admin.audit.actor'), cell: (e) => e.actor },
          { header: t('admin.audit.action'), cell: (e) => e.action, className: 'mono' },
          { header: t('admin.audit.target'), cell: (e) => e.target },
          { header: t('admin.audit.detail'), cell: (e) => e.detail },
        ]}
      />
    </Panel>
  );
}
