import { useTranslation } from 'react-i18next';
import type { BusinessLine } from '@domain/business-lines.js';
import type { Ticket } from '@domain/contract/schemas.js';

/** The ticket at this window, large: number, line, class and how often it was called again. */
export function CurrentTicket({ ticket, recallLimit, lineName }: { ticket: Ticket | null; recallLimit: number; lineName: (l: BusinessLine) => string }) {
  const { t } = useTranslation();
  return (
    <section className="panel clerk-current" aria-labelledby="clerk-current-h">
      <h2 id="clerk-current-h">{t('clerk.current')}</h2>
      {ticket ? (
        <>
          <p className="clerk-current__number">{ticket.number}</p>
          <p className="clerk-current__line">{lineName(ticket.line)}</p>
          <p className="clerk-current__facts">
            <span className={`class-badge class-badge--${ticket.ticketClass}`}>
              {ticket.ticketClass === 'group' ? t('clerk.class.group', { n: ticket.groupSize }) : t(`clerk.class.${ticket.ticketClass}`)}
            </span>
            <span className={`ticket-status ticket-status--${ticket.status}`}>{t(`clerk.ticketStatus.${ticket.status}`)}</span>
            {ticket.recallCount > 0 ? (
              <span className="clerk-current__recalls">{t('clerk.recalled', { n: ticket.recallCount, limit: recallLimit })}</span>
            ) : null}
          </p>
        </>
      ) : (
        <p className="clerk-current__none">{t('clerk.noCurrent')}</p>
      )}
    </section>
  );
}
