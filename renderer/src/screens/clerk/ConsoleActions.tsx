import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callNext, ticketAction } from './clerk-api.js';
import type { TicketActionName } from './clerk-api.js';
import { TransferDialog } from './TransferDialog.js';
import type { ConsoleContext } from './WindowConsole.js';

type ActionKey = 'callNext' | TicketActionName;

/**
 * The clerk's big buttons. Each is enabled only where the host would accept it, except call-next,
 * whose refusal (current ticket called but not started) the host decides and we explain.
 */
export function ConsoleActions({ ctx }: { ctx: ConsoleContext }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const { busy, act } = ctx;
  const [transferOpen, setTransferOpen] = useState(false);
  const { state } = ctx;
  const current = state.current;
  const open = state.window.status === 'open';
  const called = current?.status === 'called';
  const serving = current?.status === 'serving';
  const recallsLeft = current ? current.recallCount < state.recallLimit : false;

  const doCallNext = () =>
    void act(
      'callNext',
      async () => {
        const r = await callNext(ctx.windowId);
        return r.ticket ? { key: 'clerk.called', values: { number: r.ticket.number } } : { key: 'clerk.nobodyWaiting' };
      },
      'clerk.callNextConflict',
    );

  const doTicket = (name: TicketActionName, outcomeKey: string) =>
    void act(
      name,
      async () => {
        const ticket = await ticketAction(name, ctx.windowId);
        return { key: outcomeKey, values: { number: ticket.number, n: ticket.recallCount, limit: state.recallLimit } };
      },
      'error.conflict',
    );

  // Why a button is off, said next to the buttons and tied to them (not by colour alone).
  const recallReason = current && called && !recallsLeft ? t('clerk.recallLimitReached', { limit: state.recallLimit }) : null;
  const pausedReason = state.window.status === 'paused' ? t('clerk.pausedHint') : state.window.status === 'closed' ? t('clerk.closedHint') : null;
  const label = (key: ActionKey, text: string) => (busy === key ? t('clerk.working') : text);

  return (
    <div className="clerk-actions">
      <div className="clerk-actions__row">
        <button
          type="button"
          className="btn btn--primary btn--huge clerk-actions__call"
          disabled={busy !== null || !open}
          aria-describedby={pausedReason ? `${reasonId}-paused` : undefined}
          onClick={doCallNext}
        >
          {busy === 'callNext' ? t('clerk.calling') : t('clerk.callNext')}
        </button>
        <button
          type="button"
          className="btn btn--action"
          disabled={busy !== null || !called || !recallsLeft}
          aria-describedby={recallReason ? `${reasonId}-recall` : undefined}
          onClick={() => doTicket('recall', 'clerk.outcome.recalled')}
        >
          {label('recall', t('clerk.action.recall'))}
        </button>
        <button type="button" className="btn btn--action" disabled={busy !== null || !called} onClick={() => doTicket('startServing', 'clerk.outcome.started')}>
          {label('startServing', t('clerk.action.start'))}
        </button>
        <button
          type="button"
          className="btn btn--action"
          disabled={busy !== null || !serving}
          onClick={() => doTicket('finishServing', 'clerk.outcome.finished')}
        >
          {label('finishServing', t('clerk.action.finish'))}
        </button>
        <button type="button" className="btn btn--action" disabled={busy !== null || !called} onClick={() => doTicket('markNoShow', 'clerk.outcome.noShow')}>
          {label('markNoShow', t('clerk.action.noShow'))}
        </button>
        <button type="button" className="btn btn--action" disabled={busy !== null || !current} onClick={() => setTransferOpen(true)}>
          {t('clerk.action.transfer')}
        </button>
      </div>
      {recallReason ? (
        <p id={`${reasonId}-recall`} className="clerk-actions__reason">
          {recallReason}
        </p>
      ) : null}
      {pausedReason ? (
        <p id={`${reasonId}-paused`} className="clerk-actions__reason">
          {pausedReason}
        </p>
      ) : null}
      {transferOpen && current ? <TransferDialog ctx={ctx} ticket={current} onClose={() => setTransferOpen(false)} /> : null}
    </div>
  );
}
