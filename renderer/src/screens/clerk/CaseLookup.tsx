import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '@domain/catalog/catalog-schema.js';
import { CASE_NUMBER_PATTERN, type FullApplication } from '@domain/contract/applications-api.js';
import { ApiError, callApi, errorKey } from '../../api/client.js';
import { ApplicationCase, loadCatalog } from './ApplicationCase.js';

/**
 * An application by its case number: one taken at the 24-hour booth while the hall was closed has
 * no ticket, so its applicant comes to a window with the number instead. Each lookup is audited.
 */
export function CaseLookup() {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<{ apps: FullApplication[]; catalog: Catalog | null } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const caseNumber = value.trim().toUpperCase();
    setFound(null);
    if (!CASE_NUMBER_PATTERN.test(caseNumber)) return setError('clerk.caseLookup.format');
    setError(null);
    setBusy(true);
    Promise.all([callApi('applicationByCase', { params: { case: caseNumber } }), loadCatalog().catch(() => null)])
      .then(([r, catalog]) => setFound({ apps: r.applications, catalog }))
      .catch((err: unknown) => setError(err instanceof ApiError && err.code === 'not_found' ? 'clerk.caseLookup.notFound' : errorKey(err)))
      .finally(() => setBusy(false));
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
      {found?.apps.map((a) => (
        <ApplicationCase key={a.caseNumber} application={a} catalog={found.catalog} />
      ))}
    </section>
  );
}
