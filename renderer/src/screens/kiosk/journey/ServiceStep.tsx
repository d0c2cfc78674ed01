import { useTranslation } from 'react-i18next';
import type { BusinessLine } from '@domain/business-lines.js';
import type { Service } from '@domain/catalog/catalog-schema.js';
import { textIn } from './journey-model.js';
import { BackButton, StepFrame } from './StepFrame.js';

export function useLimitText(): (s: Service) => string {
  const { t } = useTranslation();
  return (s) => (s.timeLimitDays === 0 ? t('journey.limit.onTheSpot') : t('journey.limit.days', { n: s.timeLimitDays }));
}

export function useFeeText(): (s: Service) => string {
  const { t } = useTranslation();
  return (s) => (s.fee.yuan === 0 ? t('journey.fee.free') : t('journey.fee.yuan', { yuan: s.fee.yuan }));
}

/**
 * The services of one business line. At a booth only those that finish without a clerk can be
 * chosen; the others stay listed, marked as needing a window, so the citizen learns where to go.
 */
export function ServiceStep({
  line,
  services,
  booth,
  onChoose,
  onQuickTicket,
  onBack,
}: {
  line: BusinessLine;
  services: readonly Service[];
  booth: boolean;
  onChoose: (s: Service) => void;
  onQuickTicket: (() => void) | null;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const limit = useLimitText();
  const fee = useFeeText();
  const own = services.filter((s) => s.line === line);
  return (
    <StepFrame title={t('journey.service.title')} caption={t(`line.${line}`)} guide="service" foot={<BackButton onBack={onBack} />}>
      <ul className="service-list">
        {own.map((s) => {
          const offered = !booth || s.boothEligible;
          return (
            <li key={s.code}>
              <button type="button" className="service-button" disabled={!offered} aria-describedby={`svc-${s.code}-d`} onClick={() => onChoose(s)}>
                <span className="service-button__name">{textIn(s.name, i18n.language)}</span>
                <span id={`svc-${s.code}-d`} className="service-button__meta">
                  {offered ? (
                    <>
                      <span className="service-button__fact">{t('journey.service.timeLimit', { limit: limit(s) })}</span>
                      <span className="service-button__fact">{t('journey.service.fee', { fee: fee(s) })}</span>
                    </>
                  ) : (
                    t('journey.service.windowOnly')
                  )}
                </span>
              </button>
            </li>
          );
        })}
        {onQuickTicket ? (
          <li>
            <button type="button" className="service-button service-button--quick" aria-describedby="svc-quick-d" onClick={onQuickTicket}>
              <span className="service-button__name">{t('journey.service.quickTicket')}</span>
              <span id="svc-quick-d" className="service-button__meta">
                {t('journey.service.quickTicketDesc')}
              </span>
            </button>
          </li>
        ) : null}
      </ul>
    </StepFrame>
  );
}
