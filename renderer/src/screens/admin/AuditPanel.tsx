import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@domain/contract/api.js';
import { callApi, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { formatDateTime } from '../../i18n/format.js';
import { useStaffErrorKey } from './staff-session.js';

/** The latest audit entries and whether the host could verify the whole hash chain behind them. */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const toKey = useStaffErrorKey();
  const [audit, setAudit] = useState<ResponseOf<'listAudit'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    callApi('listAudit', { query: { limit: 100 }, signal: ctl.signal })
      .then(setAudit)
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(toKey(e));
      });
    return () => ctl.abort();
  }, [version, toKey]);

  return (
    <section className="panel" aria-labelledby="admin-audit-h">
      <div className="panel__head">
        <h2 id="admin-audit-h">{t('admin.audit.title')}</h2>
        {audit ? (
          <span className={audit.chainIntact ? 'badge badge--ok' : 'badge badge--off'} data-testid="audit-chain">
            {t(audit.chainIntact ? 'admin.audit.intact' : 'admin.audit.broken')}
          </span>
        ) : null}
        <button type="button" className="btn" onClick={() => setVersion((n) => n + 1)}>
          {t('common.refresh')}
        </button>
      </div>
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      {audit === null ? (
        error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : audit.entries.length === 0 ? (
        <p>{t('admin.audit.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('admin.audit.tableLabel', { n: audit.entries.length })}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.at')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.target')}</th>
                <th scope="col">{t('admin.audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, i18n.language)}</td>
                  <td>{e.actor}</td>
                  <td className="mono">{e.action}</td>
                  <td>{e.target}</td>
                  <td>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
