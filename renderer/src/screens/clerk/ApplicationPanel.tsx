import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import { useQuery } from '../../data/use-query.js';
import { ApplicationCase } from './ApplicationCase.js';

/**
 * What the citizen pre-filled at the kiosk for the ticket being served here, so the window only
 * checks and decides. The host answers only the clerk serving at this window; the ID number is in
 * full here and nowhere else.
 */
export function ApplicationPanel({ windowId, ticketId, catalog }: { windowId: number; ticketId: number | null; catalog: Catalog | null }) {
  const { t } = useTranslation();
  // Read again for every ticket called here; nothing while nobody is being served.
  const apps = useQuery('windowApplications', ticketId === null ? null : { params: { id: windowId } }, { key: ticketId });
  const list = ticketId === null ? [] : (apps.data?.applications ?? []);
  return (
    <section className="panel clerk-application" aria-labelledby="clerk-application-h">
      <h2 id="clerk-application-h">{t('clerk.application.title')}</h2>
      {apps.error && ticketId !== null ? <p role="alert">{t(apps.error.key)}</p> : null}
      {list.length === 0 ? <p className="muted">{t('clerk.application.none')}</p> : null}
      {list.map((a) => (
        <ApplicationCase key={a.caseNumber} application={a} catalog={catalog} />
      ))}
    </section>
  );
}
