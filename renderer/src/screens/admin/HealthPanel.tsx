import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/panel/Panel.js';
import { useQuery } from '../../data/use-query.js';

export function HealthPanel() {
  const { t } = useTranslation();
  const health = useQuery('health');
  const h = health.data;
  return (
    <Panel title={t('admin.health.title')} error={health.error?.key}>
      {h ? (
        <dl className="facts">
          <dt>{t('admin.health.status')}</dt>
          <dd>
            <span className="badge badge--ok">{t('admin.health.ok')}</span>
          </dd>
          <dt>{t('admin.health.version')}</dt>
          <dd>{h.version}</dd>
          {h.databasePath ? (
            <>
              <dt>{t('admin.health.database')}</dt>
              <dd className="facts__path">{h.databasePath}</dd>
            </>
          ) : null}
          <dt>{t('admin.health.schema')}</dt>
          <dd>{h.schemaVersion}</dd>
        </dl>
      ) : health.error ? null : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </Panel>
  );
}
