import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@domain/contract/schemas.js';
import { callApi, errorKey } from '../api/client.js';
import { AlertRegion } from './AlertRegion.js';
import { KeypadDigits } from './KeypadDigits.js';
import { PIN_PATTERN, STAFF_NO_PATTERN } from '@domain/contract/staff-api.js';
import { StaffNoField, StaffPinField } from './StaffPinField.js';

type PinTarget = 'pin' | 'again';

/** First use: the supervisor's one-time code sets the PIN (typed twice), then we sign in with it. */
export function StaffEnroll({ initialStaffNo, onEnrolled, onCancel }: { initialStaffNo: string; onEnrolled: (staff: Staff) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [staffNo, setStaffNo] = useState(initialStaffNo);
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  // The keypad feeds whichever PIN field was focused last.
  const [target, setTarget] = useState<PinTarget>('pin');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const setTargetValue = (f: (v: string) => string) => (target === 'pin' ? setPin(f) : setAgain(f));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    if (!STAFF_NO_PATTERN.test(staffNo)) return setError('staff.staffNoFormat');
    if (code.trim() === '') return setError('staff.codeRequired');
    if (!PIN_PATTERN.test(pin)) return setError('staff.pinFormat');
    if (pin !== again) return setError('staff.pinMismatch');
    inFlight.current = true;
    setBusy(true);
    setError(null);
    callApi('staffEnroll', { body: { staffNo, code, pin } })
      // Enrolment proves the code, not presence at this terminal: sign in as the usual way does.
      .then(() => callApi('staffSignIn', { body: { staffNo, pin } }))
      .then((r) => onEnrolled(r.staff))
      .catch((err: unknown) => setError(errorKey(err)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <main className="staff-sign-in">
      <h1>{t('staff.enrollTitle')}</h1>
      <p className="staff-sign-in__lead">{t('staff.enrollLead')}</p>
      <form className="staff-form" onSubmit={submit} noValidate>
        <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
        <StaffNoField label={t('staff.staffNo')} value={staffNo} onChange={setStaffNo} disabled={busy} />
        <div className="staff-field">
          <label className="field-label" htmlFor="staff-enroll-code">
            {t('staff.code')}
          </label>
          <input
            id="staff-enroll-code"
            className="staff-field__input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={32}
            value={code}
            disabled={busy}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
          />
        </div>
        <StaffPinField label={t('staff.newPin')} hint={t('staff.pinHint')} value={pin} onChange={setPin} onFocus={() => setTarget('pin')} disabled={busy} />
        <StaffPinField label={t('staff.newPinAgain')} value={again} onChange={setAgain} onFocus={() => setTarget('again')} disabled={busy} />
        <p className="staff-form__target" aria-live="polite">
          {t(target === 'pin' ? 'staff.keypadForPin' : 'staff.keypadForAgain')}
        </p>
        <KeypadDigits
          label={t('staff.pinKeypad')}
          disabled={busy}
          onDigit={(d) => setTargetValue((p) => (p + d).slice(0, 12))}
          onBackspace={() => setTargetValue((p) => p.slice(0, -1))}
          onClear={() => setTargetValue(() => '')}
        />
        <div className="staff-form__buttons">
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            {t('staff.backToSignIn')}
          </button>
          <button type="submit" className="btn btn--primary staff-form__submit" disabled={busy}>
            {busy ? t('staff.enrolling') : t('staff.enroll')}
          </button>
        </div>
      </form>
    </main>
  );
}
