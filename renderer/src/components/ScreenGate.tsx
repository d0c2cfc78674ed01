import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Terminal } from '@domain/contract/schemas.js';
import type { TerminalRole } from '@domain/roles.js';
import { ApiError, callApi, errorKey, isAborted } from '../api/client.js';
import { AlertRegion } from './AlertRegion.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { PairCodeForm } from './PairCodeForm.js';
import '../styles/gate.css';

type GateState = { kind: 'checking' } | { kind: 'ok'; terminal: Terminal } | { kind: 'unpaired'; forbidden: boolean } | { kind: 'failed'; errorKey: string };

/** Asks the host who this screen is before drawing it; an unpaired screen gets the code entry. */
export function ScreenGate({ role, children }: { role: TerminalRole; children: (terminal: Terminal) => ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<GateState>({ kind: 'checking' });

  useEffect(() => {
    const ctl = new AbortController();
    callApi('session', { query: { role }, signal: ctl.signal })
      .then((r) => setState({ kind: 'ok', terminal: r.terminal }))
      .catch((e: unknown) => {
        if (isAborted(e)) return;
        if (e instanceof ApiError && (e.code === 'unauthorized' || e.code === 'forbidden')) {
          setState({ kind: 'unpaired', forbidden: e.code === 'forbidden' });
        } else {
          setState({ kind: 'failed', errorKey: errorKey(e) });
        }
      });
    return () => ctl.abort();
  }, [role, attempt]);

  if (state.kind === 'ok') return <>{children(state.terminal)}</>;

  const onPaired = (terminal: Terminal) => {
    if (terminal.role === role) {
      setState({ kind: 'checking' });
      setAttempt((n) => n + 1);
    } else {
      void navigate(`/${terminal.role}`, { replace: true });
    }
  };

  return (
    <div className="page page--gate">
      <header className="page-header">
        <p className="page-header__brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <main className="gate" aria-busy={state.kind === 'checking'}>
        {state.kind === 'checking' ? (
          <>
            <h1>{t(`screen.${role}`)}</h1>
            <p className="gate__status">{t('gate.checking')}</p>
          </>
        ) : state.kind === 'failed' ? (
          <>
            <h1>{t(`screen.${role}`)}</h1>
            <AlertRegion messageKey={state.errorKey} />
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => {
                setState({ kind: 'checking' });
                setAttempt((n) => n + 1);
              }}
            >
              {t('common.retry')}
            </button>
          </>
        ) : (
          <>
            <h1>{t('gate.unpairedTitle')}</h1>
            <p className="gate__lead">{t(state.forbidden ? 'gate.forbiddenBody' : 'gate.unpairedBody', { screen: t(`screen.${role}`) })}</p>
            <PairCodeForm onPaired={onPaired} />
          </>
        )}
      </main>
    </div>
  );
}
