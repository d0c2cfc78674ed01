import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** The id of the input the message belongs to (the summary links to it). */
  fieldId: string;
  text: string;
}

/**
 * The error summary at the top of a form (GOV.UK pattern): when a submit finds problems it takes
 * focus, so they are announced, says what is wrong and links each entry to the field at fault.
 * `attempt` counts submits: focus moves on a new submit, not while the person types a fix. Without
 * it (the kiosk's one-question pages, whose problems appear only on submit) focus moves whenever
 * the problems change.
 */
export function ErrorSummary({ items, attempt, titleKey = 'form.summaryTitle' }: { items: readonly SummaryItem[]; attempt?: number; titleKey?: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const shown = items.length > 0;
  const trigger = attempt ?? items.map((i) => i.fieldId + i.text).join('|');
  useEffect(() => {
    if (trigger !== 0 && shown) box.current?.focus();
    // Only a new attempt (or new problems) moves focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trigger]);
  if (!shown) return null;
  const titleId = `${items[0]?.fieldId ?? 'form'}-summary-h`;
  return (
    <div ref={box} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h3 id={titleId} className="error-summary__title">
        {t(titleKey)}
      </h3>
      <ul className="error-summary__list">
        {items.map((e) => (
          <li key={e.fieldId + e.text}>
            <a
              href={`#${e.fieldId}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.fieldId)?.focus();
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
