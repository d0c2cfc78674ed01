import { useTranslation } from 'react-i18next';
import type { Service } from '@domain/catalog/catalog-schema.js';
import { textIn } from './journey-model.js';
import { PrintNoticeButton } from './PrintNotice.js';
import { StepFoot, StepFrame } from './StepFrame.js';

/** A mandatory material is missing: no ticket (the window would only turn them away), the notice instead. */
export function BlockedStep({
  service,
  missing,
  onChange,
  onFinish,
}: {
  service: Service;
  missing: readonly string[];
  onChange: () => void;
  onFinish: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const items = service.materials.filter((m) => missing.includes(m.code));
  return (
    <StepFrame
      title={t('journey.blocked.title')}
      caption={textIn(service.name, lng)}
      guide="blocked"
      foot={<StepFoot onBack={onChange} next={t('journey.blocked.finish')} onNext={onFinish} />}
    >
      <p>{t('journey.blocked.lead', { service: textIn(service.name, lng) })}</p>
      <ul className="materials-list materials-list--missing">
        {items.map((m) => (
          <li key={m.code}>{textIn(m.name, lng)}</li>
        ))}
      </ul>
      <p>{t('journey.blocked.advice')}</p>
      <PrintNoticeButton serviceCode={service.code} missing={missing} />
    </StepFrame>
  );
}
