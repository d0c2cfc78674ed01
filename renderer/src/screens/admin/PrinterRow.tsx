import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINTER_KINDS, type EffectivePrinter, type PrinterStatus, type TerminalPrinter } from '@domain/contract/print-api.js';

type PrintJob = TerminalPrinter['jobs'][number];
import { AlertRegion } from '../../components/AlertRegion.js';
import { ConfirmButton } from '../../components/panel/ConfirmButton.js';
import { DataTable } from '../../components/panel/DataTable.js';
import { useCommand } from '../../data/use-command.js';
import { formatDateTime } from '../../i18n/format.js';

type KindChoice = 'default' | (typeof PRINTER_KINDS)[number];

export interface RowProps {
  printer: TerminalPrinter;
  /** The latest pushed status, newer than the list (null: none pushed since it was read). */
  live: { status: PrinterStatus; detail: string } | null;
  /** What was done, for the panel's status line. */
  onMessage: (text: string) => void;
}

export function describeConfig(c: EffectivePrinter): string {
  return c.kind === 'none' ? c.kind : `${c.kind}:${c.target}${c.media ? ` (${c.media})` : ''}`;
}

/** One terminal: its printer setting (a small form), live status, recent jobs with 重印. */
export function PrinterRow({ printer, live, onMessage }: RowProps) {
  const { t, i18n } = useTranslation();
  const base = `printer-${printer.terminalId}`;
  const [kind, setKind] = useState<KindChoice>(printer.setting?.kind ?? 'default');
  const [target, setTarget] = useState(printer.setting?.target ?? '');
  const [media, setMedia] = useState(printer.setting?.media ?? '');
  const setPrinter = useCommand('setPrinter', { invalidates: ['listPrinters'] });
  const reprint = useCommand('reprintJob', { invalidates: ['listPrinters'] });
  const busy = setPrinter.busy || reprint.busy;
  const status = live ?? { status: printer.status, detail: printer.detail };
  const needsTarget = kind === 'cups' || kind === 'folder' || kind === 'electron';

  const save = (e: FormEvent) => {
    e.preventDefault();
    const setting = kind === 'default' ? null : { kind, target: kind === 'none' ? '' : target.trim(), media: kind === 'cups' ? media.trim() : '' };
    void setPrinter.run({ params: { id: printer.terminalId }, body: { setting } }).then((r) => r && onMessage(t('print.saved', { name: printer.name })));
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
          <span className="printer__effective">
            {printer.effective.kind === 'agent' ? t('print.agentPrinter', { target: printer.effective.target }) : describeConfig(printer.effective)}
          </span>
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
      <AlertRegion messageKey={(setPrinter.error ?? reprint.error)?.key ?? null} onDismiss={setPrinter.error ? setPrinter.clearError : reprint.clearError} />
      <DataTable<PrintJob>
        rows={printer.jobs}
        rowKey={(j) => j.id}
        empty={t('print.noJobs')}
        columns={[
          {
            header: t('print.job.label'),
            rowHeader: true,
            cell: (j) => (
              <>
                {j.label || `#${j.id}`}
                {j.reprintOf ? <span className="printer__detail">{t('print.job.reprintOf', { id: j.reprintOf })}</span> : null}
              </>
            ),
          },
          { header: t('print.job.kind'), cell: (j) => t(`print.jobKind.${j.kind}`) },
          {
            header: t('print.job.state'),
            cell: (j) => (
              <>
                {t(`print.jobState.${j.state}`)}
                {j.lastError ? <span className="printer__detail">{j.lastError}</span> : null}
              </>
            ),
          },
          { header: t('print.job.time'), cell: (j) => formatDateTime(j.createdAt, i18n.language) },
          {
            header: t('print.reprint'),
            cell: (j) => (
              <ConfirmButton
                label={t('print.reprint')}
                question={t('print.reprintQuestion', { id: j.id, label: j.label })}
                confirm={t('print.reprintConfirm')}
                busy={busy}
                onConfirm={() => reprint.run({ params: { id: j.id } }).then((r) => r && onMessage(t('print.reprinted', { id: r.job.id })))}
              />
            ),
          },
        ]}
      />
    </article>
  );
}
