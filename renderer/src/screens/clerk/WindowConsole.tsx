import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@domain/contract/api.js';
import type { BusinessLine } from '@domain/business-lines.js';
import type { QueueState } from '@domain/contract/schemas.js';
import { ApiError, callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import type { ConversationState } from '../../components/ConversationState.js';
import { ConsoleActions } from './ConsoleActions.js';
import { ConversationPanel } from './ConversationPanel.js';
import { CurrentTicket } from './CurrentTicket.js';
import { ApplicationPanel } from './ApplicationPanel.js';
import { CaseLookup } from './CaseLookup.js';
import { NoShowList } from './NoShowList.js';
import { WaitingPanel } from './WaitingPanel.js';
import { WindowHead } from './WindowHead.js';
import { isSessionLost } from './clerk-api.js';

export type WindowState = ResponseOf<'windowState'>;

/** What the last action did, as an i18n key and its values, for the console's status line. */
export interface Outcome {
  key: string;
  values?: Record<string, string | number>;
}

export interface ConsoleContext {
  windowId: number;
  state: WindowState;
  /** Re-read the window now (after an action; pushes do it too). */
  refresh: () => void;
  setOutcome: (o: Outcome | null) => void;
  /** Report a failed action: translated, or back to sign-in when the session ended. */
  fail: (e: unknown, conflictKey?: string) => void;
}

export function WindowConsole({
  windowId,
  queue,
  conversation,
  onChangeWindow,
  onSessionLost,
}: {
  windowId: number;
  queue: QueueState | null;
  conversation: ConversationState;
  onChangeWindow: () => void;
  onSessionLost: () => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<WindowState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reads, setReads] = useState(0);

  // Every queue push may change this window's counts or current ticket: re-read the window.
  useEffect(() => {
    const ctl = new AbortController();
    callApi('windowState', { params: { id: windowId }, signal: ctl.signal })
      .then((r) => setState(r))
      .catch((e: unknown) => {
        if (isAborted(e)) return;
        // The window was removed or this PC may no longer serve it: go back to the list.
        if (e instanceof ApiError && e.code === 'not_found') onChangeWindow();
        else if (isSessionLost(e)) onSessionLost();
        else setError(errorKey(e));
      });
    return () => ctl.abort();
  }, [windowId, queue, reads, onChangeWindow, onSessionLost]);

  const refresh = useCallback(() => setReads((n) => n + 1), []);
  const fail = useCallback(
    (e: unknown, conflictKey?: string) => {
      if (isSessionLost(e)) return onSessionLost();
      setOutcome(null);
      setError(conflictKey && e instanceof ApiError && e.code === 'conflict' ? conflictKey : errorKey(e));
    },
    [onSessionLost],
  );
  const report = useCallback((o: Outcome | null) => {
    setError(null);
    setOutcome(o);
  }, []);

  if (!state) {
    return (
      <main className="clerk-main clerk-console">
        <h1>{t('common.loading')}</h1>
        <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      </main>
    );
  }

  const ctx: ConsoleContext = { windowId, state, refresh, setOutcome: report, fail };
  const lineOf = (l: BusinessLine) => t(`line.${l}`);
  return (
    <main className="clerk-main clerk-console">
      <WindowHead ctx={ctx} onChangeWindow={onChangeWindow} />
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      <p className="clerk-outcome" role="status">
        {outcome ? t(outcome.key, outcome.values) : ''}
      </p>
      <div className="clerk-console__grid">
        <CurrentTicket ticket={state.current} recallLimit={state.recallLimit} lineName={lineOf} />
        <WaitingPanel window={state.window} waiting={state.waiting} />
      </div>
      <ConsoleActions ctx={ctx} />
      <div className="clerk-console__grid clerk-console__grid--lower">
        <ConversationPanel conversation={conversation} />
        <div className="clerk-console__side">
          <ApplicationPanel windowId={state.window.id} ticketId={state.current?.id ?? null} />
          <CaseLookup />
          <NoShowList ctx={ctx} />
        </div>
      </div>
    </main>
  );
}
