import { useTranslation } from 'react-i18next';

/** A persistent live region: it exists before the message does, so screen readers announce the
 * message when it appears. `messageKey` is an i18n key, never raw text from the host. */
export function AlertRegion({ messageKey, onDismiss }: { messageKey: string | null; onDismiss?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert-slot" role="alert">
      {messageKey ? (
        <div className="alert">
          <span aria-hidden="true" className="alert__icon">
            !
          </span>
          <p className="alert__text">{t(messageKey)}</p>
          {onDismiss ? (
            <button type="button" className="alert__close" onClick={onDismiss}>
              {t('common.dismiss')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
