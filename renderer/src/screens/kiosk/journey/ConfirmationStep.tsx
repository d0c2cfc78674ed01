import { useTranslation } from 'react-i18next';
import { waitText } from '../../../i18n/wait-text.js';
import type { Service } from '@domain/catalog/catalog-schema.js';
import type { ApplicationSummary } from '@domain/contract/applications-api.js';
import type { Ticket } from '@domain/contract/schemas.js';
import { formatDateTime } from '../../../i18n/format.js';
import { materialName, textIn } from './journey-model.js';
import { StepFrame } from './StepFrame.js';

export interface Submitted {
  /** Null at a booth while the hall is closed: the application waits for the hall to open. */
  ticket: Ticket | null;
  ahead: number | null;
  estimatedWaitMinutes: number | null;
  hallOpensAt: number | null;
  applications: ApplicationSummary[];
}

/** GOV.UK's confirmation page: the number to wait for, the case number to keep, what comes next. */
export function ConfirmationStep({ service, result, booth, onFinish }: { service: Service; result: Submitted; booth: boolean; onFinish: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { ticket, ahead } = result;
  const aheadText = (n: number) => (n === 0 ? t('kiosk.aheadNone') : n === 1 ? t('kiosk.aheadOne') : t('kiosk.aheadMany', { n }));
  const first = result.applications[0];
  const nameOf = (code: string) => materialName(service, code, lng);
  return (
    <StepFrame
      title={t('journey.confirm.title')}
      caption={textIn(service.name, lng)}
      guide={result.ticket ? 'confirmation' : 'confirmationNoTicket'}
      foot={
        <button type="button" className="btn btn--primary btn--huge" onClick={onFinish}>
          {t('kiosk.done')}
        </button>
      }
    >
      <div className="confirmation">
        {ticket ? (
          <div className="confirmation__panel">
            <p className="ticket__label">{t('kiosk.yourNumber')}</p>
            <p className="ticket__number">{ticket.number}</p>
            {ticket.ticketClass === 'group' ? (
              <p className="ticket__class ticket__class--group">{t('journey.confirm.group', { n: ticket.groupSize })}</p>
            ) : null}
            {ticket.ticketClass === 'green' ? <p className="ticket__class ticket__class--green">{t('kiosk.class.green')}</p> : null}
            <p className="ticket__ahead">{aheadText(ahead ?? 0)}</p>
            <p className="ticket__estimate">{waitText(t, 'kiosk', result.estimatedWaitMinutes)}</p>
          </div>
        ) : (
          <div className="confirmation__panel confirmation__panel--closed">
            <p>{t('journey.booth.closedNow', { when: result.hallOpensAt === null ? '' : formatDateTime(result.hallOpensAt, lng) })}</p>
            <p>{t('journey.confirm.noTicket')}</p>
          </div>
        )}
        <dl className="summary-list confirmation__facts">
          <div className="summary-list__row">
            <dt className="summary-list__key">{t('journey.confirm.caseNumber')}</dt>
            <dd className="summary-list__value confirmation__case">
              {result.applications.map((a) => (
                <span key={a.caseNumber} className="confirmation__case-number">
                  {a.caseNumber}
                </span>
              ))}
            </dd>
          </div>
          {first ? (
            <div className="summary-list__row">
              <dt className="summary-list__key">{t('journey.confirm.promised')}</dt>
              <dd className="summary-list__value">{first.promisedBy}</dd>
            </div>
          ) : null}
        </dl>
        {result.applications
          .filter((a) => a.supplementBy)
          .slice(0, 1)
          .map((a) => (
            <p key={a.caseNumber} className="check__supply">
              {t('journey.confirm.supplyBy', { date: a.supplementBy ?? '', items: a.missingMaterials.map(nameOf).join('、') })}
            </p>
          ))}
        <p className="ticket__hint">{booth ? t('journey.progress.lead') : t('journey.confirm.keepSlip')}</p>
      </div>
    </StepFrame>
  );
}
