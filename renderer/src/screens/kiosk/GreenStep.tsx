import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const WHO = ['elderly', 'disabled', 'pregnant', 'military', 'urgent'] as const;

/** Who the green channel is for; nobody is asked for proof here, the clerk checks at the window. */
export function GreenStep({ busy, onConfirm, onBack }: { busy: boolean; onConfirm: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="kiosk-entry" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="kiosk-step-title">
        {t('kiosk.green.title')}
      </h2>
      <p className="kiosk-entry__label">{t('kiosk.green.who')}</p>
      <ul className="green-who">
        {WHO.map((w) => (
          <li key={w}>{t(`kiosk.green.${w}`)}</li>
        ))}
      </ul>
      <p className="green-check">{t('kiosk.green.check')}</p>
      <div className="kiosk-step-nav">
        <button type="button" className="btn btn--huge kiosk-back" onClick={onBack} disabled={busy}>
          {t('kiosk.back')}
        </button>
        <button type="button" className="btn btn--primary btn--huge" onClick={onConfirm} disabled={busy} aria-busy={busy}>
          {busy ? t('kiosk.taking') : t('kiosk.takeTicket')}
        </button>
      </div>
    </section>
  );
}
