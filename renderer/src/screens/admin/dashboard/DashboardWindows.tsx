import { useTranslation } from 'react-i18next';
import type { HallDashboard } from '@domain/contract/dashboard-api.js';
import { minutes } from './dashboard-time.js';

/** Each window: open, paused or closed, who is in it, its ticket and how long it has been served. */
export function DashboardWindows({ windows, now }: { windows: HallDashboard['windows']; now: number }) {
  const { t } = useTranslation();
  return (
    <table className="table dash-windows">
      <caption>{t('dashboard.windowsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.col.window')}</th>
          <th scope="col">{t('dashboard.col.status')}</th>
          <th scope="col">{t('dashboard.col.staff')}</th>
          <th scope="col">{t('dashboard.col.ticket')}</th>
          <th scope="col">{t('dashboard.col.serviceTime')}</th>
        </tr>
      </thead>
      <tbody>
        {windows.map((w) => {
          const since = w.current?.startedAt ?? w.current?.calledAt ?? null;
          return (
            <tr key={w.id} data-window={w.number}>
              <th scope="row">{w.name}</th>
              <td className={`dash-status dash-status--${w.status}`}>{t(`admin.windows.statuses.${w.status}`)}</td>
              <td>{w.staffName ?? '—'}</td>
              <td className="dash-ticket">{w.current ? `${w.current.number} · ${t(`clerk.ticketStatus.${w.current.status}`)}` : '—'}</td>
              <td>{since !== null ? t('dashboard.minutes', { n: minutes(now - since) }) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
