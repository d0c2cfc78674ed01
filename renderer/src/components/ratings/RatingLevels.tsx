import { useTranslation } from 'react-i18next';
import { RATING_LEVELS } from '@domain/ratings/rating-levels.js';
import './rating.css';

/** The five levels of 好差评, best first, each a large button: its key number, a face and its name. */
export function RatingLevels({ busy, onChoose }: { busy: boolean; onChoose: (level: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="rating-levels" role="group" aria-label={t('counter.rating.levels')}>
      {RATING_LEVELS.map((l, i) => (
        <button key={l.value} type="button" className={`rating-level rating-level--${l.code}`} disabled={busy} onClick={() => onChoose(l.value)}>
          <span className="rating-level__key" aria-hidden="true">
            {i + 1}
          </span>
          <Face level={l.value} />
          <span className="rating-level__label">{t(`ratings.level.${l.code}`)}</span>
        </button>
      ))}
    </div>
  );
}

/** A face beside the words, read at a glance by someone who cannot read the language shown; drawn,
 * not an emoji (the hall's fonts have no colour emoji). The mouth curves up for 5, down for 1. */
function Face({ level }: { level: number }) {
  const curve = (level - 3) * 7;
  return (
    <svg className="rating-level__face" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.5" fill="currentColor" />
      <circle cx="31" cy="19" r="2.5" fill="currentColor" />
      <path d={`M14 ${32 - curve / 2} Q24 ${32 + curve} 34 ${32 - curve / 2}`} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
