import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryItem } from './ErrorSummary.js';

/** A field's problem: an i18n key with its values, never raw text. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

/** In the order the fields appear on the form, so the summary reads top to bottom. */
export type Problems = { id: string; label: string; problem: FieldProblem }[];

/** A form's problems as the error summary lists them: "label: message", linked to the field. */
export function summaryOf(problems: Problems, t: (key: string, values?: Record<string, string | number>) => string): SummaryItem[] {
  return problems.map((p) => ({ fieldId: p.id, text: `${p.label}: ${t(p.problem.key, p.problem.values)}` }));
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
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {t(problem.key, problem.values)}
        </p>
      ) : null}
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(problem ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

/** A whole number within bounds, or the problem with it. */
export function checkInt(raw: string, min: number, max: number): FieldProblem | null {
  if (raw.trim() === '') return { key: 'form.required' };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) return { key: 'form.intRange', values: { min, max } };
  return null;
}
