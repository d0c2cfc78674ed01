import type { TFunction } from 'i18next';
import type { Call } from '@domain/contract/schemas.js';
import type { CallNotice } from './call-notice.js';

/**
 * The call being made, as large as the hall needs. A call pushed while we watch flashes (keyed by
 * its push sequence, so a recall of the same number flashes again); a recall is also marked in
 * words, because nothing may be conveyed by sound or motion alone.
 */
export function CurrentCall({ current, lastCall, zh, en }: { current: Call | undefined; lastCall: CallNotice | null; zh: TFunction; en: TFunction }) {
  // Flash only for a call pushed while we watch, not for the state found at connect time.
  const fresh = lastCall !== null && current !== undefined && lastCall.call.ticketId === current.ticketId ? lastCall : null;
  const recall = fresh?.recall === true;
  return (
    <section
      key={fresh ? fresh.seq : 'idle'}
      className={fresh ? 'display-current display-current--flash' : 'display-current'}
      aria-labelledby="display-current-h"
    >
      <h2 id="display-current-h" className="display-current__label">
        {zh('display.nowCalling')} <span lang="en">{en('display.nowCalling')}</span>
      </h2>
      {current ? (
        <>
          {recall ? (
            <p className="display-current__recall" data-testid="recall-marker">
              {zh('display.recall')} <span lang="en">/ {en('display.recall')}</span>
            </p>
          ) : null}
          <p className="display-current__number">{current.number}</p>
          {current.maskedName ? <p className="display-current__name">{current.maskedName}</p> : null}
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
  );
}
