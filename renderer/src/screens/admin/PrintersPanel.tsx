import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterStatus } from '@domain/contract/print-api.js';
import { Panel } from '../../components/panel/Panel.js';
import { useCommand } from '../../data/use-command.js';
import { useHostEvent } from '../../data/use-host-events.js';
import { useQuery } from '../../data/use-query.js';
import { describeConfig, PrinterRow } from './PrinterRow.js';
import './printers.css';

/** Printers: the hall name on every document, and per terminal its printer, live status, recent
 * jobs and an audited 重印. */
export function PrintersPanel() {
  const { t } = useTranslation();
  // Jobs queued or moved on, or a status change: the list is read again (the pushed status wins until then).
  const printers = useQuery('listPrinters', {}, { refetchOn: ['printer.status', 'print.jobs'] });
  const [live, setLive] = useState<{ at: number; byTerminal: Record<number, { status: PrinterStatus; detail: string }> }>({ at: 0, byTerminal: {} });
  useHostEvent('printer.status', (ev) =>
    setLive((l) => ({ at: printers.updatedAt, byTerminal: { ...(l.at === printers.updatedAt ? l.byTerminal : {}), [ev.terminalId]: ev } })),
  );
  const pushed = live.at === printers.updatedAt ? live.byTerminal : {};
  const [message, setMessage] = useState<string | null>(null);
  const [hallName, setHallName] = useState<string | null>(null);
  const saveName = useCommand('setHallName', { invalidates: ['listPrinters'] });
  const name = hallName ?? printers.data?.hallName ?? '';
  const data = printers.data;

  const saveHallName = (e: FormEvent) => {
    e.preventDefault();
    void saveName.run({ body: { hallName: name } }).then((r) => {
      if (!r) return;
      setHallName(null);
      setMessage(t('print.hallName.saved'));
    });
  };

  return (
    <Panel
      title={t('print.title')}
      className="printers"
      error={(saveName.error ?? printers.error)?.key}
      onDismissError={saveName.clearError}
      onRefresh={printers.refetch}
      refreshLabel={t('print.refresh')}
    >
      <p className="muted">{t('print.intro')}</p>
      <div role="status" className="printers__message">
        {message ? <p className="notice">{message}</p> : null}
      </div>
      <form className="printers__hall" onSubmit={saveHallName} noValidate>
        <div className="form-field">
          <label className="field-label" htmlFor="printers-hall-name">
            {t('print.hallName.label')}
          </label>
          <input id="printers-hall-name" value={name} maxLength={60} onChange={(e) => setHallName(e.target.value)} />
        </div>
        <button type="submit" className="btn" disabled={name.trim() === '' || saveName.busy}>
          {t('print.hallName.save')}
        </button>
      </form>
      {data ? (
        <>
          <p className="printers__default">
            {data.defaultPrinter ? t('print.defaultIs', { printer: describeConfig(data.defaultPrinter) }) : t('print.noDefault')}
          </p>
          {data.terminals.length === 0 ? (
            <p>{t('print.noTerminals')}</p>
          ) : (
            data.terminals.map((p) => (
              // Keyed by the saved setting too, so the form starts again from what the host stored.
              <PrinterRow
                key={`${p.terminalId}:${p.setting ? describeConfig(p.setting) : 'default'}`}
                printer={p}
                live={pushed[p.terminalId] ?? null}
                onMessage={setMessage}
              />
            ))
          )}
        </>
      ) : printers.error ? null : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </Panel>
  );
}
