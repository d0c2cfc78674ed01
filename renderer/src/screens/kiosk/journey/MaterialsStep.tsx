import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '@domain/catalog/catalog-schema.js';
import { textIn } from './journey-model.js';
import { SharedMaterials } from './SharedMaterials.js';
import { StepFoot, StepFrame } from './StepFrame.js';

/**
 * The citizen ticks what they brought. What the hall fetches itself is listed, not asked. Missing
 * items are judged by the journey afterwards (容缺 may follow later; a mandatory one stops here).
 */
export function MaterialsStep({
  service,
  ticked,
  caption,
  onAnswer,
  onBack,
}: {
  service: Service;
  ticked: readonly string[];
  caption: string;
  onAnswer: (codes: string[]) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(ticked));
  const asked = service.materials.filter((m) => m.requirement !== 'data_sharing');
  const toggle = (code: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  return (
    <StepFrame
      title={t('journey.materials.title')}
      caption={caption}
      guide="materials"
      foot={
        <StepFoot onBack={onBack} next={t('journey.materials.continue')} onNext={() => onAnswer(asked.filter((m) => chosen.has(m.code)).map((m) => m.code))} />
      }
    >
      <fieldset className="choice-list">
        <legend className="field__label">{t('journey.materials.lead')}</legend>
        {asked.map((m) => (
          <label key={m.code} className="choice choice--check">
            <input type="checkbox" checked={chosen.has(m.code)} onChange={() => toggle(m.code)} />
            <span className="choice__text">
              <span className="choice__title">{textIn(m.name, lng)}</span>
              <span className="choice__desc">
                {m.requirement === 'mandatory' ? t('journey.materials.mandatory') : t('journey.materials.deferrable', { n: m.supplyWithinDays })}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <SharedMaterials service={service} title={t('journey.materials.shared')} />
    </StepFrame>
  );
}
