import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '@domain/catalog/catalog-schema.js';
import { REFUSAL_REASON_CODES, type RefusalReasonCode } from '@domain/cases/refusal-reasons.js';
import type { CaseView } from '@domain/contract/cases-api.js';
import { validateIdNumber } from '@domain/identity/id-number.js';
import { callApi } from '../../../api/client.js';
import { Field, type Problems } from '../../../components/form/Field.js';
import { ProblemSummary } from '../../../components/form/ProblemSummary.js';
import { useProblems } from '../../../components/form/use-problems.js';
import { formatDay } from '../../../i18n/format.js';
import type { Run } from './CaseActions.js';
import { materialName } from '../../../components/cases/case-text.js';

interface FormProps {
  view: CaseView;
  at: { windowId: number; version: number };
  busy: boolean;
  run: Run;
  onCancel: () => void;
}

function Buttons({ busy, confirm, onCancel }: { busy: boolean; confirm: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="case-form__buttons">
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? t('clerk.working') : confirm}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/**
 * 容缺受理: the 容缺 papers not ticked are the ones missing; the date follows from the catalog's
 * days in working days (the host works it out). Where the missing paper is a kinship proof, the
 * 亲属关系承诺书 is printed pre-filled with these details for the applicant to sign.
 */
export function DeferForm({ view, service, ticked, ...p }: FormProps & { service: Service | undefined; ticked: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation();
  const day = (iso: string | null) => (iso ? formatDay(iso, i18n.language) : '');
  const id = useId();
  const problems = useProblems();
  const paper = view.materials.filter((m) => m.requirement !== 'data_sharing');
  const missing = paper.filter((m) => m.requirement === 'deferrable' && !ticked.has(m.code));
  const unseen = paper.filter((m) => m.requirement === 'mandatory' && !ticked.has(m.code));
  const pledged = missing.find((m) => m.pledge);
  const relativeId = pledged?.pledge?.relativeIdField ? view.form[pledged.pledge.relativeIdField] : undefined;
  const [relative, setRelative] = useState({
    name: '',
    idNumber: typeof relativeId === 'string' ? relativeId : '',
    relationship: pledged?.pledge?.relationship ?? '',
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (pledged) {
      if (relative.name.trim() === '') found.push({ id: `${id}-name`, label: t('cases.pledge.name'), problem: { key: 'form.required' } });
      if (relative.idNumber.trim() !== '' && !validateIdNumber(relative.idNumber).ok)
        found.push({ id: `${id}-id`, label: t('cases.pledge.idNumber'), problem: { key: 'form.idNumberInvalid' } });
      if (relative.relationship.trim() === '') found.push({ id: `${id}-rel`, label: t('cases.pledge.relationship'), problem: { key: 'form.required' } });
    }
    if (!problems.check(found)) return;
    const pledge = pledged
      ? {
          relativeName: relative.name.trim(),
          relationship: relative.relationship.trim(),
          ...(relative.idNumber.trim() ? { relativeIdNumber: relative.idNumber.trim() } : {}),
        }
      : undefined;
    void p.run(
      'defer',
      () =>
        callApi('acceptCaseDeferred', {
          params: { case: view.caseNumber },
          body: { ...p.at, received: [...ticked], missing: missing.map((m) => m.code), ...(pledge ? { pledge } : {}) },
        }),
      (r) => ({ key: 'cases.done.deferred', values: { date: day(r.case.supplementBy) } }),
    );
  };

  const names = (list: typeof paper) => list.map((m) => materialName(service, m.code, i18n.language)).join(t('common.listSeparator'));
  return (
    <form className="case-action-form" aria-labelledby={`${id}-h`} onSubmit={submit} noValidate>
      <h5 id={`${id}-h`}>{t('cases.defer.title')}</h5>
      {unseen.length > 0 ? (
        <p className="case-actions__hint">{t('cases.defer.mandatoryUnseen', { list: names(unseen) })}</p>
      ) : missing.length === 0 ? (
        <p className="case-actions__hint">{t('cases.defer.nothingMissing')}</p>
      ) : (
        <>
          <p>{t('cases.defer.missing', { list: names(missing) })}</p>
          <ProblemSummary form={problems} />
          {pledged ? (
            <fieldset className="case-fieldset">
              <legend>{t('cases.pledge.legend')}</legend>
              <Field id={`${id}-name`} label={t('cases.pledge.name')} problem={problems.problemOf(`${id}-name`)}>
                {(aria) => <input {...aria} value={relative.name} autoComplete="off" onChange={(e) => setRelative({ ...relative, name: e.target.value })} />}
              </Field>
              <Field id={`${id}-id`} label={t('cases.pledge.idNumber')} hint={t('cases.pledge.idHint')} problem={problems.problemOf(`${id}-id`)}>
                {(aria) => (
                  <input
                    {...aria}
                    value={relative.idNumber}
                    maxLength={18}
                    autoComplete="off"
                    onChange={(e) => setRelative({ ...relative, idNumber: e.target.value.toUpperCase() })}
                  />
                )}
              </Field>
              <Field id={`${id}-rel`} label={t('cases.pledge.relationship')} problem={problems.problemOf(`${id}-rel`)}>
                {(aria) => (
                  <input
                    {...aria}
                    value={relative.relationship}
                    autoComplete="off"
                    onChange={(e) => setRelative({ ...relative, relationship: e.target.value })}
                  />
                )}
              </Field>
            </fieldset>
          ) : null}
          <Buttons busy={p.busy} confirm={t('cases.defer.confirm')} onCancel={p.onCancel} />
        </>
      )}
      {unseen.length > 0 || missing.length === 0 ? (
        <button type="button" className="btn" onClick={p.onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </form>
  );
}

/** 不予受理: a reason from the hall's list, the clerk's own words (needed for "another reason"). */
export function RefuseForm({ view, ...p }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const problems = useProblems();
  const [reason, setReason] = useState<RefusalReasonCode | ''>('');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (reason === '') found.push({ id: `${id}-reason-${REFUSAL_REASON_CODES[0]}`, label: t('cases.refuse.reason'), problem: { key: 'form.required' } });
    if (reason === 'other' && text.trim().length < 2) found.push({ id: `${id}-text`, label: t('cases.refuse.text'), problem: { key: 'form.required' } });
    if (!problems.check(found) || reason === '') return;
    void p.run(
      'refuse',
      () => callApi('refuseCase', { params: { case: view.caseNumber }, body: { ...p.at, reason, text: text.trim() } }),
      () => ({ key: 'cases.done.refused' }),
    );
  };
  return (
    <form className="case-action-form" aria-labelledby={`${id}-h`} onSubmit={submit} noValidate>
      <h5 id={`${id}-h`}>{t('cases.refuse.title')}</h5>
      <ProblemSummary form={problems} />
      <fieldset className="case-fieldset">
        <legend>{t('cases.refuse.reason')}</legend>
        {REFUSAL_REASON_CODES.map((code) => (
          <label key={code} className="case-choice">
            <input type="radio" id={`${id}-reason-${code}`} name={`${id}-reason`} checked={reason === code} onChange={() => setReason(code)} />
            {t(`cases.refusal.${code}`)}
          </label>
        ))}
      </fieldset>
      <Field id={`${id}-text`} label={t('cases.refuse.text')} hint={t('cases.refuse.textHint')} problem={problems.problemOf(`${id}-text`)}>
        {(aria) => <textarea {...aria} rows={3} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Buttons busy={p.busy} confirm={t('cases.refuse.confirm')} onCancel={p.onCancel} />
    </form>
  );
}

/** 领取: the applicant in person, or an agent with their own ID card (checked as typed). */
export function HandOverForm({ view, ...p }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const problems = useProblems();
  const [kind, setKind] = useState<'applicant' | 'agent'>('applicant');
  const [agent, setAgent] = useState({ name: '', idNumber: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = [];
    if (kind === 'agent') {
      if (agent.name.trim() === '') found.push({ id: `${id}-name`, label: t('cases.handOver.agentName'), problem: { key: 'form.required' } });
      if (!validateIdNumber(agent.idNumber).ok) found.push({ id: `${id}-id`, label: t('cases.handOver.agentId'), problem: { key: 'form.idNumberInvalid' } });
    }
    if (!problems.check(found)) return;
    const collector = kind === 'agent' ? { kind, name: agent.name.trim(), idNumber: agent.idNumber.trim() } : { kind };
    void p.run(
      'hand_over',
      () => callApi('handOverCase', { params: { case: view.caseNumber }, body: { ...p.at, collector } }),
      () => ({ key: 'cases.done.handedOver' }),
    );
  };
  return (
    <form className="case-action-form" aria-labelledby={`${id}-h`} onSubmit={submit} noValidate>
      <h5 id={`${id}-h`}>{t('cases.handOver.title')}</h5>
      <ProblemSummary form={problems} />
      <fieldset className="case-fieldset">
        <legend>{t('cases.handOver.who')}</legend>
        {(['applicant', 'agent'] as const).map((k) => (
          <label key={k} className="case-choice">
            <input type="radio" name={`${id}-who`} checked={kind === k} onChange={() => setKind(k)} />
            {t(`cases.handOver.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'agent' ? (
        <>
          <Field id={`${id}-name`} label={t('cases.handOver.agentName')} problem={problems.problemOf(`${id}-name`)}>
            {(aria) => <input {...aria} value={agent.name} autoComplete="off" onChange={(e) => setAgent({ ...agent, name: e.target.value })} />}
          </Field>
          <Field id={`${id}-id`} label={t('cases.handOver.agentId')} problem={problems.problemOf(`${id}-id`)}>
            {(aria) => (
              <input
                {...aria}
                value={agent.idNumber}
                maxLength={18}
                autoComplete="off"
                onChange={(e) => setAgent({ ...agent, idNumber: e.target.value.toUpperCase() })}
              />
            )}
          </Field>
        </>
      ) : null}
      <Buttons busy={p.busy} confirm={t('cases.handOver.confirm')} onCancel={p.onCancel} />
    </form>
  );
}
