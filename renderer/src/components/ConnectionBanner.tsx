import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../data/use-host-events.js';

/** Shown only after a connection was lost (or never came up): the first connect is quick and a
 * flash of "reconnecting" on every screen start would only alarm people. Every screen shows the
 * same notice, in the same place, from the page's one connection (data/HostProvider). */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
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
