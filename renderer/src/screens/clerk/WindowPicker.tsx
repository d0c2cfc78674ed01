import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueState, ServiceWindow } from '@domain/contract/schemas.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { isConflict, isSessionLost, windowAction } from './clerk-api.js';

/** The windows of the hall with their A and B lines and who has them open; choosing one opens it. */
export function WindowPicker({ queue, onChoose, onSessionLost }: { queue: QueueState | null; onChoose: (id: number) => void; onSessionLost: () => void }) {
  const { t } = useTranslation();
  const baseId = useId();
  const [windows, setWindows] = useState<ServiceWindow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [opening, setOpening] = useState<number | null>(null);
  const inFlight = useRef(false);

  // Re-read on every queue push too: another clerk opening or pausing a window shows up here.
  useEffect(() => {
    const ctl = new AbortController();
    callApi('listWindows', { signal: ctl.signal })
      .then((r) => setWindows(r.windows))
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(errorKey(e));
      });
    return () => ctl.abort();
  }, [attempt, queue]);

  const open = (id: number) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setOpening(id);
    setError(null);
    windowAction('openWindow', id)
      .then(() => onChoose(id))
      .catch((e: unknown) => {
        if (isSessionLost(e)) onSessionLost();
        else setError(isConflict(e) ? 'clerk.openConflict' : errorKey(e));
      })
      .finally(() => {
        inFlight.current = false;
        setOpening(null);
      });
  };

  const lines = (w: ServiceWindow, which: 'primary' | 'backup') => w[which].map((l) => t(`line.${l}`)).join(t('common.listSeparator'));
  const status = (w: ServiceWindow) =>
    w.status === 'closed' ? t('clerk.status.closed') : t(`clerk.status.${w.status}By`, { name: w.staffName ?? t('clerk.status.nobody') });

  return (
    <main className="clerk-main">
      <h1>{t('clerk.chooseWindow')}</h1>
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      {error && windows === null ? (
        <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      ) : null}
      {windows === null ? (
        error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : windows.length === 0 ? (
        <p>{t('clerk.noWindows')}</p>
      ) : (
        <ul className="window-list">
          {windows.map((w) => (
            <li key={w.id} className={`window-list__item window-list__item--${w.status}`}>
              <button
                type="button"
                className="window-button"
                aria-describedby={`${baseId}-${w.id}`}
                disabled={opening !== null}
                aria-busy={opening === w.id}
                onClick={() => open(w.id)}
              >
                {w.name}
              </button>
              <div id={`${baseId}-${w.id}`} className="window-list__info">
                <p className="window-list__lines">
                  <span className="line-mark line-mark--a">{t('clerk.markA')}</span> {lines(w, 'primary')}
                </p>
                {w.backup.length > 0 ? (
                  <p className="window-list__lines">
                    <span className="line-mark line-mark--b">{t('clerk.markB')}</span> {lines(w, 'backup')}
                  </p>
                ) : null}
                <p className={`window-list__status window-list__status--${w.status}`}>{opening === w.id ? t('clerk.opening') : status(w)}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
