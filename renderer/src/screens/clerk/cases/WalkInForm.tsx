import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import type { FormData, FormValue } from '@domain/catalog/form-schema.js';
import type { BusinessLine } from '@domain/business-lines.js';
import { serviceDay } from '@domain/service-day.js';
import { formToSend, identityFromCard, prefilled } from '../../kiosk/journey/journey-model.js';
import { pick } from '../../../components/cases/case-text.js';
import { Field } from '../../../components/form/Field.js';
import { ProblemSummary } from '../../../components/form/ProblemSummary.js';
import { useProblems } from '../../../components/form/use-problems.js';
import { useCommand } from '../../../data/use-command.js';
import { useHostClock, useHostEvent } from '../../../data/use-host-events.js';
import { hallTimeZone } from '../../../i18n/hall-zone.js';
import { CaseFormFields, formProblems } from './CaseFormFields.js';

/**
 * A walk-in without a pre-filled application: the clerk fills the kiosk's form for the applicant at
 * the counter, from the ID card laid on the window's reader (or typed), with the same checks; the
 * host checks it again, and a missing mandatory paper refuses it as at the kiosk. The application
 * joins the ticket being served here, and opens for the decision.
 */
export function WalkInForm({
  windowId,
  lines,
  catalog,
  onCreated,
  onCancel,
}: {
  windowId: number;
  lines: readonly BusinessLine[];
  catalog: Catalog;
  onCreated: (caseNumber: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const now = useHostClock();
  const [requestId] = useState(() => crypto.randomUUID());
  const [code, setCode] = useState('');
  const [answers, setAnswers] = useState<FormData>({});
  const [materials, setMaterials] = useState<string[]>([]);
  const problems = useProblems();
  const submit = useCommand('walkInCase', { invalidates: ['windowApplications'] });
  const services = catalog.services.filter((s) => lines.includes(s.line));
  const service = services.find((s) => s.code === code);

  // An ID card laid on the window's reader while this form is open fills what the card knows.
  useHostEvent('device.card', (e) => {
    const c = e.read.card;
    if (c && service) setAnswers((a) => ({ ...a, ...prefilled(service, identityFromCard(c)) }));
  });

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!service) return void problems.check([{ id: `${id}-service`, label: t('cases.walkIn.service'), problem: { key: 'form.required' } }]);
    const today = serviceDay(now(), hallTimeZone());
    if (!problems.check(formProblems(service, answers, { today, ports: catalog.ports.map((p) => p.value) }, id, lang))) return;
    void submit
      .run({ body: { requestId, windowId, serviceCode: service.code, form: formToSend(answers), materials } })
      .then((r) => r && onCreated(r.case.caseNumber));
  };
  const refused = submit.error;
  const missingMandatory = refused?.code === 'conflict' ? refused.issues.map((i) => i.path.split('.').pop() ?? '') : [];

  return (
    <section className="panel case-walk-in" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('cases.walkIn.title')}</h2>
      <p className="muted">{t('cases.walkIn.lead')}</p>
      <form onSubmit={send} noValidate>
        <ProblemSummary form={problems} />
        <Field id={`${id}-service`} label={t('cases.walkIn.service')} problem={problems.problemOf(`${id}-service`)}>
          {(aria) => (
            <select {...aria} value={code} onChange={(e) => (setCode(e.target.value), setAnswers({}), setMaterials([]))}>
              <option value="">{t('cases.form.pick')}</option>
              {services.map((s) => (
                <option key={s.code} value={s.code}>
                  {pick(s.name, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {service ? (
          <>
            <p className="field-hint">{t('cases.walkIn.cardHint')}</p>
            <CaseFormFields
              service={service}
              catalog={catalog}
              answers={answers}
              prefix={id}
              problemOf={problems.problemOf}
              onChange={(key: string, value: FormValue) => setAnswers((a) => ({ ...a, [key]: value }))}
            />
            <fieldset className="case-fieldset">
              <legend>{t('cases.walkIn.materials')}</legend>
              {service.materials
                .filter((m) => m.requirement !== 'data_sharing')
                .map((m) => (
                  <label key={m.code} className="case-choice">
                    <input
                      type="checkbox"
                      checked={materials.includes(m.code)}
                      onChange={(e) => setMaterials((list) => (e.target.checked ? [...list, m.code] : list.filter((c) => c !== m.code)))}
                    />
                    {pick(m.name, lang)}
                    {m.requirement === 'deferrable' ? ` ${t('cases.walkIn.deferrable', { days: m.supplyWithinDays })}` : ''}
                  </label>
                ))}
            </fieldset>
          </>
        ) : null}
        <p className="field-error" role="alert">
          {missingMandatory.length > 0
            ? t('cases.walkIn.mandatoryMissing', {
                list: missingMandatory
                  .map((c) => pick(service?.materials.find((m) => m.code === c)?.name ?? { 'zh-CN': c, mn: c, en: c }, lang))
                  .join(t('common.listSeparator')),
              })
            : refused
              ? t(refused.key)
              : ''}
        </p>
        <div className="case-form__buttons">
          <button type="submit" className="btn btn--primary" disabled={submit.busy}>
            {submit.busy ? t('clerk.working') : t('cases.walkIn.submit')}
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
