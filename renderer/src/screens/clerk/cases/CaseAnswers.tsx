import { Fragment, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, Service } from '@domain/catalog/catalog-schema.js';
import type { FormData, FormValue } from '@domain/catalog/form-schema.js';
import type { CaseView } from '@domain/contract/cases-api.js';
import { ProblemSummary } from '../../../components/form/ProblemSummary.js';
import { useProblems } from '../../../components/form/use-problems.js';
import { useCommand } from '../../../data/use-command.js';
import type { CommandError } from '../../../data/errors.js';
import { formatDateTime } from '../../../i18n/format.js';
import { answerText, fieldLabel, pick } from '../../../components/cases/case-text.js';
import { CaseFormFields, formProblems } from './CaseFormFields.js';

const EDITABLE = ['submitted', 'accepted', 'supplement_pending'];

/** The stored form as the inputs edit it (numbers and flags never occur in a catalog form). */
function asForm(form: CaseView['form']): FormData {
  const out: FormData = {};
  for (const [k, v] of Object.entries(form)) {
    if (typeof v === 'string') out[k] = v;
    else if (v !== null && typeof v === 'object') out[k] = v;
  }
  return out;
}

/**
 * The applicant's answers, which the clerk may correct until a decision is made (same checks as
 * the kiosk); every correction is kept, old → new, with who and when, and listed here.
 */
export function CaseAnswers({
  view,
  service,
  catalog,
  windowId,
  today,
  onFailed,
}: {
  view: CaseView;
  service: Service | undefined;
  catalog: Catalog;
  windowId: number;
  today: string;
  onFailed: (e: CommandError) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const [editing, setEditing] = useState<FormData | null>(null);
  const problems = useProblems();
  const save = useCommand('editCaseForm', { invalidates: ['caseView'] });
  // The ID number heads the case already; the other answers given are listed.
  const fields = (service?.fields ?? []).filter(
    (f) => f.key !== 'idNumber' && view.form[f.key] !== undefined && view.form[f.key] !== null && view.form[f.key] !== '',
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!editing || !service) return;
    if (!problems.check(formProblems(service, editing, { today, ports: catalog.ports.map((p) => p.value) }, id, lang))) return;
    void save.run({ params: { case: view.caseNumber }, body: { windowId, version: view.version, form: editing } }).then((r) => {
      if (r) setEditing(null);
    });
  };
  // The desk says what went wrong (a conflict reads the case again and names who has it).
  useEffect(() => {
    if (save.error) onFailed(save.error);
  }, [save.error, onFailed]);

  return (
    <section className="case-section" aria-labelledby={`${id}-h`}>
      <div className="case-section__head">
        <h4 id={`${id}-h`}>{t('cases.answers.title')}</h4>
        {editing === null && EDITABLE.includes(view.status) && service ? (
          <button type="button" className="btn" onClick={() => setEditing(asForm(view.form))}>
            {t('cases.answers.edit')}
          </button>
        ) : null}
      </div>
      {editing && service ? (
        <form className="case-answers__form" onSubmit={submit} noValidate>
          <ProblemSummary form={problems} />
          <CaseFormFields
            service={service}
            catalog={catalog}
            answers={editing}
            prefix={id}
            locked={['idNumber']}
            problemOf={problems.problemOf}
            onChange={(key: string, value: FormValue) => setEditing((f) => (f ? { ...f, [key]: value } : f))}
          />
          <div className="case-form__buttons">
            <button type="submit" className="btn btn--primary" disabled={save.busy}>
              {save.busy ? t('form.saving') : t('cases.answers.save')}
            </button>
            <button type="button" className="btn" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <dl className="facts">
          {fields.map((f) => (
            <Fragment key={f.key}>
              <dt>{pick(f.label, lang)}</dt>
              <dd>{answerText(f, view.form[f.key], catalog, lang)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {view.formChanges.length > 0 ? (
        <>
          <h5>{t('cases.answers.changes')}</h5>
          <ul className="case-changes">
            {view.formChanges.map((c, i) => (
              <li key={i}>
                {t('cases.answers.change', {
                  field: fieldLabel(service, c.field, lang),
                  from: c.oldValue ?? '—',
                  to: c.newValue ?? '—',
                  name: c.staff.name,
                  staffNo: c.staff.staffNo,
                  time: formatDateTime(c.at, lang),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
