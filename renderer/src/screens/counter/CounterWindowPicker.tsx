import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceWindow } from '@domain/contract/schemas.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';

/** Set once when the screen is mounted on a counter: which window does it face? */
export function CounterWindowPicker({ onChoose }: { onChoose: (id: number) => void }) {
  const { t } = useTranslation();
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
    <main className="counter-main counter-setup">
      <h1>{t('counter.chooseWindow')}</h1>
      <p className="counter-setup__lead">{t('counter.chooseWindowLead')}</p>
      <AlertRegion messageKey={error} />
      {error ? (
        <button type="button" className="btn btn--big" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      ) : null}
      {windows === null ? null : windows.length === 0 ? (
        <p>{t('clerk.noWindows')}</p>
      ) : (
        <ul className="counter-setup__list">
          {windows.map((w) => (
            <li key={w.id}>
              <button type="button" className="counter-setup__window" onClick={() => onChoose(w.id)}>
                {w.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
