import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../electron/domain/contract/api.js';
import type { QueueState, Ticket } from '../../../../electron/domain/contract/schemas.js';
import { ApiError, callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';

type WindowState = ResponseOf<'windowState'>;
type CallResult = { kind: 'called'; ticket: Ticket } | { kind: 'empty' } | null;

export function WindowConsole({
  windowId,
  queue,
  onChangeWindow,
}: {
  windowId: number;
  queue: QueueState | null;
  onChangeWindow: () => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<WindowState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CallResult>(null);
  const inFlight = useRef(false);

  // Every queue push may change this window's counts or current ticket: re-read the window.
  useEffect(() => {
    const ctl = new AbortController();
    callApi('windowState', { params: { id: windowId }, signal: ctl.signal })
      .then((r) => setState(r))
      .catch((e: unknown) => {
        if (isAborted(e)) return;
        // The window was removed or this PC may no longer serve it: go back to the list.
        if (e instanceof ApiError && e.code === 'not_found') onChangeWindow();
        else setError(errorKey(e));
      });
    return () => ctl.abort();
  }, [windowId, queue, onChangeWindow]);

  const callNext = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    callApi('callNext', { params: { id: windowId } })
      .then((r) => {
        setResult(r.ticket ? { kind: 'called', ticket: r.ticket } : { kind: 'empty' });
        if (r.ticket) setState((s) => (s ? { ...s, current: r.ticket } : s));
      })
      .catch((e: unknown) => setError(errorKey(e)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  const win = state?.window;
  const current = state?.current ?? null;
  return (
    <main className="clerk-main clerk-console">
      <div className="clerk-console__head">
        <h1>{win ? win.name : t('common.loading')}</h1>
        <button type="button" className="btn" onClick={onChangeWindow}>
          {t('clerk.changeWindow')}
        </button>
      </div>
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      <div className="clerk-console__grid">
        <section className="panel clerk-current" aria-labelledby="clerk-current-h">
          <h2 id="clerk-current-h">{t('clerk.current')}</h2>
          {current ? (
            <>
              <p className="clerk-current__number">{current.number}</p>
              <p className="clerk-current__line">{t(`line.${current.line}`)}</p>
            </>
          ) : (
            <p className="clerk-current__none">{t('clerk.noCurrent')}</p>
          )}
        </section>
        <section className="panel clerk-waiting" aria-labelledby="clerk-waiting-h">
          <h2 id="clerk-waiting-h">{t('clerk.waitingTitle')}</h2>
          <ul className="waiting-list">
            {(win?.lines ?? []).map((line) => (
              <li key={line} className="waiting-list__item">
                <span>{t(`line.${line}`)}</span>
                <span className="waiting-list__count">{t('clerk.waitingCount', { n: state?.waiting[line] ?? 0 })}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="clerk-call">
        <button type="button" className="btn btn--primary btn--huge" disabled={busy || !win} onClick={callNext}>
          {busy ? t('clerk.calling') : t('clerk.callNext')}
        </button>
        <p className="clerk-call__result" role="status">
          {result?.kind === 'called'
            ? t('clerk.called', { number: result.ticket.number })
            : result?.kind === 'empty'
              ? t('clerk.nobodyWaiting')
              : ''}
        </p>
      </div>
    </main>
  );
}
