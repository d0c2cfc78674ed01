import { useTranslation } from 'react-i18next';
import './printer-notice.css';
import type { PrinterStatus } from '@domain/contract/print-api.js';
import { useQuery } from '../../data/use-query.js';

const PROBLEMS = new Set<PrinterStatus>(['paper_out', 'offline', 'failed']);

/**
 * A small notice that does not block anything: the ticket is valid, the slip is at the desk.
 * The kiosk's printer state is read on every (re)connection and again on each printer.status push
 * (the host sends a kiosk only its own). Without an answer the kiosk simply shows none.
 */
export function PrinterNotice() {
  const { t } = useTranslation();
  const status = useQuery('printerStatus', {}, { refetchOn: ['printer.status'] }).data?.status ?? 'ok';
  return (
    <div className="printer-notice-slot" role="status">
      {PROBLEMS.has(status) ? (
        <p className="printer-notice" data-printer-status={status}>
          <span aria-hidden="true" className="printer-notice__icon">
            !
          </span>
          {t(`print.notice.${status}`)}
        </p>
      ) : null}
    </div>
  );
}
