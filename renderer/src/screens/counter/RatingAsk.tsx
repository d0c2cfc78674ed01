import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingAskSchema } from '@domain/contract/ratings-api.js';
import { isBadRating, RATING_LEVELS, type BadRatingReason } from '@domain/ratings/rating-levels.js';
import type { z } from 'zod';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useCommand } from '../../data/use-command.js';
import { useHostClock } from '../../data/use-host-events.js';
import { RatingLevels } from '../../components/ratings/RatingLevels.js';
import { RatingReasons } from '../../components/ratings/RatingReasons.js';
import { useGuidance } from '../kiosk/journey/useGuidance.js';

type Ask = z.infer<typeof RatingAskSchema>;
/** Extra time the applicant has to name a 差评's reasons once they chose the level. */
const REASONS_MS = 25_000;

/**
 * 好差评 after the service: five large, labelled buttons (also the number keys 1–5 of a keypad);
 * a 差评 asks why. Skipping is a button; saying nothing until the time runs out is a skip too.
 */
export function RatingAsk({ windowId, ask, onDone }: { windowId: number; ask: Ask; onDone: (key: string, days: number | null) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const now = useHostClock();
  const rate = useCommand('rateAtCounter');
  const runRate = rate.run;
  const [bad, setBad] = useState<number | null>(null);
  const [left, setLeft] = useState(() => Math.max(0, ask.askUntil - now()));
  const sent = useRef(false);
  const expired = useRef(false);
  // Spoken as well as shown (the kiosk's guidance clips): the question, then a 差评's reasons.
  useGuidance(bad === null ? 'rating' : 'ratingReason', { language: i18n.language, on: true });

  const send = useCallback(
    (level: number | null, reasons: BadRatingReason[] = [], comment = '') => {
      if (sent.current) return;
      sent.current = true;
      void runRate({ params: { id: windowId }, body: { ticketId: ask.ticketId, level, reasons, comment } }).then((r) => {
        // A failure stays on screen (its message) and the applicant may try again.
        if (r === undefined) sent.current = false;
        else
          onDone(
            r.stored === 'skipped' ? 'counter.rating.skipped' : r.answerWithinDays !== null ? 'counter.rating.thanksBad' : 'counter.rating.thanks',
            r.answerWithinDays,
          );
      });
    },
    [runRate, windowId, ask.ticketId, onDone],
  );

  const choose = useCallback(
    (level: number) => {
      if (isBadRating(level)) setBad(level);
      else send(level);
    },
    [send],
  );

  // The countdown is the screen's own (it shows it); the host's clock sets when it ends.
  useEffect(() => {
    const deadline = ask.askUntil + (bad !== null ? REASONS_MS : 0);
    const tick = () => {
      const ms = deadline - now();
      setLeft(Math.max(0, ms));
      if (ms > 0 || expired.current) return;
      // Time is up: a silence is a skip (stored once; the question then leaves the screen).
      expired.current = true;
      send(null);
      onDone('counter.rating.skipped', null);
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [ask.askUntil, bad, now, send, onDone]);

  // A keypad's digits choose a level: 1 is the first button (非常满意), 5 the last.
  useEffect(() => {
    if (bad !== null) return;
    const onKey = (e: KeyboardEvent) => {
      const i = Number(e.key);
      const level = Number.isInteger(i) && i >= 1 && i <= RATING_LEVELS.length ? RATING_LEVELS[i - 1]?.value : undefined;
      if (level !== undefined) choose(level);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bad, choose]);

  return (
    <section className="counter-rating" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="counter-rating__title">
        {t('counter.rating.title')}
      </h2>
      <p className="counter-rating__lead">{t('counter.rating.lead', { number: ask.number })}</p>
      <AlertRegion messageKey={rate.error?.key ?? null} onDismiss={rate.clearError} />
      {bad === null ? (
        <RatingLevels busy={rate.busy} onChoose={choose} />
      ) : (
        <RatingReasons busy={rate.busy} onSend={(reasons, comment) => send(bad, reasons, comment)} onBack={() => setBad(null)} />
      )}
      <div className="counter-rating__foot">
        <p className="counter-rating__left">{t('counter.rating.timeLeft', { n: Math.ceil(left / 1000) })}</p>
        <button type="button" className="rating-action" disabled={rate.busy} onClick={() => send(null)}>
          {t('counter.rating.skip')}
        </button>
      </div>
    </section>
  );
}
