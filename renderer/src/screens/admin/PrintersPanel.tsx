import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterConfig, PrinterStatus, TerminalPrinter } from '@domain/contract/print-api.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { useServerEvents, type PrinterStatusEvent } from '../../api/events.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { describeConfig, PrinterRow } from './PrinterRow.js';
import './Printers.css';

/** Printers: the hall name on every document, and per terminal its printer, live status, recent
 * jobs and an audited 重印. */
export function PrintersPanel() {
  const { t } = useTranslation();
  const [terminals, setTerminals] = useState<TerminalPrinter[] | null>(null);
  const [defaultPrinter, setDefaultPrinter] = useState<PrinterConfig | null>(null);
  const [hallName, setHallName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [live, setLive] = useState<Record<number, { status: PrinterStatus; detail: string }>>({});
  const refresh = useCallback(() => setVersion((n) => n + 1), []);

  // A status push means jobs moved too: the list is re-read, and the pushed status wins until then.
  const onPrinterStatus = useCallback(
    (ev: PrinterStatusEvent) => {
      setLive((l) => ({ ...l, [ev.terminalId]: { status: ev.status, detail: ev.detail } }));
      refresh();
    },
    [refresh],
  );
  useServerEvents('admin', { onPrinterStatus });

  useEffect(() => {
    const ctl = new AbortController();
    callApi('listPrinters', { signal: ctl.signal })
      .then((r) => {
        setTerminals(r.terminals);
        setDefaultPrinter(r.defaultPrinter);
        setHallName((h) => (h === '' ? r.hallName : h));
        setLive({});
      })
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(errorKey(e));
      });
    return () => ctl.abort();
  }, [version]);

  const saveHallName = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    callApi('setHallName', { body: { hallName } })
      .then((r) => {
        setHallName(r.hallName);
        setMessage(t('print.hallName.saved'));
      })
      .catch((err: unknown) => setError(errorKey(err)));
  };

  const onSaved = (p: TerminalPrinter, text: string) => {
    setTerminals((list) => list?.map((x) => (x.terminalId === p.terminalId ? p : x)) ?? null);
    setMessage(text);
  };
  const onReprinted = (text: string) => {
    setMessage(text);
    refresh();
  };
  const onError = (key: string) => {
    setMessage(null);
    setError(key);
  };

  return (
    <section className="panel printers" aria-labelledby="admin-printers-h">
      <div className="panel__head">
        <h2 id="admin-printers-h">{t('print.title')}</h2>
        <button type="button" className="btn" onClick={refresh}>
          {t('print.refresh')}
        </button>
      </div>
      <p className="muted">{t('print.intro')}</p>
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      <div role="status" className="printers__message">
        {message ? <p className="notice">{message}</p> : null}
      </div>
      <form className="printers__hall" onSubmit={saveHallName} noValidate>
        <div className="form-field">
          <label className="field-label" htmlFor="printers-hall-name">
            {t('print.hallName.label')}
          </label>
          <input id="printers-hall-name" value={hallName} maxLength={60} onChange={(e) => setHallName(e.target.value)} />
        </div>
        <button type="submit" className="btn" disabled={hallName.trim() === ''}>
          {t('print.hallName.save')}
        </button>
      </form>
      <p className="printers__default">{defaultPrinter ? t('print.defaultIs', { printer: describeConfig(defaultPrinter) }) : t('print.noDefault')}</p>
      {terminals === null ? (
        error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : terminals.length === 0 ? (
        <p>{t('print.noTerminals')}</p>
      ) : (
        terminals.map((p) => (
          // Keyed by the saved setting too, so the form starts again from what the host stored.
          <PrinterRow
            key={`${p.terminalId}:${p.setting ? describeConfig(p.setting) : 'default'}`}
            printer={p}
            live={live[p.terminalId] ?? null}
            onSaved={onSaved}
            onReprinted={onReprinted}
            onError={onError}
          />
        ))
      )}
    </section>
  );
}
