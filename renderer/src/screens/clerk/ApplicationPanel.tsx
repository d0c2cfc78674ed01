import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, Service, Text } from '../../../../electron/domain/catalog/catalog-schema.js';
import type { ResponseOf } from '../../../../electron/domain/contract/api.js';
import { callApi, errorKey } from '../../api/client.js';

type Application = ResponseOf<'windowApplications'>['applications'][number];

// The catalog changes only when the hall edits it; one read per console is enough.
let catalogOnce: Promise<Catalog> | null = null;
const loadCatalog = () => (catalogOnce ??= callApi('catalog').catch((e: unknown) => ((catalogOnce = null), Promise.reject(e))));

function pick(text: Text, language: string): string {
  return language === 'en' ? text.en : language === 'mn' ? text.mn : text['zh-CN'];
}

/**
 * What the citizen pre-filled at the kiosk for the ticket being served here, so the window only
 * checks and decides. The host answers only the clerk serving at this window; the ID number is in
 * full here and nowhere else.
 */
export function ApplicationPanel({ windowId, ticketId }: { windowId: number; ticketId: number | null }) {
  const { t, i18n } = useTranslation();
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

  const lang = i18n.language;
  return (
    <section className="panel clerk-application" aria-labelledby="clerk-application-h">
      <h2 id="clerk-application-h">{t('clerk.application.title')}</h2>
      {error ? <p role="alert">{t(error)}</p> : null}
      {apps.length === 0 ? <p className="muted">{t('clerk.application.none')}</p> : null}
      {apps.map((a) => {
        const service: Service | undefined = catalog?.services.find((s) => s.code === a.serviceCode);
        const materialName = (code: string) => {
          const m = service?.materials.find((x) => x.code === code);
          return m ? pick(m.name, lang) : code;
        };
        return (
          <article key={a.caseNumber} className="clerk-application__case" aria-label={a.caseNumber}>
            <h3>{service ? pick(service.name, lang) : a.serviceCode}</h3>
            <dl className="facts">
              <dt>{t('clerk.application.caseNumber')}</dt>
              <dd>{a.caseNumber}</dd>
              <dt>{t('clerk.application.idNumber')}</dt>
              <dd className="clerk-application__id">{a.idNumber}</dd>
              {a.greenChannel ? (
                <>
                  <dt>{t('clerk.application.channel')}</dt>
                  <dd>{t('clerk.application.green')}</dd>
                </>
              ) : null}
              {(service?.fields ?? [])
                .filter((f) => f.key !== 'idNumber' && a.form[f.key] !== undefined && a.form[f.key] !== null && a.form[f.key] !== '')
                .map((f) => {
                  const raw = a.form[f.key];
                  const option = f.options?.find((o) => o.value === raw);
                  return (
                    <Fragment key={f.key}>
                      <dt>{pick(f.label, lang)}</dt>
                      <dd>{option ? pick(option.label, lang) : String(raw)}</dd>
                    </Fragment>
                  );
                })}
              <dt>{t('clerk.application.provided')}</dt>
              <dd>{a.materialsProvided.length ? a.materialsProvided.map(materialName).join(t('common.listSeparator')) : '—'}</dd>
              {a.missingMaterials.length ? (
                <>
                  <dt>{t('clerk.application.missing')}</dt>
                  <dd>{t('clerk.application.missingBy', { list: a.missingMaterials.map(materialName).join(t('common.listSeparator')), date: a.supplementBy ?? '—' })}</dd>
                </>
              ) : null}
            </dl>
          </article>
        );
      })}
    </section>
  );
}
