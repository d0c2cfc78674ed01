import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client.js';
import { useRunner } from '../../data/use-command.js';
import { useHost } from '../../data/host-context.js';
import { AlertRegion } from '../AlertRegion.js';
import { Field, type Problems } from '../form/Field.js';
import { ProblemSummary } from '../form/ProblemSummary.js';
import { useProblems } from '../form/use-problems.js';
import { KeypadDigits } from '../KeypadDigits.js';
import { PIN_MAX_LENGTH, PIN_PATTERN, STAFF_NO_PATTERN } from '@domain/contract/staff-api.js';
import { StaffNoField, StaffPinField } from './StaffPinField.js';

type PinTarget = 'pin' | 'again';

/** First use: the supervisor's one-time code sets the PIN (typed twice), then we sign in with it. */
export function StaffEnroll({ initialStaffNo, onCancel }: { initialStaffNo: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const host = useHost();
  const [staffNo, setStaffNo] = useState(initialStaffNo);
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  // The keypad feeds whichever PIN field was focused last.
  const [target, setTarget] = useState<PinTarget>('pin');
  const form = useProblems();
  const runner = useRunner();
  const fid = (k: string) => `${id}-${k}`;

  const setTargetValue = (f: (v: string) => string) => (target === 'pin' ? setPin(f) : setAgain(f));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    const add = (k: string, label: string, key: string) => found.push({ id: fid(k), label: t(label), problem: { key } });
    if (!STAFF_NO_PATTERN.test(staffNo)) add('no', 'staff.staffNo', 'form.staffNoFormat');
    if (code.trim() === '') add('code', 'staff.code', 'staff.codeRequired');
    if (!PIN_PATTERN.test(pin)) add('pin', 'staff.newPin', 'form.pinFormat');
    else if (pin !== again) add('again', 'staff.newPinAgain', 'staff.pinMismatch');
    if (!form.check(found)) return;
    void runner.run('enroll', async () => {
      await callApi('staffEnroll', { body: { staffNo, code, pin } });
      // Enrolment proves the code, not presence at this terminal: sign in as the usual way does.
      await callApi('staffSignIn', { body: { staffNo, pin } });
      for (const refetch of host.queries.get('staffMe') ?? []) refetch();
    });
  };

  const busy = runner.busy !== null;
  return (
    <main className="staff-sign-in">
      <h1>{t('staff.enrollTitle')}</h1>
      <p className="staff-sign-in__lead">{t('staff.enrollLead')}</p>
      <form className="staff-form" onSubmit={submit} noValidate>
        <ProblemSummary form={form} />
        <AlertRegion messageKey={runner.error?.key ?? null} onDismiss={runner.clearError} />
        <StaffNoField id={fid('no')} label={t('staff.staffNo')} value={staffNo} onChange={setStaffNo} disabled={busy} problem={form.problemOf(fid('no'))} />
        <Field id={fid('code')} label={t('staff.code')} problem={form.problemOf(fid('code'))}>
          {(aria) => (
            <input
              {...aria}
              className="staff-field__input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={32}
              value={code}
              disabled={busy}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
            />
          )}
        </Field>
        <StaffPinField
          id={fid('pin')}
          label={t('staff.newPin')}
          hint={t('staff.pinHint')}
          value={pin}
          onChange={setPin}
          onFocus={() => setTarget('pin')}
          disabled={busy}
          problem={form.problemOf(fid('pin'))}
        />
        <StaffPinField
          id={fid('again')}
          label={t('staff.newPinAgain')}
          value={again}
          onChange={setAgain}
          onFocus={() => setTarget('again')}
          disabled={busy}
          problem={form.problemOf(fid('again'))}
        />
        <p className="staff-form__target" aria-live="polite">
          {t(target === 'pin' ? 'staff.keypadForPin' : 'staff.keypadForAgain')}
        </p>
        <KeypadDigits
          label={t('staff.pinKeypad')}
          disabled={busy}
          onDigit={(d) => setTargetValue((p) => (p + d).slice(0, PIN_MAX_LENGTH))}
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
