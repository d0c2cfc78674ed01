import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_LINES, LINE_LETTER } from '../../../../electron/domain/business-lines.js';
import type { Call } from '../../../../electron/domain/contract/schemas.js';
import { useServerEvents } from '../../api/events.js';
import { Clock } from '../../components/Clock.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { ScreenGate } from '../../components/ScreenGate.js';
import { DEFAULT_LANGUAGE } from '../../i18n/setup.js';
import '../../styles/display.css';

const RECENT_SHOWN = 6;

export function DisplayScreen() {
  return <ScreenGate role="display">{() => <DisplayBoard />}</ScreenGate>;
}

/** The hall TV. Chinese first, English as the smaller second line; everything arrives by push. */
function DisplayBoard() {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');
  const { queue, status, lastCall } = useServerEvents('display');

  // The board is Chinese-first whatever language the last person used on this browser.
  useEffect(() => {
    void i18n.changeLanguage(DEFAULT_LANGUAGE);
  }, [i18n]);

  const calls = queue?.recentCalls ?? [];
  const current: Call | undefined = calls[0];
  const recent = calls.slice(1, 1 + RECENT_SHOWN);
  // Flash only for a call pushed while we watch, not for the state found at connect time.
  const flashing = lastCall !== null && current !== undefined && lastCall.call.ticketId === current.ticketId;

  return (
    <div className="page page--display">
      <header className="display-header">
        <div>
          <h1 className="display-header__title">{zh('display.title')}</h1>
          <p className="display-header__en" lang="en">
            {en('display.title')}
          </p>
        </div>
        <Clock className="display-clock" />
      </header>
      <ConnectionBanner status={status} />
      <main className="display-main">
        <section
          key={flashing ? lastCall.seq : 'idle'}
          className={flashing ? 'display-current display-current--flash' : 'display-current'}
          aria-labelledby="display-current-h"
        >
          <h2 id="display-current-h" className="display-current__label">
            {zh('display.nowCalling')} <span lang="en">{en('display.nowCalling')}</span>
          </h2>
          {current ? (
            <>
              <p className="display-current__number">{current.number}</p>
              <p className="display-current__where">{zh('display.goTo', { n: current.windowNumber })}</p>
              <p className="display-current__where-en" lang="en">
                {en('display.goTo', { n: current.windowNumber })}
              </p>
            </>
          ) : (
            <p className="display-current__none">
              {zh('display.noCalls')} <span lang="en">{en('display.noCalls')}</span>
            </p>
          )}
        </section>

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

        <section className="display-waiting" aria-labelledby="display-waiting-h">
          <h2 id="display-waiting-h">
            {zh('display.waiting')} <span lang="en">{en('display.waiting')}</span>
          </h2>
          <ul className="display-waiting__list">
            {BUSINESS_LINES.map((line) => (
              <li key={line} className="display-waiting__item">
                <span className="display-waiting__letter" aria-hidden="true">
                  {LINE_LETTER[line]}
                </span>
                <span className="display-waiting__name">
                  {zh(`line.${line}`)}
                  <span className="display-waiting__en" lang="en">
                    {en(`line.${line}`)}
                  </span>
                </span>
                <span className="display-waiting__count">
                  {queue ? zh('display.people', { n: queue.waiting[line] }) : '—'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {lastCall ? (
          <>
            <span>{zh('display.announce', { number: lastCall.call.number, n: lastCall.call.windowNumber })}</span>{' '}
            <span lang="en">{en('display.announce', { number: lastCall.call.number, n: lastCall.call.windowNumber })}</span>
          </>
        ) : null}
      </div>
    </div>
  );
}
