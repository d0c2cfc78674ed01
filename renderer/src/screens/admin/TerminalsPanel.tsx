import { useTranslation } from 'react-i18next';
import type { Terminal } from '@domain/contract/schemas.js';
import { ConfirmButton } from '../../components/panel/ConfirmButton.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { formatDateTime } from '../../i18n/format.js';

export function TerminalsPanel() {
  const { t, i18n } = useTranslation();
  const terminals = useQuery('listTerminals');
  const revoke = useCommand('revokeTerminal', { invalidates: ['listTerminals'] });
  const at = (ms: number) => formatDateTime(ms, i18n.language);
  return (
    <Panel
      title={t('admin.terminals.title')}
      error={revoke.error?.key ?? terminals.error?.key}
      onDismissError={revoke.clearError}
      onRefresh={terminals.refetch}
    >
      <DataTable<Terminal>
        rows={terminals.data?.terminals}
        failed={terminals.error !== null}
        rowKey={(term) => term.id}
        empty={t('admin.terminals.none')}
        columns={[
          { header: t('admin.terminals.name'), rowHeader: true, cell: (term) => term.name },
          { header: t('admin.terminals.role'), cell: (term) => t(`screen.${term.role}`) },
          { header: t('admin.terminals.pairedAt'), cell: (term) => at(term.pairedAt) },
          { header: t('admin.terminals.lastSeen'), cell: (term) => (term.lastSeenAt === null ? t('admin.terminals.never') : at(term.lastSeenAt)) },
          {
            header: t('admin.terminals.status'),
            cell: (term) => (
              <span className={term.revoked ? 'badge badge--off' : 'badge badge--ok'}>
                {t(term.revoked ? 'admin.terminals.revoked' : 'admin.terminals.active')}
              </span>
            ),
          },
          {
            header: t('admin.terminals.actions'),
            cell: (term) =>
              term.revoked ? null : (
                <ConfirmButton
                  label={t('admin.terminals.revoke')}
                  question={t('admin.terminals.confirmQuestion', { name: term.name })}
                  confirm={t('admin.terminals.confirmRevoke')}
                  busy={revoke.busy}
                  onConfirm={() => revoke.run({ params: { id: term.id } })}
                />
              ),
          },
        ]}
      />
    </Panel>
  );
}
