import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateIdNumber } from '@domain/identity/id-number.js';
import type { CardNotice } from '../../devices/use-device-events.js';
import { IdKeypad } from './journey/IdKeypad.js';
import { StepNav } from './StepNav.js';

/**
 * An appointment booked for a named person becomes a priority ticket only for that person: the
 * kiosk asks for their ID card (a read that arrives while this page is open) or their typed number,
 * and the host checks it against the booking. The number is sent once, never shown whole.
 */
export function AppointmentHolderStep({
  busy,
  lastCard,
  onIdNumber,
  onBack,
}: {
  busy: boolean;
  lastCard: CardNotice | null;
  onIdNumber: (idNumber: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Only a card put on the reader after this page opened counts (not the previous person's).
  const [firstCard] = useState(lastCard);
  const handled = useRef<CardNotice | null>(null);
  const send = useRef(onIdNumber);
  useEffect(() => {
    send.current = onIdNumber;
  }, [onIdNumber]);
  const fresh = lastCard && lastCard !== firstCard ? lastCard : null;
  const freshCard = fresh?.read.outcome === 'ok' ? fresh.read.card : null;
  useEffect(() => {
    if (!fresh || fresh === handled.current) return;
    handled.current = fresh;
    if (freshCard) send.current(freshCard.idNumber);
  }, [fresh, freshCard]);
  const shownProblem = problem ?? (fresh && !freshCard ? 'journey.identify.cardFailed' : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = validateIdNumber(typed);
    if (typed.length !== 18 || !r.ok) return setProblem('kiosk.appointment.idInvalid');
    setProblem(null);
    onIdNumber(r.value);
  };

  return (
    <form className="kiosk-entry" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="kiosk-step-title">
        {t('kiosk.appointment.identifyTitle')}
      </h2>
      <p className="kiosk-entry__label">{t('kiosk.appointment.identifyLead')}</p>
      <label className="kiosk-entry__label" htmlFor={`${id}-id`}>
        {t('kiosk.appointment.idLabel')}
      </label>
      <input
        id={`${id}-id`}
        className="kiosk-entry__input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={18}
        aria-invalid={shownProblem !== null}
        aria-describedby={`${id}-problem`}
        value={typed}
        onChange={(e) =>
          setTyped(
            e.target.value
              .toUpperCase()
              .replace(/[^0-9X]/g, '')
              .slice(0, 18),
          )
        }
      />
      <p id={`${id}-problem`} className="kiosk-entry__problem" role="alert">
        {shownProblem ? t(shownProblem) : ''}
      </p>
      <IdKeypad
        label={t('kiosk.appointment.idPad')}
        onKey={(k) => setTyped((s) => (s + k).slice(0, 18))}
        onBackspace={() => setTyped((s) => s.slice(0, -1))}
        onClear={() => setTyped('')}
      />
      <StepNav busy={busy} onBack={onBack} />
    </form>
  );
}
