import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A step that writes text (the callback's result, the fix, the answer, the appeal's reason). */
export function StepText({
  step,
  value,
  enabled,
  busy,
  onSave,
}: {
  step: 'callback' | 'fix' | 'answer' | 'appeal';
  value: string;
  enabled: boolean;
  busy: boolean;
  onSave: (text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  if (!enabled && value === '') return null;
  return (
    <div className="rect-step">
      <label htmlFor={`${id}-text`}>{t(`ratings.field.${step}`)}</label>
      <textarea id={`${id}-text`} rows={2} maxLength={1000} value={text} readOnly={!enabled} onChange={(e) => setText(e.target.value)} />
      {enabled ? (
        <button type="button" className="btn" disabled={busy || text.trim() === '' || text === value} onClick={() => onSave(text.trim())}>
          {t(`ratings.step.${step}`)}
        </button>
      ) : null}
    </div>
  );
}
