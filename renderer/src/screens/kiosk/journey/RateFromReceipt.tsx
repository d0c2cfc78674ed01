import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBadRating, type BadRatingReason } from '@domain/ratings/rating-levels.js';
import { AlertRegion } from '../../../components/AlertRegion.js';
import { RatingLevels } from '../../../components/ratings/RatingLevels.js';
import { RatingReasons } from '../../../components/ratings/RatingReasons.js';
import { useCommand } from '../../../data/use-command.js';

/**
 * 一事一评 from the receipt's QR: a service not rated at the counter is rated here with the same
 * case number and ID ending the progress query took. The host refuses a second rating.
 */
export function RateFromReceipt({ caseNumber, last4 }: { caseNumber: string; last4: string }) {
  const { t } = useTranslation();
  const rate = useCommand('rateByCase');
  const [open, setOpen] = useState(false);
  const [bad, setBad] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = (level: number, reasons: BadRatingReason[] = [], comment = '') => {
    void rate.run({ body: { case: caseNumber, last4, level, reasons, comment } }).then((r) => {
      if (r) setDone(t(r.answerWithinDays !== null ? 'counter.rating.thanksBad' : 'counter.rating.thanks', { days: r.answerWithinDays ?? 0 }));
    });
  };
  const refusal = rate.error ? (rate.error.code === 'conflict' ? 'journey.rate.notServed' : rate.error.key) : null;
  return (
    <section className="rate-receipt" aria-label={t('journey.rate.title')}>
      <p role="status" className="rate-receipt__done">
        {done ?? ''}
      </p>
      <AlertRegion messageKey={refusal} onDismiss={rate.clearError} />
      {done || rate.error?.code === 'already_rated' ? null : !open ? (
        <button type="button" className="btn btn--big" onClick={() => setOpen(true)}>
          {t('journey.rate.open')}
        </button>
      ) : (
        <>
          <h3>{t('journey.rate.title')}</h3>
          {bad === null ? (
            <RatingLevels busy={rate.busy} onChoose={(level) => (isBadRating(level) ? setBad(level) : send(level))} />
          ) : (
            <RatingReasons busy={rate.busy} onSend={(reasons, comment) => send(bad, reasons, comment)} onBack={() => setBad(null)} />
          )}
        </>
      )}
    </section>
  );
}
