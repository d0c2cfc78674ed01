import type { ReactNode } from 'react';

/**
 * A one-time code the screen has just issued (a pairing code, a staff member's enrolment code, an
 * appointment code): what it is for, the code large, and how to hand it over. Announced politely.
 */
export function IssuedCode({
  title,
  label,
  code,
  testId,
  hint,
  more,
}: {
  title: string;
  label: string;
  code: string;
  testId?: string;
  hint?: string;
  more?: ReactNode;
}) {
  return (
    <div className="issued" role="status">
      <p className="issued__title">{title}</p>
      <dl className="facts">
        <dt>{label}</dt>
        <dd className="issued__code" data-testid={testId}>
          {code}
        </dd>
        {more}
      </dl>
      {hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );
}
