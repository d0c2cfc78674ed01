import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../api/events.js';

/** Shown only after a connection was lost (or never came up): the first connect is quick and a
 * flash of "reconnecting" on every screen start would only alarm people. */
export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  return (
    <div className="connection-banner-slot" role="status">
      {status === 'reconnecting' ? (
        <p className="connection-banner">
          <span aria-hidden="true" className="connection-banner__icon">
            ⚠
          </span>{' '}
          {t('connection.lost')}
        </p>
      ) : null}
    </div>
  );
}
