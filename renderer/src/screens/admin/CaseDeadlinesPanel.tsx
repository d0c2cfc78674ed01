import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { URGENCIES } from '@domain/cases/case-deadlines.js';
import type { CaseSummary } from '@domain/contract/cases-api.js';
import { CaseList } from '../../components/cases/CaseList.js';
import { CaseTransfer } from '../../components/cases/CaseTransfer.js';
import { Panel } from '../../components/panel/Panel.js';
import type { CommandError } from '../../data/errors.js';
import { useQuery } from '../../data/use-query.js';
import { SupplementDecision } from './SupplementDecision.js';

/**
 * The hall's open cases by their time limits (the supervisor's oversight): overdue, due today and
 * at risk first. A supplement past its date is the supervisor's to extend or close; any owned case
 * may be handed to another clerk.
 */
export function CaseDeadlinesPanel() {
  const { t } = useTranslation();
  const list = useQuery('caseDeadlines', {}, { refetchOn: ['case.changed'] });
  const [acting, setActing] = useState<{ c: CaseSummary; kind: 'extend' | 'close' } | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [notice, setNotice] = useState('');
  const cases = list.data?.cases;
  const counts = URGENCIES.filter((u) => u !== 'on_track').map((u) => ({ u, n: (cases ?? []).filter((c) => c.urgency === u).length }));
  const actions = (c: CaseSummary) => (
    <div className="case-row-actions">
      {c.status === 'supplement_pending' ? (
        <>
          <button
            type="button"
            className="btn"
            aria-label={t('cases.extend.openCase', { case: c.caseNumber })}
            onClick={() => setActing({ c, kind: 'extend' })}
          >
            {t('cases.extend.open')}
          </button>
          {c.urgency === 'overdue' ? (
            <button
              type="button"
              className="btn"
              aria-label={t('cases.closeOverdue.openCase', { case: c.caseNumber })}
              onClick={() => setActing({ c, kind: 'close' })}
            >
              {t('cases.closeOverdue.open')}
            </button>
          ) : null}
        </>
      ) : null}
      {c.owner ? (
        <CaseTransfer
          view={c}
          onFailed={setError}
          onDone={(name) => {
            setError(null);
            setNotice(t('cases.done.transferred', { name }));
          }}
        />
      ) : null}
    </div>
  );
  return (
    <Panel
      title={t('cases.deadlines.title')}
      error={(error ?? list.error)?.key ?? null}
      onDismissError={() => setError(null)}
      className="case-deadlines"
      onRefresh={list.refetch}
    >
      <p className="muted">{t('cases.deadlines.lead', { today: list.data?.today ?? '' })}</p>
      <ul className="case-counts" aria-label={t('cases.mine.counts')}>
        {counts.map(({ u, n }) => (
          <li key={u} className={`case-urgency case-urgency--${u}`}>
            {t(`cases.urgency.${u}`)}：{n}
          </li>
        ))}
      </ul>
      <p role="status" className="saved">
        {notice}
      </p>
      <CaseList cases={cases} failed={list.error !== null} empty={t('cases.deadlines.none')} label={t('cases.deadlines.table')} action={actions} />
      {acting ? (
        <SupplementDecision
          key={`${acting.c.caseNumber}-${acting.kind}`}
          summary={acting.c}
          kind={acting.kind}
          onCancel={() => setActing(null)}
          onDone={(key, values) => {
            setActing(null);
            setError(null);
            setNotice(t(key, values));
          }}
        />
      ) : null}
    </Panel>
  );
}
