import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertRegion } from '../AlertRegion.js';

/**
 * A section of a staff screen: its heading, the buttons that act on the whole section, and one
 * place for the section's error (an i18n key), announced when it appears.
 */
export function Panel({
  title,
  actions,
  error = null,
  onDismissError,
  children,
  testId,
  className,
  onRefresh,
  refreshLabel,
}: {
  title: string;
  actions?: ReactNode;
  error?: string | null;
  onDismissError?: () => void;
  children: ReactNode;
  testId?: string;
  className?: string;
  /** Offer a button that reads the section again (its label says what, or just "refresh"). */
  onRefresh?: () => void;
  refreshLabel?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={`${id}-h`} data-testid={testId}>
      <div className="panel__head">
        <h2 id={`${id}-h`}>{title}</h2>
        {actions}
        {onRefresh ? (
          <button type="button" className="btn" onClick={onRefresh}>
            {refreshLabel ?? t('common.refresh')}
          </button>
        ) : null}
      </div>
      <AlertRegion messageKey={error} onDismiss={onDismissError} />
      {children}
    </section>
  );
}
