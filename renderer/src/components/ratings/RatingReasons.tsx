import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BAD_RATING_REASONS, type BadRatingReason } from '@domain/ratings/rating-levels.js';
import { useImeMode } from '../ime/ime-modes.js';

const TextEntry = lazy(() => import('../ime/TextEntry.js').then((m) => ({ default: m.TextEntry })));

/** A 差评's reasons from the standard list (one or more) and, if the applicant wishes, a few words. */
export function RatingReasons({ busy, onSend, onBack }: { busy: boolean; onSend: (reasons: BadRatingReason[], comment: string) => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<BadRatingReason[]>([]);
  const [writing, setWriting] = useState(false);
  const [comment, setComment] = useState('');
  const [asked, setAsked] = useState(false);
  const ime = useImeMode(writing ? 'message' : null, i18n.language);
  const toggle = (r: BadRatingReason) => setChosen((c) => (c.includes(r) ? c.filter((x) => x !== r) : [...c, r]));
  const send = () => {
    if (chosen.length === 0) setAsked(true);
    else onSend(chosen, comment.trim());
  };
  return (
    <div className="rating-reasons">
      <h3 id={`${id}-h`} className="rating-reasons__title">
        {t('counter.rating.whyTitle')}
      </h3>
      <div className="rating-reasons__list" role="group" aria-labelledby={`${id}-h`}>
        {BAD_RATING_REASONS.map((r) => (
          <button key={r} type="button" className="rating-reason" aria-pressed={chosen.includes(r)} onClick={() => toggle(r)}>
            {t(`ratings.reason.${r}`)}
          </button>
        ))}
      </div>
      <p className="rating-reasons__need" role="status">
        {asked && chosen.length === 0 ? t('counter.rating.needReason') : ''}
      </p>
      {writing ? (
        <div className="rating-reasons__comment">
          <label htmlFor={`${id}-text`}>{t('counter.rating.comment')}</label>
          <Suspense fallback={null}>
            <TextEntry
              id={`${id}-text`}
              value={comment}
              onChange={setComment}
              maxLength={200}
              kind="message"
              modes={ime.modes}
              mode={ime.mode}
              onMode={ime.setMode}
              inputClassName="counter-type__input"
            />
          </Suspense>
        </div>
      ) : null}
      <div className="rating-reasons__actions">
        <button type="button" className="rating-action rating-action--send" disabled={busy} onClick={send}>
          {t('counter.rating.send')}
        </button>
        {writing ? null : (
          <button type="button" className="rating-action" onClick={() => setWriting(true)}>
            {t('counter.rating.write')}
          </button>
        )}
        <button type="button" className="rating-action" onClick={onBack}>
          {t('counter.rating.back')}
        </button>
      </div>
    </div>
  );
}
