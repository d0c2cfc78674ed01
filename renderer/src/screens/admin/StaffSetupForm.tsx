import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_MAX_LENGTH, PIN_PATTERN, STAFF_NO_MAX_LENGTH, STAFF_NO_PATTERN } from '@domain/contract/staff-api.js';
import { callApi, errorKey } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { ErrorSummary, Field } from './form.js';
import type { FieldProblem, Problems } from './form.js';

/** First start only: the host printed a setup code; whoever holds it creates the first administrator. */
export function StaffSetupForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [v, setV] = useState({ setupCode: '', staffNo: '', name: '', pin: '', pin2: '' });
  const [problems, setProblems] = useState<Problems>([]);
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const label = (k: string) => t(`admin.setup.${k}`);
  const problemOf = (k: string): FieldProblem | undefined => problems.find((p) => p.id === `${id}-${k}`)?.problem;

  const validate = (): Problems => {
    const out: Problems = [];
    const add = (k: string, key: string) => out.push({ id: `${id}-${k}`, label: label(k), problem: { key } });
    if (v.setupCode.trim() === '') add('setupCode', 'admin.form.required');
    if (!STAFF_NO_PATTERN.test(v.staffNo.trim())) add('staffNo', 'admin.form.staffNoFormat');
    if (v.name.trim() === '') add('name', 'admin.form.required');
    if (!PIN_PATTERN.test(v.pin)) add('pin', 'admin.form.pinFormat');
    else if (v.pin2 !== v.pin) add('pin2', 'admin.form.pinMismatch');
    return out;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    const found = validate();
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    callApi('staffSetup', { body: { setupCode: v.setupCode, staffNo: v.staffNo.trim(), name: v.name.trim(), pin: v.pin } })
      .then(() => onDone())
      .catch((err: unknown) => setError(errorKey(err)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  const input = (k: keyof typeof v, extra: Record<string, unknown> = {}) => (
    <Field id={`${id}-${k}`} label={label(k)} hint={k === 'setupCode' || k === 'pin' ? t(`admin.setup.${k}Hint`) : undefined} problem={problemOf(k)}>
      {(aria) => <input {...aria} value={v[k]} onChange={set(k)} autoComplete="off" {...extra} />}
    </Field>
  );

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.setup.title')}</h2>
      <p>{t('admin.setup.lead')}</p>
      <ErrorSummary problems={problems} attempt={attempt} />
      <AlertRegion messageKey={error} />
      <form className="stack admin-form" onSubmit={submit} noValidate>
        {input('setupCode', { spellCheck: false, autoCapitalize: 'characters', maxLength: 32 })}
        {input('staffNo', { spellCheck: false, maxLength: STAFF_NO_MAX_LENGTH })}
        {input('name', { maxLength: 40 })}
        {input('pin', { type: 'password', inputMode: 'numeric', maxLength: PIN_MAX_LENGTH })}
        {input('pin2', { type: 'password', inputMode: 'numeric', maxLength: PIN_MAX_LENGTH })}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('admin.setup.submitting') : t('admin.setup.submit')}
        </button>
      </form>
    </section>
  );
}
