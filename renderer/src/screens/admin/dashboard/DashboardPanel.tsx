import { useTranslation } from 'react-i18next';
import type { HallDashboard } from '@domain/contract/dashboard-api.js';
import { Panel } from '../../../components/panel/Panel.js';
import { formatTime } from '../../../i18n/format.js';
import { useHallDashboard } from '../../../data/use-hall-dashboard.js';
import { minutes, useTick } from './dashboard-time.js';
import { DashboardWindows } from './DashboardWindows.js';
import './dashboard.css';

/**
 * The supervisor's live hall: waiting per line and class, the longest wait, each window and its
 * ticket, services today against yesterday at this hour, and what needs attention. Pushed whole by
 * the host on each change (a call, a finish, a 差评, a printer or a device), never polled.
 */
export function DashboardPanel() {
  const { t } = useTranslation();
  const read = useHallDashboard();
  const now = useTick();
  const d = read.data;
  return (
    <Panel title={t('dashboard.title')} error={read.error?.key ?? null} onRefresh={read.refetch} className="dashboard">
      {d ? (
        <>
          <Alerts alerts={d.alerts} targetWaitMin={d.targetWaitMin} />
          <div className="dash-figures">
            <Figure label={t('dashboard.waitingTotal')} value={String(d.waiting.reduce((n, w) => n + w.count, 0))} />
            <Figure
              label={t('dashboard.longestWait')}
              value={d.longestWait ? t('dashboard.minutes', { n: minutes(now - d.longestWait.issuedAt) }) : '—'}
              detail={d.longestWait?.number}
            />
            <Figure label={t('dashboard.servedToday')} value={String(d.served.today)} detail={t('dashboard.yesterdayByNow', { n: d.served.yesterdayByNow })} />
          </div>
          <Waiting rows={d.waiting} now={now} />
          <DashboardWindows windows={d.windows} now={now} />
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </Panel>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string | undefined }) {
  return (
    <div className="dash-figure">
      <p className="dash-figure__label">{label}</p>
      <p className="dash-figure__value">{value}</p>
      {detail ? <p className="dash-figure__detail">{detail}</p> : null}
    </div>
  );
}

function Alerts({ alerts, targetWaitMin }: { alerts: HallDashboard['alerts']; targetWaitMin: number }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="dash-alerts" aria-labelledby="dash-alerts-h">
      <h3 id="dash-alerts-h">{t('dashboard.alerts')}</h3>
      <ul aria-live="polite">
        {alerts.length === 0 ? <li className="dash-alert dash-alert--none">{t('dashboard.noAlerts')}</li> : null}
        {alerts.map((a) => (
          <li key={`${a.kind}-${a.subject}`} className={`dash-alert dash-alert--${a.kind}`}>
            {t(a.kind === 'back_office' && a.since !== undefined ? 'dashboard.alert.back_office_since' : `dashboard.alert.${a.kind}`, {
              n: a.count,
              subject: a.kind === 'back_office' ? t(`backOffice.system.${a.subject}`) : a.subject,
              min: targetWaitMin,
              since: a.since === undefined ? '' : formatTime(a.since, i18n.language),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Waiting({ rows, now }: { rows: HallDashboard['waiting']; now: number }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p>{t('dashboard.nobodyWaiting')}</p>;
  return (
    <table className="table dash-waiting">
      <caption>{t('dashboard.waitingTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.col.line')}</th>
          <th scope="col">{t('dashboard.col.class')}</th>
          <th scope="col">{t('dashboard.col.waiting')}</th>
          <th scope="col">{t('dashboard.col.oldest')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.line}-${r.ticketClass}`}>
            <th scope="row">{t(`line.${r.line}`)}</th>
            <td>{t(`kiosk.class.${r.ticketClass}`)}</td>
            <td>{r.count}</td>
            <td>{t('dashboard.minutes', { n: minutes(now - r.oldestIssuedAt) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
