import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@domain/contract/schemas.js';
import { PIN_MAX_LENGTH, PIN_PATTERN, STAFF_NO_MAX_LENGTH, STAFF_NO_PATTERN } from '@domain/contract/staff-api.js';
import { callApi, errorKey } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { ErrorSummary, Field } from './form.js';
import type { FieldProblem, Problems } from './form.js';

/** Staff number and PIN; the host answers pin_invalid or staff_locked (translated) on failure. */
export function StaffSignInForm({ onSignedIn, notice }: { onSignedIn: (staff: Staff) => void; notice: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<Problems>([]);
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const problemOf = (k: string): FieldProblem | undefined => problems.find((p) => p.id === `${id}-${k}`)?.problem;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    const found: Problems = [];
    if (!STAFF_NO_PATTERN.test(staffNo.trim()))
      found.push({ id: `${id}-staffNo`, label: t('admin.signIn.staffNo'), problem: { key: 'admin.form.staffNoFormat' } });
    if (!PIN_PATTERN.test(pin)) found.push({ id: `${id}-pin`, label: t('admin.signIn.pin'), problem: { key: 'admin.form.pinFormat' } });
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    callApi('staffSignIn', { body: { staffNo: staffNo.trim(), pin } })
      .then((r) => onSignedIn(r.staff))
      .catch((err: unknown) => {
        setPin('');
        setError(errorKey(err));
      })
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.signIn.title')}</h2>
      <p>{t('admin.signIn.lead')}</p>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <ErrorSummary problems={problems} attempt={attempt} />
      <AlertRegion messageKey={error} />
      <form className="stack admin-form" onSubmit={submit} noValidate>
        <Field id={`${id}-staffNo`} label={t('admin.signIn.staffNo')} problem={problemOf('staffNo')}>
          {(aria) => (
            <input
              {...aria}
              value={staffNo}
              onChange={(e) => setStaffNo(e.target.value)}
              autoComplete="username"
              spellCheck={false}
              maxLength={STAFF_NO_MAX_LENGTH}
            />
          )}
        </Field>
        <Field id={`${id}-pin`} label={t('admin.signIn.pin')} problem={problemOf('pin')}>
          {(aria) => (
            <input
              {...aria}
              type="password"
              inputMode="numeric"
              autoComplete="current-password"
              maxLength={PIN_MAX_LENGTH}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            />
          )}
        </Field>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('admin.signIn.submitting') : t('admin.signIn.submit')}
        </button>
      </form>
    </section>
  );
}
