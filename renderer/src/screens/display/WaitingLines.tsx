import type { TFunction } from 'i18next';
import { BUSINESS_LINES, LINE_LETTER } from '@domain/business-lines.js';
import type { BusinessLine } from '@domain/business-lines.js';
import type { QueueState } from '@domain/contract/schemas.js';
import { waitText } from '../../i18n/wait-text.js';

/** "约 N 分钟" / "无需等候" / "暂无开放窗口": null from the host means no open window serves the line. */
function estimate(t: TFunction, queue: QueueState | null, line: BusinessLine): string {
  if (!queue) return '—';
  return waitText(t, 'display', queue.estimates[line]);
}

/** Waiting people and the expected wait per business line. */
export function WaitingLines({ queue, zh, en }: { queue: QueueState | null; zh: TFunction; en: TFunction }) {
  return (
    <section className="display-waiting" aria-labelledby="display-waiting-h">
      <h2 id="display-waiting-h">
        {zh('display.waiting')} <span lang="en">{en('display.waiting')}</span>
      </h2>
      <ul className="display-waiting__list">
        {BUSINESS_LINES.map((line) => (
          <li key={line} className="display-waiting__item" data-line={line}>
            <span className="display-waiting__letter" aria-hidden="true">
              {LINE_LETTER[line]}
            </span>
            <span className="display-waiting__name">
              {zh(`line.${line}`)}
              <span className="display-waiting__en" lang="en">
                {en(`line.${line}`)}
              </span>
            </span>
            <span className="display-waiting__numbers">
              <span className="display-waiting__count">{queue ? zh('display.people', { n: queue.waiting[line] ?? 0 }) : '—'}</span>
              <span className="display-waiting__eta">{estimate(zh, queue, line)}</span>
              <span className="display-waiting__eta-en" lang="en">
                {estimate(en, queue, line)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
