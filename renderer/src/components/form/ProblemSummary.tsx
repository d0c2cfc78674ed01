import { useTranslation } from 'react-i18next';
import { summaryOf } from './Field.js';
import { ErrorSummary } from './ErrorSummary.js';
import type { FormProblems } from './use-problems.js';

/** The error summary of a form checked with useProblems. */
export function ProblemSummary({ form }: { form: FormProblems }) {
  const { t } = useTranslation();
  return <ErrorSummary items={summaryOf(form.problems, t)} attempt={form.attempt} />;
}
