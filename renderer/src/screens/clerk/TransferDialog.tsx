import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_LINES } from '@domain/business-lines.js';
import type { BusinessLine } from '@domain/business-lines.js';
import type { ServiceWindow, Ticket } from '@domain/contract/schemas.js';
import { callApi } from '../../api/client.js';
import { AlertRegion } from '../../components/AlertRegion.js';
import { useQuery } from '../../data/use-query.js';
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
  const listed = useQuery('listWindows');
  const windows = listed.data?.windows.filter((w) => w.id !== ctx.windowId) ?? null;
  const [target, setTarget] = useState<Target | null>(null);
  const { busy } = ctx;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  // A refusal shows on the console behind the dialog; the dialog closes either way.
  const confirm = () => {
    if (!target) return;
    const body = target.kind === 'line' ? { toLine: target.line } : { toWindowId: target.window.id };
    const to = target.kind === 'line' ? t(`line.${target.line}`) : target.window.name;
    void ctx
      .act('transfer', async () => {
        await callApi('transfer', { params: { id: ctx.windowId }, body });
        return { key: 'clerk.outcome.transferred', values: { number: ticket.number, to } };
      })
      .then(() => onClose());
  };

  const lines = BUSINESS_LINES.filter((l) => l !== ticket.line);
  const isLine = (l: BusinessLine) => target?.kind === 'line' && target.line === l;
  const isWindow = (w: ServiceWindow) => target?.kind === 'window' && target.window.id === w.id;

  return (
    <dialog ref={dialog} className="transfer-dialog" aria-labelledby={`${baseId}-h`} onClose={onClose}>
      <h2 id={`${baseId}-h`}>{t('clerk.transfer.title', { number: ticket.number })}</h2>
      <p className="transfer-dialog__lead">{t('clerk.transfer.lead')}</p>
      <AlertRegion messageKey={listed.error?.key ?? null} />
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
