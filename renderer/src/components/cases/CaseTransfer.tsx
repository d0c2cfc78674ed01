import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './case-list.css';
import type { StaffRef } from '@domain/contract/cases-api.js';
import { Field, type Problems } from '../form/Field.js';
import { ProblemSummary } from '../form/ProblemSummary.js';
import { useProblems } from '../form/use-problems.js';
import { useCommand } from '../../data/use-command.js';
import type { CommandError } from '../../data/errors.js';
import { useQuery } from '../../data/use-query.js';

/**
 * 首接责任 handed on: the owner (or a supervisor) names the colleague who takes the case over and
 * why. The host records both in the case's history and the audit log.
 */
export function CaseTransfer({
  view,
  onDone,
  onFailed,
}: {
  view: { caseNumber: string; version: number; owner: StaffRef | null };
  onDone: (name: string) => void;
  onFailed: (e: CommandError) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const problems = useProblems();
  const colleagues = useQuery('caseColleagues', open ? {} : null);
  const transfer = useCommand('transferCase', { invalidates: ['caseView', 'myCases', 'caseDeadlines'] });
  useEffect(() => {
    if (transfer.error) onFailed(transfer.error);
  }, [transfer.error, onFailed]);
  const others = (colleagues.data?.staff ?? []).filter((s) => s.staffNo !== view.owner?.staffNo);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (to === '') found.push({ id: `${id}-to`, label: t('cases.transfer.to'), problem: { key: 'form.required' } });
    if (reason.trim() === '') found.push({ id: `${id}-reason`, label: t('cases.transfer.reason'), problem: { key: 'form.required' } });
    if (!problems.check(found)) return;
    void transfer.run({ params: { case: view.caseNumber }, body: { version: view.version, toStaffNo: to, reason: reason.trim() } }).then((r) => {
      if (!r) return;
      setOpen(false);
      onDone(r.case.owner?.name ?? to);
    });
  };

  if (!open)
    return (
      <button type="button" className="btn" aria-label={t('cases.transfer.openCase', { case: view.caseNumber })} onClick={() => setOpen(true)}>
        {t('cases.transfer.open')}
      </button>
    );
  return (
    <form className="case-action-form" aria-labelledby={`${id}-h`} onSubmit={submit} noValidate>
      <h5 id={`${id}-h`}>{t('cases.transfer.title')}</h5>
      <ProblemSummary form={problems} />
      <Field id={`${id}-to`} label={t('cases.transfer.to')} problem={problems.problemOf(`${id}-to`)}>
        {(aria) => (
          <select {...aria} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('cases.form.pick')}</option>
            {others.map((s) => (
              <option key={s.staffNo} value={s.staffNo}>
                {t('cases.staff', { name: s.name, staffNo: s.staffNo })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-reason`} label={t('cases.transfer.reason')} problem={problems.problemOf(`${id}-reason`)}>
        {(aria) => <input {...aria} value={reason} maxLength={200} autoComplete="off" onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="case-form__buttons">
        <button type="submit" className="btn btn--primary" disabled={transfer.busy}>
          {transfer.busy ? t('clerk.working') : t('cases.transfer.confirm')}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
