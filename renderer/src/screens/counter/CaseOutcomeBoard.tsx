import { useTranslation } from 'react-i18next';
import { materialName, serviceOf } from '../../components/cases/case-text.js';
import { useHostClock } from '../../data/use-host-events.js';
import { useQuery } from '../../data/use-query.js';
import { formatDay } from '../../i18n/format.js';

/** An outcome without a ticket (a walk-in or a booth case brought by number) stays this long. */
const UNTICKETED_MS = 15 * 60_000;

/**
 * What the clerk just decided, facing the applicant in large text and in their language:
 * 受理成功 (and by when), 请在 … 前补交 …, 不予受理：…. Shown while the ticket it concerns is served
 * here; read again on each push and after every reconnect (pushes are not replayed).
 */
export function CaseOutcomeBoard({ windowId, servingTicketId }: { windowId: number; servingTicketId: number | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const now = useHostClock();
  const read = useQuery('windowOutcome', { params: { id: windowId } }, { refetchOn: ['case.outcome'] });
  const catalog = useQuery('catalog');
  const o = read.data?.outcome;
  const current = o && (o.ticketId === null ? now() - o.at < UNTICKETED_MS : o.ticketId === servingTicketId);
  const service = o ? serviceOf(catalog.data ?? null, o.serviceCode) : undefined;
  const headline = !o
    ? ''
    : o.kind === 'supplement'
      ? t('counter.outcome.supplement', {
          date: o.supplementBy ? formatDay(o.supplementBy, lang) : '',
          list: o.missing.map((c) => materialName(service, c, lang)).join(t('common.listSeparator')),
        })
      : o.kind === 'rejected'
        ? t('counter.outcome.rejected', { reason: o.reason ? t(`cases.refusal.${o.reason}`) : '' })
        : t(`counter.outcome.${o.kind}`);
  return (
    <section className="counter-outcome" aria-labelledby="counter-outcome-h">
      <h2 id="counter-outcome-h" className="visually-hidden">
        {t('counter.outcome.title')}
      </h2>
      <div aria-live="polite" aria-atomic="true">
        {o && current ? (
          <div className={`counter-outcome__box counter-outcome__box--${o.kind}`}>
            <p className="counter-outcome__headline">{headline}</p>
            {o.kind === 'rejected' && o.reasonText ? <p className="counter-outcome__detail">{o.reasonText}</p> : null}
            {o.kind === 'accepted' && o.promisedBy ? (
              <p className="counter-outcome__detail">{t('counter.outcome.promised', { date: formatDay(o.promisedBy, lang) })}</p>
            ) : null}
            <p className="counter-outcome__case">{t('counter.outcome.case', { case: o.caseNumber })}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
