import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY_PATHS, OverviewSchema } from '@domain/city/city-api.js';
import { Page } from '../../components/Page.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { Panel } from '../../components/panel/Panel.js';
import { citySignOut, useCityQuery } from '../../data/use-city.js';
import { formatDateTime } from '../../i18n/format.js';
import { CityReportPanel } from './CityReportPanel.js';
import { CitySignIn } from './CitySignIn.js';
import './city.css';

/** A hall whose state is older than this is shown as stale. */
const STALE_MS = 5 * 60_000;

/** The city supervisor's screen: every hall on one page with its live state, then the report. */
export function CityScreen() {
  const { t, i18n } = useTranslation();
  const overview = useCityQuery(CITY_PATHS.overview, OverviewSchema, 5_000);
  // Why the sign-in is shown again: the supervisor signed out here, or the session ended.
  const [signedOutHere, setSignedOutHere] = useState(false);
  if (overview.signedOut) {
    const notice = signedOutHere ? 'city.signIn.signedOut' : overview.data ? 'city.signIn.expired' : null;
    return (
      <Page kind="admin" mainClass="admin-main">
        <h1>{t('city.title')}</h1>
        <CitySignIn
          notice={notice}
          onSignedIn={() => {
            setSignedOutHere(false);
            overview.reload();
          }}
        />
      </Page>
    );
  }
  const signOut = () =>
    void citySignOut().finally(() => {
      setSignedOutHere(true);
      overview.reload();
    });
  const now = overview.data?.at ?? 0;
  const halls = overview.data?.halls;
  return (
    <Page kind="admin" mainClass="admin-main">
      <div className="city-heading">
        <h1>{t('city.title')}</h1>
        <button type="button" className="btn" onClick={signOut}>
          {t('city.signOut')}
        </button>
      </div>
      <Panel title={t('city.halls.title')} error={overview.errorKey}>
        <DataTable
          rows={halls}
          failed={overview.errorKey !== null && !halls}
          rowKey={(h) => h.hallId}
          empty={t('city.halls.none')}
          label={t('city.halls.table')}
          columns={[
            { header: t('city.halls.hall'), cell: (h) => `${h.name} (${h.hallId})`, rowHeader: true },
            { header: t('city.halls.waiting'), cell: (h) => (h.waiting === null ? '—' : String(h.waiting)) },
            {
              header: t('city.halls.longestWait'),
              cell: (h) => (h.longestWaitSeconds === null ? '—' : t('city.minutes', { n: Math.round(h.longestWaitSeconds / 60) })),
            },
            { header: t('city.halls.windowsOpen'), cell: (h) => (h.windowsOpen === null ? '—' : String(h.windowsOpen)) },
            { header: t('city.halls.outages'), cell: (h) => (h.outages.length === 0 ? t('city.halls.noOutage') : h.outages.join(', ')) },
            {
              header: t('city.halls.freshness'),
              cell: (h) =>
                h.stateAt === null
                  ? t('city.halls.never')
                  : `${formatDateTime(h.stateAt, i18n.language)}${now - h.stateAt > STALE_MS ? ` — ${t('city.halls.stale')}` : ''}`,
            },
            {
              header: t('city.halls.alerts'),
              cell: (h) => (h.alerts.length === 0 ? t('city.halls.reconciled') : t('city.halls.mismatch', { days: h.alerts.join(', ') })),
            },
          ]}
        />
      </Panel>
      <CityReportPanel halls={halls ?? []} />
    </Page>
  );
}
