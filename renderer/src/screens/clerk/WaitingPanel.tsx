import { useTranslation } from 'react-i18next';
import type { ServiceWindow, WaitingCounts } from '@domain/contract/schemas.js';

/** Waiting people per line this window serves, its primary (A) lines first, then backup (B). */
export function WaitingPanel({ window: win, waiting }: { window: ServiceWindow; waiting: WaitingCounts }) {
  const { t } = useTranslation();
  const rows = [...win.primary.map((line) => ({ line, role: 'a' as const })), ...win.backup.map((line) => ({ line, role: 'b' as const }))];
  return (
    <section className="panel clerk-waiting" aria-labelledby="clerk-waiting-h">
      <h2 id="clerk-waiting-h">{t('clerk.waitingTitle')}</h2>
      <ul className="waiting-list">
        {rows.map(({ line, role }) => (
          <li key={line} className="waiting-list__item">
            <span>
              <span className={`line-mark line-mark--${role}`}>{t(role === 'a' ? 'clerk.markA' : 'clerk.markB')}</span> {t(`line.${line}`)}
            </span>
            <span className="waiting-list__count">{t('clerk.waitingCount', { n: waiting[line] ?? 0 })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
