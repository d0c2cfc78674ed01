import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useJourneyPrefs } from './journey-prefs.js';
import { useGuidance, type GuideKey } from './useGuidance.js';

/**
 * One kiosk question page: a heading that takes focus when the page appears (a screen reader user
 * hears where they are), the guidance text that is always shown and spoken when voice is on, the
 * page's content and its foot (back and the main action).
 */
export function StepFrame({
  title,
  guide,
  caption,
  children,
  foot,
}: {
  title: string;
  guide: GuideKey;
  /** A line above the heading: the service, or "question 2 of 5". */
  caption?: string | undefined;
  children: ReactNode;
  foot?: ReactNode;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <section className="journey-step" aria-labelledby={`${id}-h`}>
      {caption ? <p className="journey-step__caption">{caption}</p> : null}
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1} className="kiosk-step-title">
        {title}
      </h2>
      <GuideText guide={guide} />
      <div className="journey-step__body">{children}</div>
      {foot ? <div className="kiosk-step-nav">{foot}</div> : null}
    </section>
  );
}

/** The guidance line of a page: always shown; spoken too when `spoken` and voice is on. */
export function GuideText({ guide, spoken = true }: { guide: GuideKey; spoken?: boolean }) {
  const { t, i18n } = useTranslation();
  const { voice } = useJourneyPrefs();
  useGuidance(spoken ? guide : null, { language: i18n.language, on: voice && spoken });
  return (
    <p className="journey-step__guide">
      <span aria-hidden="true" className="journey-step__guide-icon">
        {voice ? '🔊' : 'ℹ'}
      </span>
      {t(`journey.guide.${guide}`)}
    </p>
  );
}

/** The usual foot of a page: back, and the page's main action (its label while busy, if given). */
export function StepFoot({
  onBack,
  next,
  onNext,
  busy = false,
  busyLabel,
}: {
  onBack: () => void;
  next: string;
  onNext: () => void;
  busy?: boolean;
  busyLabel?: string;
}) {
  return (
    <>
      <BackButton onBack={onBack} disabled={busy} />
      <button type="button" className="btn btn--primary btn--huge" onClick={onNext} disabled={busy} aria-busy={busy || undefined}>
        {busy && busyLabel ? busyLabel : next}
      </button>
    </>
  );
}

export function BackButton({ onBack, disabled = false }: { onBack: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn--huge kiosk-back" onClick={onBack} disabled={disabled}>
      {t('kiosk.back')}
    </button>
  );
}
