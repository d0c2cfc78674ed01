import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A field's problem: an i18n key with its values, never raw text. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

/** In the order the fields appear on the form, so the summary reads top to bottom. */
export type Problems = { id: string; label: string; problem: FieldProblem }[];

/**
 * The GOV.UK error summary: on a failed submit it takes focus, says how many problems there are and
 * links each one to its field; each field also shows its own message above the input.
 */
export function ErrorSummary({ problems, attempt }: { problems: Problems; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0 && problems.length > 0) ref.current?.focus();
    // Focus only on a new submit attempt, not while the person types.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${problems[0]?.id}-summary-h`}>
      <h3 id={`${problems[0]?.id}-summary-h`} className="error-summary__title">
        {t('admin.form.summaryTitle')}
      </h3>
      <ul className="error-summary__list">
        {problems.map((p) => (
          <li key={p.id}>
            <a
              href={`#${p.id}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(p.id)?.focus();
              }}
            >
              {p.label}: {t(p.problem.key, p.problem.values)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Label, hint, the field's own error message, then the control (given the ids it must carry). */
export function Field({
  id,
  label,
  hint,
  problem,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  problem?: FieldProblem | undefined;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={problem ? 'form-field form-field--error' : 'form-field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('admin.form.errorPrefix')}</span>
          {t(problem.key, problem.values)}
        </p>
      ) : null}
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(problem ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

/** A whole number within bounds, or the problem with it. */
export function checkInt(raw: string, min: number, max: number): FieldProblem | null {
  if (raw.trim() === '') return { key: 'admin.form.required' };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) return { key: 'admin.form.intRange', values: { min, max } };
  return null;
}
