import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceWindow } from '../../../../electron/domain/contract/schemas.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';

export function WindowPicker({ onChoose }: { onChoose: (id: number) => void }) {
  const { t } = useTranslation();
  const baseId = useId();
  const [windows, setWindows] = useState<ServiceWindow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    callApi('listWindows', { signal: ctl.signal })
      .then((r) => {
        setWindows(r.windows);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(errorKey(e));
      });
    return () => ctl.abort();
  }, [attempt]);

  return (
    <main className="clerk-main">
      <h1>{t('clerk.chooseWindow')}</h1>
      <AlertRegion messageKey={error} />
      {error ? (
        <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      ) : null}
      {windows === null ? (
        error ? null : <p className="muted">{t('common.loading')}</p>
      ) : windows.length === 0 ? (
        <p>{t('clerk.noWindows')}</p>
      ) : (
        <ul className="window-list">
          {windows.map((w) => (
            <li key={w.id} className="window-list__item">
              <button
                type="button"
                className="window-button"
                aria-describedby={`${baseId}-${w.id}`}
                onClick={() => onChoose(w.id)}
              >
                {w.name}
              </button>
              <p id={`${baseId}-${w.id}`} className="window-list__lines">
                {w.lines.map((l) => t(`line.${l}`)).join(t('common.listSeparator'))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
