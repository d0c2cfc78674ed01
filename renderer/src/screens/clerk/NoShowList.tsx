import { useTranslation } from 'react-i18next';
import type { Ticket } from '@domain/contract/schemas.js';
import { callApi } from '../../api/client.js';
import type { ConsoleContext } from './WindowConsole.js';

/** Today's no-shows at this window: a latecomer is put back in the queue in their original place. */
export function NoShowList({ ctx }: { ctx: ConsoleContext }) {
  const { t } = useTranslation();
  const { busy } = ctx;
  const list = ctx.state.noShows;

  const reinstate = (ticket: Ticket) =>
    void ctx.act(
      `reinstate-${ticket.id}`,
      async () => {
        await callApi('reinstate', { params: { id: ticket.id } });
        return { key: 'clerk.outcome.reinstated', values: { number: ticket.number } };
      },
      'clerk.reinstateConflict',
    );

  return (
    <section className="panel clerk-no-shows" aria-labelledby="clerk-no-shows-h">
      <h2 id="clerk-no-shows-h">{t('clerk.noShows.title')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('clerk.noShows.none')}</p>
      ) : (
        <ul className="no-show-list">
          {list.map((ticket) => (
            <li key={ticket.id} className="no-show-list__item">
              <span className="no-show-list__number">{ticket.number}</span>
              <span className="no-show-list__line">{t(`line.${ticket.line}`)}</span>
              <button
                type="button"
                className="btn"
                disabled={busy !== null}
                aria-label={t('clerk.noShows.reinstateNumber', { number: ticket.number })}
                onClick={() => reinstate(ticket)}
              >
                {busy === `reinstate-${ticket.id}` ? t('clerk.working') : t('clerk.noShows.reinstate')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
