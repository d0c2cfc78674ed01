import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '@domain/contract/cases-api.js';
import { checkInt, Field, type Problems } from '../../components/form/Field.js';
import { ProblemSummary } from '../../components/form/ProblemSummary.js';
import { useProblems } from '../../components/form/use-problems.js';
import { useCommand } from '../../data/use-command.js';
import { formatDay } from '../../i18n/format.js';

/**
 * A supervisor's decision on a 容缺 supplement: more working days (the citizen asked, or was
 * held up), or, once its date has passed, closing the case (视为撤回) with the notice printed.
 */
export function SupplementDecision({
  summary,
  kind,
  onCancel,
  onDone,
}: {
  summary: CaseSummary;
  kind: 'extend' | 'close';
  onCancel: () => void;
  onDone: (key: string, values: Record<string, string>) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const problems = useProblems();
  const [days, setDays] = useState('5');
  const [reason, setReason] = useState('');
  const extend = useCommand('extendSupplement', { invalidates: ['caseDeadlines'] });
  const close = useCommand('closeSupplement', { invalidates: ['caseDeadlines'] });
  const busy = extend.busy || close.busy;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    const daysProblem = kind === 'extend' ? checkInt(days, 1, 30) : null;
    if (daysProblem) found.push({ id: `${id}-days`, label: t('cases.extend.days'), problem: daysProblem });
    if (reason.trim() === '') found.push({ id: `${id}-reason`, label: t('cases.extend.reason'), problem: { key: 'form.required' } });
    if (!problems.check(found)) return;
    const params = { case: summary.caseNumber };
    const body = { version: summary.version, reason: reason.trim() };
    // A refusal (the case changed meanwhile, the date not yet passed) shows in this form.
    if (kind === 'extend')
      void extend
        .run({ params, body: { ...body, days: Number(days) } })
        .then(
          (r) =>
            r && onDone('cases.done.extended', { case: summary.caseNumber, date: r.case.supplementBy ? formatDay(r.case.supplementBy, i18n.language) : '' }),
        );
    else void close.run({ params, body }).then((r) => r && onDone('cases.done.closed', { case: summary.caseNumber }));
  };

  return (
    <form className="case-action-form" aria-labelledby={`${id}-h`} onSubmit={submit} noValidate>
      <h3 id={`${id}-h`}>{t(kind === 'extend' ? 'cases.extend.title' : 'cases.closeOverdue.title', { case: summary.caseNumber })}</h3>
      <ProblemSummary form={problems} />
      {kind === 'extend' ? (
        <Field id={`${id}-days`} label={t('cases.extend.days')} problem={problems.problemOf(`${id}-days`)}>
          {(aria) => <input {...aria} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
      ) : (
        <p>{t('cases.closeOverdue.lead')}</p>
      )}
      <Field id={`${id}-reason`} label={t('cases.extend.reason')} problem={problems.problemOf(`${id}-reason`)}>
        {(aria) => <input {...aria} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {extend.error || close.error ? (
        <p role="alert" className="field-error">
          {t((extend.error ?? close.error)?.key ?? '')}
        </p>
      ) : null}
      <div className="case-form__buttons">
        <button type="submit" className={kind === 'close' ? 'btn btn--danger' : 'btn btn--primary'} disabled={busy}>
          {busy ? t('form.saving') : t(kind === 'extend' ? 'cases.extend.confirm' : 'cases.closeOverdue.confirm')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
