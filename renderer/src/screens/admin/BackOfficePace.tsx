import { useTranslation } from 'react-i18next';
import type { BackOfficeLinkStatus } from '@domain/contract/back-office-api.js';
import { PACE_WINDOW_MS } from '@domain/delivery/delivery-pace.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { useHostClock } from '../../data/use-host-events.js';
import { useQuery } from '../../data/use-query.js';
import { formatTime } from '../../i18n/format.js';

const MINUTE = 60_000;

/**
 * Each back office's link and the worker's pace: since when it is down (stored by the host, so a
 * restart does not shorten it) or back, what waits, how many went in the last minutes, and when
 * the rest will be sent at that rate. Drawn again on each status the host pushes.
 */
export function BackOfficePace() {
  const { t, i18n } = useTranslation();
  const now = useHostClock();
  const status = useQuery('backOfficeStatus', {}, { refetchOn: ['backoffice.status'] });
  const time = (at: number) => formatTime(at, i18n.language);

  const link = (l: BackOfficeLinkStatus): string => {
    if (l.state === 'not_configured') return t('admin.backOffice.pace.state.not_configured');
    if (l.state === 'unreachable') return t('admin.backOffice.pace.state.down', { time: l.since === null ? '' : time(l.since) });
    return l.upSince === null ? t('admin.backOffice.pace.state.up') : t('admin.backOffice.pace.state.upSince', { time: time(l.upSince) });
  };
  const estimate = ({ pace: { outlook } }: BackOfficeLinkStatus): string => {
    if (outlook.kind !== 'draining') return t(`admin.backOffice.pace.outlook.${outlook.kind}`);
    if (outlook.clearInMs < MINUTE) return t('admin.backOffice.pace.outlook.soon');
    return t('admin.backOffice.pace.outlook.draining', { min: Math.ceil(outlook.clearInMs / MINUTE), time: time(now() + outlook.clearInMs) });
  };

  return (
    <>
      <h3>{t('admin.backOffice.pace.title')}</h3>
      <DataTable
        rows={status.data?.links}
        failed={status.error !== null}
        rowKey={(l) => l.system}
        empty=""
        label={t('admin.backOffice.pace.table')}
        columns={[
          { header: t('admin.backOffice.pace.col.system'), cell: (l) => t(`backOffice.system.${l.system}`), rowHeader: true },
          { header: t('admin.backOffice.pace.col.state'), cell: link },
          { header: t('admin.backOffice.pace.col.waiting'), cell: (l) => l.waiting },
          {
            header: t('admin.backOffice.pace.col.rate', { min: PACE_WINDOW_MS / MINUTE }),
            cell: (l) => t('admin.backOffice.pace.rate', { n: l.pace.perMinute }),
          },
          { header: t('admin.backOffice.pace.col.estimate'), cell: estimate },
        ]}
      />
    </>
  );
}
