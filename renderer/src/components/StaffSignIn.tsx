import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@domain/contract/schemas.js';
import { callApi, errorKey } from '../api/client.js';
import { AlertRegion } from './AlertRegion.js';
import { KeypadDigits } from './KeypadDigits.js';
import { PIN_PATTERN, STAFF_NO_PATTERN } from '@domain/contract/staff-api.js';
import { StaffNoField, StaffPinField } from './StaffPinField.js';
import { StaffEnroll } from './StaffEnroll.js';
import '../styles/staff.css';

/**
 * Staff sign-in on a shared terminal: staff number and PIN (keyboard or on-screen keypad), and the
 * first-time path that sets a PIN with the one-time code a supervisor hands out.
 */
export function StaffSignIn({ onSignedIn, title, notice = null }: { onSignedIn: (staff: Staff) => void; title: string; notice?: string | null }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'sign-in' | 'enroll'>('sign-in');
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  // `notice` says why we are here again (the host ended the session), as an i18n key.
  const [error, setError] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  if (mode === 'enroll') {
    return <StaffEnroll initialStaffNo={staffNo} onEnrolled={onSignedIn} onCancel={() => setMode('sign-in')} />;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    if (!STAFF_NO_PATTERN.test(staffNo)) return setError('staff.staffNoFormat');
    if (!PIN_PATTERN.test(pin)) return setError('staff.pinFormat');
    inFlight.current = true;
    setBusy(true);
    setError(null);
    callApi('staffSignIn', { body: { staffNo, pin } })
      .then((r) => onSignedIn(r.staff))
      .catch((err: unknown) => {
        // A wrong PIN is typed again from scratch; the number usually was right.
        setPin('');
        setError(errorKey(err));
      })
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <main className="staff-sign-in">
      <h1>{title}</h1>
      <form className="staff-form" onSubmit={submit} noValidate>
        <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
        <StaffNoField label={t('staff.staffNo')} value={staffNo} onChange={setStaffNo} disabled={busy} />
        <StaffPinField label={t('staff.pin')} hint={t('staff.pinHint')} value={pin} onChange={setPin} disabled={busy} />
        <KeypadDigits
          label={t('staff.pinKeypad')}
          disabled={busy}
          onDigit={(d) => setPin((p) => (p + d).slice(0, 12))}
          onBackspace={() => setPin((p) => p.slice(0, -1))}
          onClear={() => setPin('')}
        />
        <button type="submit" className="btn btn--primary staff-form__submit" disabled={busy}>
          {busy ? t('staff.signingIn') : t('staff.signIn')}
        </button>
      </form>
      <p className="staff-sign-in__first">
        <button type="button" className="btn" onClick={() => setMode('enroll')}>
          {t('staff.firstTime')}
        </button>
      </p>
    </main>
  );
}
