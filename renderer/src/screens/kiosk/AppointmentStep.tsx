import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KeypadText } from '../../components/KeypadText.js';
import { StepNav } from './StepNav.js';

/** The appointment code from the booking SMS or slip, typed on the on-screen keys (or a scanner). */
export function AppointmentStep({ busy, onSubmit, onBack }: { busy: boolean; onSubmit: (code: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim();
    if (c === '') return setProblem('kiosk.appointment.empty');
    // The host wants at least 4 characters; anything shorter cannot be a code it issued.
    if (c.length < 4) return setProblem('error.appointment_invalid');
    setProblem(null);
    onSubmit(c);
  };

  return (
    <form className="kiosk-entry" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="kiosk-step-title">
        {t('kiosk.appointment.title')}
      </h2>
      <label className="kiosk-entry__label" htmlFor={`${id}-code`}>
        {t('kiosk.appointment.label')}
      </label>
      <input
        id={`${id}-code`}
        className="kiosk-entry__input"
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={32}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-problem`}
        value={code}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
      />
      <p id={`${id}-problem`} className="kiosk-entry__problem" role="alert">
        {problem ? t(problem) : ''}
      </p>
      <KeypadText
        label={t('kiosk.appointment.keypad')}
        disabled={busy}
        onKey={(ch) => setCode((s) => (s + ch).slice(0, 32))}
        onBackspace={() => setCode((s) => s.slice(0, -1))}
        onClear={() => setCode('')}
      />
      <StepNav busy={busy} onBack={onBack} />
    </form>
  );
}
