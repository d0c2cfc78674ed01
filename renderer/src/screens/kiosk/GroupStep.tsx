import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KeypadDigits } from '../../components/KeypadDigits.js';
import { StepNav } from './StepNav.js';

export const GROUP_MIN = 2;
export const GROUP_MAX = 60;

/** A tour group or family takes one ticket for everyone: how many people? */
export function GroupStep({ busy, onSubmit, onBack }: { busy: boolean; onSubmit: (size: number) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [size, setSize] = useState('');
  const [problem, setProblem] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(size);
    if (!Number.isInteger(n) || n < GROUP_MIN || n > GROUP_MAX) return setProblem(true);
    setProblem(false);
    onSubmit(n);
  };

  return (
    <form className="kiosk-entry" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="kiosk-step-title">
        {t('kiosk.group.title')}
      </h2>
      <label className="kiosk-entry__label" htmlFor={`${id}-size`}>
        {t('kiosk.group.label', { min: GROUP_MIN, max: GROUP_MAX })}
      </label>
      <input
        id={`${id}-size`}
        className="kiosk-entry__input kiosk-entry__input--short"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={2}
        aria-invalid={problem}
        aria-describedby={`${id}-problem`}
        value={size}
        onChange={(e) => setSize(e.target.value.replace(/\D/g, '').slice(0, 2))}
      />
      <p id={`${id}-problem`} className="kiosk-entry__problem" role="alert">
        {problem ? t('kiosk.group.range', { min: GROUP_MIN, max: GROUP_MAX }) : ''}
      </p>
      <KeypadDigits
        label={t('kiosk.group.keypad')}
        large
        disabled={busy}
        onDigit={(d) => setSize((s) => (s + d).replace(/^0+/, '').slice(0, 2))}
        onBackspace={() => setSize((s) => s.slice(0, -1))}
        onClear={() => setSize('')}
      />
      <StepNav busy={busy} onBack={onBack} />
    </form>
  );
}
