import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '@domain/contract/cases-api.js';
import { formatDateTime } from '../../../i18n/format.js';

/** Actions the history names (others, like a kiosk's submission, show as the status reached). */
const NAMED = new Set([
  'accept',
  'accept_deferred',
  'supplement',
  'refuse',
  'complete',
  'hand_over',
  'withdraw',
  'extend',
  'close_overdue',
  'transfer',
  'form_edit',
]);

/** Every step of the case: when, what, who and where, with a refusal's words or who collected. */
export function CaseHistory({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <section className="case-section" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('cases.history.title')}</h4>
      <ol className="case-history">
        {view.history.map((e, i) => (
          <li key={i}>
            <span className="case-history__time">{formatDateTime(e.at, i18n.language)}</span>{' '}
            <strong>{e.action && NAMED.has(e.action) ? t(`cases.history.action.${e.action}`) : t(`application.status.${e.to}`)}</strong>
            {e.staff ? ` · ${t('cases.staff', { name: e.staff.name, staffNo: e.staff.staffNo })}` : ` · ${t('cases.history.kiosk')}`}
            {e.windowName ? ` · ${e.windowName}` : ''}
            {e.detail?.['collector'] === 'agent' ? ` · ${t('cases.history.agent', { name: e.detail['name'] ?? '' })}` : ''}
            {e.detail?.['collector'] === 'applicant' ? ` · ${t('cases.history.applicant')}` : ''}
            {e.detail?.['reason'] ? ` · ${e.action === 'refuse' ? t(`cases.refusal.${e.detail['reason']}`) : e.detail['reason']}` : ''}
            {e.detail?.['text'] ? `：${e.detail['text']}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
