import { useTranslation } from 'react-i18next';
import type { Catalog, Field as CatalogField, Service } from '@domain/catalog/catalog-schema.js';
import { checkField, type FieldProblem as CheckProblem } from '@domain/catalog/field-check.js';
import type { FormData, FormValue } from '@domain/catalog/form-schema.js';
import { Field, type FieldProblem, type Problems } from '../../../components/form/Field.js';
import { pick } from '../../../components/cases/case-text.js';

/** The field's problem in words: the kiosk's texts for the same checks (journey.error.*). */
const PROBLEM_KEY: Record<CheckProblem, string> = {
  required: 'journey.error.required',
  choose: 'journey.error.choose',
  phone: 'journey.error.phone',
  date: 'journey.error.date',
  dateFuture: 'journey.error.dateFuture',
  datePast: 'journey.error.datePast',
  idFormat: 'journey.error.idFormat',
  idCheckDigit: 'journey.error.idCheckDigit',
  idBirthDate: 'journey.error.idBirthDate',
  idRegion: 'journey.error.idRegion',
  groupCode: 'journey.error.groupCode',
  letters: 'journey.error.letters',
  personName: 'journey.error.personName',
  tooLong: 'journey.error.tooLong',
};

const idFor = (prefix: string, key: string) => `${prefix}-${key}`;

/** Checks every field of the service by the kiosk's (and host's) rules, in the form's order. */
export function formProblems(
  service: Service,
  answers: FormData,
  ctx: { today: string; ports: readonly string[] },
  prefix: string,
  language: string,
): Problems {
  return service.fields.flatMap((f) => {
    const p = checkField(f, answers[f.key], answers, ctx);
    const label = pick(f.label, language);
    return p ? [{ id: idFor(prefix, f.key), label, problem: { key: PROBLEM_KEY[p], values: { field: label } } }] : [];
  });
}

/**
 * A service's whole form for a clerk at the window (the kiosk asks one question per page; the
 * clerk sees them all): the same fields, options and checks. `locked` fields show but do not
 * change (the applicant's ID number when correcting answers).
 */
export function CaseFormFields({
  service,
  catalog,
  answers,
  onChange,
  problemOf,
  prefix,
  locked = [],
}: {
  service: Service;
  catalog: Catalog;
  answers: FormData;
  onChange: (key: string, value: FormValue) => void;
  problemOf: (fieldId: string) => FieldProblem | undefined;
  prefix: string;
  locked?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const input = (f: CatalogField, aria: { id: string }) => {
    const raw = answers[f.key];
    const value = typeof raw === 'string' ? raw : '';
    const disabled = locked.includes(f.key);
    switch (f.type) {
      case 'select':
      case 'port': {
        const options = f.type === 'select' ? (f.options ?? []) : catalog.ports;
        return (
          <select {...aria} value={value} disabled={disabled} onChange={(e) => onChange(f.key, e.target.value)}>
            <option value="">{t('cases.form.pick')}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {pick(o.label, lang)}
              </option>
            ))}
          </select>
        );
      }
      case 'pinyinName': {
        const name = typeof raw === 'object' ? raw : { surname: '', givenName: '' };
        return (
          <span className="case-form__pinyin" role="group" aria-labelledby={`${aria.id}-label`}>
            <input
              {...aria}
              aria-label={t('cases.form.surname')}
              value={name.surname}
              autoComplete="off"
              onChange={(e) => onChange(f.key, { ...name, surname: e.target.value.toUpperCase() })}
            />
            <input
              aria-label={t('cases.form.givenName')}
              value={name.givenName}
              autoComplete="off"
              onChange={(e) => onChange(f.key, { ...name, givenName: e.target.value.toUpperCase() })}
            />
          </span>
        );
      }
      default:
        return (
          <input
            {...aria}
            type={f.type === 'date' ? 'date' : 'text'}
            inputMode={f.type === 'phone' ? 'tel' : undefined}
            value={value}
            disabled={disabled}
            autoComplete="off"
            spellCheck={false}
            maxLength={f.maxLength ?? (f.type === 'idNumber' ? 18 : 200)}
            onChange={(e) => onChange(f.key, f.type === 'idNumber' ? e.target.value.toUpperCase() : e.target.value)}
          />
        );
    }
  };
  return (
    <div className="case-form">
      {service.fields.map((f) => {
        const id = idFor(prefix, f.key);
        return (
          <Field key={f.key} id={id} label={pick(f.label, lang)} hint={f.required ? undefined : t('cases.form.optional')} problem={problemOf(id)}>
            {(aria) => input(f, aria)}
          </Field>
        );
      })}
    </div>
  );
}
