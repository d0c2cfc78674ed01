import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waitText } from '../../i18n/wait-text.js';
import type { Ticket } from '@domain/contract/schemas.js';

const AUTO_RETURN_S = 30;

export function TicketConfirmation({ ticket, ahead, estimate, onDone }: { ticket: Ticket; ahead: number; estimate: number | null; onDone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [left, setLeft] = useState(AUTO_RETURN_S);
  const doneRef = useRef(onDone);
  const doneButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    doneRef.current = onDone;
  }, [onDone]);

  useEffect(() => {
    doneButton.current?.focus();
    const started = Date.now();
    const id = window.setInterval(() => {
      const remaining = AUTO_RETURN_S - Math.floor((Date.now() - started) / 1000);
      if (remaining <= 0) {
        window.clearInterval(id);
        doneRef.current();
      } else {
        setLeft(remaining);
      }
    }, 250);
    return () => window.clearInterval(id);
  }, []);

  const aheadText = ahead === 0 ? t('kiosk.aheadNone') : ahead === 1 ? t('kiosk.aheadOne') : t('kiosk.aheadMany', { n: ahead });
  const classText = ticket.ticketClass === 'group' ? t('kiosk.class.groupOf', { n: ticket.groupSize }) : t(`kiosk.class.${ticket.ticketClass}`);

  return (
    <section className="ticket" aria-labelledby={headingId}>
      <h2 id={headingId} className="kiosk-step-title">
        {t('kiosk.ticketTitle')}
      </h2>
      <div className="ticket__card">
        <p className="ticket__line">{t(`line.${ticket.line}`)}</p>
        <p className={`ticket__class ticket__class--${ticket.ticketClass}`}>{classText}</p>
        <p className="ticket__label">{t('kiosk.yourNumber')}</p>
        <p className="ticket__number">{ticket.number}</p>
        <p className="ticket__ahead">{aheadText}</p>
        <p className="ticket__estimate">{waitText(t, 'kiosk', estimate)}</p>
        {ticket.ticketClass === 'green' ? <p className="ticket__hint">{t('kiosk.green.check')}</p> : null}
        <p className="ticket__hint">{t('kiosk.watchDisplay')}</p>
      </div>
      <button ref={doneButton} type="button" className="btn btn--primary btn--huge" onClick={onDone}>
        {t('kiosk.done')}
      </button>
      <p className="ticket__countdown">{t('kiosk.autoReturn', { n: left })}</p>
    </section>
  );
}
