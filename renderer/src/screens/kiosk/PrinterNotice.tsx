import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './PrinterNotice.css';
import type { PrinterStatus } from '@domain/contract/print-api.js';
import { callApi } from '../../api/client.js';
import type { ConnectionStatus } from '../../api/events.js';

const PROBLEMS = new Set<PrinterStatus>(['paper_out', 'offline', 'failed']);

/**
 * Reads this kiosk's printer state whenever the event channel (re)opens, since pushes sent while it
 * was down are not replayed; between reads the printer.status pushes (for this terminal only) keep it.
 */
export function usePrinterStatusOnConnect(connection: ConnectionStatus, set: (s: PrinterStatus) => void): void {
  useEffect(() => {
    if (connection !== 'open') return;
    const ctl = new AbortController();
    callApi('printerStatus', { signal: ctl.signal })
      .then((r) => set(r.status))
      // The notice is a courtesy: without an answer the kiosk simply shows none.
      .catch(() => {});
    return () => ctl.abort();
  }, [connection, set]);
}

/** A small notice that does not block anything: the ticket is valid, the slip is at the desk. */
export function PrinterNotice({ status }: { status: PrinterStatus }) {
  const { t } = useTranslation();
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
