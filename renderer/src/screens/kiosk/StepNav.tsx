import { useTranslation } from 'react-i18next';

/**
 * The foot of every kiosk question: back, and (where the step ends in a ticket) take the ticket.
 * `onConfirm` absent = a submit button for the step's form.
 */
export function StepNav({ busy, onBack, takesTicket = true, onConfirm }: { busy: boolean; onBack: () => void; takesTicket?: boolean; onConfirm?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="kiosk-step-nav">
      <button type="button" className="btn btn--huge kiosk-back" onClick={onBack} disabled={busy}>
        {t('kiosk.back')}
      </button>
      {takesTicket ? (
        <button type={onConfirm ? 'button' : 'submit'} className="btn btn--primary btn--huge" onClick={onConfirm} disabled={busy} aria-busy={busy}>
          {busy ? t('kiosk.taking') : t('kiosk.takeTicket')}
        </button>
      ) : null}
    </div>
  );
}
