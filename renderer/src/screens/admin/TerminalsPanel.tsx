import { useTranslation } from 'react-i18next';
import type { TerminalOverview } from '@domain/contract/terminals-api.js';
import { ConfirmButton } from '../../components/panel/ConfirmButton.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { formatDateTime } from '../../i18n/format.js';

/** Whether the terminal is there: its screens and, where it runs one, its agent (devices, printer). */
function presenceKey(term: TerminalOverview): { key: string; ok: boolean } {
  if (term.revoked) return { key: 'admin.terminals.revoked', ok: false };
  const { screens, agent } = term.presence;
  if (agent === 'offline') return { key: screens > 0 ? 'admin.terminals.agentOffline' : 'admin.terminals.offline', ok: false };
  if (agent === 'online' || screens > 0) return { key: 'admin.terminals.online', ok: true };
  return { key: 'admin.terminals.offline', ok: false };
}

/**
 * The hall's machines: each terminal with its role, whether it is there now (pushed as it
 * changes), the machine and agent version its agent reported, the devices it owns and the
 * printer its papers go to, and when it was last heard from.
 */
export function TerminalsPanel() {
  const { t, i18n } = useTranslation();
  const terminals = useQuery('listTerminals', {}, { refetchOn: ['terminal.presence', 'device.status', 'printer.status'] });
  const revoke = useCommand('revokeTerminal', { invalidates: ['listTerminals'] });
  const at = (ms: number) => formatDateTime(ms, i18n.language);
  return (
    <Panel
      title={t('admin.terminals.title')}
      testId="terminals-panel"
      error={revoke.error?.key ?? terminals.error?.key}
      onDismissError={revoke.clearError}
      onRefresh={terminals.refetch}
    >
      <DataTable<TerminalOverview>
        rows={terminals.data?.terminals}
        failed={terminals.error !== null}
        rowKey={(term) => term.id}
        empty={t('admin.terminals.none')}
        columns={[
          {
            header: t('admin.terminals.name'),
            rowHeader: true,
            cell: (term) => (
              <>
                {term.name}
                {term.agent ? <span className="terminals-machine">{term.agent.machine}</span> : null}
              </>
            ),
          },
          { header: t('admin.terminals.role'), cell: (term) => t(`screen.${term.role}`) },
          {
            header: t('admin.terminals.status'),
            cell: (term) => {
              const p = presenceKey(term);
              return (
                <>
                  <span className={p.ok ? 'badge badge--ok' : 'badge badge--off'} data-presence={term.revoked ? 'revoked' : term.presence.agent}>
                    {t(p.key)}
                  </span>
                  {term.presence.screens > 0 ? <span className="terminals-detail">{t('admin.terminals.screens', { n: term.presence.screens })}</span> : null}
                </>
              );
            },
          },
          { header: t('admin.terminals.agent'), cell: (term) => term.agent?.version ?? t('admin.terminals.noAgent') },
          {
            header: t('admin.terminals.devices'),
            cell: (term) =>
              term.devices.length === 0 ? (
                t('admin.terminals.noDevices')
              ) : (
                <ul className="terminals-list">
                  {term.devices.map((d) => (
                    <li key={d.id}>
                      {d.name} <span className={d.state === 'connected' ? 'badge badge--ok' : 'badge badge--off'}>{t(`device.state.${d.state}`)}</span>
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            header: t('admin.terminals.printer'),
            cell: (term) =>
              term.printer.description === 'none' ? (
                t('print.kind.none')
              ) : (
                <>
                  <span className="terminals-detail">{term.printer.description}</span>{' '}
                  <span className={term.printer.status === 'ok' ? 'badge badge--ok' : 'badge badge--off'}>{t(`print.status.${term.printer.status}`)}</span>
                </>
              ),
          },
          {
            header: t('admin.terminals.lastSeen'),
            cell: (term) => (term.presence.lastContactAt === null ? t('admin.terminals.never') : at(term.presence.lastContactAt)),
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
