import { useTranslation } from 'react-i18next';
import type { Material, Service } from '@domain/catalog/catalog-schema.js';
import { textIn } from './journey-model.js';
import { PrintNoticeButton } from './PrintNotice.js';
import { SharedMaterials } from './SharedMaterials.js';
import { useFeeText, useLimitText } from './ServiceStep.js';
import { StepFoot, StepFrame } from './StepFrame.js';

/**
 * 一次性告知: everything the citizen needs for this service, on one page, before anything is
 * asked — what to bring, what the hall fetches itself (数据跑路), what may follow later (容缺),
 * the fee and the time limit.
 */
export function NoticeStep({ service, onContinue, onBack }: { service: Service; onContinue: () => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const limit = useLimitText();
  const fee = useFeeText();
  const lng = i18n.language;
  const of = (r: Material['requirement']) => service.materials.filter((m) => m.requirement === r);
  const bring = [...of('mandatory'), ...of('deferrable')];
  return (
    <StepFrame
      title={t('journey.notice.title')}
      caption={textIn(service.name, lng)}
      guide="notice"
      foot={<StepFoot onBack={onBack} next={t('journey.notice.continue')} onNext={onContinue} />}
    >
      <p className="notice__lead">{t('journey.notice.lead', { service: textIn(service.name, lng) })}</p>
      <p className="notice__text">{textIn(service.notice, lng)}</p>
      <div className="notice__grid">
        <div className="notice__block">
          <h3>{t('journey.notice.bring')}</h3>
          <ul className="materials-list">
            {bring.length === 0 ? <li>{t('journey.notice.nothing')}</li> : null}
            {bring.map((m) => (
              <li key={m.code}>
                {textIn(m.name, lng)}
                {m.requirement === 'deferrable' ? (
                  <span className="materials-list__note">{t('journey.notice.deferrable', { n: m.supplyWithinDays })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
        <SharedMaterials service={service} title={t('journey.notice.shared')} />
        <dl className="notice__facts">
          <dt>{t('journey.notice.fee')}</dt>
          <dd>
            {fee(service)}
            {service.fee.yuan > 0 ? ` (${textIn(service.fee.note, lng)})` : ''}
          </dd>
          <dt>{t('journey.notice.timeLimit')}</dt>
          <dd>{limit(service)}</dd>
        </dl>
      </div>
      <PrintNoticeButton serviceCode={service.code} />
    </StepFrame>
  );
}
