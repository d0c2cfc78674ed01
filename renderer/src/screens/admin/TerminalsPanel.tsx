import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Terminal } from '@domain/contract/schemas.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { formatDateTime } from '../../i18n/format.js';

export function TerminalsPanel({ version, onRefresh }: { version: number; onRefresh: () => void }) {
  const { t, i18n } = useTranslation();
  const [terminals, setTerminals] = useState<Terminal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [revoking, setRevoking] = useState<number | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    callApi('listTerminals', { signal: ctl.signal })
      .then((r) => setTerminals(r.terminals))
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(errorKey(e));
      });
    return () => ctl.abort();
  }, [version]);

  const revoke = (id: number) => {
    setRevoking(id);
    setError(null);
    callApi('revokeTerminal', { params: { id } })
      .then(() => {
        setConfirming(null);
        onRefresh();
      })
      .catch((e: unknown) => setError(errorKey(e)))
      .finally(() => setRevoking(null));
  };

  return (
    <section className="panel" aria-labelledby="admin-terminals-h">
      <div className="panel__head">
        <h2 id="admin-terminals-h">{t('admin.terminals.title')}</h2>
        <button type="button" className="btn" onClick={onRefresh}>
          {t('common.refresh')}
        </button>
      </div>
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      {terminals === null ? (
        error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : terminals.length === 0 ? (
        <p>{t('admin.terminals.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.terminals.name')}</th>
              <th scope="col">{t('admin.terminals.role')}</th>
              <th scope="col">{t('admin.terminals.pairedAt')}</th>
              <th scope="col">{t('admin.terminals.lastSeen')}</th>
              <th scope="col">{t('admin.terminals.status')}</th>
              <th scope="col">{t('admin.terminals.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {terminals.map((term) => (
              <tr key={term.id}>
                <th scope="row">{term.name}</th>
                <td>{t(`screen.${term.role}`)}</td>
                <td>{formatDateTime(term.pairedAt, i18n.language)}</td>
                <td>{term.lastSeenAt === null ? t('admin.terminals.never') : formatDateTime(term.lastSeenAt, i18n.language)}</td>
                <td>
                  <span className={term.revoked ? 'badge badge--off' : 'badge badge--ok'}>
                    {t(term.revoked ? 'admin.terminals.revoked' : 'admin.terminals.active')}
                  </span>
                </td>
                <td>
                  {term.revoked ? null : confirming === term.id ? (
                    <div className="confirm" role="group" aria-label={t('admin.terminals.confirmQuestion', { name: term.name })}>
                      <span className="confirm__q">{t('admin.terminals.confirmQuestion', { name: term.name })}</span>
                      <button type="button" className="btn btn--danger" disabled={revoking === term.id} onClick={() => revoke(term.id)}>
                        {t('admin.terminals.confirmRevoke')}
                      </button>
                      <button type="button" className="btn" onClick={() => setConfirming(null)}>
                        {t('common.cancel')}
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="btn" onClick={() => setConfirming(term.id)}>
                      {t('admin.terminals.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
