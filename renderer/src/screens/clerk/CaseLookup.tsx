import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import { CASE_NUMBER_PATTERN, type FullApplication } from '@domain/contract/applications-api.js';
import { useCommand } from '../../data/use-command.js';
import { ApplicationCase } from './ApplicationCase.js';

/**
 * An application by its case number: one taken at the 24-hour booth while the hall was closed has
 * no ticket, so its applicant comes to a window with the number instead. Each lookup is audited.
 */
export function CaseLookup({ catalog }: { catalog: Catalog | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState('');
  const [formatError, setFormatError] = useState(false);
  const [found, setFound] = useState<FullApplication[] | null>(null);
  const lookup = useCommand('applicationByCase');
  const busy = lookup.busy;
  const error = formatError
    ? 'clerk.caseLookup.format'
    : lookup.error
      ? lookup.error.code === 'not_found'
        ? 'clerk.caseLookup.notFound'
        : lookup.error.key
      : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const caseNumber = value.trim().toUpperCase();
    setFound(null);
    setFormatError(!CASE_NUMBER_PATTERN.test(caseNumber));
    if (!CASE_NUMBER_PATTERN.test(caseNumber)) return;
    void lookup.run({ params: { case: caseNumber } }).then((r) => r && setFound(r.applications));
  };

  return (
    <section className="panel clerk-case-lookup" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('clerk.caseLookup.title')}</h2>
      <p className="muted">{t('clerk.caseLookup.hint')}</p>
      <form className="inline-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-case`}>{t('clerk.caseLookup.label')}</label>
        <input
          id={`${id}-case`}
          value={value}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="btn" disabled={busy} aria-busy={busy}>
          {t('clerk.caseLookup.submit')}
        </button>
      </form>
      <p id={`${id}-error`} role="alert" className="field-error">
        {error ? t(error) : ''}
      </p>
      {found?.map((a) => (
        <ApplicationCase key={a.caseNumber} application={a} catalog={catalog} />
      ))}
    </section>
  );
}
