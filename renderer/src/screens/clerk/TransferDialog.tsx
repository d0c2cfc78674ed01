import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_LINES } from '@domain/business-lines.js';
import type { BusinessLine } from '@domain/business-lines.js';
import type { ServiceWindow, Ticket } from '@domain/contract/schemas.js';
import { callApi, errorKey, isAborted } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useActionRunner } from './useActionRunner.js';
import type { ConsoleContext } from './WindowConsole.js';

type Target = { kind: 'line'; line: BusinessLine } | { kind: 'window'; window: ServiceWindow };

/**
 * Transfer the current ticket to another business line or to one particular window. A modal
 * <dialog>: focus stays inside and Escape cancels, as people expect of a confirmation.
 */
export function TransferDialog({ ctx, ticket, onClose }: { ctx: ConsoleContext; ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const baseId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [windows, setWindows] = useState<ServiceWindow[] | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useActionRunner<'transfer'>();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  useEffect(() => {
    const ctl = new AbortController();
    callApi('listWindows', { signal: ctl.signal })
      .then((r) => setWindows(r.windows.filter((w) => w.id !== ctx.windowId)))
      .catch((e: unknown) => {
        if (!isAborted(e)) setError(errorKey(e));
      });
    return () => ctl.abort();
  }, [ctx.windowId]);

  const confirm = () => {
    if (!target) return;
    run('transfer', async () => {
      try {
        const body = target.kind === 'line' ? { toLine: target.line } : { toWindowId: target.window.id };
        await callApi('transfer', { params: { id: ctx.windowId }, body });
        const to = target.kind === 'line' ? t(`line.${target.line}`) : target.window.name;
        ctx.setOutcome({ key: 'clerk.outcome.transferred', values: { number: ticket.number, to } });
        ctx.refresh();
        onClose();
      } catch (e) {
        setError(errorKey(e));
      }
    });
  };

  const lines = BUSINESS_LINES.filter((l) => l !== ticket.line);
  const isLine = (l: BusinessLine) => target?.kind === 'line' && target.line === l;
  const isWindow = (w: ServiceWindow) => target?.kind === 'window' && target.window.id === w.id;

  return (
    <dialog ref={dialog} className="transfer-dialog" aria-labelledby={`${baseId}-h`} onClose={onClose}>
      <h2 id={`${baseId}-h`}>{t('clerk.transfer.title', { number: ticket.number })}</h2>
      <p className="transfer-dialog__lead">{t('clerk.transfer.lead')}</p>
      <AlertRegion messageKey={error} onDismiss={() => setError(null)} />
      <fieldset className="transfer-dialog__group">
        <legend>{t('clerk.transfer.toLine')}</legend>
        {lines.map((l) => (
          <label key={l} className="transfer-dialog__option">
            <input type="radio" name={`${baseId}-target`} checked={isLine(l)} onChange={() => setTarget({ kind: 'line', line: l })} />
            {t(`line.${l}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="transfer-dialog__group">
        <legend>{t('clerk.transfer.toWindow')}</legend>
        {windows === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : windows.length === 0 ? (
          <p className="muted">{t('clerk.transfer.noOtherWindows')}</p>
        ) : (
          windows.map((w) => (
            <label key={w.id} className="transfer-dialog__option">
              <input type="radio" name={`${baseId}-target`} checked={isWindow(w)} onChange={() => setTarget({ kind: 'window', window: w })} />
              {w.name}
            </label>
          ))
        )}
      </fieldset>
      <div className="transfer-dialog__buttons">
        <button type="button" className="btn btn--big" onClick={onClose} disabled={busy !== null}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn--big btn--primary" onClick={confirm} disabled={busy !== null || target === null}>
          {busy ? t('clerk.working') : t('clerk.transfer.confirm')}
        </button>
      </div>
    </dialog>
  );
}
