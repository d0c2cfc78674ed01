import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import type { JourneyPrefs } from './journey-prefs.js';
import { StepFrame } from './StepFrame.js';
import { voiceAvailable } from './useGuidance.js';
import './welcome.css';

/** Language, then how to use the kiosk: standard or elderly mode, voice guidance on or off. */
export function WelcomeStep({
  prefs,
  onPrefs,
  onStart,
  onProgress,
}: {
  prefs: JourneyPrefs;
  onPrefs: (p: JourneyPrefs) => void;
  onStart: () => void;
  /** The progress query (kiosk and booth alike: case number + the ID number's last 4). */
  onProgress?: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <StepFrame
      title={t('journey.welcome.title')}
      guide="welcome"
      foot={
        <>
          {onProgress ? (
            <button type="button" className="btn btn--huge" onClick={onProgress}>
              {t('journey.welcome.progress')}
            </button>
          ) : null}
          <button type="button" className="btn btn--primary btn--huge" onClick={onStart}>
            {t('journey.welcome.start')}
          </button>
        </>
      }
    >
      <div className="welcome">
        <div className="welcome__group welcome__group--lang">
          <h3 className="welcome__label">{t('journey.welcome.language')}</h3>
          <LanguageSwitch large />
        </div>
        <fieldset className="welcome__group welcome__group--mode choice-list">
          <legend className="welcome__label">{t('journey.welcome.mode')}</legend>
          {(['standard', 'elderly'] as const).map((m) => (
            <label key={m} className="choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={prefs.elderly === (m === 'elderly')}
                onChange={() => onPrefs({ ...prefs, elderly: m === 'elderly' })}
              />
              <span className="choice__text">
                <span className="choice__title">{t(`journey.welcome.${m}`)}</span>
                <span className="choice__desc">{t(`journey.welcome.${m}Desc`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="welcome__group welcome__group--voice">
          <h3 className="welcome__label">{t('journey.welcome.voice')}</h3>
          <div className="toggle-pair" role="group" aria-label={t('journey.welcome.voice')}>
            <button type="button" className="btn btn--huge" aria-pressed={prefs.voice} onClick={() => onPrefs({ ...prefs, voice: true })}>
              {t('journey.welcome.voiceOn')}
            </button>
            <button type="button" className="btn btn--huge" aria-pressed={!prefs.voice} onClick={() => onPrefs({ ...prefs, voice: false })}>
              {t('journey.welcome.voiceOff')}
            </button>
          </div>
          {prefs.voice && !voiceAvailable(i18n.language) ? <p className="welcome__note">{t('journey.welcome.voiceUnavailable')}</p> : null}
        </div>
      </div>
    </StepFrame>
  );
}
