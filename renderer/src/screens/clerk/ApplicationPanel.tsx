import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import type { ResponseOf } from '@domain/contract/api.js';
import { callApi, errorKey } from '../../api/client.js';
import { ApplicationCase, loadCatalog } from './ApplicationCase.js';

type Application = ResponseOf<'windowApplications'>['applications'][number];

/**
 * What the citizen pre-filled at the kiosk for the ticket being served here, so the window only
 * checks and decides. The host answers only the clerk serving at this window; the ID number is in
 * full here and nowhere else.
 */
export function ApplicationPanel({ windowId, ticketId }: { windowId: number; ticketId: number | null }) {
  const { t } = useTranslation();
  // What was loaded, and for which ticket: a result for another ticket is never shown.
  const [loaded, setLoaded] = useState<{ ticketId: number; apps: Application[]; catalog: Catalog | null; error: string | null } | null>(null);

  useEffect(() => {
    if (ticketId === null) return;
    const abort = new AbortController();
    Promise.all([callApi('windowApplications', { params: { id: windowId }, signal: abort.signal }), loadCatalog()])
      .then(([r, c]) => setLoaded({ ticketId, apps: r.applications, catalog: c, error: null }))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setLoaded({ ticketId, apps: [], catalog: null, error: errorKey(e) });
      });
    return () => abort.abort();
  }, [windowId, ticketId]);

  const current = loaded !== null && loaded.ticketId === ticketId ? loaded : null;
  const apps = current?.apps ?? [];
  const catalog = current?.catalog ?? null;
  const error = current?.error ?? null;

  return (
    <section className="panel clerk-application" aria-labelledby="clerk-application-h">
      <h2 id="clerk-application-h">{t('clerk.application.title')}</h2>
      {error ? <p role="alert">{t(error)}</p> : null}
      {apps.length === 0 ? <p className="muted">{t('clerk.application.none')}</p> : null}
      {apps.map((a) => (
        <ApplicationCase key={a.caseNumber} application={a} catalog={catalog} />
      ))}
    </section>
  );
}
