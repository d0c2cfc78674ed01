import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../data/host-context.js';

/**
 * Shown only after a connection was lost (or never came up): the first connect is quick and a
 * flash of "reconnecting" on every screen start would only alarm people. Every screen shows the
 * same notice, in the same place, from the page's one connection (data/HostProvider): the link is
 * lost and being restored; a request sent just before it dropped will complete once it is back,
 * at most once; and, when it did, that it did.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { connection } = useHost();
  const subscribe = useCallback((fn: () => void) => connection.onChange(fn), [connection]);
  const status = useSyncExternalStore(subscribe, () => connection.status);
  const waiting = useSyncExternalStore(subscribe, () => connection.waiting);
  const recent = useSyncExternalStore(subscribe, () => connection.recovered);
  const lost = status === 'reconnecting';
  return (
    <div className="connection-banner-slot" role="status" data-connection={lost ? 'lost' : 'open'}>
      {lost ? (
        <p className="connection-banner">
          <span aria-hidden="true" className="connection-banner__icon">
            ⚠
          </span>{' '}
          {t('connection.lost')}
          {waiting > 0 ? <span className="connection-banner__more">{t('connection.waiting')}</span> : null}
        </p>
      ) : waiting > 0 ? (
        <p className="connection-banner">{t('connection.waiting')}</p>
      ) : recent ? (
        <p className="connection-banner connection-banner--ok">{t('connection.recovered')}</p>
      ) : null}
    </div>
  );
}
