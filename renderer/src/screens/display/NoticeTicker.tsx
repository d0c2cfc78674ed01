import { useEffect, useRef } from 'react';

/**
 * The supervisor's notice, scrolling along the bottom of the board. The speed is kept roughly even
 * whatever the length by deriving the duration from it (set through CSSOM: the CSP forbids inline
 * style attributes, not style properties). Under prefers-reduced-motion the CSS shows it still
 * and wrapped. Nothing at all when the notice is empty.
 */
export function NoticeTicker({ text, label }: { text: string; label: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const notice = text.trim();
  useEffect(() => {
    ref.current?.style.setProperty('--ticker-duration', `${Math.round(12 + notice.length * 0.45)}s`);
  }, [notice]);
  if (notice === '') return null;
  return (
    <section className="display-notice" aria-label={label}>
      <p className="display-notice__track">
        <span ref={ref} className="display-notice__text" data-testid="display-notice">
          {notice}
        </span>
      </p>
    </section>
  );
}
