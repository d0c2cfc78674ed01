import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertRegion } from '../AlertRegion.js';
import { ProblemSummary } from '../form/ProblemSummary.js';
import { useProblems } from '../form/use-problems.js';
import type { Problems } from '../form/Field.js';
import { KeypadDigits } from '../KeypadDigits.js';
import { PIN_MAX_LENGTH, PIN_PATTERN, STAFF_NO_PATTERN } from '@domain/contract/staff-api.js';
import { StaffNoField, StaffPinField } from './StaffPinField.js';
import { StaffEnroll } from './StaffEnroll.js';
import { useCommand } from '../../data/use-command.js';
import './staff.css';

/**
 * Staff sign-in on a shared terminal, the same on every staff screen: staff number and PIN
 * (keyboard or on-screen keypad), and the first-time path that sets a PIN with the one-time code
 * a supervisor hands out. `notice` (an i18n key) says why the person is here again.
 */
export function StaffSignIn({ title, lead, notice, page }: { title: string; lead?: string; notice: string | null; page: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<'sign-in' | 'enroll'>('sign-in');
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const form = useProblems();
  // The gate reads who is signed in again once the host has answered.
  const signIn = useCommand('staffSignIn', { invalidates: ['staffMe'] });

  if (mode === 'enroll') return <StaffEnroll initialStaffNo={staffNo} onCancel={() => setMode('sign-in')} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (!STAFF_NO_PATTERN.test(staffNo)) found.push({ id: `${id}-no`, label: t('staff.staffNo'), problem: { key: 'form.staffNoFormat' } });
    if (!PIN_PATTERN.test(pin)) found.push({ id: `${id}-pin`, label: t('staff.pin'), problem: { key: 'form.pinFormat' } });
    if (!form.check(found)) return;
    // A wrong PIN is typed again from scratch; the number usually was right.
    void signIn.run({ body: { staffNo, pin } }).then((r) => r ?? setPin(''));
  };

  const Heading = page ? 'h1' : 'h2';
  const body = (
    <>
      <Heading>{title}</Heading>
      {lead ? <p className="staff-sign-in__lead">{lead}</p> : null}
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <form className="staff-form" onSubmit={submit} noValidate>
        <ProblemSummary form={form} />
        <AlertRegion messageKey={signIn.error?.key ?? null} onDismiss={signIn.clearError} />
        <StaffNoField
          id={`${id}-no`}
          label={t('staff.staffNo')}
          value={staffNo}
          onChange={setStaffNo}
          disabled={signIn.busy}
          problem={form.problemOf(`${id}-no`)}
        />
        <StaffPinField
          id={`${id}-pin`}
          label={t('staff.pin')}
          hint={t('staff.pinHint')}
          value={pin}
          onChange={setPin}
          disabled={signIn.busy}
          problem={form.problemOf(`${id}-pin`)}
        />
        <KeypadDigits
          label={t('staff.pinKeypad')}
          disabled={signIn.busy}
          onDigit={(d) => setPin((p) => (p + d).slice(0, PIN_MAX_LENGTH))}
          onBackspace={() => setPin((p) => p.slice(0, -1))}
          onClear={() => setPin('')}
        />
        <button type="submit" className="btn btn--primary staff-form__submit" disabled={signIn.busy}>
          {signIn.busy ? t('staff.signingIn') : t('staff.signIn')}
        </button>
      </form>
      <p className="staff-sign-in__first">
        <button type="button" className="btn" onClick={() => setMode('enroll')}>
          {t('staff.firstTime')}
        </button>
      </p>
    </>
  );
  return page ? <main className="staff-sign-in">{body}</main> : <section className="panel staff-sign-in">{body}</section>;
}
