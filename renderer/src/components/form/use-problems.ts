import { useCallback, useState } from 'react';
import type { FieldProblem, Problems } from './Field.js';

export interface FormProblems {
  problems: Problems;
  /** Counts submits, so the summary takes focus on each new one. */
  attempt: number;
  /** Records what a submit found; true when there is nothing to fix. */
  check: (found: Problems) => boolean;
  problemOf: (fieldId: string) => FieldProblem | undefined;
}

/** A form's client-side problems, checked on each submit (GOV.UK: validate on submit, not per key). */
export function useProblems(): FormProblems {
  const [problems, setProblems] = useState<Problems>([]);
  const [attempt, setAttempt] = useState(0);
  const check = useCallback((found: Problems) => {
    setProblems(found);
    setAttempt((n) => n + 1);
    return found.length === 0;
  }, []);
  const problemOf = useCallback((fieldId: string) => problems.find((p) => p.id === fieldId)?.problem, [problems]);
  return { problems, attempt, check, problemOf };
}
