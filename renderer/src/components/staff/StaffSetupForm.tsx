import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/use-command.js';
import { AlertRegion } from '../AlertRegion.js';
import { Field, type Problems } from '../form/Field.js';
import { ProblemSummary } from '../form/ProblemSummary.js';
import { useProblems } from '../form/use-problems.js';
import { PIN_PATTERN, STAFF_NO_PATTERN } from '@domain/contract/staff-api.js';

/**
 * First start only: the host printed a setup code; whoever holds it creates the first
 * administrator, and is signed in as them at once (the gate reads who is signed in again).
 */
export function StaffSetupForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [v, setV] = useState({ setupCode: '', staffNo: '', name: '', pin: '', pin2: '' });
  const form = useProblems();
  const setup = useCommand('staffSetup', { invalidates: ['staffMe'] });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const label = (k: string) => t(`admin.setup.${k}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    const add = (k: string, key: string) => found.push({ id: `${id}-${k}`, label: label(k), problem: { key } });
    if (v.setupCode.trim() === '') add('setupCode', 'form.required');
    if (!STAFF_NO_PATTERN.test(v.staffNo.trim())) add('staffNo', 'form.staffNoFormat');
    if (v.name.trim() === '') add('name', 'form.required');
    if (!PIN_PATTERN.test(v.pin)) add('pin', 'form.pinFormat');
    else if (v.pin2 !== v.pin) add('pin2', 'form.pinMismatch');
    if (!form.check(found)) return;
    void setup.run({ body: { setupCode: v.setupCode, staffNo: v.staffNo.trim(), name: v.name.trim(), pin: v.pin } }).then((r) => r && onDone());
  };

  const input = (k: keyof typeof v, extra: Record<string, unknown> = {}) => (
    <Field
      id={`${id}-${k}`}
      label={label(k)}
      hint={k === 'setupCode' || k === 'pin' ? t(`admin.setup.${k}Hint`) : undefined}
      problem={form.problemOf(`${id}-${k}`)}
    >
      {(aria) => <input {...aria} value={v[k]} onChange={set(k)} autoComplete="off" {...extra} />}
    </Field>
  );

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.setup.title')}</h2>
      <p>{t('admin.setup.lead')}</p>
      <ProblemSummary form={form} />
      <AlertRegion messageKey={setup.error?.key ?? null} />
      <form className="stack admin-form" onSubmit={submit} noValidate>
        {input('setupCode', { spellCheck: false, autoCapitalize: 'characters', maxLength: 32 })}
        {input('staffNo', { spellCheck: false, maxLength: 20 })}
        {input('name', { maxLength: 40 })}
        {input('pin', { type: 'password', inputMode: 'numeric', maxLength: 12 })}
        {input('pin2', { type: 'password', inputMode: 'numeric', maxLength: 12 })}
        <button type="submit" className="btn btn--primary" disabled={setup.busy}>
          {setup.busy ? t('admin.setup.submitting') : t('admin.setup.submit')}
        </button>
      </form>
    </section>
  );
}
