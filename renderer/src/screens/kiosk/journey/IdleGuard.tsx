import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_EVENT, useJourneyPrefs } from './journey-prefs.js';
import { useGuidance } from './useGuidance.js';

export const COUNTDOWN_S = 15;

/**
 * A kiosk left mid-way must not hand the next person the last one's data: after `idleMs` without a
 * touch, a key or a card read, a visible countdown; at zero `onExpire` wipes the session. Any
 * touch (including "continue") cancels the countdown.
 */
export function IdleGuard({ active, idleMs, onExpire }: { active: boolean; idleMs: number; onExpire: () => void }) {
  const { t, i18n } = useTranslation();
  const { voice } = useJourneyPrefs();
  const [left, setLeft] = useState<number | null>(null);
  useGuidance(left === null ? null : 'idle', { language: i18n.language, on: voice });
  const expire = useRef(onExpire);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    expire.current = onExpire;
  }, [onExpire]);

  useEffect(() => {
    if (!active) return;
    let idleTimer = 0;
    let tick = 0;
    const stopCountdown = () => {
      window.clearInterval(tick);
      tick = 0;
    };
    const startCountdown = () => {
      let n = COUNTDOWN_S;
      setLeft(n);
      tick = window.setInterval(() => {
        n -= 1;
        if (n <= 0) {
          stopCountdown();
          setLeft(null);
          expire.current();
        } else setLeft(n);
      }, 1000);
    };
    const touch = () => {
      window.clearTimeout(idleTimer);
      if (tick) {
        stopCountdown();
        setLeft(null);
      }
      idleTimer = window.setTimeout(startCountdown, idleMs);
    };
    touch();
    const events = ['pointerdown', 'keydown', ACTIVITY_EVENT] as const;
    for (const e of events) window.addEventListener(e, touch, true);
    return () => {
      window.clearTimeout(idleTimer);
      stopCountdown();
      setLeft(null);
      for (const e of events) window.removeEventListener(e, touch, true);
    };
  }, [active, idleMs]);

  useEffect(() => {
    if (left === COUNTDOWN_S) button.current?.focus();
  }, [left]);

  if (!active || left === null) return null;
  return (
    <div className="idle-overlay">
      <div className="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
        <h2 id="idle-title" className="idle-dialog__title">
          {t('journey.idle.title')}
        </h2>
        <p className="journey-step__guide">{t('journey.guide.idle')}</p>
        <p id="idle-body" className="idle-dialog__body">
          {t('journey.idle.body', { n: left })}
        </p>
        <p className="idle-dialog__count" aria-hidden="true">
          {left}
        </p>
        <button ref={button} type="button" className="btn btn--primary btn--huge">
          {t('journey.idle.continue')}
        </button>
      </div>
    </div>
  );
}
