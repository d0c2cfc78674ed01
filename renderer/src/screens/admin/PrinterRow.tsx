import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINTER_KINDS, type PrinterConfig, type PrinterStatus, type TerminalPrinter } from '@domain/contract/print-api.js';
import { callApi, errorKey } from '../../api/client.js';
import { formatDateTime } from '../../i18n/format.js';

type KindChoice = 'default' | (typeof PRINTER_KINDS)[number];

export interface RowProps {
  printer: TerminalPrinter;
  /** The latest pushed status, newer than the list (null: none pushed since it was read). */
  live: { status: PrinterStatus; detail: string } | null;
  onSaved: (p: TerminalPrinter, message: string) => void;
  onReprinted: (message: string) => void;
  onError: (key: string) => void;
}

export function describeConfig(c: PrinterConfig): string {
  return c.kind === 'none' ? c.kind : `${c.kind}:${c.target}${c.media ? ` (${c.media})` : ''}`;
}

/** One terminal: its printer setting (a small form), live status, recent jobs with 重印. */
export function PrinterRow({ printer, live, onSaved, onReprinted, onError }: RowProps) {
  const { t, i18n } = useTranslation();
  const base = `printer-${printer.terminalId}`;
  const [kind, setKind] = useState<KindChoice>(printer.setting?.kind ?? 'default');
  const [target, setTarget] = useState(printer.setting?.target ?? '');
  const [media, setMedia] = useState(printer.setting?.media ?? '');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const status = live ?? { status: printer.status, detail: printer.detail };
  const needsTarget = kind === 'cups' || kind === 'folder' || kind === 'electron';

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const setting = kind === 'default' ? null : { kind, target: kind === 'none' ? '' : target.trim(), media: kind === 'cups' ? media.trim() : '' };
    callApi('setPrinter', { params: { id: printer.terminalId }, body: { setting } })
      .then((r) => onSaved(r.printer, t('print.saved', { name: printer.name })))
      .catch((err: unknown) => onError(errorKey(err)))
      .finally(() => setBusy(false));
  };

  const reprint = (jobId: number) => {
    setBusy(true);
    callApi('reprintJob', { params: { id: jobId } })
      .then((r) => {
        setConfirming(null);
        onReprinted(t('print.reprinted', { id: r.job.id }));
      })
      .catch((err: unknown) => onError(errorKey(err)))
      .finally(() => setBusy(false));
  };

  return (
    <article className="printer" aria-labelledby={`${base}-h`} data-terminal-id={printer.terminalId}>
      <header className="printer__head">
        <h3 id={`${base}-h`}>{printer.name}</h3>
        <p className="muted printer__role">{t(`screen.${printer.role}`)}</p>
        <p className="printer__status">
          <span
            className={status.status === 'ok' ? 'badge badge--ok' : status.status === 'none' ? 'badge' : 'badge badge--off'}
            data-printer-status={status.status}
          >
            {t(`print.status.${status.status}`)}
          </span>
          {status.detail ? <span className="printer__detail">{status.detail}</span> : null}
          <span className="printer__effective">{describeConfig(printer.effective)}</span>
        </p>
      </header>
      <form className="printer__form" onSubmit={save} noValidate>
        <div className="form-field">
          <label className="field-label" htmlFor={`${base}-kind`}>
            {t('print.kindLabel')}
          </label>
          <select id={`${base}-kind`} value={kind} onChange={(e) => setKind(e.target.value as KindChoice)}>
            {(['default', ...PRINTER_KINDS] as const).map((k) => (
              <option key={k} value={k}>
                {t(`print.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {needsTarget ? (
          <div className="form-field">
            <label className="field-label" htmlFor={`${base}-target`}>
              {t(`print.target.${kind}`)}
            </label>
            <input id={`${base}-target`} value={target} maxLength={300} onChange={(e) => setTarget(e.target.value)} />
          </div>
        ) : null}
        {kind === 'cups' ? (
          <div className="form-field">
            <label className="field-label" htmlFor={`${base}-media`}>
              {t('print.media')}
            </label>
            <input id={`${base}-media`} className="input--short" value={media} maxLength={60} onChange={(e) => setMedia(e.target.value)} />
          </div>
        ) : null}
        <button type="submit" className="btn" disabled={busy}>
          {t('print.save')}
        </button>
      </form>
      <h4 className="printer__jobs-h">{t('print.jobsLabel')}</h4>
      {printer.jobs.length === 0 ? (
        <p className="muted">{t('print.noJobs')}</p>
      ) : (
        <table className="table printer__jobs">
          <thead>
            <tr>
              <th scope="col">{t('print.job.label')}</th>
              <th scope="col">{t('print.job.kind')}</th>
              <th scope="col">{t('print.job.state')}</th>
              <th scope="col">{t('print.job.time')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('print.reprint')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {printer.jobs.map((j) => (
              <tr key={j.id} data-job-id={j.id}>
                <th scope="row">
                  {j.label || `#${j.id}`}
                  {j.reprintOf ? <span className="printer__detail">{t('print.job.reprintOf', { id: j.reprintOf })}</span> : null}
                </th>
                <td>{t(`print.jobKind.${j.kind}`)}</td>
                <td>
                  {t(`print.jobState.${j.state}`)}
                  {j.lastError ? <span className="printer__detail">{j.lastError}</span> : null}
                </td>
                <td>{formatDateTime(j.createdAt, i18n.language)}</td>
                <td>
                  {confirming === j.id ? (
                    <div className="confirm" role="group" aria-label={t('print.reprintQuestion', { id: j.id, label: j.label })}>
                      <span className="confirm__q">{t('print.reprintQuestion', { id: j.id, label: j.label })}</span>
                      <button type="button" className="btn btn--danger" disabled={busy} onClick={() => reprint(j.id)}>
                        {t('print.reprintConfirm')}
                      </button>
                      <button type="button" className="btn" onClick={() => setConfirming(null)}>
                        {t('common.cancel')}
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="btn" onClick={() => setConfirming(j.id)}>
                      {t('print.reprint')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
