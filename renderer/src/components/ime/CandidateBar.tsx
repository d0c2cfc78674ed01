import { useTranslation } from 'react-i18next';

/**
 * The characters to choose from, each a large key; with "back" and "more" when there are pages.
 * Candidates are Chinese whatever the screen's language, so they say so (lang) for screen readers.
 */
export function CandidateBar({
  candidates,
  onPick,
  disabled,
  onPrevious,
  onMore,
}: {
  candidates: readonly string[];
  onPick: (text: string) => void;
  disabled: boolean;
  onPrevious?: (() => void) | undefined;
  onMore?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="ime-candidates">
      <div className="ime-candidates__list" role="group" aria-label={t('ime.candidates')}>
        {candidates.map((c) => (
          <button key={c} type="button" lang="zh-CN" className="ime-key ime-key--candidate" disabled={disabled} onClick={() => onPick(c)}>
            {c}
          </button>
        ))}
      </div>
      {onPrevious || onMore ? (
        <div className="ime-candidates__pages">
          <button type="button" className="ime-key ime-key--fn" disabled={disabled || !onPrevious} onClick={onPrevious}>
            {t('ime.previous')}
          </button>
          <button type="button" className="ime-key ime-key--fn" disabled={disabled || !onMore} onClick={onMore}>
            {t('ime.more')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
