import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@domain/contract/api.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';

export function HealthPanel() {
  const { t } = useTranslation();
  const [health, setHealth] = useState<ResponseOf<'health'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    callApi('health', { signal: ctl.signal })
      .then(setHealth)
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(errorKey(e));
      });
    return () => ctl.abort();
  }, []);

  return (
    <section className="panel" aria-labelledby="admin-health-h">
      <h2 id="admin-health-h">{t('admin.health.title')}</h2>
      <AlertRegion messageKey={error} />
      {health ? (
        <dl className="facts">
          <dt>{t('admin.health.status')}</dt>
          <dd>
            <span className="badge badge--ok">{t('admin.health.ok')}</span>
          </dd>
          <dt>{t('admin.health.version')}</dt>
          <dd>{health.version}</dd>
          <dt>{t('admin.health.database')}</dt>
          <dd className="facts__path">{health.databasePath}</dd>
          <dt>{t('admin.health.schema')}</dt>
          <dd>{health.schemaVersion}</dd>
        </dl>
      ) : error ? null : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
