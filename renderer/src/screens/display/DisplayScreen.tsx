import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call, QueueState } from '@domain/contract/schemas.js';
import { serviceDay } from '@domain/service-day.js';
import { Clock } from '../../components/Clock.js';
import { hallTimeZone } from '../../i18n/hall-zone.js';
import { useQueue } from '../../data/use-host-events.js';
import { useCalls, type CallNotice } from './call-notice.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { DEFAULT_LANGUAGE } from '../../i18n/setup.js';
import './display.css';
import { CurrentCall } from './CurrentCall.js';
import { NoticeTicker } from './NoticeTicker.js';
import { VoicePanel } from './VoicePanel.js';
import { WaitingLines } from './WaitingLines.js';
import { useAnnouncer } from './voice/useAnnouncer.js';

const RECENT_SHOWN = 6;

/** After the hall's midnight, yesterday's last call is no longer "now calling". */
function sameServiceDay(epochMs: number, day: string): boolean {
  return serviceDay(epochMs, hallTimeZone()) === day;
}

export function DisplayScreen() {
  return <ScreenGate role="display">{() => <DisplayBoard />}</ScreenGate>;
}

/** The hall TV. Chinese first, English as the smaller second line; everything arrives by push. */
function DisplayBoard() {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');
  const voice = useAnnouncer();
  const { announce } = voice;
  // The announce languages of the latest state, read when a call arrives.
  const languages = useRef<QueueState['announce']>(['zh-CN']);
  const onCall = useCallback((notice: CallNotice) => announce(notice, languages.current), [announce]);
  const queue = useQueue();
  const lastCall = useCalls(onCall);

  useEffect(() => {
    if (queue) languages.current = queue.announce;
  }, [queue]);

  // The board is Chinese-first whatever language the last person used on this browser.
  useEffect(() => {
    void i18n.changeLanguage(DEFAULT_LANGUAGE);
  }, [i18n]);

  const calls = queue?.recentCalls ?? [];
  // The host pushes a call before the state that lists it: show the pushed call at once (the
  // 200 ms budget) unless the state already holds a later one. A recall carries a new calledAt.
  const pushed = lastCall && queue && sameServiceDay(lastCall.call.calledAt, queue.serviceDay) ? lastCall.call : undefined;
  const current: Call | undefined = pushed && (calls[0] === undefined || pushed.calledAt >= calls[0].calledAt) ? pushed : calls[0];
  const recent = calls.filter((c) => c.ticketId !== current?.ticketId).slice(0, RECENT_SHOWN);
  const said = lastCall ? { number: lastCall.call.number, n: lastCall.call.windowNumber } : null;

  return (
    <div className="page page--display">
      <header className="display-header">
        <div>
          <h1 className="display-header__title">{zh('display.title')}</h1>
          <p className="display-header__en" lang="en">
            {en('display.title')}
          </p>
        </div>
        <VoicePanel snapshot={voice.snapshot} onUnlock={voice.unlock} zh={zh} en={en} />
        <Clock className="display-clock" />
      </header>
      <main className="display-main">
        <CurrentCall current={current} lastCall={lastCall} zh={zh} en={en} />

        <section className="display-recent" aria-labelledby="display-recent-h">
          <h2 id="display-recent-h">
            {zh('display.recent')} <span lang="en">{en('display.recent')}</span>
          </h2>
          {recent.length === 0 ? (
            <p className="display-recent__none">—</p>
          ) : (
            <ol className="display-recent__list">
              {recent.map((c) => (
                <li key={`${c.ticketId}-${c.calledAt}`} className="display-recent__item">
                  <span className="display-recent__number">{c.number}</span>
                  <span className="display-recent__window">
                    {zh('display.window', { n: c.windowNumber })}
                    <span lang="en"> · {en('display.window', { n: c.windowNumber })}</span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>

        <WaitingLines queue={queue} zh={zh} en={en} />
      </main>
      <NoticeTicker text={queue?.notice ?? ''} label={`${zh('display.notice')} / ${en('display.notice')}`} />
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {lastCall && said ? (
          <>
            <span>{zh(lastCall.recall ? 'display.announceRecall' : 'display.announce', said)}</span>{' '}
            <span lang="en">{en(lastCall.recall ? 'display.announceRecall' : 'display.announce', said)}</span>
          </>
        ) : null}
      </div>
    </div>
  );
}
