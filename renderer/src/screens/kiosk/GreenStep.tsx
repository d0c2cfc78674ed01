import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StepNav } from './StepNav.js';

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
      <StepNav busy={busy} onBack={onBack} onConfirm={onConfirm} />
    </section>
  );
}
