import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A destructive action asked twice: the button, then "really?" with yes and cancel beside it. */
export function ConfirmButton({
  label,
  ariaLabel,
  question,
  confirm,
  busy,
  onConfirm,
}: {
  label: string;
  ariaLabel?: string;
  question: string;
  confirm: string;
  busy: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn" aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={question}>
      <span className="confirm__q">{question}</span>
      <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void onConfirm().then(() => setAsking(false))}>
        {confirm}
      </button>
      <button type="button" className="btn" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
