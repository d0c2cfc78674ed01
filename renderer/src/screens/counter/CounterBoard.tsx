import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertRegion } from '../../components/AlertRegion.js';
import { ConversationLog } from '../../components/ConversationLog.js';
import { useConversation } from '../../components/ConversationState.js';
import { useHostEvent, useQueue } from '../../data/use-host-events.js';
import { useQuery } from '../../data/use-query.js';
import { CaseOutcomeBoard } from './CaseOutcomeBoard.js';
import { CounterReply } from './CounterReply.js';
import { RatingAsk } from './RatingAsk.js';

/** How long the thanks stays after a rating. */
const THANKS_MS = 8_000;

/**
 * Faces the applicant across the counter. Everything the clerk writes is shown in very large
 * text (the newest biggest) and read politely by screen readers; nothing here relies on sound.
 */
export function CounterBoard({ windowId, onWindowGone }: { windowId: number; onWindowGone: () => void }) {
  const { t } = useTranslation();
  const conversation = useConversation(windowId);
  const queue = useQueue();
  const windows = useQuery('listWindows');
  const win = windows.data?.windows.find((w) => w.id === windowId);
  // The ticket whose conversation ended: its number leaves the screen with it.
  const [finishedTicket, setFinishedTicket] = useState<number | null>(null);
  const shownTicket = useRef<number | null>(null);
  useHostEvent('conversation.cleared', (e) => {
    if (e.windowId === windowId) setFinishedTicket(shownTicket.current);
  });

  // The window was removed: ask again which one this screen faces.
  const gone = windows.data !== undefined && win === undefined;
  useEffect(() => {
    if (gone) onWindowGone();
  }, [gone, onWindowGone]);

  const call = win ? queue?.recentCalls.find((c) => c.windowNumber === win.number) : undefined;
  const serving = call && call.ticketId !== finishedTicket ? call : undefined;
  useEffect(() => {
    shownTicket.current = serving?.ticketId ?? null;
  }, [serving?.ticketId]);

  // 好差评: asked when a service finishes here (pushed to this window's screens), read again after a reconnect.
  const rating = useQuery('ratingAsk', { params: { id: windowId } }, { refetchOn: ['rating.asked'] });
  const [thanks, setThanks] = useState<{ key: string; days: number | null } | null>(null);
  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(null), THANKS_MS);
    return () => clearTimeout(timer);
  }, [thanks]);
  const ask = thanks ? null : (rating.data?.ask ?? null);
  const refetchRating = rating.refetch;
  const ratingDone = useCallback(
    (key: string, days: number | null) => {
      setThanks({ key, days });
      refetchRating();
    },
    [refetchRating],
  );

  const clerkLines = conversation.messages.filter((m) => m.from === 'clerk');
  const latest = clerkLines[clerkLines.length - 1];

  return (
    <>
      <main className="counter-main">
        <div className="counter-top">
          <h1 className="counter-top__window">{win ? win.name : t('common.loading')}</h1>
          <p className="counter-top__serving">
            <span className="counter-top__label">{t('counter.nowServing')}</span>
            <span className="counter-top__number">{serving ? serving.number : t('counter.nobody')}</span>
          </p>
          {/* Exists before the thanks does, so that it is announced when it lands. */}
          <p className="counter-rating__thanks" role="status">
            {thanks ? t(thanks.key, { days: thanks.days ?? 0 }) : ''}
          </p>
        </div>
        <AlertRegion messageKey={(windows.error ?? conversation.error)?.key ?? null} onDismiss={conversation.clearError} />
        {ask ? (
          <RatingAsk key={ask.ticketId} windowId={windowId} ask={ask} onDone={ratingDone} />
        ) : (
          <>
            <CaseOutcomeBoard windowId={windowId} servingTicketId={serving?.ticketId ?? null} />
            <section className="counter-latest" aria-labelledby="counter-latest-h">
              <h2 id="counter-latest-h" className="counter-latest__label">
                {t('counter.clerkSays')}
              </h2>
              {/* Exists before any message so that each new clerk line is announced when it lands. */}
              <div className="counter-latest__text" aria-live="polite" aria-atomic="true">
                {latest ? <p>{latest.text}</p> : <p className="counter-latest__empty">{t('counter.noMessage')}</p>}
              </div>
            </section>
            <section className="counter-history" aria-labelledby="counter-history-h">
              <h2 id="counter-history-h" className="counter-history__label">
                {t('counter.history')}
              </h2>
              <ConversationLog messages={conversation.messages} label={t('counter.history')} emptyText={t('counter.historyEmpty')} />
            </section>
            <CounterReply send={(text) => conversation.send('applicant', text)} sending={conversation.sending} />
          </>
        )}
      </main>
    </>
  );
}
