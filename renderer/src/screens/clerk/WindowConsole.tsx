import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@domain/contract/api.js';
import type { BusinessLine } from '@domain/business-lines.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useConversation } from '../../components/ConversationState.js';
import { useRunner } from '../../data/use-command.js';
import { useQuery } from '../../data/use-query.js';
import { ConsoleActions } from './ConsoleActions.js';
import { ConversationPanel } from './ConversationPanel.js';
import { CurrentTicket } from './CurrentTicket.js';
import { CaseWorkspace } from './cases/CaseWorkspace.js';
import { MyFigures } from './MyFigures.js';
import { NoShowList } from './NoShowList.js';
import { WaitingPanel } from './WaitingPanel.js';
import { WindowHead } from './WindowHead.js';

export type WindowState = ResponseOf<'windowState'>;

/** What the last action did, as an i18n key and its values, for the console's status line. */
export interface Outcome {
  key: string;
  values?: Record<string, string | number>;
}

export interface ConsoleContext {
  windowId: number;
  state: WindowState;
  /** Which console action is running (one at a time, across all the console's buttons). */
  busy: string | null;
  /**
   * Runs one action: its outcome goes to the status line and the window is read again; a refusal
   * is translated (`conflictKey` says what a 409 means for this action). True when it succeeded.
   */
  act: (key: string, work: () => Promise<Outcome | null>, conflictKey?: string) => Promise<boolean>;
}

export function WindowConsole({ windowId, onChangeWindow }: { windowId: number; onChangeWindow: (why?: string) => void }) {
  const { t } = useTranslation();
  // Every queue push may change this window's counts or current ticket: read the window again.
  const window = useQuery('windowState', { params: { id: windowId } }, { refetchOn: ['queue.state'] });
  const catalog = useQuery('catalog');
  const conversation = useConversation(windowId);
  const runner = useRunner<string>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflictKey, setConflictKey] = useState<string | undefined>(undefined);

  // The window was removed, or a colleague took it over: back to the list, saying why.
  const lost =
    window.error?.code === 'not_found'
      ? 'clerk.windowGone'
      : window.error?.code === 'window_held' || runner.error?.code === 'window_held'
        ? 'clerk.takenOver'
        : null;
  useEffect(() => {
    if (lost) onChangeWindow(lost);
  }, [lost, onChangeWindow]);

  const { run } = runner;
  const { refetch } = window;
  const act = useCallback(
    async (key: string, work: () => Promise<Outcome | null>, conflict?: string) => {
      setConflictKey(conflict);
      const done = await run(key, work);
      setOutcome(done ?? null);
      if (done !== undefined) refetch();
      return done !== undefined;
    },
    [run, refetch],
  );

  const failure = runner.error ?? window.error;
  const errorKey = failure ? (failure.code === 'conflict' && conflictKey ? conflictKey : failure.key) : null;
  const state = window.data;
  if (!state) {
    return (
      <main className="clerk-main clerk-console">
        <h1>{t('common.loading')}</h1>
        <AlertRegion messageKey={errorKey} onDismiss={runner.clearError} />
      </main>
    );
  }

  // With the hub out of reach every console action is off (the banner says why): `busy` holds.
  const ctx: ConsoleContext = { windowId, state, busy: runner.offline ? 'offline' : runner.busy, act };
  const lineOf = (l: BusinessLine) => t(`line.${l}`);
  return (
    <main className="clerk-main clerk-console">
      <WindowHead ctx={ctx} onChangeWindow={onChangeWindow} />
      <AlertRegion messageKey={errorKey} onDismiss={runner.clearError} />
      <p className="clerk-outcome" role="status">
        {outcome ? t(outcome.key, outcome.values) : ''}
      </p>
      <div className="clerk-console__grid">
        <CurrentTicket ticket={state.current} recallLimit={state.recallLimit} lineName={lineOf} />
        <WaitingPanel window={state.window} waiting={state.waiting} />
      </div>
      <ConsoleActions ctx={ctx} />
      <CaseWorkspace window={state.window} ticketId={state.current?.id ?? null} catalog={catalog.data ?? null} />
      <div className="clerk-console__grid clerk-console__grid--lower">
        <ConversationPanel conversation={conversation} />
        <div className="clerk-console__side">
          <NoShowList ctx={ctx} />
          <MyFigures />
        </div>
      </div>
    </main>
  );
}
