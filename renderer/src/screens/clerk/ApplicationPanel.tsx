import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import { useQuery } from '../../data/use-query.js';
import { CaseDesk } from './cases/CaseDesk.js';

/**
 * The applications pre-filled for the ticket being served here (one, or one per member of a tour
 * group), each opened as a case to check and decide. The host answers only the clerk serving at
 * this window; the ID number is in full here and nowhere else, and leaves with the ticket.
 */
export function ApplicationPanel({ windowId, ticketId, catalog }: { windowId: number; ticketId: number | null; catalog: Catalog | null }) {
  const { t } = useTranslation();
  // Read again for every ticket called here, and when a walk-in joins it; nothing while nobody is served.
  const apps = useQuery('windowApplications', ticketId === null ? null : { params: { id: windowId } }, { key: ticketId });
  const list = ticketId === null ? [] : (apps.data?.applications ?? []);
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = list.find((a) => a.caseNumber === chosen) ?? list[0];
  return (
    <section className="panel clerk-application" aria-labelledby="clerk-application-h">
      <h2 id="clerk-application-h">{t('clerk.application.title')}</h2>
      {apps.error && ticketId !== null ? <p role="alert">{t(apps.error.key)}</p> : null}
      {list.length === 0 ? <p className="muted">{t('clerk.application.none')}</p> : null}
      {list.length > 1 ? (
        <div className="case-tabs" role="group" aria-label={t('cases.members')}>
          {list.map((a) => (
            <button key={a.caseNumber} type="button" className="btn" aria-pressed={a.caseNumber === shown?.caseNumber} onClick={() => setChosen(a.caseNumber)}>
              {a.caseNumber}
            </button>
          ))}
        </div>
      ) : null}
      {shown && catalog ? <CaseDesk key={shown.caseNumber} caseNumber={shown.caseNumber} windowId={windowId} catalog={catalog} /> : null}
    </section>
  );
}
